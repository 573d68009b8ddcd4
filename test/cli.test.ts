// The bulwark command as a user runs it: serve prints the first admin key once and stores only
// its hash; keys create, lists create/import and scan work against the same data directory.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { projectRoot } from '../src/paths.js';

const main = path.join(projectRoot(), 'dist', 'src', 'cli', 'main.js');
const dataDir = mkdtempSync(path.join(tmpdir(), 'bulwark-cli-'));
const env = { ...process.env, BULWARK_DATA_DIR: dataDir, LOG_LEVEL: 'info', DATABASE_URL: '', BULWARK_API_KEY: '' };
delete (env as Record<string, string | undefined>).DATABASE_URL;
delete (env as Record<string, string | undefined>).BULWARK_API_KEY;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [main, ...args], { env, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts `bulwark serve` on a free port; resolves once every worker listens, with everything it printed. */
function serve(workers = 1, dataDir?: string): Promise<{ url: string; output: string; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, [main, 'serve'],
    { env: { ...env, PORT: '0', HOST: '127.0.0.1', BULWARK_WORKERS: String(workers), ...(dataDir ? { BULWARK_DATA_DIR: dataDir } : {}) } });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const m = /"address":"(http:\/\/[^"]+)"/.exec(output);
      if (m && (output.match(/"msg":"Bulwark is serving"/g) ?? []).length >= workers) {
        clearTimeout(timer);
        resolve({ url: m[1], output, stop: () => new Promise((done) => { child.once('exit', (code) => done(code)); child.kill('SIGTERM'); }) });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  });
}

describe('bulwark CLI', () => {
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test('serve: the first start prints an admin key once, stores only its hash, and stops cleanly', async () => {
    const first = await serve();
    const key = /\b(bw_[A-Za-z0-9]{40})\b/.exec(first.output)?.[1];
    assert.ok(key, first.output);
    const res = await fetch(`${first.url}/v1/moderate/text`, {
      method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify({ text: 'I will kill you' }),
    });
    assert.equal(((await res.json()) as { suggestion: string }).suggestion, 'block');
    assert.equal(await first.stop(), 0);
    const db = new Database(path.join(dataDir, 'bulwark.db'), { readonly: true });
    const dump = JSON.stringify(db.prepare('select * from api_keys').all());
    db.close();
    assert.ok(!dump.includes(key), 'the plaintext key must not be stored');
    const second = await serve();
    assert.ok(!/bw_[A-Za-z0-9]{40}/.test(second.output), 'a key is printed only on the very first start');
    assert.equal(await second.stop(), 0);
  });

  test('keys create prints a new key with the scopes asked for, and refuses unknown scopes', () => {
    const ok = cli('keys', 'create', '--name', 'app', '--scopes', 'moderate,review');
    assert.equal(ok.code, 0, ok.stderr);
    const created = JSON.parse(ok.stdout) as { key: string; scopes: string[] };
    assert.match(created.key, /^bw_/);
    assert.deepEqual(created.scopes, ['moderate', 'review']);
    const bad = cli('keys', 'create', '--name', 'x', '--scopes', 'moderate,ethnicity');
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /Unknown scope/);
    for (const args of [['keys', 'create', '--name', 'x', '--tenant', 'ten_nope'], ['scan', 'hello', '--tenant', 'ten_nope']]) {
      const unknown = cli(...args);
      assert.equal(unknown.code, 1, args.join(' '));
      assert.match(unknown.stderr, /Unknown tenant "ten_nope"/);
    }
  });

  test('lists create + import, then scan finds the imported entry', () => {
    assert.equal(cli('lists', 'create', 'brands', '--action', 'block', '--category', 'spam').code, 0);
    const file = path.join(dataDir, 'words.txt');
    writeFileSync(file, '# competitor brands\nacme pills\nacme pills\nwidgetco\n\n');
    const imported = cli('lists', 'import', 'brands', file);
    assert.equal(imported.code, 0, imported.stderr);
    const counts = JSON.parse(imported.stdout) as { added: number; skipped: number };
    assert.deepEqual([counts.added, counts.skipped], [2, 1], 'the repeated line is skipped, the comment ignored');
    const scan = cli('scan', 'buy ACME p1lls today');
    assert.equal(scan.code, 0, scan.stderr);
    const decision = JSON.parse(scan.stdout) as { suggestion: string; evidence: { source: string; text: string }[] };
    assert.equal(decision.suggestion, 'block');
    assert.ok(decision.evidence.some((e) => e.source === 'list' && e.text === 'ACME p1lls'));
    assert.equal(cli('lists', 'import', 'nope', file).code, 1);
  });

  test('an image list takes hex hashes as hash-sharing programmes exchange them; a bad line stops the import', () => {
    const created = cli('lists', 'create', 'shared-bank', '--kind', 'image', '--action', 'block', '--category', 'sexual', '--max-distance', '24');
    assert.equal(created.code, 0, created.stderr);
    assert.deepEqual(JSON.parse(created.stdout).maxDistance, 24);
    const file = path.join(dataDir, 'hashes.txt');
    writeFileSync(file, `# from a hash-sharing programme\n${'AB'.repeat(32)}\npdq:${'ab'.repeat(32)}\nsha256:${'0'.repeat(64)}\n`);
    const imported = cli('lists', 'import', 'shared-bank', file);
    assert.equal(imported.code, 0, imported.stderr);
    const counts = JSON.parse(imported.stdout) as { added: number; skipped: number };
    assert.deepEqual([counts.added, counts.skipped], [2, 1], 'upper case and the pdq: prefix store as one form');
    writeFileSync(file, `${'ab'.repeat(32)}\nnot-a-hash\n`);
    const bad = cli('lists', 'import', 'shared-bank', file);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /PDQ hash/);
    // The same checks as POST /v1/lists: a distance in range, no match for an image list, no distance for a keyword list.
    for (const [args, message] of [
      [['--kind', 'image', '--max-distance', '300'], /maxDistance must be a whole number of bits from 0 to 64/],
      [['--kind', 'image', '--match', 'exact'], /give maxDistance, not match/],
      [['--max-distance', '10'], /maxDistance is for image lists/],
      [['--kind', 'video'], /kind must be keyword or image/],
    ] as const) {
      const refused = cli('lists', 'create', 'odd', '--action', 'block', '--category', 'sexual', ...args);
      assert.equal(refused.code, 1, args.join(' '));
      assert.match(refused.stderr, message);
    }
  });

  test('scan --file writes one decision per line, in order, with progress on stderr', () => {
    const file = path.join(dataDir, 'texts.txt');
    const texts = Array.from({ length: 250 }, (_, i) => (i % 50 === 7 ? 'I will kill you' : `thanks, see you at lunch on day ${i}`));
    writeFileSync(file, texts.join('\n'));
    const r = cli('scan', '--file', file);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { suggestion: string });
    assert.equal(lines.length, 250);
    lines.forEach((d, i) => assert.equal(d.suggestion, i % 50 === 7 ? 'block' : 'pass', `line ${i}`));
    assert.match(r.stderr, /scanning/);
    assert.ok(readFileSync(file, 'utf8').length > 0);
  });
});

describe('bulwark serve with BULWARK_WORKERS=2', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bulwark-workers-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('two workers share one port and act as one: changes, reads, revocations and /metrics', async () => {
    const server = await serve(2, dir);
    let stopped: number | null | undefined;
    try {
      const key = /\b(bw_[A-Za-z0-9]{40})\b/.exec(server.output)?.[1];
      assert.ok(key, server.output);
      const pids = new Set([...server.output.matchAll(/"pid":(\d+)[^\n]*"msg":"Bulwark is serving"/g)].map((m) => m[1]));
      assert.equal(pids.size, 2, server.output);
      const moderate = (text: string) => fetch(`${server.url}/v1/moderate/text`, {
        method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify({ text }),
      });
      for (let round = 0; round < 5; round++) {
        const statuses = await Promise.all(Array.from({ length: 8 }, (_, i) => moderate(`hello ${round}-${i}`).then((r) => r.status)));
        assert.deepEqual(statuses, Array(8).fill(200));
      }
      for (let i = 0; i < 3; i++) {
        const text = await (await fetch(`${server.url}/metrics`)).text();
        const total = [...text.matchAll(/^bulwark_decisions_total\{[^}]*\} (\d+)$/gm)].reduce((n, m) => n + Number(m[1]), 0);
        assert.equal(total, 40, 'every worker\'s decisions, whichever worker answers');
      }
      // The guarantees of one process hold across workers: a change applies to the very next request.
      const api = (method: string, route: string, body?: unknown, bearer = key) => fetch(`${server.url}${route}`, {
        method, headers: { authorization: `Bearer ${bearer}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      const list = await (await api('POST', '/v1/lists', { name: 'b', kind: 'keyword', action: 'block', category: 'spam', match: 'normalized' })).json() as { id: string };
      assert.equal((await api('POST', `/v1/lists/${list.id}/entries`, { entries: [{ value: 'zorblax' }] })).status, 200);
      const verdicts = await Promise.all(Array.from({ length: 8 }, async () =>
        ((await (await moderate('buy zorblax now')).json()) as { suggestion: string }).suggestion));
      assert.deepEqual(verdicts, Array(8).fill('block'), 'the new entry reaches every worker before the write answers');
      const made = await (await moderate('read me back')).json() as { id: string };
      const reads = await Promise.all(Array.from({ length: 8 }, async () => (await api('GET', `/v1/decisions/${made.id}`)).status));
      assert.deepEqual(reads, Array(8).fill(200), 'a decision is readable at once from every worker');
      const extra = await (await api('POST', '/v1/keys', { name: 'temp', scopes: ['moderate'] })).json() as { id: string; key: string };
      assert.equal((await api('POST', '/v1/moderate/text', { text: 'hi' }, extra.key)).status, 200);
      assert.equal((await api('DELETE', `/v1/keys/${extra.id}`)).status, 204);
      const after = await Promise.all(Array.from({ length: 8 }, async () => (await api('POST', '/v1/moderate/text', { text: 'hi' }, extra.key)).status));
      assert.deepEqual(after, Array(8).fill(401), 'a revoked key stops working in every worker at once');
    } finally {
      stopped = await server.stop();
    }
    assert.equal(stopped, 0);
    const db = new Database(path.join(dir, 'bulwark.db'), { readonly: true });
    const stored = (db.prepare('select count(*) as n from decisions').get() as { n: number }).n;
    db.close();
    assert.equal(stored, 40 + 8 + 1 + 1);
  });
});

describe('BULWARK_API_KEY', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bulwark-key-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const withKey = (key: string) => spawnSync(process.execPath, [main, 'keys', 'create', '--name', 'probe'],
    { env: { ...env, BULWARK_DATA_DIR: dir, BULWARK_API_KEY: key }, encoding: 'utf8', timeout: 60_000 });

  test('a short key is refused at start', () => {
    const r = withKey('short');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /at least 16 characters/);
  });
});
