import assert from 'node:assert/strict';
import { test } from 'node:test';
import sharp from 'sharp';
import { probeImage, rasterize } from './decode.js';
import { qrCode, scene } from './fixtures.js';
import { findQrCodes } from './qr.js';
import type { Region } from '../content/index.js';

async function qrsIn(bytes: Buffer) {
  return findQrCodes(await rasterize(bytes, await probeImage(bytes), 1024));
}

function overlap(a: Region, b: Region): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  const inter = Math.max(0, w) * Math.max(0, h);
  return inter / (a.w * a.h + b.w * b.h - inter);
}

test('a QR code pasted into a photo is read, with its box in original pixels', async () => {
  const photo = await sharp(await scene(1600, 1000, 5))
    .composite([{ input: await qrCode('https://cheap-pills.example/buy?ref=42', 240), left: 1100, top: 380 }])
    .jpeg({ quality: 80 }).toBuffer();
  const found = await qrsIn(photo);
  assert.equal(found.length, 1);
  assert.equal(found[0].text, 'https://cheap-pills.example/buy?ref=42');
  // The decoder's box is the code's modules, inside the quiet zone of the pasted square.
  assert.ok(overlap(found[0].region, { x: 1100, y: 380, w: 240, h: 240 }) > 0.5, JSON.stringify(found[0].region));
});

test('a turned QR code and a second one in the same photo are both read', async () => {
  const turned = await sharp(await qrCode('WeChat: seller888', 200)).rotate(20, { background: '#ffffff' }).png().toBuffer();
  const photo = await sharp(await scene(1280, 800, 6))
    .composite([{ input: turned, left: 100, top: 300 }, { input: await qrCode('t.me/cheapdeals', 160), left: 900, top: 100 }])
    .png().toBuffer();
  assert.deepEqual((await qrsIn(photo)).map((q) => q.text).sort(), ['WeChat: seller888', 't.me/cheapdeals']);
});

test('a photo without a code gives nothing', async () => {
  assert.deepEqual(await qrsIn(await sharp(await scene(1024, 768, 9)).jpeg().toBuffer()), []);
});
