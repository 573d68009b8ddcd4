// Opaque paging cursors: base64url of the last row's sort key. Stores decode them here so a
// tampered or foreign cursor is a 400 CURSOR_INVALID, never a database error.

import { BulwarkError } from '../errors.js';
import { ID_PATTERN } from './ids.js';

export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 1000;

export interface Page<T> { items: T[]; nextCursor: string | null }

export function pageLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE;
  return Math.min(MAX_PAGE, Math.max(1, Math.floor(limit)));
}

/** Cuts the limit+1 rows a query fetched to one page; the cursor points past its last row. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => string | readonly unknown[]): Page<T> {
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  return { items, nextCursor: encodeCursor(keyOf(items[items.length - 1])) };
}

export function encodeCursor(key: string | readonly unknown[]): string {
  return Buffer.from(typeof key === 'string' ? key : JSON.stringify(key), 'utf8').toString('base64url');
}

/** An id cursor of one resource: `prefix` ('dec', 'evt', …) keeps another resource's cursor out. */
export function decodeIdCursor(cursor: string, prefix: string): string {
  const id = decode(cursor);
  if (!ID_PATTERN.test(id) || !id.startsWith(`${prefix}_`)) throw invalid();
  return id;
}

export function decodeIntCursor(cursor: string): number {
  const text = decode(cursor);
  if (!/^[0-9]{1,15}$/.test(text)) throw invalid();
  return Number(text);
}

/** A cursor holding a tuple, e.g. ['riskiest', 0.93, 'rev_…']; `check` validates its shape. */
export function decodeTupleCursor<T extends readonly unknown[]>(cursor: string, check: (v: unknown[]) => v is [...T]): T {
  let value: unknown;
  try { value = JSON.parse(decode(cursor)); } catch { throw invalid(); }
  if (!Array.isArray(value) || !check(value)) throw invalid();
  return value as unknown as T;
}

function decode(cursor: string): string {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) throw invalid();
  return Buffer.from(cursor, 'base64url').toString('utf8');
}

function invalid(): BulwarkError {
  return new BulwarkError('CURSOR_INVALID');
}
