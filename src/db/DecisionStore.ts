// The audit log of decisions: written in batches by the recorder, read back one at a time or
// searched newest first. Rows are returned as stored; service/decisionRows.ts maps them.

import type { Kysely, RawBuilder } from 'kysely';
import { sql } from 'kysely';
import { decodeIdCursor, pageLimit, toPage } from './cursor.js';
import { BulkInsert } from './bulkInsert.js';
import type { Database, DecisionTable, ReviewTable } from './schema.js';
import { parseTime } from './statsWindow.js';

export type DecisionRow = DecisionTable;
/** What a policy preview replays of a stored decision. */
export type ReplayRow = Pick<DecisionRow, 'id' | 'policy' | 'categories' | 'evidence'>;

export interface DecisionQuery {
  suggestion?: string;
  /** Only decisions that flagged this category. */
  category?: string;
  /** Inclusive lower bound on created_at (any ISO-8601 date-time). */
  since?: string;
  /** Exclusive upper bound on created_at. */
  until?: string;
  dataId?: string;
  /** Where the decision's newest review stands: never queued, still in the queue, or its outcome. */
  review?: ReviewFilter;
  cursor?: string;
  limit?: number;
}

export const REVIEW_FILTERS = ['none', 'pending', 'approve', 'reject'] as const;
export type ReviewFilter = (typeof REVIEW_FILTERS)[number];

// 15 columns × 200 rows stays far below both databases' parameter limits.
const CHUNK = 200;

export class DecisionStore {
  readonly #db: Kysely<Database>;
  readonly #bulk = new BulkInsert();
  constructor(db: Kysely<Database>) { this.#db = db; }

  async insert(row: DecisionRow): Promise<void> {
    await this.#db.insertInto('decisions').values(row).execute();
  }

  /** Decisions and the reviews they open, in one transaction (decisions first: reviews refer to them). */
  async insertMany(decisions: readonly DecisionRow[], reviews: readonly ReviewTable[] = []): Promise<void> {
    if (decisions.length === 0 && reviews.length === 0) return;
    await this.#db.transaction().execute(async (trx) => {
      for (let i = 0; i < decisions.length; i += CHUNK) await this.#bulk.insert(trx, 'decisions', decisions.slice(i, i + CHUNK));
      for (let i = 0; i < reviews.length; i += CHUNK) await this.#bulk.insert(trx, 'reviews', reviews.slice(i, i + CHUNK));
    });
  }

  async get(tenantId: string, id: string): Promise<DecisionRow | null> {
    const found = await this.#db.selectFrom('decisions').selectAll()
      .where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return found ?? null;
  }

  /** Newest first; `nextCursor` is null on the last page. */
  async list(tenantId: string, query: DecisionQuery = {}): Promise<{ decisions: DecisionRow[]; nextCursor: string | null }> {
    const limit = pageLimit(query.limit);
    let q = this.#db.selectFrom('decisions').selectAll().where('tenant_id', '=', tenantId);
    if (query.suggestion !== undefined) q = q.where('suggestion', '=', query.suggestion);
    if (query.category !== undefined) {
      q = q.where(flaggedLike('flagged', query.category));
    }
    if (query.since !== undefined) q = q.where('created_at', '>=', isoTime(query.since));
    if (query.until !== undefined) q = q.where('created_at', '<', isoTime(query.until));
    if (query.dataId !== undefined) q = q.where('data_id', '=', query.dataId);
    const review = query.review;
    if (review !== undefined) {
      q = q.where((eb) => {
        const reviews = eb.selectFrom('reviews as r').select('r.id')
          .whereRef('r.tenant_id', '=', 'decisions.tenant_id').whereRef('r.decision_id', '=', 'decisions.id');
        if (review === 'none') return eb.not(eb.exists(reviews));
        // A decision may be reviewed again (an appeal): only its newest review counts.
        const newest = reviews.where((e) => e.not(e.exists(e.selectFrom('reviews as n').select('n.id')
          .whereRef('n.tenant_id', '=', 'r.tenant_id').whereRef('n.decision_id', '=', 'r.decision_id').whereRef('n.id', '>', 'r.id'))));
        return eb.exists(review === 'pending' ? newest.where('r.status', '!=', 'decided') : newest.where('r.outcome', '=', review));
      });
    }
    if (query.cursor !== undefined) q = q.where('id', '<', decodeIdCursor(query.cursor, 'dec'));
    const rows = await q.orderBy('id', 'desc').limit(limit + 1).execute();
    const page = toPage(rows, limit, (r) => r.id);
    return { decisions: page.items, nextCursor: page.nextCursor };
  }

  /**
   * The newest `limit` decisions made under any of these policies ('name@version', newest version
   * first), newest first, with only what a replay reads. One query per version, each an index range
   * (decisions_tenant_policy_id): once `limit` rows are in hand, an older version is asked only for
   * rows newer than the oldest kept, usually none. A rarely used policy never walks the tenant's log.
   */
  async newestUnder(tenantId: string, policies: readonly string[], limit: number): Promise<ReplayRow[]> {
    let kept: ReplayRow[] = [];
    for (const policy of policies) {
      let q = this.#db.selectFrom('decisions').select(['id', 'policy', 'categories', 'evidence'])
        .where('tenant_id', '=', tenantId).where('policy', '=', policy);
      if (kept.length === limit) q = q.where('id', '>', kept[limit - 1].id);
      const rows = await q.orderBy('id', 'desc').limit(limit).execute();
      if (rows.length > 0) kept = [...kept, ...rows].sort((a, b) => (a.id < b.id ? 1 : -1)).slice(0, limit);
    }
    return kept;
  }
}

/** Whether a decision's `flagged` column (',hate,pii,') names the category. */
export function flaggedLike(column: string, category: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} like ${`%,${escapeLike(category)},%`} escape '!'`;
}

// '!' as the escape character: it means the same to SQLite and PostgreSQL, unlike a backslash.
function escapeLike(text: string): string {
  return text.replace(/[!%_]/g, (c) => `!${c}`);
}

// Stored times are toISOString() output; bounds are normalised to it so text comparison is right.
function isoTime(value: string): string {
  return new Date(parseTime(value)).toISOString();
}
