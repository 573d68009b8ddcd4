// Webhook events: when something happens (a decision flagged, a review decided, later jobs and
// streams), one delivery is queued for each enabled endpoint of the tenant that asked for that
// event, and the sender is woken. The tenant's endpoints are cached for a few seconds (and
// forgotten when they change), so a flood of flagged decisions costs no query per decision.

import { newId } from '../db/index.js';
import type { WebhookEvent, WebhookRecord, WebhookStore } from '../db/index.js';

/** The body every delivery carries. */
export interface EventBody<T = unknown> { id: string; type: WebhookEvent; createdAt: string; data: T }

const CACHE_MS = 5_000;

export class WebhookEvents {
  readonly #store: WebhookStore;
  readonly #wake: () => void;
  readonly #endpoints = new Map<string, { at: number; endpoints: Promise<WebhookRecord[]> }>();

  constructor(store: WebhookStore, wake: () => void) {
    this.#store = store;
    this.#wake = wake;
  }

  /** The tenant's endpoints changed. */
  forget(tenantId: string): void {
    this.#endpoints.delete(tenantId);
  }

  /** Queues the event for every endpoint that wants it; returns its id, or null when none does. */
  async emit<T>(tenantId: string, type: WebhookEvent, data: T, at = new Date()): Promise<string | null> {
    const targets = (await this.#enabled(tenantId)).filter((w) => w.events.includes(type));
    if (targets.length === 0) return null;
    const id = await queue(this.#store, targets, type, data, at);
    this.#wake();
    return id;
  }

  /**
   * Queues the event inside a transaction the caller holds (`store` works in it), for the tenant's
   * endpoints that want it (read there, not from the cache) and `also` (a job's callback): it is
   * queued exactly when the transaction commits. Call wake() once it has. Returns its id, or null.
   */
  async emitIn<T>(store: WebhookStore, tenantId: string, type: WebhookEvent, data: T, also: readonly WebhookRecord[] = []): Promise<string | null> {
    const targets = [...(await store.list(tenantId)).filter((w) => w.enabled && w.events.includes(type)), ...also];
    return targets.length === 0 ? null : queue(store, targets, type, data, new Date());
  }

  /** Events were queued: the sender sends them now instead of at its next poll. */
  wake(): void {
    this.#wake();
  }

  /** Whether any endpoint of the tenant wants this event (cheap: from the cache). */
  async wanted(tenantId: string, type: WebhookEvent): Promise<boolean> {
    return (await this.#enabled(tenantId)).some((w) => w.events.includes(type));
  }

  #enabled(tenantId: string): Promise<WebhookRecord[]> {
    const cached = this.#endpoints.get(tenantId);
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.endpoints;
    const endpoints = this.#store.list(tenantId).then((all) => all.filter((w) => w.enabled));
    endpoints.catch(() => this.#endpoints.delete(tenantId));
    this.#endpoints.set(tenantId, { at: Date.now(), endpoints });
    return endpoints;
  }
}

async function queue<T>(store: WebhookStore, targets: readonly WebhookRecord[], type: WebhookEvent, data: T, at: Date): Promise<string> {
  const body: EventBody<T> = { id: newId('wev'), type, createdAt: at.toISOString(), data };
  await store.enqueue(targets, { id: body.id, type, payload: JSON.stringify(body), at: body.createdAt });
  return body.id;
}
