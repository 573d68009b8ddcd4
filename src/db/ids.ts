// Prefixed, time-sortable ids ('dec_', 'key_', 'lst_', 'rev_', 'evt_', 'ten_', …): newest-first
// paging is ORDER BY id DESC. 12 hex digits of the millisecond clock, then 12 of randomness that
// count up within one millisecond, so ids made by one process never go backwards.

import { randomFillSync } from 'node:crypto';

const PREFIX = /^[a-z]{2,5}$/;
/** What a newId() looks like; cursors that carry ids are checked against it. */
export const ID_PATTERN = /^[a-z]{2,5}_[0-9a-z]{1,40}$/;

let lastMs = 0;
let lastRandom = 0;

// Random bytes drawn 4 KiB at a time: one call to the system per few hundred ids, not one per id.
const pool = Buffer.alloc(4096);
let poolAt = pool.length;

/** `n` (≤ 64) random bytes from the pool; valid until the next call. */
export function pooledRandomBytes(n: number): Buffer {
  if (poolAt + n > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  poolAt += n;
  return pool.subarray(poolAt - n, poolAt);
}

function random47(): number {
  return pooledRandomBytes(6).readUIntBE(0, 6) % 0x8000_0000_0000;
}

export function newId(prefix: string): string {
  if (!PREFIX.test(prefix)) throw new Error(`An id prefix is 2–5 lowercase letters, got "${prefix}"`);
  let ms = Date.now();
  let random: number;
  if (ms <= lastMs && lastRandom < 0xffff_ffff_ffff) {
    // Same millisecond (or the clock stepped back): keep the order by counting up.
    ms = lastMs;
    random = lastRandom + 1;
  } else {
    ms = Math.max(ms, lastMs + 1);
    // 47 random bits leave room to count up within the millisecond.
    random = random47();
  }
  lastMs = ms;
  lastRandom = random;
  return `${prefix}_${ms.toString(16).padStart(12, '0')}${random.toString(16).padStart(12, '0')}`;
}

/** When an id from newId() was made, or null for ids of another shape (e.g. 'ten_default'). */
export function timeOfId(id: string): Date | null {
  const match = /^[a-z]{2,5}_([0-9a-f]{12})[0-9a-f]{12}$/.exec(id);
  return match ? new Date(Number.parseInt(match[1], 16)) : null;
}
