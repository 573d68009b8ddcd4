// Picture hashing and hash-list lookups: PDQ time for a 1-megapixel JPEG (decode included), and
// lookups in an index of 1,000,000 PDQ hashes at the default distance (31 bits): our multi-index
// hashing against a full scan of the same hashes. The reference point the issue names, Meta's
// hasher-matcher-actioner, serves about 4,000 lookups/s; it is not installable here, so it is not run.
// Run: node dist/bench/pdq.js

import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { probeImage } from '../src/images/decode.js';
import { nearPdqCopy, randomPdqHashes, scene } from '../src/images/fixtures.js';
import { imageHashes } from '../src/images/imageHashes.js';
import { lumaOf, pdqHash, popcount } from '../src/images/pdq.js';
import { hashWords, PdqIndex } from '../src/images/pdqIndex.js';
import { seededRandom } from '../src/seededRandom.js';
import { compare, fmt, isMain, table } from './measure.js';

const HASHES = 1_000_000;
const DISTANCE = 31;
const HMA_LOOKUPS_PER_SECOND = 4_000;

export async function runPdq(): Promise<void> {
  console.log(`\n== pdq: hashing 1-megapixel JPEGs; lookups among ${fmt.int(HASHES)} hashes within ${DISTANCE} bits`);
  const jpegs = await Promise.all([1, 2, 3, 4].map(async (seed) => sharp(await scene(1280, 800, seed)).jpeg({ quality: 85 }).toBuffer()));
  const infos = await Promise.all(jpegs.map((j) => probeImage(j)));
  const { data, info } = await sharp(jpegs[0]).resize(512, 512, { fit: 'inside' }).raw().toBuffer({ resolveWithObject: true });
  const hashing = await compare([
    { name: 'decode + PDQ (+ 8 orientations, SHA-256)', fn: (i) => imageHashes(jpegs[i % 4], infos[i % 4]) },
    { name: 'PDQ alone on the 512-pixel luminance', fn: () => pdqHash(lumaOf(data, info.width, info.height, info.channels)) },
  ], { ms: 2_000 });
  table('PDQ hashing, 1280×800 JPEG', ['what', 'images/s', 'p50 ms', 'p99 ms'],
    hashing.map((r) => [r.name, fmt.int(r.ops), fmt.ms(r.p50), fmt.ms(r.p99)]));

  const hashes = randomPdqHashes(HASHES, 7);
  const t0 = performance.now();
  const index = new PdqIndex(hashes);
  const buildMs = performance.now() - t0;
  const indexMb = index.bytes / 1e6;
  const random = seededRandom(11);
  // Half the queries are near copies of listed hashes (found), half are unrelated (not found).
  const queries = Array.from({ length: 1_000 }, (_, k) => k % 2 ? randomPdqHashes(1, 100 + k)[0] : nearPdqCopy(hashes[Math.floor(random() * HASHES)], k % (DISTANCE + 1), k));
  const queryWords = queries.map((q) => hashWords(q));
  const turned = queries.map((q) => Array.from({ length: 8 }, (_, k) => (k === 0 ? q : nearPdqCopy(q, 128, k))));
  const full = fullScan(hashes);
  const rows = await compare([
    { name: `Bulwark PdqIndex, one orientation`, fn: (i) => index.searchWords(queryWords[i % queries.length], DISTANCE) },
    { name: `Bulwark PdqIndex, all 8 orientations`, fn: (i) => turned[i % queries.length].forEach((q) => index.search(q, DISTANCE)) },
    { name: 'full scan of the same hashes (one orientation)', fn: (i) => full(queryWords[i % queries.length], DISTANCE) },
  ], { ms: 3_000 });
  const found = queries.filter((q) => index.search(q, DISTANCE).length > 0).length;
  const ours = rows[0].ops;
  table(`PDQ lookups, ${fmt.int(HASHES)} hashes (index built in ${buildMs.toFixed(0)} ms, ~${indexMb.toFixed(0)} MB)`,
    ['what', 'lookups/s', 'p50 ms', 'p99 ms', 'Bulwark ÷ this', `÷ HMA ~${fmt.int(HMA_LOOKUPS_PER_SECOND)}/s`],
    rows.map((r) => [r.name, fmt.int(r.ops), fmt.ms(r.p50), fmt.ms(r.p99), fmt.ratio(ours / r.ops), fmt.ratio(r.ops / HMA_LOOKUPS_PER_SECOND)]));
  console.log(`${found}/${queries.length} queries found a listed hash (${queries.length / 2} were near copies, flipped in 0–${DISTANCE} bits).`);
}

/** The plain alternative: every hash's distance, one after another. */
function fullScan(hashes: readonly string[]): (query: Int32Array, max: number) => number[] {
  const words = new Int32Array(hashes.length * 8);
  hashes.forEach((h, i) => words.set(hashWords(h), i * 8));
  return (query, max) => {
    const out: number[] = [];
    for (let i = 0, at = 0; i < hashes.length; i++, at += 8) {
      let d = 0;
      for (let w = 0; w < 8 && d <= max; w++) {
        d += popcount(words[at + w] ^ query[w]);
      }
      if (d <= max) out.push(i);
    }
    return out;
  };
}

if (isMain(import.meta.url)) await runPdq();
