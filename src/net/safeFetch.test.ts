import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { BulwarkError } from '../errors.js';
import { isForbiddenAddress, safeFetch } from './safeFetch.js';
import type { FetchLimits } from './safeFetch.js';

const limits = (over: Partial<FetchLimits> = {}): FetchLimits => ({ maxBytes: 10_000, timeoutMs: 2_000, maxRedirects: 5, allowHosts: ['127.0.0.1'], ...over });
const code = (err: unknown) => (err instanceof BulwarkError ? err.code : String(err));

let base = '';
const server = createServer((req, res) => {
  const path = req.url ?? '/';
  if (path === '/ok') { res.setHeader('content-type', 'image/png'); res.end(Buffer.alloc(500, 7)); return; }
  if (path.startsWith('/redirect-to?')) { res.statusCode = 302; res.setHeader('location', decodeURIComponent(path.split('?')[1])); res.end(); return; }
  if (path === '/loop') { res.statusCode = 302; res.setHeader('location', '/loop'); res.end(); return; }
  if (path === '/big-declared') { res.setHeader('content-length', '50000'); res.end(Buffer.alloc(50_000)); return; }
  if (path === '/big-streamed') { for (let i = 0; i < 20; i++) res.write(Buffer.alloc(1_000)); res.end(); return; }
  if (path === '/silent') return; // never answers
  res.statusCode = 404;
  res.end('no');
});
before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => { server.closeAllConnections(); server.close(); });

test('addresses a fetched URL must never reach', () => {
  for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.9', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fd00::1',
    'fe80::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '224.0.0.1', 'not an address']) assert.equal(isForbiddenAddress(a), true, a);
  for (const a of ['8.8.8.8', '93.184.216.34', '2606:4700:4700::1111', '::ffff:8.8.8.8']) assert.equal(isForbiddenAddress(a), false, a);
});

test('loopback, private, metadata and non-http URLs are refused before any connection', async () => {
  for (const url of [`${base}/ok`.replace('127.0.0.1', 'localhost'), 'http://169.254.169.254/latest/meta-data/', 'http://10.0.0.1/x.jpg',
    'http://[::1]/x', 'ftp://example.com/x.jpg', 'file:///etc/passwd', 'not a url']) {
    await assert.rejects(safeFetch(url, limits({ allowHosts: [] })), (e) => code(e) === 'URL_NOT_ALLOWED', url);
  }
  await assert.rejects(safeFetch(`${base}/ok`, limits({ allowHosts: [] })), (e) => code(e) === 'URL_NOT_ALLOWED');
});

test('an allowed host is fetched; every redirect is checked again', async () => {
  const ok = await safeFetch(`${base}/ok`, limits());
  assert.equal(ok.bytes.length, 500);
  assert.equal(ok.contentType, 'image/png');
  const via = await safeFetch(`${base}/redirect-to?${encodeURIComponent('/ok')}`, limits());
  assert.equal(via.bytes.length, 500);
  await assert.rejects(safeFetch(`${base}/redirect-to?${encodeURIComponent('http://169.254.169.254/')}`, limits()), (e) => code(e) === 'URL_NOT_ALLOWED');
  const localhost = `${base.replace('127.0.0.1', 'localhost')}/ok`;
  await assert.rejects(safeFetch(`${base}/redirect-to?${encodeURIComponent(localhost)}`, limits()), (e) => code(e) === 'URL_NOT_ALLOWED');
  await assert.rejects(safeFetch(`${base}/loop`, limits()), (e) => code(e) === 'MEDIA_FETCH_FAILED');
});

test('the byte cap holds whether or not the size is declared; errors and silence fail cleanly', async () => {
  await assert.rejects(safeFetch(`${base}/big-declared`, limits()), (e) => code(e) === 'MEDIA_TOO_LARGE');
  await assert.rejects(safeFetch(`${base}/big-streamed`, limits()), (e) => code(e) === 'MEDIA_TOO_LARGE');
  await assert.rejects(safeFetch(`${base}/missing`, limits()), (e) => code(e) === 'MEDIA_FETCH_FAILED');
  await assert.rejects(safeFetch(`${base}/silent`, limits({ timeoutMs: 300 })), (e) => code(e) === 'MEDIA_FETCH_FAILED');
});
