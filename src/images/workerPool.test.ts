import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import sharp from 'sharp';
import { BulwarkError } from '../errors.js';
import { analyseImage } from './analysis.js';
import type { ImageAnalysis } from './analysis.js';
import { DEFAULT_IMAGE_LIMITS } from './decode.js';
import { pixelBomb, qrCode, scene } from './fixtures.js';
import { ImageWorkers } from './workerPool.js';

const pools: ImageWorkers[] = [];
function pool(options: ConstructorParameters<typeof ImageWorkers>[0]): ImageWorkers {
  const p = new ImageWorkers(options);
  pools.push(p);
  return p;
}
after(() => Promise.all(pools.map((p) => p.close())));

const qrTexts = (analysis: ImageAnalysis) => analysis.detections.flatMap((d) => d.detection.read ?? []).filter((r) => r.source === 'qr').map((r) => r.text);
const code = (err: unknown) => (err instanceof BulwarkError ? err.code : String(err));

async function adPhoto(seed: number): Promise<Buffer> {
  return sharp(await scene(1200, 800, seed)).composite([{ input: await qrCode(`https://deals${seed}.example`, 200), left: 600, top: 300 }]).jpeg().toBuffer();
}

test('a worker finds what the same analysis finds in-process', async () => {
  const workers = pool({ size: 2 });
  await workers.ready();
  const photos = await Promise.all([1, 2, 3].map(adPhoto));
  const results = await Promise.all(photos.map((p) => workers.analyse(p, DEFAULT_IMAGE_LIMITS)));
  for (const [k, result] of results.entries()) {
    const local = await analyseImage(photos[k], DEFAULT_IMAGE_LIMITS);
    assert.deepEqual(result, local);
    assert.deepEqual(qrTexts(result), [`https://deals${k + 1}.example`]);
  }
});

test('refusals keep their codes across the thread boundary', async () => {
  const workers = pool({ size: 1 });
  await assert.rejects(workers.analyse(pixelBomb(), DEFAULT_IMAGE_LIMITS), (e) => code(e) === 'MEDIA_TOO_LARGE');
  await assert.rejects(workers.analyse(Buffer.from('not a picture'), DEFAULT_IMAGE_LIMITS), (e) => code(e) === 'MEDIA_UNSUPPORTED_TYPE');
  await assert.rejects(workers.analyse((await adPhoto(4)).subarray(0, 5000), DEFAULT_IMAGE_LIMITS), (e) => code(e) === 'MEDIA_UNDECODABLE');
});

test('an image past the time limit fails alone: its worker is replaced and the next image is analysed', async () => {
  const workers = pool({ size: 1 });
  await workers.ready();
  await assert.rejects(workers.analyse(await adPhoto(5), DEFAULT_IMAGE_LIMITS, { ocr: true }, 1), (e) => code(e) === 'MEDIA_TIMEOUT');
  assert.equal(qrTexts(await workers.analyse(await adPhoto(6), DEFAULT_IMAGE_LIMITS)).length, 1);
});

test('a full queue refuses with SERVICE_BUSY instead of growing', async () => {
  const workers = pool({ size: 1, maxQueue: 1 });
  const photo = await adPhoto(7);
  const jobs = [1, 2, 3].map(() => workers.analyse(photo, DEFAULT_IMAGE_LIMITS));
  const settled = await Promise.allSettled(jobs);
  assert.deepEqual(settled.map((s) => s.status), ['fulfilled', 'fulfilled', 'rejected']);
  assert.equal(code((settled[2] as PromiseRejectedResult).reason), 'SERVICE_BUSY');
});
