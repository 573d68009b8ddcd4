// POST /v1/redact/image end to end: a real face (the astronaut of Debian's python3-skimage, public
// domain) blurred and nothing else touched; text with a phone number blurred on request while a
// harmless caption stays; no face attribute ever asked for or returned.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import type { Region } from '../src/content/index.js';
import { pixelBomb, scene, withCaptions } from '../src/images/fixtures.js';
import { startServer } from './support/server.js';
import type { TestServer } from './support/server.js';

const pictures = process.env.BULWARK_TEST_PICTURES;
const astronaut = pictures && path.join(pictures, 'usr/lib/python3/dist-packages/skimage/data/astronaut.png');
// In CI the picture must be there (scripts/test.sh fetches it); elsewhere the face test may be skipped.
const noFace = !astronaut || !existsSync(astronaut) ? (process.env.CI ? false : 'no BULWARK_TEST_PICTURES (run bash scripts/test.sh)') : false;

async function redact(s: TestServer, picture: Buffer, query = ''): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const res = await fetch(`${s.url}/v1/redact/image${query}`, {
    method: 'POST', body: new Uint8Array(picture), headers: { authorization: `Bearer ${s.adminKey}`, 'content-type': 'image/png' },
  });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** Share of pixels inside and outside a box that differ between two pictures of one size. */
async function changed(a: Buffer, b: Buffer, box: Region): Promise<{ inside: number; outside: number }> {
  const [x, y] = await Promise.all([a, b].map((p) => sharp(p).removeAlpha().raw().toBuffer({ resolveWithObject: true })));
  const { width, height } = x.info;
  let inside = 0, outside = 0, nIn = 0, nOut = 0;
  for (let py = 0; py < height; py++) {
    for (let px = 0; px < width; px++) {
      const at = (py * width + px) * 3;
      const diff = Math.abs(x.data[at] - y.data[at]) + Math.abs(x.data[at + 1] - y.data[at + 1]) + Math.abs(x.data[at + 2] - y.data[at + 2]) > 30;
      const within = px >= box.x && px < box.x + box.w && py >= box.y && py < box.y + box.h;
      if (within) { nIn++; if (diff) inside++; } else { nOut++; if (diff) outside++; }
    }
  }
  return { inside: inside / nIn, outside: outside / nOut };
}

describe('POST /v1/redact/image', () => {
  let s: TestServer;
  before(async () => { s = await startServer(null, { BULWARK_IMAGE_THREADS: '1' }); });
  after(async () => { await s.close(); });

  test('a face is blurred and the rest of the photo is left as it was', { skip: noFace }, async () => {
    const photo = readFileSync(astronaut!);
    const res = await redact(s, photo);
    assert.equal(res.status, 200, res.bytes.toString().slice(0, 200));
    assert.equal(res.headers.get('content-type'), 'image/png');
    assert.equal(res.headers.get('bulwark-faces'), '1');
    // The astronaut's face lies around x 150–300, y 50–200 of the 512 × 512 picture.
    const face = await changed(photo, res.bytes, { x: 170, y: 75, w: 110, h: 110 });
    assert.ok(face.inside > 0.5, `face pixels changed: ${face.inside}`);
    assert.ok(face.outside < 0.15, `pixels changed elsewhere: ${face.outside}`);
  });

  test('with text=true, a line holding a phone number is blurred and a harmless caption stays', async () => {
    const photo = await withCaptions(await scene(1200, 800, 41), [
      { text: 'Sunset over the lake', x: 100, y: 150, size: 56 },
      { text: 'Call me +1 202 555 0143', x: 100, y: 600, size: 56 },
    ]);
    const plain = await redact(s, photo);
    assert.deepEqual([plain.headers.get('bulwark-faces'), plain.headers.get('bulwark-text-regions')], ['0', '0']);
    assert.equal((await changed(photo, plain.bytes, { x: 0, y: 0, w: 1, h: 1 })).outside, 0, 'nothing to blur: nothing changed');
    const res = await redact(s, photo, '?text=true');
    assert.equal(res.headers.get('bulwark-text-regions'), '1');
    const phone = await changed(photo, res.bytes, { x: 100, y: 560, w: 500, h: 50 });
    assert.ok(phone.inside > 0.2, `phone line changed: ${phone.inside}`);
    const caption = await changed(photo, res.bytes, { x: 100, y: 110, w: 500, h: 50 });
    assert.equal(caption.inside, 0, 'the harmless caption is untouched');
  });

  test('with text=true, a phone number that runs onto the next line is found, and both its lines are blurred', async () => {
    const photo = await withCaptions(await scene(1200, 800, 43), [
      { text: 'Lake view, 2024', x: 100, y: 150, size: 52 },
      { text: 'Call me +1 202', x: 100, y: 500, size: 52 },
      { text: '555 0143', x: 100, y: 600, size: 52 },
    ]);
    const res = await redact(s, photo, '?text=true');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('bulwark-text-regions'), '2');
    for (const y of [460, 560]) {
      const line = await changed(photo, res.bytes, { x: 100, y, w: 250, h: 45 });
      assert.ok(line.inside > 0.2, `line at y ${y} changed: ${line.inside}`);
    }
    assert.equal((await changed(photo, res.bytes, { x: 100, y: 110, w: 400, h: 45 })).inside, 0, 'the harmless caption is untouched');
  });

  test('refusals: a pixel bomb, and any request for a face attribute', async () => {
    const bomb = await redact(s, pixelBomb());
    assert.equal(bomb.status, 413);
    assert.equal(JSON.parse(bomb.bytes.toString()).code, 'MEDIA_TOO_LARGE');
    const res = await s.call('POST', '/v1/redact/image', { base64: 'AAAA', attributes: ['age', 'gender'] });
    assert.equal(res.status, 400);
    assert.equal(res.body.code, 'ATTRIBUTE_NOT_SUPPORTED');
  });
});
