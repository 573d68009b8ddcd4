// Parses JSON bodies ourselves so invalid UTF-8 is refused (Node would silently turn it into
// U+FFFD) and malformed JSON gets our error codes; prototype poisoning is rejected as Fastify does.

import type { FastifyInstance } from 'fastify';
import secureJson from 'secure-json-parse';
import { BulwarkError } from '../../errors.js';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const NUL_ESCAPE = /\\u0000/;

export function installJsonBody(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => {
    try {
      done(null, parseJsonBody(body as Buffer));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
}

export function parseJsonBody(body: Buffer): unknown {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw new BulwarkError('REQUEST_INVALID_UTF8');
  }
  if (text.trim() === '') throw new BulwarkError('REQUEST_INVALID_JSON', 'The body is empty; send a JSON object.');
  // U+0000 has no place in moderated text or ids, and PostgreSQL cannot store it in text columns.
  if (NUL_ESCAPE.test(text)) throw new BulwarkError('REQUEST_INVALID', 'U+0000 (NUL) is not accepted in request bodies.');
  try {
    return secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
  } catch (err) {
    const reason = err instanceof Error ? err.message : 'parse error';
    throw new BulwarkError('REQUEST_INVALID_JSON', `The body is not valid JSON: ${reason}.`);
  }
}
