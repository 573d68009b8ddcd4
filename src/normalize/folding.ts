// The working form of the text between stages: parallel arrays of code points and the original
// range [start, end) each one came from. Stages replace or drop entries but never reorder them,
// which is what keeps start (and end) non-decreasing.

export interface Folding {
  cp: Int32Array;
  start: Int32Array;
  end: Int32Array;
  length: number;
}

// Allocating typed arrays costs more than folding a short text, so the code points, which no
// result keeps (normalize.ts decodes them into a string before returning), live in one buffer
// reused by every call up to this size, and start and end share one allocation.
const SCRATCH_MAX = 1 << 16;
let scratch = new Int32Array(1024);

export function createFolding(capacity: number): Folding {
  const size = Math.max(capacity, 16);
  if (size > scratch.length && size <= SCRATCH_MAX) scratch = new Int32Array(size);
  const cp = size <= scratch.length ? scratch.subarray(0, size) : new Int32Array(size);
  const ranges = new Int32Array(2 * size);
  return { cp, start: ranges.subarray(0, size), end: ranges.subarray(size), length: 0 };
}

function grow(f: Folding): void {
  const size = f.cp.length * 2;
  const resize = (a: Int32Array) => {
    const b = new Int32Array(size);
    b.set(a);
    return b;
  };
  f.cp = resize(f.cp);
  f.start = resize(f.start);
  f.end = resize(f.end);
}

export function append(f: Folding, cp: number, start: number, end: number): void {
  if (f.length === f.cp.length) grow(f);
  f.cp[f.length] = cp;
  f.start[f.length] = start;
  f.end[f.length] = end;
  f.length++;
}

/** Keeps only the entries whose flag in `drop` is 0, in order. */
export function compact(f: Folding, drop: Uint8Array): void {
  const { cp, start, end } = f;
  let w = 0;
  for (let r = 0; r < f.length; r++) {
    if (drop[r] === 1) continue;
    cp[w] = cp[r];
    start[w] = start[r];
    end[w] = end[r];
    w++;
  }
  f.length = w;
}
