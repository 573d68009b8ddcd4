// Stream leases against every database: a stream whose server stopped renewing is claimed by the
// next one, whose claim counts up; the server that lost it can no longer renew or end it; a stop
// through the API works whoever holds it.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eachDatabase } from './eachDatabase.js';

eachDatabase((ctx) => {
  test('a lapsed stream is claimed anew; the old claim can neither renew nor end it; the API stops it', async () => {
    const { streams, tenants } = ctx.t.stores;
    const tenantId = (await tenants.create('Streams')).id;
    const first = await streams.create({ tenantId, url: 'https://example.com/live.m3u8', interval: 2, request: {} }, new Date(Date.now() - 10_000), 1_000);
    assert.equal(first.claims, 1);
    assert.deepEqual(await streams.claimOrphans(new Date(Date.now() - 9_500), 1_000), [], 'not before its lease ends');
    const [taken] = await streams.claimOrphans(new Date(), 60_000);
    assert.deepEqual([taken.id, Number(taken.claims)], [first.id, 2]);
    assert.deepEqual(await streams.claimOrphans(new Date(), 60_000), [], 'a held stream is not claimed again');
    assert.equal(await streams.renew(first, 'live', new Date(), 60_000), false, 'the first server lost it');
    assert.equal(await streams.end(first, 'failed', 'late'), null);
    assert.equal(await streams.renew(taken, 'live', new Date(), 60_000), true);
    const stopped = await streams.stop(tenantId, first.id);
    assert.deepEqual([stopped.status, stopped.last_error], ['stopped', null]);
    assert.equal(await streams.renew(taken, 'live', new Date(), 60_000), false, 'a stopped stream is not renewed');
  });
});
