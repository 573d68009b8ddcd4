// `npm run bench`: every benchmark in sequence on one machine, with the machine described first,
// so the ratios in docs/benchmarks.md come from one run. Takes about twelve minutes.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { runClassifier } from './classifier.js';
import { runEvasion } from './evasion.js';
import { runHttp } from './http.js';
import { runImages } from './images.js';
import { runPdq } from './pdq.js';
import { runPeers } from './peers.js';
import { runSpeechAccuracy } from './speechAccuracy.js';
import { runText } from './text.js';
import { runStreamAlertBench } from './streamAlerts.js';
import { runVideoBench } from './video.js';
import { runWebhookBench } from './webhooks.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** bench/matcher.ts belongs to another author and runs on load; call it if it exports runMatcher, else spawn it. */
async function runMatcher(): Promise<void> {
  const file = path.join(here, 'matcher.js');
  if (!existsSync(file)) return console.log('\n== matcher: not built, skipped');
  if (/export (async )?function runMatcher\b/.test(readFileSync(file, 'utf8'))) {
    const mod = await import('./matcher.js') as unknown as { runMatcher: () => unknown };
    await mod.runMatcher();
    return;
  }
  console.log('\n== matcher (node dist/bench/matcher.js)');
  const res = spawnSync(process.execPath, [file], { stdio: 'inherit', timeout: 120_000 });
  if (res.status !== 0) console.log(`matcher bench exited with ${res.status ?? res.signal}`);
}

async function main(): Promise<void> {
  const cpu = cpus();
  console.log(`Bulwark benchmarks — ${new Date().toISOString()}`);
  console.log(`node ${process.version}, ${cpu.length} cores, ${cpu[0]?.model ?? 'unknown CPU'}, ${process.platform}/${process.arch}`);
  const started = performance.now();
  const sections: [string, () => Promise<void>][] = [
    ['text', runText], ['classifier', runClassifier], ['peers', runPeers], ['evasion', runEvasion], ['http', runHttp], ['matcher', runMatcher], ['pdq', runPdq], ['images', runImages],
    ['webhooks', runWebhookBench], ['video', runVideoBench], ['stream alerts', runStreamAlertBench], ['speech', runSpeechAccuracy],
  ];
  const timings: string[] = [];
  for (const [name, run] of sections) {
    const t0 = performance.now();
    await run();
    timings.push(`${name} ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  console.log(`\nall benchmarks: ${((performance.now() - started) / 1000).toFixed(0)} s (${timings.join(', ')})`);
}

await main();
