// The dashboard's aggregates against every database, over rows whose times, suggestions, flagged
// categories, kinds and latencies the test chooses, so every number is known in advance.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decisionRow, eachDatabase } from './eachDatabase.js';
import { newReviewRow } from './ReviewStore.js';
import type { DecisionTable, ReviewTable } from './schema.js';
import { statsWindow } from './statsWindow.js';

const HOUR = 3_600_000;
const at = (time: string) => new Date(Date.parse(time)).toISOString();

eachDatabase((ctx) => {
  let tenantId = '';
  const window = statsWindow({ since: '2031-03-01T10:30:00Z', until: '2031-03-01T13:00:00Z' }, Date.now());

  test('buckets: suggestions and flagged categories per hour, inside the window only', async () => {
    const { tenants, decisions, stats } = ctx.t.stores;
    tenantId = (await tenants.create('Stats')).id;
    const other = (await tenants.create('Stats, other tenant')).id;
    const rows: DecisionTable[] = [
      decisionRow(tenantId, { created_at: at('2031-03-01T10:29:59.999Z'), suggestion: 'block', flagged: ',hate,' }),
      decisionRow(tenantId, { created_at: at('2031-03-01T10:30:00Z'), suggestion: 'pass', flagged: ',profanity,' }),
      decisionRow(tenantId, { created_at: at('2031-03-01T10:59:00Z'), suggestion: 'review', flagged: ',harassment,' }),
      decisionRow(tenantId, { created_at: at('2031-03-01T11:00:00Z'), suggestion: 'block', flagged: ',hate,violence,' }),
      decisionRow(tenantId, { created_at: at('2031-03-01T11:59:00Z'), suggestion: 'block', flagged: ',sexual_minors,' }),
      // '_' must not act as a LIKE wildcard: this is not self_harm.
      decisionRow(tenantId, { created_at: at('2031-03-01T11:30:00Z'), suggestion: 'review', flagged: ',selfxharm,' }),
      decisionRow(tenantId, { created_at: at('2031-03-01T13:00:00Z'), suggestion: 'pass' }),
      decisionRow(other, { created_at: at('2031-03-01T11:00:00Z'), suggestion: 'block', flagged: ',hate,' }),
    ];
    await decisions.insertMany(rows);
    const buckets = await stats.buckets(tenantId, window);
    assert.deepEqual(buckets.map((b) => b.start), ['2031-03-01T10:00:00.000Z', '2031-03-01T11:00:00.000Z', '2031-03-01T12:00:00.000Z']);
    assert.deepEqual(buckets.map((b) => [b.pass, b.review, b.block]), [[1, 1, 0], [0, 1, 2], [0, 0, 0]]);
    const flagged = buckets.map((b) => Object.entries(b.flagged).filter(([, n]) => n > 0));
    assert.deepEqual(flagged, [
      [['harassment', 1], ['profanity', 1]],
      [['sexual_minors', 1], ['hate', 1], ['violence', 1]],
      [],
    ]);
    assert.equal(buckets[1].flagged.sexual, 0, '"sexual" does not count "sexual_minors"');
    assert.equal(buckets[1].flagged.self_harm, 0);

    const daily = await stats.buckets(tenantId, statsWindow({ since: '2031-02-28T12:00:00Z', until: '2031-03-02T00:00:00Z', bucket: 'day' }, Date.now()));
    assert.deepEqual(daily.map((b) => [b.start, b.pass + b.review + b.block]), [['2031-02-28T00:00:00.000Z', 0], ['2031-03-01T00:00:00.000Z', 7]]);
  });

  test('latency: count, median, 95th percentile (nearest rank) and maximum per kind', async () => {
    const { decisions, stats } = ctx.t.stores;
    const latencyWindow = statsWindow({ since: '2032-01-01T00:00:00Z', until: '2032-01-02T00:00:00Z' }, Date.now());
    // Twenty texts of 1..20 ms inserted out of order, one picture of 250 ms, one 900 ms video outside the window.
    const texts = Array.from({ length: 20 }, (_, i) => ((i * 7) % 20) + 1);
    await decisions.insertMany([
      ...texts.map((ms, i) => decisionRow(tenantId, { created_at: new Date(Date.parse('2032-01-01T01:00:00Z') + i * 60_000).toISOString(), latency_ms: ms })),
      decisionRow(tenantId, { kind: 'image', created_at: at('2032-01-01T05:00:00Z'), latency_ms: 250.5 }),
      decisionRow(tenantId, { kind: 'video', created_at: at('2032-01-02T00:00:00Z'), latency_ms: 900 }),
    ]);
    assert.deepEqual(await stats.latency(tenantId, latencyWindow), [
      { kind: 'text', count: 20, p50: 10, p95: 19, max: 20 },
      { kind: 'image', count: 1, p50: 250.5, p95: 250.5, max: 250.5 },
      { kind: 'audio', count: 0, p50: null, p95: null, max: null },
      { kind: 'video', count: 0, p50: null, p95: null, max: null },
    ]);
  });

  test('backlog: open and claimed now, the oldest, and ages in bands', async () => {
    const { decisions, stats } = ctx.t.stores;
    const now = Date.now();
    const ago = (ms: number) => new Date(now - ms).toISOString();
    const waiting = [0.5 * HOUR, 2 * HOUR, 23 * HOUR, 3 * 24 * HOUR, 10 * 24 * HOUR];
    const made = waiting.map((ms) => decisionRow(tenantId, { suggestion: 'review', created_at: ago(ms) }));
    const reviews: ReviewTable[] = made.map((d, i) => ({ ...newReviewRow(tenantId, d.id, 0.5, ago(waiting[i])),
      ...(i === 1 ? { status: 'claimed', claimed_by: 'key_a', claimed_at: ago(HOUR) } : {}) }));
    const done = decisionRow(tenantId, { suggestion: 'review', created_at: ago(40 * 24 * HOUR) });
    reviews.push({ ...newReviewRow(tenantId, done.id, 0.5, ago(40 * 24 * HOUR)), status: 'decided', outcome: 'approve', decided_at: ago(HOUR) });
    await decisions.insertMany([...made, done], reviews);
    assert.deepEqual(await stats.backlog(tenantId, now), {
      open: 4, claimed: 1, oldestCreatedAt: ago(10 * 24 * HOUR),
      ages: { underHour: 1, hourToDay: 2, dayToWeek: 1, overWeek: 1 },
    });
  });

  test('agreement: reviews decided in the window, in all and per flagged category', async () => {
    const { decisions, stats } = ctx.t.stores;
    const agreementWindow = statsWindow({ since: '2033-05-01T00:00:00Z', until: '2033-05-02T00:00:00Z' }, Date.now());
    const cases: [string, string, string][] = [
      [',harassment,', 'reject', '2033-05-01T01:00:00Z'],
      [',harassment,profanity,', 'approve', '2033-05-01T02:00:00Z'],
      [',harassment,', 'reject', '2033-05-01T03:00:00Z'],
      [',hate,', 'approve', '2033-05-01T04:00:00Z'],
      [',hate,', 'reject', '2033-05-02T00:00:00Z'], // decided after the window
    ];
    const made = cases.map(() => decisionRow(tenantId, { suggestion: 'review', created_at: at('2033-04-30T00:00:00Z') }));
    made.forEach((d, i) => { d.flagged = cases[i][0]; });
    await decisions.insertMany(made, made.map((d, i) => ({
      ...newReviewRow(tenantId, d.id, 0.5, d.created_at), status: 'decided', outcome: cases[i][1], decided_by: 'key_a', decided_at: at(cases[i][2]),
    })));
    const { all, categories } = await stats.agreement(tenantId, agreementWindow);
    assert.deepEqual(all, { reviewed: 4, rejected: 2, approved: 2 });
    assert.deepEqual(categories.harassment, { reviewed: 3, rejected: 2, approved: 1 });
    assert.deepEqual(categories.hate, { reviewed: 1, rejected: 0, approved: 1 });
    assert.deepEqual(categories.profanity, { reviewed: 1, rejected: 0, approved: 1 });
    assert.deepEqual(categories.spam, { reviewed: 0, rejected: 0, approved: 0 });
  });
});
