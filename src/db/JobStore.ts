// Durable jobs. A runner claims the oldest queued job with a lease (a conditional UPDATE, so two
// runners never take one job), renews the lease while it works, and finishes it only if it is
// still running (a job cancelled meanwhile stays cancelled). The claim is the job's attempt
// number: renewing, finishing and releasing require it, so a runner whose lease lapsed cannot
// write over the one that took the job over. After a crash, a running job whose lease has ended
// is queued again, or failed once it has been started too many times. What a job's end announces
// (webhook events) is queued in the transaction that ends it: both happen or neither does.

import type { Kysely } from 'kysely';
import { BulwarkError } from '../errors.js';
import { newId } from './ids.js';
import type { Database, JobTable } from './schema.js';

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export type JobRow = JobTable;

export interface NewJob {
  tenantId: string;
  kind: string;
  request: Record<string, unknown>;
  inputPath: string | null;
  inputBytes: number;
  callbackUrl: string | null;
}

export interface JobError { code: string; message: string }

/** A runner's hold on a job: the job and which attempt of it. */
export type JobClaim = Pick<JobRow, 'id' | 'attempts'>;

/** Queues what a job's end announces, inside the transaction that ends it (`tx` works in it). */
export type Announce = (ended: JobRow, tx: Kysely<Database>) => Promise<void>;

export class JobStore {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) { this.#db = db; }

  async create(job: NewJob, id = newId('job')): Promise<JobRow> {
    const now = new Date().toISOString();
    const row: JobRow = {
      id, tenant_id: job.tenantId, kind: job.kind, status: 'queued', progress: 0, request: JSON.stringify(job.request),
      input_path: job.inputPath, input_bytes: job.inputBytes, callback_url: job.callbackUrl, decision_id: null, error: null,
      attempts: 0, lease_until: null, created_at: now, started_at: null, updated_at: now, finished_at: null,
    };
    await this.#db.insertInto('jobs').values(row).execute();
    return row;
  }

  async get(tenantId: string, id: string): Promise<JobRow> {
    const row = await this.#db.selectFrom('jobs').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
    if (!row) throw new BulwarkError('JOB_NOT_FOUND');
    return row;
  }

  /** Jobs queued or running, in every tenant: what the queue limit counts. */
  async active(): Promise<{ jobs: number; bytes: number }> {
    const row = await this.#db.selectFrom('jobs').select((eb) => [eb.fn.countAll<number>().as('jobs'), eb.fn.sum<number>('input_bytes').as('bytes')])
      .where('status', 'in', ['queued', 'running']).executeTakeFirstOrThrow();
    return { jobs: Number(row.jobs), bytes: Number(row.bytes ?? 0) };
  }

  /** Takes the oldest queued job (of these kinds) for `leaseMs`, or null. */
  async claimNext(kinds: readonly string[], now: Date, leaseMs: number): Promise<JobRow | null> {
    for (let tries = 0; tries < 5; tries++) {
      const next = await this.#db.selectFrom('jobs').selectAll().where('status', '=', 'queued').where('kind', 'in', [...kinds])
        .orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
      if (!next) return null;
      const at = now.toISOString();
      const claimed = await this.#db.updateTable('jobs')
        .set({ status: 'running', attempts: next.attempts + 1, lease_until: new Date(now.getTime() + leaseMs).toISOString(),
          started_at: next.started_at ?? at, updated_at: at, progress: 0 })
        .where('id', '=', next.id).where('attempts', '=', next.attempts).where('status', '=', 'queued').returningAll().executeTakeFirst();
      if (claimed) return claimed;
    }
    return null;
  }

  /** Renews the lease and records progress; false when the job is no longer running (cancelled) or was taken over. */
  async heartbeat(held: JobClaim, now: Date, leaseMs: number, progress: number): Promise<boolean> {
    const { numUpdatedRows } = await this.#db.updateTable('jobs')
      .set({ lease_until: new Date(now.getTime() + leaseMs).toISOString(), progress: Math.min(1, Math.max(0, progress)), updated_at: now.toISOString() })
      .where('id', '=', held.id).where('attempts', '=', held.attempts).where('status', '=', 'running').executeTakeFirst();
    return numUpdatedRows === 1n;
  }

  /** Ends the job if this claim still runs it (not cancelled, not taken over), announcing it in the same transaction. */
  async finish(held: JobClaim, outcome: { decisionId: string } | { error: JobError }, announce?: Announce): Promise<JobRow | null> {
    const at = new Date().toISOString();
    const set = 'decisionId' in outcome
      ? { status: 'succeeded', decision_id: outcome.decisionId, progress: 1 }
      : { status: 'failed', error: JSON.stringify(outcome.error) };
    return this.#db.transaction().execute(async (tx) => {
      const row = await tx.updateTable('jobs').set({ ...set, lease_until: null, updated_at: at, finished_at: at })
        .where('id', '=', held.id).where('attempts', '=', held.attempts).where('status', '=', 'running').returningAll().executeTakeFirst();
      if (row && announce) await announce(row, tx);
      return row ?? null;
    });
  }

  /** Cancels a queued or running job (the runner notices at its next heartbeat). */
  async cancel(tenantId: string, id: string): Promise<JobRow> {
    const at = new Date().toISOString();
    const row = await this.#db.updateTable('jobs').set({ status: 'cancelled', lease_until: null, updated_at: at, finished_at: at })
      .where('tenant_id', '=', tenantId).where('id', '=', id).where('status', 'in', ['queued', 'running']).returningAll().executeTakeFirst();
    if (row) return row;
    const existing = await this.get(tenantId, id);
    throw new BulwarkError('JOB_FINISHED', `The job is ${existing.status} already.`, { status: existing.status });
  }

  /**
   * Jobs whose runner stopped renewing their lease (the process died): queued again, or failed with
   * JOB_INTERRUPTED once started `maxAttempts` times (announced in the same transaction). Returns the
   * jobs failed here, and why any could not be (they stay for the next look).
   */
  async recover(now: Date, maxAttempts: number, announce?: Announce): Promise<{ failed: JobRow[]; errors: unknown[] }> {
    const at = now.toISOString();
    await this.#db.updateTable('jobs').set({ status: 'queued', lease_until: null, updated_at: at })
      .where('status', '=', 'running').where('lease_until', '<', at).where('attempts', '<', maxAttempts).execute();
    const doomed = await this.#db.selectFrom('jobs').select('id')
      .where('status', '=', 'running').where('lease_until', '<', at).where('attempts', '>=', maxAttempts).execute();
    const failed: JobRow[] = [];
    const errors: unknown[] = [];
    // One transaction a job: a job whose announcement fails stays for the next look, the others end.
    for (const { id } of doomed) {
      await this.#db.transaction().execute(async (tx) => {
        const row = await tx.updateTable('jobs').set({
          status: 'failed', lease_until: null, updated_at: at, finished_at: at,
          error: JSON.stringify({ code: 'JOB_INTERRUPTED', message: `The job was interrupted ${maxAttempts} times (the server stopped while running it).` }),
        }).where('id', '=', id).where('status', '=', 'running').where('lease_until', '<', at).returningAll().executeTakeFirst();
        if (row && announce) await announce(row, tx);
        if (row) failed.push(row);
      }).catch((err: unknown) => { errors.push(err); });
    }
    return { failed, errors };
  }

  /** Puts a running job back in the queue (its runner is stopping); the start does not count as an attempt. */
  async release(held: JobClaim): Promise<void> {
    await this.#db.updateTable('jobs').set((eb) => ({ status: 'queued', lease_until: null, attempts: eb('attempts', '-', 1), updated_at: new Date().toISOString() }))
      .where('id', '=', held.id).where('attempts', '=', held.attempts).where('status', '=', 'running').execute();
  }

  async status(id: string): Promise<JobStatus | null> {
    const row = await this.#db.selectFrom('jobs').select('status').where('id', '=', id).executeTakeFirst();
    return (row?.status as JobStatus | undefined) ?? null;
  }

  /** Files of ended jobs not cleaned up yet (a crash between ending and deleting), to delete. */
  async endedWithInput(): Promise<JobRow[]> {
    return this.#db.selectFrom('jobs').selectAll().where('status', 'in', ['succeeded', 'failed', 'cancelled']).where('input_path', 'is not', null).execute();
  }

  async clearInput(id: string): Promise<void> {
    await this.#db.updateTable('jobs').set({ input_path: null }).where('id', '=', id).execute();
  }
}
