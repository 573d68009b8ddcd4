// The job runner against every database, with real files: jobs run in order within the
// concurrency limit, succeed or fail with a code, can be cancelled while running, and survive a
// runner that died (its lease ends: queued again, or failed once started too often); every ended
// job's upload is deleted. A runner whose lease lapsed cannot write over the one that took the job
// over; a job ends together with what it announces, or not at all.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { eachDatabase } from '../db/eachDatabase.js';
import { newId } from '../db/index.js';
import type { JobRow } from '../db/index.js';
import { BulwarkError } from '../errors.js';
import { DEFAULT_RUNNER, JobRunner } from './runner.js';
import type { JobHandler } from './runner.js';

const FAST = { ...DEFAULT_RUNNER, pollMs: 20, heartbeatMs: 20, leaseMs: 200 };

async function until(check: () => Promise<boolean>, what: string, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

eachDatabase((ctx) => {
  let tenantId = '';
  let dir = '';
  const upload = async (kind = 'audio') => {
    const id = newId('job');
    const file = path.join(dir, id, 'input');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, 'media bytes');
    return ctx.t.stores.jobs.create({ tenantId, kind, request: { dataId: id }, inputPath: file, inputBytes: 11, callbackUrl: null }, id);
  };
  const jobOf = (id: string) => ctx.t.stores.jobs.get(tenantId, id);

  test('jobs run oldest first, at most `concurrency` at once; each succeeds or fails with a code; uploads are deleted', async () => {
    tenantId = (await ctx.t.stores.tenants.create('Jobs')).id;
    dir = await mkdtemp(path.join(tmpdir(), 'bulwark-jobs-'));
    let busy = 0;
    let most = 0;
    const order: string[] = [];
    const ended: JobRow[] = [];
    const handler: JobHandler = async (job, { progress }) => {
      order.push(job.id);
      busy++;
      most = Math.max(most, busy);
      progress(0.5);
      await sleep(60);
      busy--;
      if ((JSON.parse(job.request) as { fail?: boolean }).fail) throw new BulwarkError('MEDIA_UNDECODABLE', 'broken container');
      return { decisionId: `dec_${job.id.slice(4)}` };
    };
    const jobs = [await upload(), await upload(), await upload(), await upload()];
    const broken = await ctx.t.stores.jobs.create({ tenantId, kind: 'audio', request: { fail: true }, inputPath: null, inputBytes: 0, callbackUrl: null });
    const runner = new JobRunner(ctx.t.stores.jobs, { audio: handler }, { ...FAST, concurrency: 2 }, { onEnded: (j) => ended.push(j) });
    await runner.start();
    await until(async () => ended.length === 5, 'five jobs to end');
    await runner.stop();
    assert.equal(most, 2);
    assert.deepEqual(order.slice(0, 4), jobs.map((j) => j.id));
    for (const job of jobs) {
      const done = await jobOf(job.id);
      assert.deepEqual([done.status, done.progress, done.decision_id, done.attempts, done.input_path], ['succeeded', 1, `dec_${job.id.slice(4)}`, 1, null]);
      assert.ok(!existsSync(path.join(dir, job.id)), 'the upload is deleted');
    }
    const failed = await jobOf(broken.id);
    assert.equal(failed.status, 'failed');
    assert.deepEqual(JSON.parse(failed.error!), { code: 'MEDIA_UNDECODABLE', message: 'broken container' });
  });

  test('a running job is cancelled: its handler is told, it stays cancelled, its upload is deleted', async () => {
    let aborted = false;
    const handler: JobHandler = (_job, { signal }) => new Promise((_resolve, reject) => {
      signal.addEventListener('abort', () => { aborted = true; reject(signal.reason); });
    });
    const runner = new JobRunner(ctx.t.stores.jobs, { audio: handler }, FAST);
    const job = await upload();
    await runner.start();
    await until(async () => (await jobOf(job.id)).status === 'running', 'the job to start');
    await ctx.t.stores.jobs.cancel(tenantId, job.id);
    await until(async () => aborted && runner.running === 0, 'the handler to be aborted');
    await runner.stop();
    assert.equal((await jobOf(job.id)).status, 'cancelled');
    assert.ok(!existsSync(path.join(dir, job.id)));
    await assert.rejects(ctx.t.stores.jobs.cancel(tenantId, job.id), (e) => e instanceof BulwarkError && e.code === 'JOB_FINISHED');
  });

  test('a job whose runner died is run again by the next one; after too many deaths it fails cleanly', async () => {
    const again = await upload();
    const doomed = await upload();
    await ctx.t.stores.jobs.cancel(tenantId, (await upload()).id);
    // A runner took both, then its process died: nobody renews the leases.
    for (const job of [again, doomed]) assert.equal((await ctx.t.stores.jobs.claimNext(['audio'], new Date(Date.now() - 1_000), 10))?.id, job.id);
    // `doomed` had been started twice before that.
    await ctx.t.db.kysely.updateTable('jobs').set({ attempts: 3 }).where('id', '=', doomed.id).execute();
    const ended: JobRow[] = [];
    const runner = new JobRunner(ctx.t.stores.jobs, { audio: async (job) => ({ decisionId: `dec_${job.id.slice(4)}` }) }, FAST, { onEnded: (j) => ended.push(j) });
    await runner.start();
    await until(async () => (await jobOf(again.id)).status === 'succeeded', 'the interrupted job to run again');
    await runner.stop();
    assert.equal((await jobOf(again.id)).attempts, 2);
    const failed = await jobOf(doomed.id);
    assert.equal(failed.status, 'failed');
    assert.equal(JSON.parse(failed.error!).code, 'JOB_INTERRUPTED');
    assert.deepEqual(ended.map((j) => j.id).sort(), [again.id, doomed.id].sort());
    for (const id of [again.id, doomed.id]) assert.ok(!existsSync(path.join(dir, id)), 'uploads of ended jobs are deleted, a cancelled one included');
    assert.equal(existsSync(dir) && (await import('node:fs')).readdirSync(dir).length, 0, 'nothing is left behind');
  });

  test('a runner that stops puts its running job back in the queue, not counting the start', async () => {
    const handler: JobHandler = (_job, { signal }) => new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
    const runner = new JobRunner(ctx.t.stores.jobs, { audio: handler }, FAST);
    const job = await upload();
    await runner.start();
    await until(async () => (await jobOf(job.id)).status === 'running', 'the job to start');
    await runner.stop();
    const back = await jobOf(job.id);
    assert.deepEqual([back.status, back.attempts], ['queued', 0]);
    assert.ok(existsSync(back.input_path!), 'its upload is kept for the next start');
    assert.deepEqual(await ctx.t.stores.jobs.active(), { jobs: 1, bytes: 11 });
  });

  test('a runner whose lease lapsed can no longer renew, finish or release the job another runner took over', async () => {
    const job = await upload('video');
    const first = await ctx.t.stores.jobs.claimNext(['video'], new Date(Date.now() - 1_000), 10);
    assert.equal(first?.attempts, 1);
    let release: () => void = () => undefined;
    const handler: JobHandler = () => new Promise((resolve) => { release = () => resolve({ decisionId: 'dec_second' }); });
    const runner = new JobRunner(ctx.t.stores.jobs, { video: handler }, FAST);
    await runner.start();
    await until(async () => (await jobOf(job.id)).attempts === 2, 'the second runner to take the job over');
    assert.equal(await ctx.t.stores.jobs.heartbeat(first!, new Date(), 10_000, 0.9), false, 'the first runner learns it lost the job');
    assert.equal(await ctx.t.stores.jobs.finish(first!, { decisionId: 'dec_first' }), null);
    await ctx.t.stores.jobs.release(first!);
    assert.deepEqual([(await jobOf(job.id)).status, (await jobOf(job.id)).attempts], ['running', 2], 'the second runner still holds it');
    release();
    await until(async () => (await jobOf(job.id)).status === 'succeeded', 'the second runner to finish');
    await runner.stop();
    assert.equal((await jobOf(job.id)).decision_id, 'dec_second');
  });

  test('a job ends with what it announces in one transaction: when announcing fails, the job is not ended', async () => {
    const job = await upload('video');
    const held = (await ctx.t.stores.jobs.claimNext(['video'], new Date(), 10_000))!;
    await assert.rejects(ctx.t.stores.jobs.finish(held, { decisionId: 'dec_x' }, async (ended, tx) => {
      await tx.updateTable('jobs').set({ progress: 0.25 }).where('id', '=', ended.id).execute();
      throw new Error('the outbox is unavailable');
    }), /outbox is unavailable/);
    const after = await jobOf(job.id);
    assert.deepEqual([after.status, after.progress, after.decision_id], ['running', 0, null], 'nothing of the end was stored');
    let announced: JobRow | null = null;
    const ended = await ctx.t.stores.jobs.finish(held, { decisionId: 'dec_x' }, async (row) => { announced = row; });
    assert.equal(ended?.status, 'succeeded');
    assert.equal(announced!.id, job.id);
    await ctx.t.stores.jobs.clearInput(job.id);
  });
});
