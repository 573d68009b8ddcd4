// Webhook endpoints and their deliveries. A delivery row is the outbox: written when the event
// happens, claimed by one sender at a time with a lease (several workers share the table), and
// updated after each attempt, so deliveries survive restarts and the log shows every attempt's end.

import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { BulwarkError } from '../errors.js';
import { decodeIdCursor, pageLimit, toPage } from './cursor.js';
import type { Page } from './cursor.js';
import { newId } from './ids.js';
import type { Database, WebhookDeliveryTable, WebhookTable } from './schema.js';

export const WEBHOOK_EVENTS = ['decision.flagged', 'job.completed', 'job.failed', 'stream.alert', 'review.decided'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export interface WebhookRecord {
  id: string;
  tenantId: string;
  url: string;
  events: WebhookEvent[];
  description: string | null;
  enabled: boolean;
  disabledReason: string | null;
  failingSince: string | null;
  createdAt: string;
  updatedAt: string;
}

/** An endpoint with its signing secret: what the sender needs, never listed by the API. */
export interface WebhookTarget extends WebhookRecord { secret: string }

export interface WebhookChanges { url?: string; events?: readonly WebhookEvent[]; description?: string | null; enabled?: boolean }

export type DeliveryRow = WebhookDeliveryTable;

/** A delivery claimed for sending, with where it goes. */
export interface ClaimedDelivery extends DeliveryRow { url: string; secret: string }

export interface AttemptResult {
  at: string;
  ok: boolean;
  responseStatus: number | null;
  error: string | null;
  /** When to try again; null gives up (status failed). Ignored when ok. */
  nextAttemptAt: string | null;
}

export class WebhookStore {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) { this.#db = db; }

  async create(input: { tenantId: string; url: string; events: readonly WebhookEvent[]; description?: string | null }): Promise<WebhookTarget> {
    const now = new Date().toISOString();
    const row: WebhookTable = {
      id: newId('whk'), tenant_id: input.tenantId, url: input.url, secret: newSecret(), events: JSON.stringify([...new Set(input.events)]),
      description: input.description ?? null, enabled: 1, disabled_reason: null, failing_since: null, job_id: null, created_at: now, updated_at: now,
    };
    await this.#db.insertInto('webhooks').values(row).execute();
    return toTarget(row);
  }

  /** The endpoint a job's callbackUrl is delivered through, signed with the secret the caller chose. */
  async createCallback(input: { tenantId: string; url: string; secret: string; jobId: string }): Promise<WebhookTarget> {
    const now = new Date().toISOString();
    const row: WebhookTable = {
      id: newId('whk'), tenant_id: input.tenantId, url: input.url, secret: input.secret, events: JSON.stringify(['job.completed', 'job.failed']),
      description: `callbackUrl of ${input.jobId}`, enabled: 1, disabled_reason: null, failing_since: null, job_id: input.jobId, created_at: now, updated_at: now,
    };
    await this.#db.insertInto('webhooks').values(row).execute();
    return toTarget(row);
  }

  async list(tenantId: string): Promise<WebhookRecord[]> {
    const rows = await this.#db.selectFrom('webhooks').selectAll().where('tenant_id', '=', tenantId).where('job_id', 'is', null).orderBy('id').execute();
    return rows.map((r) => toRecord(r));
  }

  async get(tenantId: string, id: string): Promise<WebhookTarget> {
    const row = await this.#db.selectFrom('webhooks').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).where('job_id', 'is', null).executeTakeFirst();
    if (!row) throw new BulwarkError('WEBHOOK_NOT_FOUND');
    return toTarget(row);
  }

  /** Enabled endpoints of the tenant that asked for this event. */
  async subscribers(tenantId: string, event: WebhookEvent): Promise<WebhookTarget[]> {
    const rows = await this.#db.selectFrom('webhooks').selectAll().where('tenant_id', '=', tenantId).where('enabled', '=', 1).where('job_id', 'is', null).execute();
    return rows.map(toTarget).filter((w) => w.events.includes(event));
  }

  /** Changes an endpoint; enabling it again clears why it was disabled and its failure streak. */
  async update(tenantId: string, id: string, changes: WebhookChanges): Promise<WebhookRecord> {
    const set: Partial<WebhookTable> = { updated_at: new Date().toISOString() };
    if (changes.url !== undefined) set.url = changes.url;
    if (changes.events !== undefined) set.events = JSON.stringify([...new Set(changes.events)]);
    if (changes.description !== undefined) set.description = changes.description;
    if (changes.enabled === true) Object.assign(set, { enabled: 1, disabled_reason: null, failing_since: null });
    if (changes.enabled === false) Object.assign(set, { enabled: 0, disabled_reason: 'disabled through the API' });
    const row = await this.#db.updateTable('webhooks').set(set).where('tenant_id', '=', tenantId).where('id', '=', id).where('job_id', 'is', null).returningAll().executeTakeFirst();
    if (!row) throw new BulwarkError('WEBHOOK_NOT_FOUND');
    return toRecord(row);
  }

  /** A new signing secret; the old one stops working at once. */
  async rotateSecret(tenantId: string, id: string): Promise<WebhookTarget> {
    const row = await this.#db.updateTable('webhooks').set({ secret: newSecret(), updated_at: new Date().toISOString() })
      .where('tenant_id', '=', tenantId).where('id', '=', id).where('job_id', 'is', null).returningAll().executeTakeFirst();
    if (!row) throw new BulwarkError('WEBHOOK_NOT_FOUND');
    return toTarget(row);
  }

  async delete(tenantId: string, id: string): Promise<void> {
    const { numDeletedRows } = await this.#db.deleteFrom('webhooks').where('tenant_id', '=', tenantId).where('id', '=', id).where('job_id', 'is', null).executeTakeFirst();
    if (numDeletedRows === 0n) throw new BulwarkError('WEBHOOK_NOT_FOUND');
  }

  /** Queues one event for each endpoint given: one delivery each, due now. */
  async enqueue(targets: readonly WebhookRecord[], event: { id: string; type: WebhookEvent; payload: string; at: string }): Promise<void> {
    if (targets.length === 0) return;
    await this.#db.insertInto('webhook_deliveries').values(targets.map((t) => pendingRow(t.id, t.tenantId, event.id, event.type, event.payload, event.at))).execute();
  }

  /**
   * Claims up to `limit` deliveries that are due, for `leaseMs`: a claimed delivery is not handed
   * to another sender until the lease ends (a sender that died mid-attempt loses it then).
   */
  async claimDue(now: Date, leaseMs: number, limit: number): Promise<ClaimedDelivery[]> {
    const at = now.toISOString();
    const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
    const due = await this.#db.selectFrom('webhook_deliveries as d').innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
      .selectAll('d').select(['w.url', 'w.secret'])
      .where('d.status', '=', 'pending').where('d.next_attempt_at', '<=', at).where('w.enabled', '=', 1)
      .where((eb) => eb.or([eb('d.lease_until', 'is', null), eb('d.lease_until', '<', at)]))
      .orderBy('d.next_attempt_at').limit(limit).execute();
    const claimed: ClaimedDelivery[] = [];
    for (const d of due) {
      const { numUpdatedRows } = await this.#db.updateTable('webhook_deliveries').set({ lease_until: leaseUntil })
        .where('id', '=', d.id).where('status', '=', 'pending')
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at)]))
        .executeTakeFirst();
      if (numUpdatedRows === 1n) claimed.push({ ...d, lease_until: leaseUntil });
    }
    return claimed;
  }

  /** Records how one attempt ended, and the endpoint's failure streak. */
  async recordAttempt(delivery: DeliveryRow, result: AttemptResult): Promise<void> {
    const status = result.ok ? 'delivered' : result.nextAttemptAt === null ? 'failed' : 'pending';
    await this.#db.updateTable('webhook_deliveries').set({
      status, attempts: delivery.attempts + 1, last_attempt_at: result.at, response_status: result.responseStatus,
      last_error: result.error, lease_until: null, delivered_at: result.ok ? result.at : null,
      next_attempt_at: result.ok || result.nextAttemptAt === null ? delivery.next_attempt_at : result.nextAttemptAt,
    }).where('id', '=', delivery.id).execute();
    const streak = this.#db.updateTable('webhooks').where('id', '=', delivery.webhook_id);
    if (result.ok) await streak.set({ failing_since: null }).where('failing_since', 'is not', null).execute();
    else await streak.set({ failing_since: result.at }).where('failing_since', 'is', null).execute();
  }

  /**
   * Disables the enabled endpoints that have failed every delivery since before `before`, each with
   * the reason (since when, and the last error). Returns them.
   */
  async disableFailing(before: string): Promise<WebhookRecord[]> {
    const failing = await this.#db.selectFrom('webhooks').selectAll().where('enabled', '=', 1).where('failing_since', '<', before).execute();
    for (const w of failing) {
      const last = await this.#db.selectFrom('webhook_deliveries').select('last_error').where('webhook_id', '=', w.id)
        .where('last_attempt_at', 'is not', null).orderBy('last_attempt_at', 'desc').limit(1).executeTakeFirst();
      const reason = `every delivery failed since ${w.failing_since}; the last error: ${last?.last_error ?? 'unknown'}`;
      await this.#db.updateTable('webhooks').set({ enabled: 0, disabled_reason: reason, updated_at: new Date().toISOString() }).where('id', '=', w.id).execute();
    }
    return failing.map((r) => toRecord(r));
  }

  /** An endpoint's deliveries, newest first, cursor paging. */
  async deliveries(tenantId: string, webhookId: string, query: { cursor?: string; limit?: number } = {}): Promise<Page<DeliveryRow>> {
    await this.get(tenantId, webhookId);
    const limit = pageLimit(query.limit);
    let q = this.#db.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', webhookId);
    if (query.cursor !== undefined) q = q.where('id', '<', decodeIdCursor(query.cursor, 'dlv'));
    return toPage(await q.orderBy('id', 'desc').limit(limit + 1).execute(), limit, (d) => d.id);
  }

  /** Sends a delivery's event again, as a new delivery due now (same event id and body). */
  async redeliver(tenantId: string, webhookId: string, deliveryId: string): Promise<DeliveryRow> {
    const old = await this.#db.selectFrom('webhook_deliveries').selectAll()
      .where('tenant_id', '=', tenantId).where('webhook_id', '=', webhookId).where('id', '=', deliveryId).executeTakeFirst();
    if (!old) throw new BulwarkError('DELIVERY_NOT_FOUND');
    const row = pendingRow(webhookId, tenantId, old.event_id, old.event, old.payload, new Date().toISOString());
    await this.#db.insertInto('webhook_deliveries').values(row).execute();
    return row;
  }
}

function pendingRow(webhookId: string, tenantId: string, eventId: string, event: string, payload: string, at: string): DeliveryRow {
  return {
    id: newId('dlv'), webhook_id: webhookId, tenant_id: tenantId, event_id: eventId, event, payload, status: 'pending', attempts: 0,
    next_attempt_at: at, lease_until: null, last_attempt_at: null, response_status: null, last_error: null, created_at: at, delivered_at: null,
  };
}

function newSecret(): string {
  return `whsec_${randomBytes(24).toString('base64url')}`;
}

function toRecord(r: WebhookTable): WebhookRecord {
  return {
    id: r.id, tenantId: r.tenant_id, url: r.url, events: JSON.parse(r.events) as WebhookEvent[], description: r.description,
    enabled: Number(r.enabled) === 1, disabledReason: r.disabled_reason, failingSince: r.failing_since, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

function toTarget(r: WebhookTable): WebhookTarget {
  return { ...toRecord(r), secret: r.secret };
}
