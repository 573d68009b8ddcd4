// Timing and printing shared by the benchmarks: run a call over inputs for a fixed time, keep
// every latency, and print aligned tables so ratios are read off one run on one machine.

import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { tuneEngine } from '../src/engine.js';
import { textTable } from '../src/eval/index.js';

// Benchmarks measure the engine as the service runs it (src/engine.ts).
tuneEngine();

export interface Sample { name: string; ops: number; p50: number; p99: number; count: number }

export interface Case { name: string; fn: (i: number) => unknown; settle?: () => Promise<void> }

/**
 * Measures every case for about `ms` in total, interleaved in `rounds` slices (a, b, c, a, b, c…)
 * so background load on a small machine falls on all of them alike. Each call is timed (awaited
 * only when it returns a promise); ops/s counts whole loops, so work a call leaves behind (a
 * timer, a write) is paid for, and `settle` (e.g. flushing the audit log) runs inside the window.
 */
export async function compare(cases: readonly Case[], opts: { ms?: number; rounds?: number; warmupMs?: number } = {}): Promise<Sample[]> {
  const { ms = 2_000, rounds = 4, warmupMs = 300 } = opts;
  const runs = cases.map(() => ({ lat: [] as Float64Array[], count: 0, seconds: 0, i: 0 }));
  for (const [k, c] of cases.entries()) runs[k].i = (await loop(c, warmupMs, 0)).next;
  for (let r = 0; r < rounds; r++) {
    for (const [k, c] of cases.entries()) {
      const res = await loop(c, ms / rounds, runs[k].i);
      Object.assign(runs[k], { i: res.next, count: runs[k].count + res.count, seconds: runs[k].seconds + res.seconds });
      runs[k].lat.push(res.lat);
    }
  }
  return cases.map((c, k) => {
    const all = new Float64Array(runs[k].count);
    let at = 0;
    for (const part of runs[k].lat) { all.set(part, at); at += part.length; }
    all.sort();
    return { name: c.name, ops: runs[k].count / runs[k].seconds, p50: quantile(all, 0.5), p99: quantile(all, 0.99), count: runs[k].count };
  });
}

/** One case on its own for `ms` (see compare). */
export async function measure(name: string, fn: (i: number) => unknown, opts: { ms?: number; settle?: () => Promise<void> } = {}): Promise<Sample> {
  return (await compare([{ name, fn, settle: opts.settle }], { ms: opts.ms, rounds: 1 }))[0];
}

async function loop(c: Case, ms: number, first: number): Promise<{ lat: Float64Array; count: number; seconds: number; next: number }> {
  let lat = new Float64Array(1 << 12);
  let count = 0;
  let i = first;
  const started = performance.now();
  const end = started + ms;
  while (performance.now() < end) {
    const t0 = performance.now();
    const r = c.fn(i++);
    if (r instanceof Promise) await r;
    if (count === lat.length) { const grown = new Float64Array(lat.length * 2); grown.set(lat); lat = grown; }
    lat[count++] = performance.now() - t0;
    // Let timers (the audit recorder's write-behind) run as they would between requests.
    if ((count & 255) === 0) await new Promise<void>((r) => setImmediate(r));
  }
  await c.settle?.();
  return { lat: lat.subarray(0, count), count, seconds: (performance.now() - started) / 1000, next: i };
}

export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Prints a table; numbers are right-aligned, the first column left-aligned. */
export function table(title: string, header: string[], rows: (string | number)[][]): void {
  console.log(`\n${title}`);
  console.log(textTable(header, rows.map((r) => r.map(String))));
}

export const fmt = {
  int: (n: number) => Math.round(n).toLocaleString('en-US'),
  ms: (n: number) => n.toFixed(3),
  ratio: (n: number) => `×${n >= 10 ? n.toFixed(0) : n.toFixed(2)}`,
  pct: (n: number) => `${(n * 100).toFixed(1)}%`,
};

/** True when this module is the script node was started with (so a bench runs on its own). */
export function isMain(url: string): boolean {
  return process.argv[1] !== undefined && url === pathToFileURL(process.argv[1]).href;
}
