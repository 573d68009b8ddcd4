// Webhook deliveries per second: events queued for one endpoint on a local receiver, sent by the
// service's sender (claim, sign, POST, record), measured from the first queued to the last
// recorded. SQLite, the default. Run: node dist/bench/webhooks.js

import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '../src/config.js';
import { DEFAULT_TENANT_ID } from '../src/db/index.js';
import { createService } from '../src/service/index.js';
import { isMain } from './measure.js';

const EVENTS = 2_000;

export async function runWebhookBench(): Promise<void> {
  let received = 0;
  const receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => { received++; res.writeHead(204).end(); });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const dir = await mkdtemp(path.join(tmpdir(), 'bulwark-webhook-bench-'));
  const service = await createService(loadConfig({ BULWARK_DATA_DIR: dir, LOG_LEVEL: 'silent', BULWARK_FETCH_ALLOW_HOSTS: '127.0.0.1' }));
  try {
    await service.stores.webhooks.create({ tenantId: DEFAULT_TENANT_ID, url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`, events: ['decision.flagged'] });
    service.webhookSender.start();
    const started = performance.now();
    for (let k = 0; k < EVENTS; k++) await service.webhooks.emit(DEFAULT_TENANT_ID, 'decision.flagged', { decision: { id: `dec_${k}`, suggestion: 'block' } });
    const queuedMs = performance.now() - started;
    while (received < EVENTS) await sleep(20);
    const seconds = (performance.now() - started) / 1000;
    console.log(`\n== webhooks: ${EVENTS} events to one local endpoint, SQLite, batches of 16`);
    console.log(`queued in ${(queuedMs / 1000).toFixed(2)} s (${Math.round(EVENTS / (queuedMs / 1000))} events/s); ` +
      `all delivered in ${seconds.toFixed(2)} s: ${Math.round(EVENTS / seconds)} deliveries/s`);
  } finally {
    await service.close();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
    await rm(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) await runWebhookBench();
