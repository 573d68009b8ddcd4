// The engine settings Bulwark runs best with, applied by every entry point (the CLI, the benchmarks).
//
// V8 first runs a regular expression in its bytecode interpreter and compiles it to machine code
// once it has run. Under the service's load some of ours stayed interpreted: the spam detector's
// phrase scan took 0.67 ms per 1 KB text in the benchmark process against 0.11 ms compiled, and
// Chinese texts 1.03 ms instead of 0.31 ms end to end. A service runs the same few hundred
// expressions millions of times, so they are compiled on first use.

import v8 from 'node:v8';

let tuned = false;

export function tuneEngine(): void {
  if (tuned) return;
  v8.setFlagsFromString('--no-regexp-tier-up');
  tuned = true;
}
