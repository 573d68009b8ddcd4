// The picture API end to end on a real socket: the three ways to send a picture, evidence with a
// region for a QR code in a generated photo, the decision in the audit log, and hostile files,
// each refused with its documented code while the server keeps serving.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { badCrcPng, pixelBomb, qrCode, scene, truncated, withCaptions } from '../src/images/fixtures.js';
import { databases, startServer } from './support/server.js';
import type { TestServer } from './support/server.js';

type Payload = Buffer | string | FormData;

const samplesDir = process.env.BULWARK_TEST_PICTURES && path.join(process.env.BULWARK_TEST_PICTURES, 'usr/lib/python3/dist-packages/skimage/data');
const samples = samplesDir && existsSync(samplesDir) ? samplesDir : process.env.CI ? 'missing: run bash scripts/test.sh' : null;

async function send(s: TestServer, payload: Payload, contentType: string | null, query = ''): Promise<{ status: number; body: any }> {
  const body = Buffer.isBuffer(payload) ? new Uint8Array(payload) : payload;
  const res = await fetch(`${s.url}/v1/moderate/image${query}`, {
    method: 'POST', body, headers: { authorization: `Bearer ${s.adminKey}`, ...(contentType ? { 'content-type': contentType } : {}) },
  });
  return { status: res.status, body: await res.json() };
}

for (const db of databases()) {
  describe(`POST /v1/moderate/image (${db.name})`, () => {
    let s: TestServer;
    let ad: Buffer;
    let plain: Buffer;
    before(async () => {
      s = await startServer(db.url, { BULWARK_IMAGE_THREADS: '1', BULWARK_FETCH_ALLOW_HOSTS: '127.0.0.1' });
      plain = await sharp(await scene(1024, 768, 3)).jpeg({ quality: 85 }).toBuffer();
      ad = await sharp(await scene(1280, 800, 4))
        .composite([{ input: await qrCode('add me on WeChat: seller888', 220), left: 900, top: 420 }]).jpeg({ quality: 85 }).toBuffer();
    });
    after(async () => { await s.close(); });

    test('a QR code with a contact handle is found in a photo: evidence with its region, media with the PDQ hash', async () => {
      const { status, body } = await send(s, ad, 'image/jpeg', '?dataId=photo-1');
      assert.equal(status, 200, JSON.stringify(body));
      assert.equal(body.kind, 'image');
      assert.notEqual(body.suggestion, 'pass');
      const hit = body.evidence.find((e: any) => e.source === 'qr' && e.category === 'ads');
      assert.ok(hit, JSON.stringify(body.evidence));
      assert.equal(hit.readText, 'add me on WeChat: seller888');
      assert.ok(hit.region.x >= 880 && hit.region.x + hit.region.w <= 1140 && hit.region.y >= 400 && hit.region.y + hit.region.h <= 660, JSON.stringify(hit.region));
      assert.deepEqual({ ...body.media, sha256: undefined, pdq: undefined, pdqQuality: undefined },
        { format: 'jpeg', width: 1280, height: 800, frames: 1, bytes: ad.length, sha256: undefined, pdq: undefined, pdqQuality: undefined });
      assert.match(body.media.pdq, /^[0-9a-f]{64}$/);
      assert.equal(body.dataId, 'photo-1');
      const stored = await s.call('GET', `/v1/decisions/${body.id}`);
      assert.equal(stored.status, 200);
      assert.equal(stored.body.media.pdq, body.media.pdq);
      assert.equal(stored.body.evidence.length, body.evidence.length);
    });

    test('text in the picture is read (OCR) and moderated, with the box of its line', async () => {
      const photo = await withCaptions(await scene(1400, 900, 12), [{ text: 'WhatsApp +86 138 0013 8000', x: 200, y: 700, size: 56 }]);
      const { status, body } = await send(s, photo, 'image/png');
      assert.equal(status, 200, JSON.stringify(body));
      assert.equal(body.suggestion, 'block', JSON.stringify(body.evidence));
      const hit = body.evidence.find((e: any) => e.source === 'ocr' && e.category === 'ads');
      assert.ok(hit, JSON.stringify(body.evidence));
      assert.match(hit.readText.replace(/\s/g, ''), /WhatsApp\+8613800138000/i);
      assert.equal(hit.readText.slice(hit.span.start, hit.span.end), hit.text);
      assert.ok(hit.region.y > 600 && hit.region.y < 700 && hit.region.x > 120 && hit.region.x < 300, JSON.stringify(hit.region));
      assert.match(body.models.ocr, /PP-OCR/);
    });

    test('the same picture as multipart and as JSON base64 gets the same answer; a plain photo passes', async () => {
      const form = new FormData();
      form.append('policy', 'default');
      form.append('metadata', JSON.stringify({ album: 'a' }));
      form.append('file', new Blob([new Uint8Array(ad)], { type: 'image/jpeg' }), 'ad.jpg');
      const multipart = await send(s, form, null);
      assert.equal(multipart.status, 200, JSON.stringify(multipart.body));
      assert.deepEqual(multipart.body.metadata, { album: 'a' });
      const json = await s.call('POST', '/v1/moderate/image', { base64: ad.toString('base64'), dataId: 'x' });
      assert.equal(json.status, 200, JSON.stringify(json.body));
      for (const other of [multipart.body, json.body]) {
        assert.equal(other.suggestion, (await send(s, ad, 'image/jpeg')).body.suggestion);
        assert.equal(other.media.pdq, multipart.body.media.pdq);
      }
      const clean = await send(s, plain, 'image/jpeg');
      assert.equal(clean.body.suggestion, 'pass', JSON.stringify(clean.body.evidence));
      assert.deepEqual(clean.body.evidence, []);
      // The sexual-content model ran and found a landscape unremarkable.
      assert.match(clean.body.models.sexual, /^nsfwjs /);
      assert.ok(clean.body.categories.sexual.score < 0.35, JSON.stringify(clean.body.categories.sexual));
    });

    test('hostile and wrong input gets its documented code, and the server keeps serving', async () => {
      const png = await scene(400, 300, 8);
      const cases: [string, Payload, string | null, number, string][] = [
        ['pixel bomb', pixelBomb(), 'image/png', 413, 'MEDIA_TOO_LARGE'],
        ['truncated JPEG', truncated(plain), 'image/jpeg', 422, 'MEDIA_UNDECODABLE'],
        ['PNG with a bad checksum', badCrcPng(png), 'image/png', 422, 'MEDIA_UNDECODABLE'],
        ['zero bytes', Buffer.alloc(0), 'image/png', 400, 'MEDIA_EMPTY'],
        ['not a picture', Buffer.from('%PDF-1.7 hello'), 'image/png', 415, 'MEDIA_UNSUPPORTED_TYPE'],
        ['text body', 'hello', 'text/plain', 415, 'REQUEST_UNSUPPORTED_MEDIA_TYPE'],
      ];
      for (const [name, body, type, status, code] of cases) {
        const res = await send(s, body, type);
        assert.equal(res.status, status, `${name}: ${JSON.stringify(res.body)}`);
        assert.equal(res.body.code, code, name);
      }
      const json = await s.call('POST', '/v1/moderate/image', { base64: '***', unknown: 1 });
      assert.equal(json.status, 400);
      const bad64 = await s.call('POST', '/v1/moderate/image', { base64: '***' });
      assert.equal(bad64.body.code, 'REQUEST_INVALID');
      const form = new FormData();
      form.append('picture', new Blob([new Uint8Array(plain)]), 'x.jpg');
      assert.equal((await send(s, form, null)).body.code, 'REQUEST_INVALID');
      assert.equal((await send(s, plain, 'image/jpeg')).status, 200);
    });

    test('a picture by URL: fetched from an allowed host; private and metadata addresses refused', async () => {
      const origin = createServer((req, res) => {
        if (req.url === '/ad.jpg') { res.setHeader('content-type', 'image/jpeg'); res.end(ad); return; }
        res.statusCode = 404;
        res.end();
      });
      await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
      const port = (origin.address() as AddressInfo).port;
      try {
        const fetched = await s.call('POST', '/v1/moderate/image', { url: `http://127.0.0.1:${port}/ad.jpg`, dataId: 'by-url' });
        assert.equal(fetched.status, 200, JSON.stringify(fetched.body));
        assert.equal(fetched.body.media.bytes, ad.length);
        assert.ok(fetched.body.evidence.some((e: any) => e.source === 'qr'));
        const refused: [string, string][] = [
          [`http://localhost:${port}/ad.jpg`, 'URL_NOT_ALLOWED'],
          ['http://169.254.169.254/latest/meta-data/', 'URL_NOT_ALLOWED'],
          ['file:///etc/passwd', 'URL_NOT_ALLOWED'],
          [`http://127.0.0.1:${port}/missing.jpg`, 'MEDIA_FETCH_FAILED'],
        ];
        for (const [url, code] of refused) assert.equal((await s.call('POST', '/v1/moderate/image', { url })).body.code, code, url);
        const both = await s.call('POST', '/v1/moderate/image', { url: `http://127.0.0.1:${port}/ad.jpg`, base64: 'AAAA' });
        assert.equal(both.body.code, 'REQUEST_INVALID');
      } finally {
        origin.close();
      }
    });

    test('real photos from Debian (python3-skimage: people, a cat, coffee, a rocket) pass', { skip: samples ? false : 'no BULWARK_TEST_PICTURES' }, async () => {
      for (const name of ['astronaut.png', 'camera.png', 'coffee.png', 'chelsea.png', 'rocket.jpg', 'motorcycle_left.png']) {
        const file = path.join(samples!, name);
        if (!existsSync(file)) continue;
        const { status, body } = await send(s, readFileSync(file), 'image/png');
        assert.equal(status, 200, name);
        assert.equal(body.suggestion, 'pass', `${name}: ${JSON.stringify(body.evidence)}`);
      }
    });

    test('/readyz reports the picture workers', async () => {
      const res = await fetch(`${s.url}/readyz`);
      const body = await res.json() as any;
      assert.match(JSON.stringify(body), /pictureWorkers/);
    });
  });
}
