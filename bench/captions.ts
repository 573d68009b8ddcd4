// Captions in video frames as OCR reads them: 30 generated 1280×720 frames with a subtitle (white,
// outlined) or a banded caption 18–44 px high, shrunk to 768 px and JPEG-encoded as video/frames.ts
// does, then read as a picture thread reads a frame. Prints, by caption height, how many read
// exactly (spaces and case ignored) and the mean character error, so a faster OCR pass can be
// checked for text it loses (docs/benchmarks.md, "Video end to end"). Run: node dist/bench/captions.js

import sharp from 'sharp';
import { ANALYSIS_MAX_SIDE } from '../src/images/analysis.js';
import { probeImage, rasterize } from '../src/images/decode.js';
import { scene, withCaptions } from '../src/images/fixtures.js';
import { readLines } from '../src/images/ocr.js';
import { isMain } from './measure.js';

const PHRASES = ['Call 555-0143 now', 'DM me on telegram @cheap_pills', 'Free crypto giveaway today', 'Visit example.com/win', 'WhatsApp +86 138 0013 8000',
  'Meet me after school', 'Send money to account 4411', 'Best prices on pills', 'Join t.me/freebies', 'Stir the sauce gently'];
const HEIGHTS = [18, 22, 26, 30, 36, 44];

/** A subtitle as players draw them: centred, white with a dark outline, no band. */
async function withSubtitle(picture: Buffer, text: string, size: number, y: number): Promise<Buffer> {
  const { width, height } = await sharp(picture).metadata();
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><text x="${width! / 2}" y="${y}" text-anchor="middle" ` +
    `font-family="DejaVu Sans" font-size="${size}" fill="white" stroke="black" stroke-width="${Math.max(1, size / 16)}">${text}</text></svg>`;
  return sharp(picture).composite([{ input: Buffer.from(svg) }]).png().toBuffer();
}

/** Edits to turn `truth` into the closest stretch of `read`, per character of `truth` (spaces and case ignored). */
function characterError(truth: string, read: string): number {
  const a = truth.replace(/\s+/g, '').toLowerCase();
  const b = read.replace(/\s+/g, '').toLowerCase();
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return Math.min(...previous) / a.length;
}

export async function runCaptions(): Promise<void> {
  console.log('\n== captions in 768 px video frames read by OCR (5 frames per caption height; subtitles and banded captions)');
  let seed = 300;
  for (const size of HEIGHTS) {
    let exact = 0;
    let error = 0;
    for (let k = 0; k < 5; k++) {
      const text = PHRASES[(k + size) % PHRASES.length];
      const frame = await scene(1280, 720, seed++);
      const captioned = k % 2 === 0 ? await withSubtitle(frame, text, size, 680 - 30 * k) : await withCaptions(frame, [{ text, x: 60 + 40 * k, y: 660 - 90 * k, size }]);
      const jpeg = await sharp(captioned).resize(768).jpeg({ quality: 85 }).toBuffer();
      const read = (await readLines(await rasterize(jpeg, await probeImage(jpeg), ANALYSIS_MAX_SIDE))).map((l) => l.text).join(' ');
      const e = characterError(text, read);
      if (e === 0) exact++;
      error += e;
    }
    console.log(`${size} px at 720p: ${exact}/5 exact, mean character error ${(error / 5).toFixed(2)}`);
  }
}

if (isMain(import.meta.url)) await runCaptions();
