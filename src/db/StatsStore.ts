// What the dashboard shows, aggregated by the database (GROUP BY, conditional sums, a window
// function for percentiles), so a request reads a few rows per bucket, category or kind, never
// the decisions themselves. Every query is the same SQL on SQLite and PostgreSQL.

import type { Kysely, RawBuilder } from 'kysely';
import { sql } from 'kysely';
import { CATEGORIES, CONTENT_KINDS, SUGGESTIONS } from '../content/index.js';
import type { Category, ContentKind, Suggestion } from '../content/index.js';
import { flaggedLike } from './DecisionStore.js';
import type { Database } from './schema.js';
import { BUCKET_KEY_LENGTH, HOUR_MS, bucketStart } from './statsWindow.js';
import type { StatsWindow } from './statsWindow.js';

export type CategoryCounts = Record<Category, number>;
export type BucketCounts = { start: string; flagged: CategoryCounts } & Record<Suggestion, number>;

export interface Backlog {
  open: number;
  claimed: number;
  oldestCreatedAt: string | null;
  /** Items waiting (open or claimed) by age: under 1 h, 1–24 h, 1–7 days, over 7 days. */
  ages: { underHour: number; hourToDay: number; dayToWeek: number; overWeek: number };
}

export interface Agreement { reviewed: number; rejected: number; approved: number }
export interface Latency { kind: ContentKind; count: number; p50: number | null; p95: number | null; max: number | null }

// How many of the rows flagged the category (the same test as a search by category).
const flaggedSum = (column: string, category: Category): RawBuilder<number> =>
  sql<number>`sum(case when ${flaggedLike(column, category)} then 1 else 0 end)`;

const count = (v: unknown): number => Number(v ?? 0);

export class StatsStore {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) { this.#db = db; }

  /** Decisions per bucket: by suggestion, and how many flagged each category. Empty buckets are zeros. */
  async buckets(tenantId: string, window: StatsWindow): Promise<BucketCounts[]> {
    // The length is a literal, not a parameter: PostgreSQL matches the GROUP BY expression textually.
    const key = sql<string>`substr(${sql.ref('created_at')}, 1, ${sql.lit(BUCKET_KEY_LENGTH[window.bucket])})`;
    const rows = await this.#db.selectFrom('decisions')
      .select(key.as('bucket'))
      .select(SUGGESTIONS.map((s) => sql<number>`sum(case when ${sql.ref('suggestion')} = ${s} then 1 else 0 end)`.as(s)))
      .select(CATEGORIES.map((c) => flaggedSum('flagged', c).as(c)))
      .where('tenant_id', '=', tenantId).where('created_at', '>=', window.since).where('created_at', '<', window.until)
      .groupBy(key).execute() as Record<string, unknown>[];
    const found = new Map(rows.map((r) => [bucketStart(String(r.bucket), window.bucket), r]));
    return window.starts.map((start) => {
      const r = found.get(start) ?? {};
      return {
        start,
        pass: count(r.pass), review: count(r.review), block: count(r.block),
        flagged: Object.fromEntries(CATEGORIES.map((c) => [c, count(r[c])])) as CategoryCounts,
      };
    });
  }

  /** The review queue as it stands at `now`: what waits (open or claimed) and for how long. */
  async backlog(tenantId: string, now: number): Promise<Backlog> {
    const ago = (ms: number) => new Date(now - ms).toISOString();
    const [hour, day, week] = [ago(HOUR_MS), ago(24 * HOUR_MS), ago(7 * 24 * HOUR_MS)];
    const created = sql.ref('created_at');
    const r = await this.#db.selectFrom('reviews')
      .select([
        sql<number>`sum(case when ${sql.ref('status')} = 'open' then 1 else 0 end)`.as('open'),
        sql<number>`sum(case when ${sql.ref('status')} = 'claimed' then 1 else 0 end)`.as('claimed'),
        sql<string | null>`min(${created})`.as('oldest'),
        sql<number>`sum(case when ${created} > ${hour} then 1 else 0 end)`.as('underHour'),
        sql<number>`sum(case when ${created} <= ${hour} and ${created} > ${day} then 1 else 0 end)`.as('hourToDay'),
        sql<number>`sum(case when ${created} <= ${day} and ${created} > ${week} then 1 else 0 end)`.as('dayToWeek'),
        sql<number>`sum(case when ${created} <= ${week} then 1 else 0 end)`.as('overWeek'),
      ])
      .where('tenant_id', '=', tenantId).where('status', 'in', ['open', 'claimed'])
      .executeTakeFirstOrThrow();
    return {
      open: count(r.open), claimed: count(r.claimed), oldestCreatedAt: r.oldest ?? null,
      ages: { underHour: count(r.underHour), hourToDay: count(r.hourToDay), dayToWeek: count(r.dayToWeek), overWeek: count(r.overWeek) },
    };
  }

  /**
   * Reviews decided in the window, in all and per category their decision flagged: a reviewer who
   * rejects agrees with the machine (the content does violate), one who approves overrules it.
   */
  async agreement(tenantId: string, window: StatsWindow): Promise<{ all: Agreement; categories: Record<Category, Agreement> }> {
    const rows = await this.#db.selectFrom('reviews as r')
      .innerJoin('decisions as d', (j) => j.onRef('d.id', '=', 'r.decision_id').onRef('d.tenant_id', '=', 'r.tenant_id'))
      .select(['r.outcome', sql<number>`count(*)`.as('reviewed')])
      .select(CATEGORIES.map((c) => flaggedSum('d.flagged', c).as(c)))
      .where('r.tenant_id', '=', tenantId).where('r.status', '=', 'decided')
      .where('r.decided_at', '>=', window.since).where('r.decided_at', '<', window.until)
      .groupBy('r.outcome').execute() as (Record<string, unknown> & { outcome: string | null })[];
    const tally = (pick: (r: Record<string, unknown>) => unknown): Agreement => {
      const of = (outcome: string) => rows.filter((r) => r.outcome === outcome).reduce((n, r) => n + count(pick(r)), 0);
      const rejected = of('reject');
      const approved = of('approve');
      return { reviewed: rejected + approved, rejected, approved };
    };
    return {
      all: tally((r) => r.reviewed),
      categories: Object.fromEntries(CATEGORIES.map((c) => [c, tally((r) => r[c])])) as Record<Category, Agreement>,
    };
  }

  /**
   * Latency per content kind over the window's decisions: count, median, 95th percentile (nearest
   * rank: the ⌈p·n⌉-th smallest) and maximum. A window function ranks the rows inside the database
   * and only the ranks wanted come back, at most three rows per kind.
   */
  async latency(tenantId: string, window: StatsWindow): Promise<Latency[]> {
    const { rows } = await sql<{ kind: string; n: number; rn: number; latency_ms: number }>`
      select kind, n, rn, latency_ms from (
        select kind, latency_ms,
          row_number() over (partition by kind order by latency_ms) as rn,
          count(*) over (partition by kind) as n
        from decisions
        where tenant_id = ${tenantId} and created_at >= ${window.since} and created_at < ${window.until}
      ) ranked
      where rn = (50 * n + 99) / 100 or rn = (95 * n + 99) / 100 or rn = n`.execute(this.#db);
    return CONTENT_KINDS.map((kind) => {
      const ranks = rows.filter((r) => r.kind === kind).map((r) => ({ n: Number(r.n), rn: Number(r.rn), ms: Number(r.latency_ms) }));
      const n = ranks[0]?.n ?? 0;
      const at = (p: number) => ranks.find((r) => r.rn === Math.ceil((p * n) / 100))?.ms ?? null;
      return { kind, count: n, p50: at(50), p95: at(95), max: at(100) };
    });
  }
}
