// One shared suite every built-in picture detector must pass: it declares itself, loads, honours
// its own example pictures (generated, never copied), and returns scores in [0, 1] and evidence
// and read text whose boxes lie inside the picture and whose frames are frames it was shown; it
// copes with a 1-pixel picture, a thin strip, transparency and an animation.

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Region } from '../../content/index.js';
import { pictureInput } from '../../images/analysis.js';
import { DEFAULT_IMAGE_LIMITS, probeImage } from '../../images/decode.js';
import { animation, flat, scene } from '../../images/fixtures.js';
import type { Detection, PictureDetector, PictureInput } from '../detector.js';
import { builtinPictureDetectors } from './index.js';

async function decoded(bytes: Buffer): Promise<PictureInput> {
  return pictureInput(bytes, await probeImage(bytes), DEFAULT_IMAGE_LIMITS);
}

const squash = (text: string) => text.replace(/\s+/g, '').toLowerCase();

const detectors = await builtinPictureDetectors();

for (const detector of detectors) {
  describe(`picture detector conformance: ${detector.name}`, () => {
    before(() => detector.load());

    test('declares a name, a version and the kinds it handles', () => {
      assert.match(detector.name, /^[a-z][a-z0-9-]*$/);
      assert.ok(detector.version.length > 0);
      assert.deepEqual(detector.kinds, ['image']);
      assert.ok(detector.examples().length >= 5, 'ship at least 5 examples');
    });

    test('its own example pictures hold', async () => {
      for (const example of detector.examples()) {
        const input = await decoded(await example.picture());
        const detection = await detector.detect(input, {});
        assertWellFormed(detector, input, detection);
        for (const [category, expected] of Object.entries(example.expect ?? {})) {
          const score = detection.scores[category as keyof typeof detection.scores] ?? 0;
          if (expected === 'flag') assert.ok(score >= 0.5, `${detector.name}: ${example.name} should flag ${category} (score ${score})`);
          else assert.ok(score < 0.5, `${detector.name}: ${example.name} should pass ${category} (score ${score})`);
        }
        if (!example.reads) continue;
        const read = (detection.read ?? []).map((r) => r.text);
        if (example.reads.length === 0) assert.deepEqual(read, [], `${detector.name}: ${example.name} should read nothing`);
        const all = squash(read.join('\n'));
        for (const wanted of example.reads) assert.ok(all.includes(squash(wanted)), `${detector.name}: ${example.name} should read "${wanted}"; read ${JSON.stringify(read)}`);
      }
    });

    test('copes with a 1-pixel picture, a thin strip, transparency and a 6-frame animation', async () => {
      const pictures = [
        await flat(1, 1, '#000000'),
        await flat(4000, 3, '#3366cc'),
        await flat(300, 200, { r: 0, g: 0, b: 0, alpha: 0 }),
        await animation(await Promise.all([71, 72, 73, 74, 75, 76].map((seed) => scene(320, 240, seed)))),
      ];
      for (const bytes of pictures) {
        const input = await decoded(bytes);
        assertWellFormed(detector, input, await detector.detect(input, {}));
      }
    });
  });
}

function assertWellFormed(detector: PictureDetector, input: PictureInput, { scores, evidence, read }: Detection): void {
  const frames = new Set(input.frames.map((f) => f.frame));
  const inside = (r: Region | undefined, what: string) => {
    assert.ok(r, `${detector.name}: ${what} must carry a region`);
    assert.ok(Number.isInteger(r.x) && Number.isInteger(r.y) && r.w >= 1 && r.h >= 1, `${detector.name}: ${what} ${JSON.stringify(r)}`);
    assert.ok(r.x >= 0 && r.y >= 0 && r.x + r.w <= input.width && r.y + r.h <= input.height,
      `${detector.name}: ${what} ${JSON.stringify(r)} lies outside ${input.width} × ${input.height}`);
  };
  const shown = (frame: number | undefined, what: string) => {
    if (input.frames.length > 1) assert.ok(frame !== undefined && frames.has(frame), `${detector.name}: ${what} names frame ${frame}`);
    else assert.equal(frame, undefined, `${detector.name}: ${what} of a still picture names no frame`);
  };
  for (const [category, score] of Object.entries(scores)) {
    assert.ok(Number.isFinite(score) && score >= 0 && score <= 1, `${detector.name}: ${category} score ${score}`);
  }
  for (const e of evidence) {
    assert.ok(e.rule && e.source && e.category, JSON.stringify(e));
    assert.ok(e.score >= 0 && e.score <= 1 && e.score <= (scores[e.category] ?? 0), `${detector.name}: evidence score above its category's: ${JSON.stringify(e)}`);
    inside(e.region, 'evidence');
    shown(e.frame, 'evidence');
  }
  for (const r of read ?? []) {
    assert.ok(r.source && r.text.length > 0 && r.parts.length > 0, JSON.stringify(r));
    let end = 0;
    for (const part of r.parts) {
      assert.ok(part.start >= end && part.start < part.end && part.end <= r.text.length, `${detector.name}: parts in order, inside the text: ${JSON.stringify(r)}`);
      end = part.end;
      inside(part.region, 'read text');
      shown(part.frame, 'read text');
    }
  }
}
