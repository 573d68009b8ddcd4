// Every error code Bulwark can answer with, in one registry. docs/errors.md must list them all
// (errors.test.ts checks), and the HTTP layer turns a BulwarkError into
// { statusCode, code, error, message, requestId }.

export const ERRORS = {
  AUTH_MISSING_KEY: { status: 401, message: 'Send an API key as "Authorization: Bearer <key>".' },
  AUTH_INVALID_KEY: { status: 401, message: 'The API key is unknown or revoked.' },
  AUTH_FORBIDDEN_SCOPE: { status: 403, message: 'The API key lacks the scope this route needs.' },
  REQUEST_INVALID: { status: 400, message: 'The request does not match the schema.' },
  REQUEST_INVALID_JSON: { status: 400, message: 'The body is not valid JSON.' },
  REQUEST_INVALID_UTF8: { status: 400, message: 'The body is not valid UTF-8.' },
  REQUEST_BODY_TOO_LARGE: { status: 413, message: 'The request body is larger than the limit.' },
  REQUEST_UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'This content type is not accepted here.' },
  REQUEST_RATE_LIMITED: { status: 429, message: 'Too many requests; retry later.' },
  CONTENT_EMPTY: { status: 400, message: 'The text is empty.' },
  CONTENT_TOO_LARGE: { status: 413, message: 'The text is longer than the limit.' },
  CONTENT_BATCH_TOO_LARGE: { status: 413, message: 'The batch holds more items than the limit.' },
  MEDIA_EMPTY: { status: 400, message: 'The upload is empty.' },
  MEDIA_TOO_LARGE: { status: 413, message: 'The media is larger than the limit (bytes, pixels or frames).' },
  MEDIA_UNSUPPORTED_TYPE: { status: 415, message: 'The media is not a format Bulwark reads.' },
  MEDIA_UNDECODABLE: { status: 422, message: 'The media is corrupt or truncated and cannot be decoded.' },
  URL_NOT_ALLOWED: { status: 400, message: 'The URL is not one Bulwark fetches (scheme, or a private or reserved address).' },
  MEDIA_FETCH_FAILED: { status: 422, message: 'Fetching the media from its URL failed.' },
  MEDIA_TIMEOUT: { status: 422, message: 'The media took longer than the limit to analyse.' },
  SERVICE_BUSY: { status: 503, message: 'Too much work is waiting; retry shortly.' },
  ATTRIBUTE_NOT_SUPPORTED: {
    status: 400,
    message: 'Bulwark never infers protected traits (ethnicity, race, religion, nationality, gender, ' +
      'sexual orientation, age) or identifies people. This is a product decision, not a missing feature.',
  },
  NOT_FOUND: { status: 404, message: 'No such route.' },
  POLICY_NOT_FOUND: { status: 404, message: 'No policy with that name.' },
  POLICY_INVALID: { status: 400, message: 'The policy is not valid.' },
  LIST_NOT_FOUND: { status: 404, message: 'No list with that id.' },
  LIST_NAME_TAKEN: { status: 409, message: 'A list with that name already exists.' },
  LIST_ENTRY_INVALID: { status: 400, message: 'A list entry is not valid.' },
  LIST_PATTERN_INVALID: { status: 400, message: 'A pattern entry does not compile.' },
  LIST_TOO_MANY_ENTRIES: { status: 413, message: 'Too many entries in one call.' },
  DECISION_NOT_FOUND: { status: 404, message: 'No decision with that id.' },
  REVIEW_NOT_FOUND: { status: 404, message: 'No review with that id.' },
  MEDIA_NOT_KEPT: { status: 404, message: 'The picture or recording of this decision was not kept.' },
  REVIEW_ALREADY_DECIDED: { status: 409, message: 'The review is already decided.' },
  REVIEW_CLAIMED_BY_OTHER: { status: 409, message: 'Another reviewer has claimed this review.' },
  CURSOR_INVALID: { status: 400, message: 'The paging cursor is not valid.' },
  KEY_NOT_FOUND: { status: 404, message: 'No API key with that id.' },
  WEBHOOK_NOT_FOUND: { status: 404, message: 'No webhook endpoint with that id.' },
  DELIVERY_NOT_FOUND: { status: 404, message: 'No delivery with that id for this endpoint.' },
  JOB_NOT_FOUND: { status: 404, message: 'No job with that id.' },
  JOB_FINISHED: { status: 409, message: 'The job has ended already.' },
  STREAM_NOT_FOUND: { status: 404, message: 'No stream with that id.' },
  STATS_RANGE_INVALID: { status: 400, message: 'The stats window ends before it begins.' },
  STATS_RANGE_TOO_LONG: { status: 400, message: 'The stats window is longer than the limit.' },
  STATS_TOO_MANY_BUCKETS: { status: 400, message: 'The stats window holds more buckets than the limit.' },
  SERVICE_NOT_READY: { status: 503, message: 'The service is starting or its database is unreachable.' },
  INTERNAL: { status: 500, message: 'Something went wrong on our side; the request id is in the log.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export class BulwarkError extends Error {
  readonly code: ErrorCode;
  readonly statusCode: number;
  readonly details?: unknown;

  constructor(code: ErrorCode, message?: string, details?: unknown) {
    super(message ?? ERRORS[code].message);
    this.name = 'BulwarkError';
    this.code = code;
    this.statusCode = ERRORS[code].status;
    this.details = details;
  }
}
