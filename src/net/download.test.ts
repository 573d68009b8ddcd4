import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { BulwarkError } from '../errors.js';
import { downloadTo } from './download.js';
import type { FetchLimits } from './safeFetch.js';

const limits = (over: Partial<FetchLimits> = {}): FetchLimits => ({ maxBytes: 1_000_000, timeoutMs: 1_000, maxRedirects: 5, allowHosts: ['127.0.0.1'], ...over });
const code = (err: unknown) => (err instanceof BulwarkError ? err.code : String(err));

let base = '';
let dir = '';
// /slow sends 100 kB every 200 ms for 2 s (longer than the 1 s deadline, never pausing that long);
// /endless never stops; /stall sends a little, then nothing.
const server = createServer((req, res) => {
  const chunk = Buffer.alloc(100_000, 1);
  if (req.url === '/slow') {
    let sent = 0;
    const timer = setInterval(() => { res.write(chunk); if (++sent === 10) { clearInterval(timer); res.end(); } }, 200);
    res.on('close', () => clearInterval(timer));
    return;
  }
  if (req.url === '/endless') {
    const timer = setInterval(() => res.write(chunk), 5);
    res.on('close', () => clearInterval(timer));
    return;
  }
  if (req.url === '/stall') { res.write(chunk); return; }
  if (req.url === '/elsewhere') { res.writeHead(302, { location: req.headers.host!.replace('127.0.0.1', 'http://localhost') + '/slow' }).end(); return; }
  res.writeHead(404).end();
});
before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = await mkdtemp(path.join(tmpdir(), 'bulwark-download-'));
});
after(async () => { server.closeAllConnections(); server.close(); await rm(dir, { recursive: true, force: true }); });

test('a download may outlast the deadline while data keeps coming; it goes to disk', async () => {
  const file = path.join(dir, 'slow');
  assert.equal(await downloadTo(`${base}/slow`, file, limits()), 1_000_000);
  assert.equal(statSync(file).size, 1_000_000);
});

test('the byte cap stops an endless body at once; a pause longer than the deadline fails; a signal cancels', async () => {
  await assert.rejects(downloadTo(`${base}/endless`, path.join(dir, 'endless'), limits({ maxBytes: 2_000_000 })), (e) => code(e) === 'MEDIA_TOO_LARGE');
  await assert.rejects(downloadTo(`${base}/stall`, path.join(dir, 'stall'), limits({ timeoutMs: 300 })),
    (e) => code(e) === 'MEDIA_FETCH_FAILED' && /sent nothing for 300 ms/.test((e as Error).message));
  const abort = new AbortController();
  setTimeout(() => abort.abort(new BulwarkError('JOB_FINISHED', 'cancelled')), 300);
  await assert.rejects(downloadTo(`${base}/endless`, path.join(dir, 'cancelled'), limits({ maxBytes: 1e12, timeoutMs: 60_000 }), abort.signal), (e) => code(e) === 'JOB_FINISHED');
});

test('a redirect to an address that is not allowed is refused before anything is written', async () => {
  const file = path.join(dir, 'elsewhere');
  await assert.rejects(downloadTo(`${base}/elsewhere`, file, limits()), (e) => code(e) === 'URL_NOT_ALLOWED');
  assert.equal(existsSync(file), false);
});
