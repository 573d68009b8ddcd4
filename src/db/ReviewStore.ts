// The review queue. Claiming and deciding are single conditional UPDATEs, so two reviewers can
// never both win; when one loses, the row is read to say why (404, claimed by other, decided).

import type { Kysely } from 'kysely';
import { BulwarkError } from '../errors.js';
import { decodeTupleCursor, pageLimit, toPage } from './cursor.js';
import { ID_PATTERN, newId } from './ids.js';
import type { Database, ReviewTable } from './schema.js';

export const REVIEW_STATUSES = ['open', 'claimed', 'decided'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const REVIEW_ORDERS = ['oldest', 'riskiest'] as const;
export type ReviewOrder = (typeof REVIEW_ORDERS)[number];

export type ReviewRow = ReviewTable;

export interface ReviewQuery { status?: ReviewStatus; order?: ReviewOrder; cursor?: string; limit?: number }
export interface ReviewVerdict { outcome: string; labels: readonly string[]; note: string | null }

type Cursor = ['oldest', string, string] | ['riskiest', number, string];

/** The row of a review item just opened for a decision (also written in bulk by the audit recorder). */
export function newReviewRow(tenantId: string, decisionId: string, risk: number, createdAt: string): ReviewRow {
  return {
    id: newId('rev'), tenant_id: tenantId, decision_id: decisionId, status: 'open', risk,
    claimed_by: null, claimed_at: null, outcome: null, labels: '[]', note: null,
    decided_by: null, decided_at: null, created_at: createdAt,
  };
}

export class ReviewStore {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) { this.#db = db; }

  /** Opens a review for one of the tenant's decisions, or returns the one still undecided. */
  async open(input: { tenantId: string; decisionId: string; risk: number }): Promise<ReviewRow> {
    const decision = await this.#db.selectFrom('decisions').select('id')
      .where('tenant_id', '=', input.tenantId).where('id', '=', input.decisionId).executeTakeFirst();
    if (!decision) throw new BulwarkError('DECISION_NOT_FOUND');
    const pending = await this.#db.selectFrom('reviews').selectAll()
      .where('tenant_id', '=', input.tenantId).where('decision_id', '=', input.decisionId)
      .where('status', '!=', 'decided').executeTakeFirst();
    if (pending) return pending;
    const row = newReviewRow(input.tenantId, input.decisionId, input.risk, new Date().toISOString());
    await this.#db.insertInto('reviews').values(row).execute();
    return row;
  }

  async get(tenantId: string, id: string): Promise<ReviewRow | null> {
    const found = await this.#db.selectFrom('reviews').selectAll()
      .where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return found ?? null;
  }

  /** The newest review of a decision (a decision may be reviewed again, e.g. on appeal). */
  async getByDecision(tenantId: string, decisionId: string): Promise<ReviewRow | null> {
    const found = await this.#db.selectFrom('reviews').selectAll()
      .where('tenant_id', '=', tenantId).where('decision_id', '=', decisionId)
      .orderBy('id', 'desc').limit(1).executeTakeFirst();
    return found ?? null;
  }

  /**
   * The newest review of each decision given, in one query (a page of decisions shows its outcomes
   * without a query per row). Decisions never reviewed are absent from the map.
   */
  async newestByDecision(tenantId: string, decisionIds: readonly string[]): Promise<Map<string, ReviewRow>> {
    const newest = new Map<string, ReviewRow>();
    if (decisionIds.length === 0) return newest;
    const rows = await this.#db.selectFrom('reviews').selectAll()
      .where('tenant_id', '=', tenantId).where('decision_id', 'in', [...decisionIds]).orderBy('id').execute();
    for (const row of rows) newest.set(row.decision_id, row);
    return newest;
  }

  /** Oldest first (created_at), or riskiest first (risk, then oldest id); cursor paging. */
  async list(tenantId: string, query: ReviewQuery = {}): Promise<{ reviews: ReviewRow[]; nextCursor: string | null }> {
    const order = query.order ?? 'oldest';
    const limit = pageLimit(query.limit);
    let q = this.#db.selectFrom('reviews').selectAll().where('tenant_id', '=', tenantId);
    if (query.status !== undefined) q = q.where('status', '=', query.status);
    const after = query.cursor === undefined ? null : decodeTupleCursor<Cursor>(query.cursor, isCursor);
    if (after && after[0] !== order) throw new BulwarkError('CURSOR_INVALID', 'The cursor belongs to another order.');
    if (order === 'oldest') {
      if (after) q = q.where((eb) => eb.or([eb('created_at', '>', after[1] as string),
        eb.and([eb('created_at', '=', after[1] as string), eb('id', '>', after[2])])]));
      q = q.orderBy('created_at').orderBy('id');
    } else {
      if (after) q = q.where((eb) => eb.or([eb('risk', '<', after[1] as number),
        eb.and([eb('risk', '=', after[1] as number), eb('id', '>', after[2])])]));
      q = q.orderBy('risk', 'desc').orderBy('id');
    }
    const rows = await q.limit(limit + 1).execute();
    const page = toPage(rows, limit, (r) => order === 'oldest' ? [order, r.created_at, r.id] : [order, Number(r.risk), r.id]);
    return { reviews: page.items, nextCursor: page.nextCursor };
  }

  /** Claims an open review; claiming again with the same key is a no-op success. */
  async claim(tenantId: string, id: string, keyId: string): Promise<ReviewRow> {
    const claimed = await this.#db.updateTable('reviews')
      .set({ status: 'claimed', claimed_by: keyId, claimed_at: new Date().toISOString() })
      .where('tenant_id', '=', tenantId).where('id', '=', id)
      .where((eb) => eb.or([eb('status', '=', 'open'), eb.and([eb('status', '=', 'claimed'), eb('claimed_by', '=', keyId)])]))
      .returningAll().executeTakeFirst();
    return claimed ?? this.#refusal(tenantId, id);
  }

  /** Decides a review that is open or claimed by this key. */
  /** `overrideClaim` (admin keys) decides an item another key claimed, e.g. one since revoked. */
  async decide(tenantId: string, id: string, keyId: string, verdict: ReviewVerdict, overrideClaim = false): Promise<ReviewRow> {
    const decided = await this.#db.updateTable('reviews')
      .set({
        status: 'decided', outcome: verdict.outcome, labels: JSON.stringify(verdict.labels), note: verdict.note,
        decided_by: keyId, decided_at: new Date().toISOString(),
      })
      .where('tenant_id', '=', tenantId).where('id', '=', id)
      .where((eb) => eb.or([
        eb('status', '=', 'open'),
        overrideClaim ? eb('status', '=', 'claimed') : eb.and([eb('status', '=', 'claimed'), eb('claimed_by', '=', keyId)]),
      ]))
      .returningAll().executeTakeFirst();
    return decided ?? this.#refusal(tenantId, id);
  }

  // Why a conditional update matched nothing.
  async #refusal(tenantId: string, id: string): Promise<never> {
    const row = await this.get(tenantId, id);
    if (!row) throw new BulwarkError('REVIEW_NOT_FOUND');
    if (row.status === 'decided') throw new BulwarkError('REVIEW_ALREADY_DECIDED');
    throw new BulwarkError('REVIEW_CLAIMED_BY_OTHER');
  }
}

function isCursor(v: unknown[]): v is Cursor {
  if (v.length !== 3 || typeof v[2] !== 'string' || !ID_PATTERN.test(v[2])) return false;
  if (v[0] === 'oldest') return typeof v[1] === 'string' && v[1].length <= 40;
  return v[0] === 'riskiest' && typeof v[1] === 'number' && Number.isFinite(v[1]);
}
