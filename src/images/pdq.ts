// PDQ, Meta's 256-bit perceptual hash for pictures (the format industry hash-sharing programmes
// exchange), written from its published description: luminance, a two-pass Jarosz (box) filter
// sized to the 64×64 decimation, a 16×16 DCT of that grid without the DC row and column, and one
// bit per coefficient above the median. Checked against Meta's reference hashes
// (../shared/data/pdq-ref) in pdq.test.ts. The eight rotations and flips of a picture come from its
// DCT by sign changes and a transpose, so matching rotated or mirrored copies costs no re-hash.

export const PDQ_BITS = 256;
const GRID = 64;
const COEFFS = 16;
const JAROSZ_PASSES = 2;

/** The DCT basis without the DC term: row u holds cos(π/128 · (u+1) · (2j+1)) · √(2/64). */
const DCT = (() => {
  const d = new Float64Array(COEFFS * GRID);
  const scale = Math.sqrt(2 / GRID);
  for (let u = 0; u < COEFFS; u++) {
    for (let j = 0; j < GRID; j++) d[u * GRID + j] = scale * Math.cos((Math.PI / 2 / GRID) * (u + 1) * (2 * j + 1));
  }
  return d;
})();

/** A picture's luminance, row-major, `width × height` values in [0, 255]. */
export interface Luma { data: Float32Array; width: number; height: number }

export interface PdqResult {
  /** 64 hex digits, Meta's order (word 15 first). */
  hash: string;
  /** 0–100: how much gradient the picture has; Meta suggests ignoring hashes below 50 (flat pictures). */
  quality: number;
}

/** Luminance from interleaved 8-bit pixels with `channels` per pixel (Meta's weights: 0.299, 0.587, 0.114). */
export function lumaOf(pixels: Uint8Array, width: number, height: number, channels: number): Luma {
  const data = new Float32Array(width * height);
  if (channels < 3) {
    for (let i = 0; i < data.length; i++) data[i] = pixels[i * channels];
  } else {
    for (let i = 0, p = 0; i < data.length; i++, p += channels) data[i] = 0.299 * pixels[p] + 0.587 * pixels[p + 1] + 0.114 * pixels[p + 2];
  }
  return { data, width, height };
}

/** The 16×16 DCT of the picture's 64×64 filtered grid, and the picture's quality. */
export function pdqCoefficients(luma: Luma): { dct: Float64Array; quality: number } {
  const { width, height } = luma;
  if (width < 1 || height < 1) throw new RangeError('PDQ needs a picture of at least 1×1 pixels');
  const a = Float32Array.from(luma.data);
  const b = new Float32Array(a.length);
  const alongRows = windowSize(width);
  const alongCols = windowSize(height);
  for (let pass = 0; pass < JAROSZ_PASSES; pass++) {
    for (let r = 0; r < height; r++) box(a, b, r * width, 1, width, alongRows);
    for (let c = 0; c < width; c++) box(b, a, c, width, height, alongCols);
  }
  const grid = new Float64Array(GRID * GRID);
  for (let i = 0; i < GRID; i++) {
    const row = Math.floor(((i + 0.5) * height) / GRID);
    for (let j = 0; j < GRID; j++) grid[i * GRID + j] = a[row * width + Math.floor(((j + 0.5) * width) / GRID)];
  }
  return { dct: dct16(grid), quality: quality(grid) };
}

export function pdqHash(luma: Luma): PdqResult {
  const { dct, quality } = pdqCoefficients(luma);
  return { hash: hashOf(dct), quality };
}

/** The eight dihedral variants' hashes (original first), each as PDQ of the turned or mirrored picture would give it. */
export function pdqDihedralFromCoefficients(dct: Float64Array): string[] {
  return DIHEDRAL.map((turn) => hashOf(turn(dct)));
}

/** Bits that differ between two 64-digit hex hashes. */
export function hammingDistance(a: string, b: string): number {
  let d = 0;
  for (let k = 0; k < 64; k += 8) d += popcount(parseInt(a.slice(k, k + 8), 16) ^ parseInt(b.slice(k, k + 8), 16));
  return d;
}

/**
 * Set bits of a 32-bit integer, in int32 arithmetic throughout (an unsigned word above 2³¹ would be
 * boxed as a double by V8, which the index's hot loop cannot afford).
 */
export function popcount(x: number): number {
  x = (x - ((x >>> 1) & 0x55555555)) | 0;
  x = ((x & 0x33333333) + ((x >>> 2) & 0x33333333)) | 0;
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Meta's Jarosz window: ⌊(old + 2·64 − 1) / (2·64)⌋. */
function windowSize(length: number): number {
  return Math.floor((length + 2 * GRID - 1) / (2 * GRID));
}

/** One box-filter pass over `length` values from `start` every `stride`, window `full`, edges averaged over what exists. */
function box(input: Float32Array, out: Float32Array, start: number, stride: number, length: number, full: number): void {
  const half = Math.floor((full + 2) / 2);
  let li = start;
  let ri = start;
  let oi = start;
  let sum = 0;
  let size = 0;
  for (let k = 0; k < half - 1; k++) { sum += input[ri]; size++; ri += stride; }
  for (let k = 0; k < full - half + 1; k++) { sum += input[ri]; size++; out[oi] = sum / size; ri += stride; oi += stride; }
  for (let k = 0; k < length - full; k++) { sum += input[ri] - input[li]; out[oi] = sum / size; li += stride; ri += stride; oi += stride; }
  for (let k = 0; k < half - 1; k++) { sum -= input[li]; size--; out[oi] = sum / size; li += stride; oi += stride; }
}

/** D · A · Dᵀ for the 64×64 grid A: 16×16 coefficients. */
function dct16(grid: Float64Array): Float64Array {
  const t = new Float64Array(COEFFS * GRID);
  for (let u = 0; u < COEFFS; u++) {
    for (let k = 0; k < GRID; k++) {
      const d = DCT[u * GRID + k];
      for (let j = 0; j < GRID; j++) t[u * GRID + j] += d * grid[k * GRID + j];
    }
  }
  const out = new Float64Array(COEFFS * COEFFS);
  for (let u = 0; u < COEFFS; u++) {
    for (let v = 0; v < COEFFS; v++) {
      let s = 0;
      for (let k = 0; k < GRID; k++) s += t[u * GRID + k] * DCT[v * GRID + k];
      out[u * COEFFS + v] = s;
    }
  }
  return out;
}

/** Meta's quality: summed absolute neighbour differences of the grid (in percent of 255, truncated), /90, capped at 100. */
function quality(grid: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < GRID - 1; i++) {
    for (let j = 0; j < GRID; j++) sum += Math.abs(Math.trunc(((grid[i * GRID + j] - grid[(i + 1) * GRID + j]) * 100) / 255));
  }
  for (let i = 0; i < GRID; i++) {
    for (let j = 0; j < GRID - 1; j++) sum += Math.abs(Math.trunc(((grid[i * GRID + j] - grid[i * GRID + j + 1]) * 100) / 255));
  }
  return Math.min(100, Math.trunc(sum / 90));
}

/** One bit per coefficient above the median; bit k (row-major) is bit k mod 16 of word ⌊k/16⌋; words printed 15 first. */
function hashOf(dct: Float64Array): string {
  const median = medianOf(dct);
  const words = new Uint16Array(16);
  for (let k = 0; k < PDQ_BITS; k++) if (dct[k] > median) words[k >> 4] |= 1 << (k & 15);
  let hex = '';
  for (let w = 15; w >= 0; w--) hex += words[w].toString(16).padStart(4, '0');
  return hex;
}

/** The lower median of the values (Meta's Torben median returns it for an even count). */
function medianOf(values: Float64Array): number {
  const sorted = Float64Array.from(values).sort();
  return sorted[(sorted.length - 1) >> 1];
}

type Turn = (dct: Float64Array) => Float64Array;

/** out[target(i, j)] = sign(i, j) · in[i, j], over the 16×16 coefficients. */
function turn(transpose: boolean, negate: (i: number, j: number) => boolean): Turn {
  return (dct) => {
    const out = new Float64Array(COEFFS * COEFFS);
    for (let i = 0; i < COEFFS; i++) {
      for (let j = 0; j < COEFFS; j++) {
        const v = dct[i * COEFFS + j];
        out[transpose ? j * COEFFS + i : i * COEFFS + j] = negate(i, j) ? -v : v;
      }
    }
    return out;
  };
}

// Coefficient (i, j) is frequency (i+1, j+1): mirroring an axis negates its odd frequencies, i.e. even i or j.
const DIHEDRAL: readonly Turn[] = [
  (dct) => dct,
  turn(true, (_, j) => (j & 1) === 0), // rotate 90°
  turn(false, (i, j) => ((i + j) & 1) === 1), // rotate 180°
  turn(true, (i) => (i & 1) === 0), // rotate 270°
  turn(false, (_, j) => (j & 1) === 0), // mirror left-right (Meta's test files call it flipy)
  turn(false, (i) => (i & 1) === 0), // mirror top-bottom (Meta's flipx)
  turn(true, () => false), // transpose
  turn(true, (i, j) => ((i + j) & 1) === 1), // anti-transpose
];
