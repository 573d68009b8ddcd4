// `bulwark serve`: start the service on PORT with data under BULWARK_DATA_DIR, print the first
// admin key once if none exists, and shut down cleanly (flushing the audit log) on SIGINT/SIGTERM.
// With BULWARK_WORKERS > 1 a primary process does the one-time work and forks the workers.

import cluster from 'node:cluster';
import { loadConfig } from '../config.js';
import type { Config } from '../config.js';
import { buildApp } from '../http/index.js';
import { createService, ensureAdminKey, openStores } from '../service/index.js';
import client from 'prom-client';
import type { Service } from '../service/index.js';
import { Peers, runPrimary } from './cluster.js';

export async function serve(): Promise<void> {
  const config = loadConfig();
  if (config.workers > 1 && cluster.isPrimary) {
    await prepare(config);
    process.stdout.write(`${JSON.stringify({ msg: 'Bulwark primary', workers: config.workers, pid: process.pid })}\n`);
    runPrimary(config.workers, (message) => process.stderr.write(`bulwark: ${message}\n`));
    return;
  }
  const service = await createService(config);
  const app = await buildApp(service, cluster.isWorker ? { gatherMetrics: joinPeers(service) } : {});
  if (!cluster.isWorker) printFirstKey((await ensureAdminKey(service)).created);
  const address = await app.listen({ port: config.port, host: config.host });
  app.log.info({ address, dataDir: config.dataDir, database: service.db.dialect, pid: process.pid }, 'Bulwark is serving');
  service.webhookSender.start();
  service.streams.start();
  service.recordings.runner.start().catch((err: unknown) => app.log.error({ err }, 'the job runner failed to start'));
  service.images.warmUp().then(
    () => app.log.info({ threads: config.imageThreads }, 'picture workers ready'),
    (err: unknown) => app.log.error({ err }, 'picture workers failed to start'),
  );

  let closing = false;
  const stop = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await service.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/**
 * A worker answers the others' questions (apply a cache change, flush the audit log, report
 * metrics) and routes its own changes and flushes through them; returns the merged /metrics.
 */
function joinPeers(service: Service): () => Promise<string> {
  const peers = new Peers(async (body) => {
    const q = body as { change?: Parameters<Service['applyChange']>[0]; flush?: true; metrics?: true };
    if (q.change) service.applyChange(q.change);
    if (q.flush) await service.recorder.flush();
    return q.metrics ? service.metrics.registry.getMetricsAsJSON() : true;
  });
  service.connectPeers(peers);
  return async () => {
    const parts = await peers.ask({ metrics: true }) as Parameters<typeof client.AggregatorRegistry.aggregate>[0];
    return client.AggregatorRegistry.aggregate(parts).metrics();
  };
}

/**
 * The primary's one-time work before forking: migrations and the first admin key. It never
 * moderates, so it opens the database only and loads no detector.
 */
async function prepare(config: Config): Promise<void> {
  const { db, stores } = await openStores(config);
  try {
    printFirstKey((await ensureAdminKey({ stores, config })).created);
  } finally {
    await db.close();
  }
}

function printFirstKey(created: string | null | undefined): void {
  if (!created) return;
  process.stdout.write(
    `\n  Bulwark created the first admin API key. It is shown only this once; store it now:\n\n` +
    `    ${created}\n\n  Use it as "Authorization: Bearer <key>". Only its hash is kept.\n\n`,
  );
}
