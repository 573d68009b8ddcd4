import assert from 'node:assert/strict';
import { test } from 'node:test';
import { probeImage, rasterize } from './decode.js';
import { scene, withCaptions } from './fixtures.js';
import { readLines } from './ocr.js';
import { spaceOcrLine } from './ocrSpacing.js';

async function linesIn(picture: Buffer) {
  return readLines(await rasterize(picture, await probeImage(picture), 1024));
}

test('English and Chinese captions over a photo are read, each with its box in original pixels', async () => {
  const photo = await withCaptions(await scene(1600, 1000, 31), [
    { text: 'WhatsApp +86 138 0013 8000', x: 120, y: 220, size: 64 },
    { text: '加微信 seller888 低价出售', x: 700, y: 760, size: 64 },
  ]);
  const lines = await linesIn(photo);
  const latin = lines.find((l) => /138/.test(l.text));
  const chinese = lines.find((l) => /微信/.test(l.text));
  assert.ok(latin && chinese, JSON.stringify(lines));
  assert.match(latin.text.replace(/\s/g, ''), /WhatsApp\+8613800138000/i);
  assert.ok(latin.region.x >= 60 && latin.region.x < 220 && latin.region.y > 120 && latin.region.y < 220, JSON.stringify(latin.region));
  assert.ok(chinese.region.y > 640 && chinese.region.x > 600, JSON.stringify(chinese.region));
});

test("a line's box does not move with the picture's size (detection pads to multiples of 32)", async () => {
  const caption = { text: 'Limited offer today', x: 100, y: 300, size: 40 };
  // 1024 × 640 needs no padding; 1000 × 700 is padded to 1024 × 704 (a 768 px video frame: 432 → 448).
  const [exact, padded] = await Promise.all([[1024, 640], [1000, 700]].map(async ([w, h]) => linesIn(await withCaptions(await scene(w, h, 33), [caption]))));
  assert.equal(exact.length, 1, JSON.stringify(exact));
  assert.equal(padded.length, 1, JSON.stringify(padded));
  for (const side of ['x', 'y', 'w', 'h'] as const) {
    assert.ok(Math.abs(exact[0].region[side] - padded[0].region[side]) <= 2, `${side}: ${JSON.stringify([exact[0].region, padded[0].region])}`);
  }
});

test('a photo without text gives no lines', async () => {
  assert.deepEqual(await linesIn(await scene(1024, 768, 32)), []);
});

test('spaces OCR dropped are put back without breaking names, addresses or handles', () => {
  assert.equal(spaceOcrLine('DMmeontelegram@cheap_pills'), 'DM me on telegram @cheap_pills');
  assert.equal(spaceOcrLine('AddWeChat:seller888'), 'Add WeChat :seller888');
  assert.equal(spaceOcrLine('Calln0w+12025550143'), 'Calln0w +12025550143');
  assert.equal(spaceOcrLine('call+12025550143now'), 'call +12025550143 now');
  assert.equal(spaceOcrLine('visitourwebsitetoday'), 'visit our website today');
  for (const kept of ['WhatsApp +8613800138000', 'cheappillsonline.com/buy', '加微信abc123', 'Scunthorpe United', 'therapist']) {
    assert.equal(spaceOcrLine(kept), kept);
  }
});
