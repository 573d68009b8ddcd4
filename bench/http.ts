// HTTP throughput of POST /v1/moderate/text with short texts and the SQLite audit log on: the real
// `bulwark serve` in a child process on loopback, driven by autocannon (target ≥ 3,000 req/s on 2
// cores), once as one process and once with one worker per core.
// Run: node dist/bench/http.js   (needs a build: it starts dist/src/cli/main.js)

import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { shortTexts } from './corpus.js';
import { fmt, isMain, table } from './measure.js';

const TARGET_RPS = 3_000;
const SECONDS = 10;
const WARMUP_CONNECTIONS = 4;
const VARIANTS = [{ connections: 4, pipelining: 1 }, { connections: 16, pipelining: 1 }, { connections: 8, pipelining: 4 }];
const MAIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'cli', 'main.js');

export async function runHttp(): Promise<void> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build first (npx tsc -p tsconfig.json)`);
  // One process (the default), then one worker per core of this 2-core machine (BULWARK_WORKERS=2).
  for (const workers of [1, 2]) await runServer(workers);
}

async function runServer(workers: number): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bulwark-bench-http-'));
  const key = `bw_bench_${randomBytes(16).toString('hex')}`;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [MAIN, 'serve'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', BULWARK_DATA_DIR: dataDir, BULWARK_API_KEY: key, LOG_LEVEL: 'warn',
      BULWARK_WORKERS: String(workers) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitReady(url, child);
    const texts = shortTexts(200);
    const avg = Math.round(texts.reduce((s, t) => s + t.length, 0) / texts.length);
    console.log(`\n== http: bulwark serve with BULWARK_WORKERS=${workers} (child process, SQLite audit on) on ${url}; ` +
      `${texts.length} texts, ~${avg} chars, mixed EN/ZH, clean and flagged; ${SECONDS} s per variant`);
    const requests = texts.map((text) => ({
      method: 'POST' as const, path: '/v1/moderate/text', body: JSON.stringify({ text }),
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    }));
    await autocannon({ url, requests, connections: WARMUP_CONNECTIONS * workers, duration: 2 }); // warm-up: JIT and caches
    const started = new Date().toISOString();
    const results: { label: string; r: autocannon.Result; cpu: number }[] = [];
    for (const v of VARIANTS) {
      const cpu0 = treeCpuSeconds(child.pid);
      const r = await autocannon({ url, requests, duration: SECONDS, ...v });
      results.push({ label: `${v.connections} connections, pipelining ${v.pipelining}`, r, cpu: treeCpuSeconds(child.pid) - cpu0 });
    }
    table(`POST /v1/moderate/text, ${workers} worker${workers > 1 ? 's' : ''} (target ≥ ${fmt.int(TARGET_RPS)} req/s on 2 cores)`,
      ['variant', 'req/s', 'p50 ms', 'p99 ms', '2xx', 'non-2xx', 'errors', 'server CPU', 'CPU µs/req', 'target'],
      results.map(({ label, r, cpu }) => [label, fmt.int(rps(r)), r.latency.p50.toFixed(1), r.latency.p99.toFixed(1),
        fmt.int(r['2xx']), fmt.int(r.non2xx), fmt.int(r.errors + r.timeouts), fmt.pct(cpu / r.duration),
        fmt.int((cpu * 1e6) / (r['2xx'] + r.non2xx)), rps(r) >= TARGET_RPS ? 'met' : 'MISSED']));
    await checkDecisions(url, key, started);
    const answered = results.reduce((s, { r }) => s + r['2xx'], 0);
    const inFlight = VARIANTS.reduce((s, v) => s + v.connections * v.pipelining, WARMUP_CONNECTIONS * workers);
    await stop(child);
    countStored(dataDir, answered, inFlight, started);
  } finally {
    if (child.exitCode === null) await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Through the API: the newest decisions are there and readable one by one. */
async function checkDecisions(url: string, key: string, since: string): Promise<void> {
  const headers = { authorization: `Bearer ${key}` };
  const res = await fetch(`${url}/v1/decisions?limit=100&since=${encodeURIComponent(since)}`, { headers });
  const body = await res.json() as { decisions: { id: string; suggestion: string }[]; nextCursor: string | null };
  const one = body.decisions[0] ? await fetch(`${url}/v1/decisions/${body.decisions[0].id}`, { headers }) : null;
  console.log(`GET /v1/decisions?since=<run start>: HTTP ${res.status}, ${body.decisions.length} decisions on the first page ` +
    `(more: ${body.nextCursor !== null}); GET /v1/decisions/:id: HTTP ${one?.status ?? 'n/a'}`);
}

/**
 * After a clean shutdown (which flushes the write-behind log): one stored decision per 2xx answer,
 * plus those answered after autocannon stopped counting (at most one per connection and pipeline slot).
 */
function countStored(dataDir: string, answered: number, inFlight: number, since: string): void {
  const db = new Database(path.join(dataDir, 'bulwark.db'), { readonly: true });
  const rows = db.prepare('SELECT suggestion, count(*) AS n FROM decisions WHERE created_at >= ? GROUP BY suggestion').all(since) as { suggestion: string; n: number }[];
  db.close();
  const stored = rows.reduce((s, r) => s + r.n, 0);
  console.log(`audit log after shutdown: ${fmt.int(stored)} decisions stored for ${fmt.int(answered)} 2xx answers ` +
    `+ up to ${inFlight} in flight at each cut-off (${stored >= answered && stored <= answered + inFlight ? 'all stored' : 'MISMATCH'}); ${rows.map((r) => `${r.suggestion} ${fmt.int(r.n)}`).join(', ')}`);
}

/** Responses per second over the whole run (autocannon's average of 1-s samples undercounts the ramp). */
function rps(r: autocannon.Result): number {
  return (r['2xx'] + r.non2xx) / r.duration;
}

/** CPU seconds of a process and its children (the workers), Linux /proc. */
function treeCpuSeconds(pid: number | undefined): number {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch { /* no /proc */ }
  return cpuSeconds(pid) + children.reduce((sum, child) => sum + cpuSeconds(child), 0);
}

/** User + system CPU seconds of a process (Linux /proc; 0 elsewhere). */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return 0;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function waitReady(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`bulwark serve exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('bulwark serve did not become ready within 30 s');
}

/** SIGTERM lets serve close the app and flush the audit log; SIGKILL only if it hangs. */
function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => { clearTimeout(timer); resolve(); });
    child.kill('SIGTERM');
  });
}

if (isMain(import.meta.url)) await runHttp();
