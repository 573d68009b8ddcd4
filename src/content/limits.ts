// Documented input limits, in one place so the API, the CLI and docs/limits agree.

export const TEXT_MAX_CHARS = 10_000;
export const TEXT_BATCH_MAX = 100;
export const LIST_ENTRIES_PER_CALL_MAX = 10_000;
export const LIST_ENTRY_MAX_CHARS = 200;
export const BODY_MAX_BYTES = 8 * 1024 * 1024;
