// The webhook sender against every database and a real receiver on a local socket, with the clock
// in the test's hands: signed deliveries, backoff that grows to its cap and ends with the retry
// window, endpoints disabled after failing for days, one sender per delivery when two share the
// table, and deliveries that outlive the sender that queued them.

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { eachDatabase } from '../db/eachDatabase.js';
import type { WebhookEvent, WebhookRecord, WebhookStore } from '../db/index.js';
import { DEFAULT_SENDER, WebhookSender } from './sender.js';
import { verifySignature } from './signature.js';

interface Received { headers: Record<string, string | string[] | undefined>; body: string }

/** A receiver that answers each request with the next status of its script (then 200). */
function receiver() {
  const received: Received[] = [];
  let script: number[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => { body += c.toString(); });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(script.shift() ?? 200).end('ok');
    });
  });
  return {
    received, server,
    answer(statuses: number[]) { script = [...statuses]; },
    get url() { return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`; },
  };
}

const HOUR = 3600_000;
const hook = receiver();
before(() => new Promise<void>((resolve) => hook.server.listen(0, '127.0.0.1', resolve)));
after(() => new Promise<void>((resolve) => hook.server.close(() => resolve())));

eachDatabase((ctx) => {
  let clock = new Date('2026-01-01T00:00:00Z');
  const senderOn = (store: WebhookStore) => new WebhookSender(store, { ...DEFAULT_SENDER, allowHosts: ['127.0.0.1'] }, { now: () => clock });
  let events = 0;
  const queue = async (webhook: WebhookRecord, type: WebhookEvent = 'decision.flagged') => {
    const id = `wev_${++events}`;
    const body = JSON.stringify({ id, type, createdAt: clock.toISOString(), data: { n: events } });
    await ctx.t.stores.webhooks.enqueue([webhook], { id, type, payload: body, at: clock.toISOString() });
    return body;
  };

  test('a delivery is signed over its exact body; a failed one is retried with backoff, then delivered', async () => {
    const { tenants, webhooks } = ctx.t.stores;
    const tenantId = (await tenants.create('Hooks')).id;
    const endpoint = await webhooks.create({ tenantId, url: hook.url, events: ['decision.flagged'] });
    const sender = senderOn(webhooks);
    hook.received.length = 0;
    hook.answer([500, 503]);
    const body = await queue(endpoint);

    assert.equal(await sender.runOnce(), 1);
    const [first] = hook.received;
    assert.equal(first.body, body);
    assert.equal(first.headers['bulwark-event'], 'decision.flagged');
    const nowSeconds = Math.floor(clock.getTime() / 1000);
    assert.ok(verifySignature(first.headers['bulwark-signature'] as string, first.body, endpoint.secret, { nowSeconds }));
    assert.ok(!verifySignature(first.headers['bulwark-signature'] as string, first.body.replace('"n":', '"m":'), endpoint.secret, { nowSeconds }), 'a changed body fails');
    assert.ok(!verifySignature(first.headers['bulwark-signature'] as string, first.body, endpoint.secret, { nowSeconds: nowSeconds + 3600 }), 'a replay an hour later fails');
    assert.ok(!verifySignature(first.headers['bulwark-signature'] as string, first.body, 'whsec_other', { nowSeconds }), 'another secret fails');

    let [log] = (await webhooks.deliveries(tenantId, endpoint.id)).items;
    assert.deepEqual([log.status, log.attempts, log.response_status, log.last_error], ['pending', 1, 500, 'HTTP 500: ok']);
    const wait = Date.parse(log.next_attempt_at) - clock.getTime();
    assert.ok(wait >= 8_000 && wait <= 12_000, `first retry after ~10 s, not ${wait} ms`);
    assert.equal((await webhooks.get(tenantId, endpoint.id)).failingSince, clock.toISOString());

    assert.equal(await sender.runOnce(), 0, 'not due yet');
    clock = new Date(Date.parse(log.next_attempt_at));
    assert.equal(await sender.runOnce(), 1);
    clock = new Date(Date.parse((await webhooks.deliveries(tenantId, endpoint.id)).items[0].next_attempt_at));
    assert.equal(await sender.runOnce(), 1);
    [log] = (await webhooks.deliveries(tenantId, endpoint.id)).items;
    assert.deepEqual([log.status, log.attempts, log.response_status, log.last_error], ['delivered', 3, 200, null]);
    assert.equal(hook.received.length, 3);
    assert.equal(new Set(hook.received.map((r) => r.headers['bulwark-event-id'])).size, 1, 'one event id for every attempt');
    assert.equal((await webhooks.get(tenantId, endpoint.id)).failingSince, null, 'a delivery that works ends the failure streak');
  });

  test('a receiver that never works: waits grow to 6 hours, attempts end with the window, then the endpoint is disabled', async () => {
    const { tenants, webhooks } = ctx.t.stores;
    const tenantId = (await tenants.create('Down')).id;
    const endpoint = await webhooks.create({ tenantId, url: hook.url, events: ['job.failed'] });
    const sender = senderOn(webhooks);
    hook.answer(Array(100).fill(500));
    const start = clock.getTime();
    await queue(endpoint, 'job.failed');
    const waits: number[] = [];
    for (let k = 0; k < 60; k++) {
      await sender.runOnce();
      const [d] = (await webhooks.deliveries(tenantId, endpoint.id)).items;
      if (d.status !== 'pending') break;
      waits.push(Date.parse(d.next_attempt_at) - clock.getTime());
      clock = new Date(Date.parse(d.next_attempt_at));
    }
    const [d] = (await webhooks.deliveries(tenantId, endpoint.id)).items;
    assert.equal(d.status, 'failed');
    // The last attempt is the one whose next wait (at most 6 h + 20 % jitter) would pass the 72 h window.
    assert.ok(clock.getTime() - start >= 72 * HOUR - 6 * HOUR * 1.2 && clock.getTime() - start <= 72 * HOUR, `retried for ${(clock.getTime() - start) / HOUR} h`);
    assert.ok(waits.every((w, k) => k === 0 || w >= waits[k - 1] * 0.6), `waits grow: ${waits.map((w) => Math.round(w / 1000))}`);
    assert.ok(Math.max(...waits) <= 6 * HOUR * 1.2 && Math.max(...waits) >= 6 * HOUR * 0.8, 'capped at about 6 hours');
    assert.ok(d.attempts >= 15 && d.attempts <= 30, `${d.attempts} attempts`);

    // Failing since the first attempt, over 72 hours ago by the next round: disabled, with the reason.
    clock = new Date(start + 72 * HOUR + 1000);
    await sender.runOnce();
    const disabled = await webhooks.get(tenantId, endpoint.id);
    assert.equal(disabled.enabled, false);
    assert.match(disabled.disabledReason ?? '', /every delivery failed since .*HTTP 500/);
    // Nothing is sent to a disabled endpoint; enabling it again clears the streak.
    const before = hook.received.length;
    await queue(endpoint, 'job.failed');
    assert.equal(await sender.runOnce(), 0);
    assert.equal(hook.received.length, before);
    const enabled = await webhooks.update(tenantId, endpoint.id, { enabled: true });
    assert.deepEqual([enabled.enabled, enabled.disabledReason, enabled.failingSince], [true, null, null]);
    hook.answer([]);
    assert.equal(await sender.runOnce(), 1);
  });

  test('two senders on one table: every delivery is sent once; a new sender picks up what an old one queued', async () => {
    const { tenants, webhooks } = ctx.t.stores;
    const tenantId = (await tenants.create('Pair')).id;
    const endpoint = await webhooks.create({ tenantId, url: hook.url, events: ['decision.flagged'] });
    hook.answer([]);
    hook.received.length = 0;
    const bodies = new Set<string>();
    for (let k = 0; k < 20; k++) bodies.add(await queue(endpoint));
    const [a, b] = [senderOn(webhooks), senderOn(webhooks)];
    const [na, nb] = await Promise.all([a.runOnce(), b.runOnce()]);
    assert.equal(na + nb, 20);
    assert.equal(hook.received.length, 20);
    assert.deepEqual(new Set(hook.received.map((r) => r.body)), bodies);

    // Queued, then the process is gone: a sender on a fresh handle of the same database delivers it.
    const body = await queue(endpoint);
    const { createDb, createStores } = await import('../db/index.js');
    const db = await createDb(ctx.t.options);
    try {
      assert.equal(await senderOn(createStores(db).webhooks).runOnce(), 1);
      assert.equal(hook.received.at(-1)?.body, body);
    } finally {
      await db.close();
    }
  });
});
