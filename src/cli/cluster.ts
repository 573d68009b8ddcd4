// BULWARK_WORKERS > 1: the primary process migrates the database and makes the first admin key,
// then forks the workers, which share the port (Node's cluster round-robin). Workers talk through
// the primary: a worker asks, every worker (itself included) answers, the asker gets all answers.
// That carries cache invalidations and audit-log flushes (so every guarantee of one process holds:
// a change applies to the next request whichever worker serves it) and /metrics, merged.
// A worker that dies is replaced.

import cluster from 'node:cluster';
import type { Worker } from 'node:cluster';
import { randomUUID } from 'node:crypto';

const ASK = 'bulwark:ask';
const QUESTION = 'bulwark:question';
const REPLY = 'bulwark:reply';
const ANSWERS = 'bulwark:answers';
const ANSWER_TIMEOUT_MS = 3_000;
const MAX_RESTARTS_PER_MINUTE = 10;

interface Message { type: string; id: string; body?: unknown; value?: unknown; values?: unknown[] }

/** In the primary: fork `count` workers, relay their questions, replace the ones that die, stop all on SIGINT/SIGTERM. */
export function runPrimary(count: number, log: (message: string) => void): void {
  let stopping = false;
  const restarts: number[] = [];
  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.on('message', (m: Message) => { if (m?.type === ASK) void relay(worker, m); });
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

/** Puts the asker's question to every live worker and sends it their answers (a silent worker is left out). */
async function relay(asker: Worker, ask: Message): Promise<void> {
  const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && w.isConnected());
  const values = await Promise.all(workers.map((w) => new Promise<unknown>((resolve) => {
    const timer = setTimeout(() => { w.off('message', onReply); resolve(undefined); }, ANSWER_TIMEOUT_MS);
    const onReply = (m: Message) => {
      if (m?.type !== REPLY || m.id !== ask.id) return;
      clearTimeout(timer);
      w.off('message', onReply);
      resolve(m.value);
    };
    w.on('message', onReply);
    w.send({ type: QUESTION, id: ask.id, body: ask.body });
  })));
  if (asker.isConnected()) asker.send({ type: ANSWERS, id: ask.id, values: values.filter((v) => v !== undefined) });
}

/** A worker's line to the others: ask them all (itself included), and answer what they ask. */
export class Peers {
  readonly #waiting = new Map<string, (values: unknown[]) => void>();

  constructor(answer: (body: unknown) => Promise<unknown>) {
    process.on('message', (m: Message) => {
      if (m?.type === QUESTION) {
        void answer(m.body).then((value) => process.send?.({ type: REPLY, id: m.id, value: value ?? null }),
          () => process.send?.({ type: REPLY, id: m.id, value: null }));
      } else if (m?.type === ANSWERS) this.#waiting.get(m.id)?.(m.values ?? []);
    });
  }

  /** Every worker's answer to `body`; resolves once all answered (a worker that stays silent is dropped after 3 s). */
  ask(body: unknown): Promise<unknown[]> {
    return new Promise((resolve, reject) => {
      const id = randomUUID();
      const timer = setTimeout(() => { this.#waiting.delete(id); reject(new Error('the other workers did not answer')); }, ANSWER_TIMEOUT_MS * 2);
      this.#waiting.set(id, (values) => { clearTimeout(timer); this.#waiting.delete(id); resolve(values); });
      process.send?.({ type: ASK, id, body });
    });
  }
}
