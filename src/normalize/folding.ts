// The working form of the text between stages: parallel arrays of code points and the original
// range [start, end) each one came from. Stages replace or drop entries but never reorder them,
// which is what keeps start (and end) non-decreasing.

export interface Folding {
  cp: Int32Array;
  start: Int32Array;
  end: Int32Array;
  length: number;
}

export function createFolding(capacity: number): Folding {
  const size = Math.max(capacity, 16);
  return { cp: new Int32Array(size), start: new Int32Array(size), end: new Int32Array(size), length: 0 };
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
