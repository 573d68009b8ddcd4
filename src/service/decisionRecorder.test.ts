import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DecisionTable, ReviewTable } from '../db/schema.js';
import { DecisionRecorder } from './decisionRecorder.js';

const decision = (id: string) => ({ id }) as DecisionTable;

test('batches writes, and flush makes everything queued durable', async () => {
  const written: string[][] = [];
  const recorder = new DecisionRecorder({ write: async (d) => { written.push(d.map((x) => x.id)); } }, { maxDelayMs: 1_000 });
  recorder.record(decision('a'), null);
  recorder.record(decision('b'), { decision_id: 'b' } as ReviewTable);
  assert.equal(recorder.pending, 2);
  await recorder.flush();
  assert.deepEqual(written, [['a', 'b']]);
  assert.equal(recorder.pending, 0);
});

test('a failed write is retried in order, not lost', async () => {
  let fail = true;
  const written: string[] = [];
  const errors: unknown[] = [];
  const recorder = new DecisionRecorder({
    write: async (d) => { if (fail) throw new Error('database down'); written.push(...d.map((x) => x.id)); },
  }, { maxDelayMs: 1_000, retryMs: 10, onError: (err) => errors.push(err) });
  recorder.record(decision('a'), null);
  await recorder.flush();
  assert.equal(errors.length, 1);
  assert.equal(recorder.pending, 1);
  assert.equal(recorder.failures, 1);
  recorder.record(decision('b'), null);
  fail = false;
  await recorder.flush();
  assert.deepEqual(written, ['a', 'b']);
  assert.equal(recorder.failures, 0);
});

test('one row the database refuses does not hold back the others', async () => {
  const written: string[] = [];
  const dropped: number[] = [];
  const recorder = new DecisionRecorder({
    write: async (d) => { if (d.some((x) => x.id === 'bad')) throw new Error('invalid byte sequence'); written.push(...d.map((x) => x.id)); },
  }, { maxDelayMs: 1_000, onError: (_err, n) => dropped.push(n) });
  for (const id of ['a', 'bad', 'b']) recorder.record(decision(id), null);
  await recorder.flush();
  assert.deepEqual(written, ['a', 'b']);
  assert.deepEqual(dropped, [1]);
  assert.equal(recorder.pending, 0);
  assert.equal(recorder.failures, 0);
});
