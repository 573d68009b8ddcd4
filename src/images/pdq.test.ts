import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import sharp from 'sharp';
import { sharedDataDir } from '../paths.js';
import { probeImage } from './decode.js';
import { scene } from './fixtures.js';
import { imageHashes } from './imageHashes.js';
import { hammingDistance, lumaOf, pdqHash, popcount } from './pdq.js';

const data = sharedDataDir();
const refDir = data && path.join(data, 'pdq-ref');
const skip = !refDir ? 'no ../shared/data/pdq-ref here' : false;

async function hashesOf(bytes: Buffer) {
  return imageHashes(bytes, await probeImage(bytes));
}

test('PDQ of every reference picture is within 16 bits of Meta\'s hash', { skip }, async () => {
  const expected = JSON.parse(readFileSync(path.join(refDir!, 'expected.json'), 'utf8')) as Record<string, string>;
  assert.ok(Object.keys(expected).length >= 10);
  const far: string[] = [];
  for (const [file, want] of Object.entries(expected)) {
    const { pdq } = await hashesOf(readFileSync(path.join(refDir!, file)));
    const d = hammingDistance(pdq, want);
    if (d > 16) far.push(`${file}: ${d} bits`);
  }
  assert.deepEqual(far, []);
});

test('the dihedral hashes of one picture match Meta\'s hashes of its turned and mirrored copies', { skip }, async () => {
  const expected = JSON.parse(readFileSync(path.join(refDir!, 'expected.json'), 'utf8')) as Record<string, string>;
  const copy = (name: string) => expected[`reg-test-input__dih__bridge-${name}.jpg`];
  const { dihedral } = await hashesOf(readFileSync(path.join(refDir!, 'reg-test-input__dih__bridge-1-original.jpg')));
  const order = ['1-original', '2-rotate-90', '3-rotate-180', '4-rotate-270', '6-flipy', '5-flipx', '7-flip-plus-1', '8-flip-minus-1'];
  order.forEach((name, k) => {
    assert.ok(hammingDistance(dihedral[k], copy(name)) <= 31, `${name}: ${hammingDistance(dihedral[k], copy(name))} bits`);
    for (const other of order) if (other !== name) assert.ok(hammingDistance(dihedral[k], copy(other)) > 64, `${name} vs ${other}`);
  });
});

test('re-encoded and resized copies stay near; different scenes are far apart', async () => {
  const png = await scene(800, 600, 7);
  const { pdq } = await hashesOf(png);
  const jpeg = await sharp(png).jpeg({ quality: 60 }).toBuffer();
  const small = await sharp(png).resize(300).webp().toBuffer();
  assert.ok(hammingDistance(pdq, (await hashesOf(jpeg)).pdq) <= 16);
  assert.ok(hammingDistance(pdq, (await hashesOf(small)).pdq) <= 16);
  assert.ok(hammingDistance(pdq, (await hashesOf(await scene(800, 600, 8))).pdq) > 64);
});

test('a flat picture has quality 0; hashes are 64 hex digits; popcount and distance', () => {
  const flat = pdqHash(lumaOf(new Uint8Array(100 * 80 * 3).fill(128), 100, 80, 3));
  assert.equal(flat.quality, 0);
  assert.match(flat.hash, /^[0-9a-f]{64}$/);
  assert.equal(popcount(0xffffffff), 32);
  assert.equal(hammingDistance('0'.repeat(64), 'f'.repeat(64)), 256);
  assert.equal(hammingDistance('0'.repeat(63) + '1', '0'.repeat(64)), 1);
});
