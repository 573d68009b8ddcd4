// GET /v1/stats on a real server: decisions made through the moderation route, reviews claimed and
// decided through the review routes, and every number checked against what the test itself made.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { databases, startServer } from './support/server.js';
import type { TestServer } from './support/server.js';

const TEXTS = [
  'Lovely weather for a picnic today.',
  'See you at the meeting tomorrow.',
  'Honestly, you are such an idiot for parking there.',
  'You are such an idiot, nobody wants your opinion.',
  'Nobody likes you, you moron.',
  'I will kill you',
];

interface Made { id: string; suggestion: string; kind: string; latencyMs: number; createdAt: string; flagged: string[] }

/** The ⌈p·n⌉-th smallest: the nearest-rank percentile the API promises. */
const nearestRank = (sorted: number[], p: number) => sorted[Math.ceil((p * sorted.length) / 100) - 1];

for (const db of databases()) {
  describe(`GET /v1/stats (${db.name})`, () => {
    let s: TestServer;
    const made: Made[] = [];
    before(async () => {
      s = await startServer(db.url);
      for (const text of TEXTS) {
        const { status, body } = await s.call('POST', '/v1/moderate/text', { text });
        assert.equal(status, 200, JSON.stringify(body));
        const flagged = Object.entries(body.categories as Record<string, { severity: string }>)
          .filter(([, r]) => r.severity !== 'none').map(([c]) => c);
        made.push({ id: body.id, suggestion: body.suggestion, kind: body.kind, latencyMs: body.latencyMs, createdAt: body.createdAt, flagged });
      }
      const count = (suggestion: string) => made.filter((m) => m.suggestion === suggestion).length;
      assert.ok(count('pass') >= 1 && count('review') >= 3 && count('block') >= 1, JSON.stringify(made.map((m) => m.suggestion)));
    });
    after(async () => { await s.close(); });

    test('volume and flagged categories add up to the decisions made', async () => {
      const { status, body } = await s.call('GET', '/v1/stats');
      assert.equal(status, 200, JSON.stringify(body));
      assert.equal(body.bucket, 'day', 'the default 7 days come in days');
      assert.ok(body.buckets.length === 7 || body.buckets.length === 8, `${body.buckets.length} buckets`);
      const sum = (pick: (b: any) => number) => body.buckets.reduce((n: number, b: any) => n + pick(b), 0);
      for (const suggestion of ['pass', 'review', 'block']) {
        assert.equal(sum((b) => b[suggestion]), made.filter((m) => m.suggestion === suggestion).length, suggestion);
      }
      for (const category of Object.keys(body.buckets[0].flagged)) {
        assert.equal(sum((b) => b.flagged[category]), made.filter((m) => m.flagged.includes(category)).length, category);
      }
      assert.ok(made.some((m) => m.flagged.includes('harassment')), 'some decision flagged harassment');
    });

    test('the window bounds: since inclusive, until exclusive', async () => {
      const first = made[0].createdAt;
      const last = made.at(-1)!.createdAt;
      const { body } = await s.call('GET', `/v1/stats?since=${encodeURIComponent(first)}&until=${encodeURIComponent(last)}&bucket=hour`);
      assert.equal(body.bucket, 'hour');
      const total = body.buckets.reduce((n: number, b: any) => n + b.pass + b.review + b.block, 0);
      assert.equal(total, made.filter((m) => m.createdAt >= first && m.createdAt < last).length);
      const empty = await s.call('GET', '/v1/stats?since=2099-01-01T00:00:00Z&until=2099-01-01T02:00:00Z');
      assert.deepEqual(empty.body.buckets.map((b: any) => b.pass + b.review + b.block), [0, 0]);
      assert.deepEqual(empty.body.latency.map((l: any) => l.count), [0, 0, 0, 0]);
    });

    test('latency per kind: count, p50, p95 and max of the decisions made', async () => {
      const { body } = await s.call('GET', '/v1/stats');
      const sorted = made.map((m) => m.latencyMs).sort((a, b) => a - b);
      assert.deepEqual(body.latency, [
        { kind: 'text', count: made.length, p50: nearestRank(sorted, 50), p95: nearestRank(sorted, 95), max: sorted.at(-1) },
        { kind: 'image', count: 0, p50: null, p95: null, max: null },
        { kind: 'audio', count: 0, p50: null, p95: null, max: null },
        { kind: 'video', count: 0, p50: null, p95: null, max: null },
      ]);
    });

    test('backlog and agreement follow the reviewers', async () => {
      const queue = (await s.call('GET', '/v1/reviews?status=open&order=oldest')).body.reviews as { id: string; decisionId: string; createdAt: string }[];
      const reviewed = made.filter((m) => m.suggestion === 'review');
      assert.equal(queue.length, reviewed.length);
      const before = (await s.call('GET', '/v1/stats')).body;
      assert.deepEqual([before.backlog.open, before.backlog.claimed, before.backlog.oldestCreatedAt], [queue.length, 0, queue[0].createdAt]);
      assert.deepEqual(before.agreement.reviewed, 0);

      const [rejected, approved, claimed] = queue;
      assert.equal((await s.call('POST', `/v1/reviews/${rejected.id}/decide`, { outcome: 'reject' })).status, 200);
      assert.equal((await s.call('POST', `/v1/reviews/${approved.id}/decide`, { outcome: 'approve' })).status, 200);
      assert.equal((await s.call('POST', `/v1/reviews/${claimed.id}/claim`)).status, 200);

      const { body } = await s.call('GET', '/v1/stats');
      assert.deepEqual(body.backlog.ages, { underHour: queue.length - 2, hourToDay: 0, dayToWeek: 0, overWeek: 0 });
      assert.deepEqual([body.backlog.open, body.backlog.claimed, body.backlog.oldestCreatedAt], [queue.length - 3, 1, claimed.createdAt]);
      assert.ok(body.backlog.oldestAgeSeconds >= 0);
      assert.deepEqual([body.agreement.reviewed, body.agreement.rejected, body.agreement.approved, body.agreement.rate], [2, 1, 1, 0.5]);
      const flaggedBy = (review: { decisionId: string }) => made.find((m) => m.id === review.decisionId)!.flagged;
      for (const row of body.agreement.categories) {
        const r = flaggedBy(rejected).includes(row.category) ? 1 : 0;
        const a = flaggedBy(approved).includes(row.category) ? 1 : 0;
        assert.deepEqual(row, { category: row.category, reviewed: r + a, rejected: r, approved: a, rate: r + a ? r / (r + a) : null });
      }
    });

    test('refused: a reversed, too long or too finely cut window; a key without the review scope', async () => {
      const refused = async (query: string, code: string) => {
        const { status, body } = await s.call('GET', `/v1/stats?${query}`);
        assert.deepEqual([status, body.code], [400, code], query);
      };
      await refused('since=2030-01-02T00:00:00Z&until=2030-01-01T00:00:00Z', 'STATS_RANGE_INVALID');
      await refused('since=2020-01-01T00:00:00Z&until=2030-01-01T00:00:00Z', 'STATS_RANGE_TOO_LONG');
      await refused('since=2030-01-01T00:00:00Z&until=2030-03-01T00:00:00Z&bucket=hour', 'STATS_TOO_MANY_BUCKETS');
      await refused('since=yesterday', 'REQUEST_INVALID');
      await refused('bucket=minute', 'REQUEST_INVALID');
      const moderator = (await s.call('POST', '/v1/keys', { name: 'moderator', scopes: ['moderate'] })).body.key;
      assert.equal((await s.call('GET', '/v1/stats', undefined, moderator)).status, 403);
    });
  });
}
