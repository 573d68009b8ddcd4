import assert from 'node:assert/strict';
import { test } from 'node:test';
import sharp from 'sharp';
import { BulwarkError } from '../errors.js';
import { analyseImage } from './analysis.js';
import { DEFAULT_IMAGE_LIMITS, probeImage, rasterize, sampledFrames, sniffFormat } from './decode.js';
import { animation, badCrcPng, pixelBomb, qrCode, scene, truncated } from './fixtures.js';

const code = (err: unknown) => (err instanceof BulwarkError ? err.code : String(err));

test('every supported format is read; the signature decides, not the name', async () => {
  const png = await scene(320, 200, 1);
  const encoded = {
    jpeg: await sharp(png).jpeg().toBuffer(), png, webp: await sharp(png).webp().toBuffer(), gif: await sharp(png).gif().toBuffer(),
    avif: await sharp(png).avif({ effort: 0 }).toBuffer(), tiff: await sharp(png).tiff().toBuffer(),
  };
  for (const [format, bytes] of Object.entries(encoded)) {
    assert.equal(sniffFormat(bytes), format);
    const info = await probeImage(bytes);
    assert.deepEqual([info.format, info.width, info.height, info.frames], [format, 320, 200, 1], format);
    const raster = await rasterize(bytes, info, 160);
    assert.deepEqual([raster.width, raster.height, raster.channels, raster.scale], [160, 100, 3, 2], format);
  }
  assert.equal(sniffFormat(Buffer.from('%PDF-1.7')), null);
});

test('EXIF orientation is applied: sizes and regions are as the picture is shown', async () => {
  const turned = await sharp(await scene(400, 300, 2)).jpeg().withMetadata({ orientation: 6 }).toBuffer();
  const info = await probeImage(turned);
  assert.deepEqual([info.width, info.height], [300, 400]);
  const raster = await rasterize(turned, info, 1024);
  assert.deepEqual([raster.width, raster.height], [300, 400]);
});

test('hostile files are refused with their codes, a pixel bomb before any decoding', async () => {
  const png = await scene(300, 200, 3);
  const jpeg = await sharp(png).jpeg().toBuffer();
  const cases: [string, Buffer, string][] = [
    ['pixel bomb', pixelBomb(), 'MEDIA_TOO_LARGE'],
    ['empty', Buffer.alloc(0), 'MEDIA_EMPTY'],
    ['text', Buffer.from('hello, not a picture'), 'MEDIA_UNSUPPORTED_TYPE'],
    ['HEIC-like ftyp brand', Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic'), Buffer.alloc(64)]), 'MEDIA_UNSUPPORTED_TYPE'],
  ];
  for (const [name, bytes, expected] of cases) await assert.rejects(probeImage(bytes), (e) => code(e) === expected, name);
  await assert.rejects(probeImage(jpeg, { ...DEFAULT_IMAGE_LIMITS, maxBytes: 100 }), (e) => code(e) === 'MEDIA_TOO_LARGE');
  for (const [name, bytes] of [['truncated JPEG', truncated(jpeg)], ['truncated PNG', truncated(png)], ['PNG with a bad checksum', badCrcPng(png)]] as const) {
    await assert.rejects(async () => rasterize(bytes, await probeImage(bytes), 256), (e) => code(e) === 'MEDIA_UNDECODABLE', name);
  }
  // A polyglot (a JPEG with an archive appended) is read as the picture it starts with.
  const polyglot = Buffer.concat([jpeg, Buffer.from('PK\u0003\u0004<?php echo 1; ?>')]);
  assert.equal((await probeImage(polyglot)).format, 'jpeg');
});

test('an animation is sampled: a QR code in a later frame is found, with its frame', async () => {
  const frames = await Promise.all([0, 1, 2, 3, 4, 5].map(async (k) => {
    const photo = sharp(await scene(400, 300, 10 + k));
    return (k === 5 ? photo.composite([{ input: await qrCode('t.me/frame_five', 160), left: 200, top: 80 }]) : photo).png().toBuffer();
  }));
  const gif = await animation(frames);
  const info = await probeImage(gif);
  assert.deepEqual([info.format, info.width, info.height, info.frames], ['gif', 400, 300, 6]);
  assert.deepEqual(sampledFrames(6, 4), [0, 2, 3, 5]);
  const analysis = await analyseImage(gif, DEFAULT_IMAGE_LIMITS, { ocr: false });
  assert.deepEqual(analysis.frames, [0, 2, 3, 5]);
  assert.deepEqual(analysis.detections.map((d) => d.detector), ['sexual', 'qr']);
  const qr = analysis.detections.find((d) => d.detector === 'qr')?.detection.read ?? [];
  assert.deepEqual(qr.map((r) => [r.text, r.parts[0].frame]), [['t.me/frame_five', 5]]);
});
