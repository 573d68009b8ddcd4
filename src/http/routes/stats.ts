// The numbers behind the console's dashboard: decisions per time bucket by suggestion and flagged
// category, the review backlog now, reviewer agreement per category and latency per content kind.

import { Type } from '@sinclair/typebox';
import type { Static, TSchema } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { CATEGORIES, CONTENT_KINDS } from '../../content/index.js';
import { STATS_BUCKETS, STATS_LIMITS, statsWindow } from '../../db/index.js';
import type { Agreement } from '../../db/index.js';
import type { Service } from '../../service/index.js';
import { principalOf } from '../plugins/auth.js';
import { errorResponses, literalUnion } from '../schemas.js';

const StatsQuery = Type.Object({
  since: Type.Optional(Type.String({ format: 'date-time', description: 'Inclusive. Default: 7 days before `until`.' })),
  until: Type.Optional(Type.String({ format: 'date-time', description: 'Exclusive. Default: now.' })),
  bucket: Type.Optional(literalUnion(STATS_BUCKETS,
    'UTC hours or days. Default: hour for windows up to 3 days, else day.')),
}, { additionalProperties: false });

const Count = Type.Integer({ minimum: 0 });
const AgreementSchema = {
  reviewed: Count, rejected: Count, approved: Count,
  rate: Type.Union([Type.Number(), Type.Null()], { description: 'rejected / reviewed: how often reviewers agreed the content violates; null when none.' }),
};
const Milliseconds = Type.Union([Type.Number(), Type.Null()]);

const StatsSchema = Type.Object({
  since: Type.String(), until: Type.String(), bucket: literalUnion(STATS_BUCKETS),
  buckets: Type.Array(Type.Object({
    start: Type.String({ description: 'The bucket\'s start (UTC); the first and last bucket may be cut by the window.' }),
    pass: Count, review: Count, block: Count,
    flagged: Type.Object(Object.fromEntries(CATEGORIES.map((c) => [c, Count])) as Record<string, TSchema>,
      { description: 'Decisions that flagged each category (severity above none), whatever their suggestion.' }),
  })),
  backlog: Type.Object({
    open: Count, claimed: Count,
    oldestCreatedAt: Type.Union([Type.String(), Type.Null()]),
    oldestAgeSeconds: Type.Union([Type.Integer(), Type.Null()]),
    ages: Type.Object({ underHour: Count, hourToDay: Count, dayToWeek: Count, overWeek: Count },
      { description: 'Open and claimed items by how long they have waited: <1 h, 1–24 h, 1–7 d, >7 d.' }),
  }, { description: 'The review queue now, whatever the window.' }),
  agreement: Type.Object({
    ...AgreementSchema,
    categories: Type.Array(Type.Object({ category: literalUnion(CATEGORIES), ...AgreementSchema })),
  }, { description: 'Reviews decided in the window: reject = the reviewer agreed with the machine, approve = overruled it.' }),
  latency: Type.Array(Type.Object({ kind: literalUnion(CONTENT_KINDS), count: Count, p50: Milliseconds, p95: Milliseconds, max: Milliseconds }),
    { description: 'Decision latency (ms) per content kind in the window; percentiles by nearest rank.' }),
});

const withRate = (a: Agreement) => ({ ...a, rate: a.reviewed ? a.rejected / a.reviewed : null });

export async function statsRoutes(app: FastifyInstance, { service }: { service: Service }): Promise<void> {
  app.get<{ Querystring: Static<typeof StatsQuery> }>('/v1/stats', {
    config: { scope: 'review' },
    schema: {
      tags: ['stats'], summary: 'Dashboard numbers: volume, flagged categories, backlog, agreement, latency',
      description: `Windows up to ${STATS_LIMITS.maxRangeDays} days and ${STATS_LIMITS.maxBuckets} buckets.`,
      querystring: StatsQuery, response: { 200: StatsSchema, ...errorResponses(403) },
    },
  }, async (req) => {
    const { tenantId } = principalOf(req);
    const now = Date.now();
    const window = statsWindow(req.query, now);
    await service.flushDecisions();
    const stats = service.stores.stats;
    const buckets = await stats.buckets(tenantId, window);
    const backlog = await stats.backlog(tenantId, now);
    const agreement = await stats.agreement(tenantId, window);
    const latency = await stats.latency(tenantId, window);
    return {
      since: window.since, until: window.until, bucket: window.bucket, buckets,
      backlog: {
        ...backlog,
        oldestAgeSeconds: backlog.oldestCreatedAt === null ? null : Math.max(0, Math.floor((now - Date.parse(backlog.oldestCreatedAt)) / 1000)),
      },
      agreement: { ...withRate(agreement.all), categories: CATEGORIES.map((category) => ({ category, ...withRate(agreement.categories[category]) })) },
      latency,
    };
  });
}
