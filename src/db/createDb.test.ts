// What createDb() accepts as a database URL, the SQLite settings it applies, and the id helper
// that keyset paging relies on.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { sql } from 'kysely';
import { createDb } from './createDb.js';
import { newId, timeOfId } from './ids.js';

test('SQLite: default file in a created dataDir, WAL, foreign keys, busy timeout', async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'bulwark-db-'));
  const dataDir = path.join(root, 'nested', 'data');
  const db = await createDb({ databaseUrl: null, dataDir });
  try {
    assert.equal(db.dialect, 'sqlite');
    assert.ok(existsSync(path.join(dataDir, 'bulwark.db')));
    const pragma = async (name: string) =>
      Object.values((await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(db.kysely)).rows[0])[0];
    assert.equal(await pragma('journal_mode'), 'wal');
    assert.equal(await pragma('foreign_keys'), 1);
    assert.equal(await pragma('busy_timeout'), 5000);
    assert.equal(await pragma('synchronous'), 1, 'NORMAL');
    await db.ping();
  } finally {
    await db.close();
    await db.close();
    await rm(root, { recursive: true, force: true });
  }
});

test('SQLite URLs: sqlite:, file: and plain paths; unknown schemes refused', async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'bulwark-db-'));
  try {
    for (const url of ['sqlite::memory:', `sqlite://${path.join(root, 'a.db')}`, pathToFileURL(path.join(root, 'b.db')).href,
      path.join(root, 'c.db')]) {
      const db = await createDb({ databaseUrl: url, dataDir: root });
      assert.equal(db.dialect, 'sqlite');
      await db.close();
    }
    assert.ok(['a.db', 'b.db', 'c.db'].every((f) => existsSync(path.join(root, f))));
    await assert.rejects(createDb({ databaseUrl: 'mysql://x@y/z', dataDir: root }), /Unsupported DATABASE_URL scheme/);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test('ids are prefixed, strictly increasing within a process, and carry their time', () => {
  const ids = Array.from({ length: 10_000 }, () => newId('dec'));
  for (const id of ids) assert.match(id, /^dec_[0-9a-f]{24}$/);
  for (let i = 1; i < ids.length; i++) assert.ok(ids[i - 1] < ids[i], `${ids[i - 1]} < ${ids[i]}`);
  const made = timeOfId(newId('evt'))!.getTime();
  assert.ok(Math.abs(made - Date.now()) < 60_000);
  assert.equal(timeOfId('ten_default'), null);
  assert.throws(() => newId('Bad-Prefix'));
});
