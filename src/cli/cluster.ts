// BULWARK_WORKERS > 1: the primary process migrates the database and makes the first admin key,
// then forks the workers, which share the port (Node's cluster round-robin). Workers are like
// separate instances of one deployment: a change made through one reaches the others' caches
// within 2 s, and decisions another worker holds in its write-behind buffer become readable
// within milliseconds. /metrics merges every worker's registry. A worker that dies is replaced.

import cluster from 'node:cluster';
import type { Worker } from 'node:cluster';
import { randomUUID } from 'node:crypto';
import client from 'prom-client';
import type { Metrics } from '../service/metrics.js';

const COLLECT = 'bulwark:metrics-collect';
const PART = 'bulwark:metrics-part';
const ASK = 'bulwark:metrics-ask';
const ANSWER = 'bulwark:metrics-answer';
const GATHER_TIMEOUT_MS = 3_000;
const MAX_RESTARTS_PER_MINUTE = 10;

interface Message { type: string; id: string; json?: client.MetricObjectWithValues<client.MetricValue<string>>[]; text?: string }

/** In the primary: fork `count` workers, replace the ones that die, stop them all on SIGINT/SIGTERM. */
export function runPrimary(count: number, log: (message: string) => void): void {
  let stopping = false;
  const restarts: number[] = [];
  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.on('message', (m: Message) => { if (m?.type === ASK) void answerMetrics(worker, m.id); });
    return worker;
  };
  for (let i = 0; i < count; i++) fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    const now = Date.now();
    restarts.push(now);
    while (restarts.length && restarts[0] < now - 60_000) restarts.shift();
    if (restarts.length > MAX_RESTARTS_PER_MINUTE) {
      log(`workers keep dying (${restarts.length} in a minute); stopping`);
      process.exit(1);
    }
    log(`worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    fork();
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** Asks every worker for its metrics and sends the merged text to the one that asked. */
async function answerMetrics(asker: Worker, id: string): Promise<void> {
  const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && w.isConnected());
  const parts = await Promise.all(workers.map((w) => new Promise<Message['json'] | null>((resolve) => {
    const timer = setTimeout(() => { w.off('message', onPart); resolve(null); }, GATHER_TIMEOUT_MS);
    const onPart = (m: Message) => {
      if (m?.type !== PART || m.id !== id) return;
      clearTimeout(timer);
      w.off('message', onPart);
      resolve(m.json ?? null);
    };
    w.on('message', onPart);
    w.send({ type: COLLECT, id });
  })));
  const merged = client.AggregatorRegistry.aggregate(parts.filter((p): p is NonNullable<typeof p> => p !== null));
  asker.send({ type: ANSWER, id, text: await merged.metrics() });
}

/** In a worker: answer the primary's collection requests; returns the gatherer /metrics uses. */
export function workerMetrics(metrics: Metrics): () => Promise<string> {
  const waiting = new Map<string, (text: string) => void>();
  process.on('message', (m: Message) => {
    if (m?.type === COLLECT) void metrics.registry.getMetricsAsJSON().then((json) => process.send?.({ type: PART, id: m.id, json }));
    else if (m?.type === ANSWER) waiting.get(m.id)?.(m.text ?? '');
  });
  return () => new Promise<string>((resolve) => {
    const id = randomUUID();
    const timer = setTimeout(() => { waiting.delete(id); resolve(metrics.registry.metrics()); }, GATHER_TIMEOUT_MS * 2);
    waiting.set(id, (text) => { clearTimeout(timer); waiting.delete(id); resolve(text); });
    process.send?.({ type: ASK, id });
  });
}
