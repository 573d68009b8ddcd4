// Pictures through the service: 1-megapixel JPEGs (generated photos, a quarter with a QR code) analysed
// in the worker threads (decode, PDQ, QR, sexual-content model), matched against an image list and
// decided, with the audit log on; then the same with OCR. Target: ≥ 10 pictures/s on 2 cores without OCR.
// Run: node dist/bench/images.js

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { loadConfig } from '../src/config.js';
import { qrCode, randomPdqHashes, scene } from '../src/images/fixtures.js';
import { createService, DEFAULT_TENANT_ID } from '../src/service/index.js';
import { fmt, isMain, quantile, table } from './measure.js';

const TARGET_PER_SECOND = 10;
const PICTURES = 24;
const LIST_HASHES = 100_000;

export async function runImages(): Promise<void> {
  console.log(`\n== images: ${PICTURES} generated 1280×800 JPEGs (a quarter with a QR code), through the service, audit on`);
  const pictures = await Promise.all(Array.from({ length: PICTURES }, async (_, k) => {
    const photo = sharp(await scene(1280, 800, 100 + k));
    const withQr = k % 4 === 0 ? photo.composite([{ input: await qrCode(`https://deal${k}.example/win`, 200), left: 900, top: 400 }]) : photo;
    return withQr.jpeg({ quality: 85 }).toBuffer();
  }));
  for (const ocr of [false, true]) await measure(pictures, ocr);
}

async function measure(pictures: readonly Buffer[], ocr: boolean): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bulwark-bench-'));
  const service = await createService(loadConfig({ BULWARK_DATA_DIR: dataDir, LOG_LEVEL: 'silent', BULWARK_IMAGE_OCR: String(ocr) }));
  try {
    const list = await service.stores.lists.create({ tenantId: DEFAULT_TENANT_ID, name: 'bench-bank', kind: 'image', action: 'block', category: 'sexual', match: 'pdq', maxDistance: 31 });
    await service.stores.lists.addEntries(DEFAULT_TENANT_ID, list.id, randomPdqHashes(LIST_HASHES, 5));
    const t0 = performance.now();
    await service.images.warmUp();
    const warmMs = performance.now() - t0;
    const call = { tenantId: DEFAULT_TENANT_ID };
    await service.images.moderate(call, pictures[0], {});
    const rows: (string | number)[][] = [];
    for (const concurrency of [1, service.config.imageThreads, service.config.imageThreads * 2]) {
      const latencies: number[] = [];
      let next = 0;
      const started = performance.now();
      const rounds = (ocr ? 1 : 2) * PICTURES;
      await Promise.all(Array.from({ length: concurrency }, async () => {
        while (next < rounds) {
          const picture = pictures[next++ % PICTURES];
          const t = performance.now();
          await service.images.moderate(call, picture, {});
          latencies.push(performance.now() - t);
        }
      }));
      const seconds = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      const perSecond = rounds / seconds;
      rows.push([`${concurrency} at a time`, perSecond.toFixed(1), fmt.ms(quantile(latencies, 0.5)), fmt.ms(quantile(latencies, 0.99)),
        ocr ? '–' : perSecond >= TARGET_PER_SECOND ? 'met' : 'MISSED']);
    }
    await service.recorder.flush();
    table(`pictures/s, ${ocr ? 'with OCR (no target)' : `sexual + QR + hash (target ≥ ${TARGET_PER_SECOND})`}; ` +
      `${service.config.imageThreads} worker threads, ready in ${warmMs.toFixed(0)} ms; image list of ${fmt.int(LIST_HASHES)} hashes`,
      ['concurrency', 'pictures/s', 'p50 ms', 'p99 ms', 'target'], rows);
  } finally {
    await service.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) await runImages();
