// Picture accuracy (docs/accuracy-pictures.md): recall on generated ads (captions with contact
// details, URLs and get-rich lines over generated photos, and QR codes), and false positives on
// benign pictures from Debian packages (scripts/benign-pictures.sh unpacks them). Default policy.
// Run: node dist/bench/pictureAccuracy.js [benign-folder]

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { analyseImage } from '../src/images/analysis.js';
import { DEFAULT_IMAGE_LIMITS } from '../src/images/decode.js';
import { qrCode, scene, withCaptions } from '../src/images/fixtures.js';
import { moderateImage } from '../src/moderation/index.js';
import type { ImageContext } from '../src/moderation/index.js';
import { isMain } from './measure.js';
import { pipelineContext } from './peers.js';

const AD_LINES = [
  'WhatsApp +86 138 0013 8000', 'Add WeChat: seller888 低价出售', 'Telegram @cheap_deals_2024', 'Call now +1 202 555 0143',
  'www.cheap-pills-online.com', 'Buy followers at fastlikes.net', 'Email sales@bulkdeals.com', '加微信 vx: abc12345 兼职刷单',
  'DM me on Instagram @luxury_replicas', 'Visit casino-bonus.win for free spins', '日赚500 加QQ 123456789', 'Text WIN to 80082 to claim your prize',
];
const QR_PAYLOADS = ['https://cheap-pills-online.com/buy', 'weixin: seller888', 'https://t.me/cheap_deals', 'WhatsApp +8613800138000'];

export async function runPictureAccuracy(benignDir = 'data/benign-pictures'): Promise<void> {
  const ctx: ImageContext = { ...(await pipelineContext()), imageLists: [] };
  const judge = async (bytes: Buffer) => moderateImage(await analyseImage(bytes, DEFAULT_IMAGE_LIMITS), {}, ctx);

  const ads: { name: string; bytes: Buffer }[] = [];
  for (let k = 0; k < AD_LINES.length * 2; k++) {
    const caption = { text: AD_LINES[k % AD_LINES.length], x: 40 + (k * 37) % 160, y: 150 + (k * 97) % 550, size: 36 + (k * 7) % 24 };
    ads.push({ name: caption.text, bytes: await sharp(await withCaptions(await scene(1280, 800, 200 + k), [caption])).jpeg({ quality: 80 }).toBuffer() });
  }
  for (const [k, payload] of QR_PAYLOADS.entries()) {
    const photo = sharp(await scene(1280, 800, 300 + k)).composite([{ input: await qrCode(payload, 180 + 20 * k), left: 200 + 150 * k, top: 300 }]);
    ads.push({ name: `QR ${payload}`, bytes: await photo.jpeg({ quality: 80 }).toBuffer() });
  }
  const missed: string[] = [];
  for (const ad of ads) if ((await judge(ad.bytes)).suggestion === 'pass') missed.push(ad.name);
  console.log(`\n== pictures: generated ads flagged (review or block): ${ads.length - missed.length}/${ads.length} ` +
    `(${(100 * (ads.length - missed.length) / ads.length).toFixed(1)} %, target ≥ 95 %)${missed.length ? `; missed: ${missed.join(' | ')}` : ''}`);

  const files = picturesUnder(benignDir);
  if (files.length === 0) {
    console.log(`benign pictures: none under ${benignDir} (run scripts/benign-pictures.sh first)`);
    return;
  }
  const counts = { pass: 0, review: 0, block: 0, refused: 0 };
  const flagged: string[] = [];
  for (const file of files) {
    try {
      const d = await judge(readFileSync(file));
      counts[d.suggestion]++;
      if (d.suggestion !== 'pass') flagged.push(`${d.suggestion} ${path.basename(file)}: ${d.evidence.map((e) => `${e.rule} "${e.text}"`).join(', ')}`);
    } catch (err) {
      counts.refused++;
      flagged.push(`refused ${path.basename(file)}: ${(err as Error).message}`);
    }
  }
  const pct = (n: number) => `${(100 * n / files.length).toFixed(1)} %`;
  console.log(`benign pictures (${files.length} over 20 KB): block ${counts.block} (${pct(counts.block)}, target ≤ 2 %), ` +
    `review ${counts.review} (${pct(counts.review)}, target ≤ 5 %), refused ${counts.refused}`);
  for (const line of flagged) console.log(`  ${line}`);
}

function picturesUnder(dir: string): string[] {
  let entries: string[];
  try { entries = readdirSync(dir, { recursive: true }) as string[]; } catch { return []; }
  return entries.map((e) => path.join(dir, e))
    .filter((f) => /\.(jpe?g|png|webp)$/i.test(f) && !f.includes('.debs') && statSync(f).size > 20_000).sort();
}

if (isMain(import.meta.url)) await runPictureAccuracy(process.argv[2]);
