import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { EgressProxy } from './egressProxy.js';

describe('EgressProxy', () => {
  let proxy: EgressProxy;
  let origin: http.Server;
  let port = 0;
  let proxyPort = 0;

  before(async () => {
    origin = http.createServer((req, res) => res.end(`hello from ${req.url}`));
    await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
    port = (origin.address() as AddressInfo).port;
    proxy = await EgressProxy.start(['127.0.0.1']);
    proxyPort = Number(new URL(proxy.url).port);
  });
  after(async () => {
    await proxy.close();
    await new Promise<void>((resolve) => origin.close(() => resolve()));
  });

  const viaProxy = (target: string) => new Promise<{ status: number; body: string }>((resolve, reject) => {
    http.get({ host: '127.0.0.1', port: proxyPort, path: target, headers: { host: new URL(target).host } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => { body += c.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });

  /** Opens a CONNECT tunnel and, when it is granted, asks for /tunnelled through it. */
  const tunnel = (authority: string) => new Promise<string>((resolve, reject) => {
    const socket = net.connect(proxyPort, '127.0.0.1', () => socket.write(`CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n\r\n`));
    let seen = '';
    socket.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.startsWith('HTTP/1.1 200') && seen.endsWith('\r\n\r\n') && !seen.includes('hello')) {
        socket.write(`GET /tunnelled HTTP/1.1\r\nHost: ${authority}\r\nConnection: close\r\n\r\n`);
      }
    });
    socket.on('end', () => resolve(seen));
    socket.on('error', reject);
  });

  test('a plain request to an allowed address is passed on; one to a loopback name is refused and kept', async () => {
    assert.deepEqual(await viaProxy(`http://127.0.0.1:${port}/segment.ts`), { status: 200, body: 'hello from /segment.ts' });
    const refused = await viaProxy(`http://localhost:${port}/a.ts`);
    assert.equal(refused.status, 403);
    await viaProxy(`http://localhost:${port}/b.ts`);
    assert.match(proxy.refused().join('\n'), /^http:\/\/localhost:\d+\/a\.ts \(and 1 more\): "localhost" resolves to a private/);
  });

  test('a CONNECT tunnel opens only to an allowed address', async () => {
    assert.match(await tunnel(`127.0.0.1:${port}`), /^HTTP\/1\.1 200 Connection Established[\s\S]*hello from \/tunnelled$/);
    assert.match(await tunnel(`localhost:${port}`), /^HTTP\/1\.1 403/);
    assert.match(await tunnel(`10.0.0.1:443`), /^HTTP\/1\.1 403/);
  });

  test('a malformed answer is a 502, an https URL asked in plain form is refused, and the proxy keeps working', async () => {
    const odd = net.createServer((socket) => socket.once('data', () => socket.end('HTTP/1.1 099 Odd\r\ncontent-length: 0\r\n\r\n')));
    await new Promise<void>((resolve) => odd.listen(0, '127.0.0.1', resolve));
    try {
      assert.equal((await viaProxy(`http://127.0.0.1:${(odd.address() as AddressInfo).port}/x`)).status, 502);
    } finally {
      odd.close();
    }
    assert.equal((await viaProxy(`https://127.0.0.1:${port}/x`)).status, 403);
    assert.equal((await viaProxy(`http://127.0.0.1:${port}/still`)).body, 'hello from /still');
  });
});
