// `bulwark eval` as a user runs it: on a labelled file in-process, and through a running server
// with --url; both must agree, and the breakdown must cover every row.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { projectRoot } from '../src/paths.js';
import { startServer } from './support/server.js';

const main = path.join(projectRoot(), 'dist', 'src', 'cli', 'main.js');
const dir = mkdtempSync(path.join(tmpdir(), 'bulwark-eval-'));
const env = { ...process.env, BULWARK_DATA_DIR: dir, LOG_LEVEL: 'silent' } as Record<string, string | undefined>;
delete env.DATABASE_URL;
delete env.BULWARK_API_KEY;

const ROWS = [
  { text: 'I will kill you tomorrow', labels: ['violence', 'harassment'], scope: ['violence', 'harassment'], kind: 'threat' },
  { text: 'you are a piece of shit', labels: ['harassment'], scope: ['harassment'], kind: 'insult' },
  { text: 'how do I kill a python process', labels: ['none'], scope: ['violence', 'harassment'], kind: 'safe' },
  { text: 'what a lovely day for a walk', labels: ['none'], scope: ['violence', 'harassment'], kind: 'safe' },
  { text: 'something the source flagged', labels: [], scope: ['harassment'], kind: 'other' },
];

function evalCli(...args: string[]) {
  const r = spawnSync(process.execPath, [main, 'eval', ...args], { env, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Asynchronous, so a server in this process can answer while the command runs. */
function evalCliAsync(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [main, 'eval', ...args], { env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
  child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

interface Report { rows: number; categories: { name: string; rows: number; positives: number; counts: Record<string, number> }[];
  unsafe: { rows: number; positives: number; auprc: number; counts: Record<string, number> }; by?: { groups: { value: string }[] } }

describe('bulwark eval', () => {
  const file = path.join(dir, 'labelled.jsonl');
  writeFileSync(file, ROWS.map((r, i) => JSON.stringify({ id: `t:${i}`, text: r.text, labels: r.labels, scope: r.scope,
    source: 't', lang: 'en', meta: { kind: r.kind } })).join('\n') + '\n');
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('in-process: per-category counts honour scope, and abuse is caught', () => {
    const r = evalCli(file, '--json', '--by', 'meta.kind', '--no-progress');
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as Report;
    assert.equal(report.rows, 5);
    const harassment = report.categories.find((c) => c.name === 'harassment')!;
    assert.equal(harassment.rows, 4, 'the [] row is not a negative');
    assert.equal(harassment.positives, 2);
    assert.equal(report.unsafe.positives, 3);
    assert.equal(report.unsafe.counts.fp, 0, 'the safe prompts pass');
    assert.ok(report.unsafe.counts.tp >= 2, JSON.stringify(report.unsafe));
    assert.deepEqual(report.by?.groups.map((g) => g.value), ['threat', 'insult', 'safe', 'other']);
  });

  test('--url scores through the API and agrees with in-process', async () => {
    const server = await startServer();
    try {
      const local = JSON.parse(evalCli(file, '--json', '--no-progress').stdout) as Report;
      const r = await evalCliAsync(file, '--json', '--no-progress', '--url', server.url, '--key', server.adminKey);
      assert.equal(r.code, 0, r.stderr);
      const remote = JSON.parse(r.stdout) as Report;
      assert.deepEqual(remote.unsafe, local.unsafe);
      assert.deepEqual(remote.categories, local.categories);
      const denied = await evalCliAsync(file, '--json', '--no-progress', '--url', server.url, '--key', 'bw_wrong_key_000000000000');
      assert.equal(denied.code, 1);
      assert.match(denied.stderr, /401 AUTH_INVALID_KEY/);
    } finally {
      await server.close();
    }
  });

  test('bad input: a line that is not a labelled record names its line', () => {
    const bad = path.join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"text": "ok", "labels": ["none"], "scope": []}\n{"text": 3}\n');
    const r = evalCli(bad, '--no-progress');
    assert.equal(r.code, 1);
    assert.match(r.stderr, /bad\.jsonl:2: a record needs "text"/);
  });
});
