// Form fields of multipart uploads (pictures, recordings): each checked against its pattern, and
// `metadata` parsed as a JSON object within the metadata size limit.

import { BulwarkError } from '../../errors.js';
import { parseJsonBody } from '../plugins/jsonBody.js';
import { checkMetadata } from './moderate.js';

export function checkedField(name: string, value: string, pattern: RegExp): string {
  if (!pattern.test(value)) throw new BulwarkError('REQUEST_INVALID', `Field "${name}" is not valid.`);
  return value;
}

export function metadataField(value: string): Record<string, unknown> {
  const parsed = parseJsonBody(Buffer.from(value));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new BulwarkError('REQUEST_INVALID', 'Field "metadata" must be a JSON object.');
  checkMetadata(parsed as Record<string, unknown>);
  return parsed as Record<string, unknown>;
}

/** Maps the multipart plugin's errors to ours: a file over the limit is MEDIA_TOO_LARGE, anything malformed REQUEST_INVALID. */
export function multipartError(err: unknown, what: string): unknown {
  const code = (err as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new BulwarkError('MEDIA_TOO_LARGE', `The ${what} is larger than the limit.`);
  if (code?.startsWith('FST_')) return new BulwarkError('REQUEST_INVALID', `The multipart body is malformed: ${(err as Error).message}`);
  return err;
}
