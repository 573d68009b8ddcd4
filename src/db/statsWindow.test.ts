// The stats window: defaults, bucket choice, bucket starts and the three ways a window is refused.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BulwarkError } from '../errors.js';
import type { ErrorCode } from '../errors.js';
import { statsWindow } from './statsWindow.js';

const NOW = Date.parse('2030-06-15T12:34:56.789Z');

test('defaults: the 7 days before now, in days', () => {
  const w = statsWindow({}, NOW);
  assert.deepEqual([w.since, w.until, w.bucket], ['2030-06-08T12:34:56.789Z', '2030-06-15T12:34:56.789Z', 'day']);
  assert.deepEqual([w.starts[0], w.starts.at(-1), w.starts.length], ['2030-06-08T00:00:00.000Z', '2030-06-15T00:00:00.000Z', 8]);
});

test('a short window gets hours; bounds in any offset are normalised to UTC', () => {
  const w = statsWindow({ since: '2030-06-15T10:15:00+02:00', until: '2030-06-15T11:00:00Z' }, NOW);
  assert.deepEqual([w.since, w.until, w.bucket], ['2030-06-15T08:15:00.000Z', '2030-06-15T11:00:00.000Z', 'hour']);
  assert.deepEqual(w.starts, ['2030-06-15T08:00:00.000Z', '2030-06-15T09:00:00.000Z', '2030-06-15T10:00:00.000Z']);
  assert.equal(statsWindow({ since: '2030-06-01T00:00:00Z', until: '2030-06-04T00:00:00Z' }, NOW).bucket, 'hour');
  assert.equal(statsWindow({ since: '2030-06-01T00:00:00Z', until: '2030-06-04T00:00:01Z' }, NOW).bucket, 'day');
  assert.equal(statsWindow({ until: '2030-06-04T00:00:00Z', bucket: 'hour' }, NOW).starts.length, 7 * 24);
});

test('refused: an empty or reversed window, over 366 days, over 1000 buckets', () => {
  const refused = (query: Parameters<typeof statsWindow>[0], code: ErrorCode) =>
    assert.throws(() => statsWindow(query, NOW), (err: unknown) => err instanceof BulwarkError && err.code === code);
  refused({ since: '2030-06-02T00:00:00Z', until: '2030-06-01T00:00:00Z' }, 'STATS_RANGE_INVALID');
  refused({ since: '2030-06-01T00:00:00Z', until: '2030-06-01T00:00:00Z' }, 'STATS_RANGE_INVALID');
  refused({ since: '2029-06-01T00:00:00Z', until: '2030-06-03T00:00:00Z' }, 'STATS_RANGE_TOO_LONG');
  refused({ since: '2030-05-01T00:00:00Z', until: '2030-06-15T00:00:00Z', bucket: 'hour' }, 'STATS_TOO_MANY_BUCKETS');
  assert.equal(statsWindow({ since: '2029-06-15T00:00:00Z', until: '2030-06-15T00:00:00Z' }, NOW).starts.length, 365);
  assert.equal(statsWindow({ since: '2030-05-01T00:00:00Z', until: '2030-06-10T00:00:00Z', bucket: 'hour' }, NOW).starts.length, 960);
});
