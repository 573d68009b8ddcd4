// Pictures the tests build for themselves: photo-like scenes, and hostile files (a pixel bomb, a
// truncated JPEG, a PNG with a broken checksum, a polyglot). Nothing here is a copy of real data.

import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { seededRandom } from '../seededRandom.js';
import { hashWords } from './pdqIndex.js';
import { zxingWasm } from './qr.js';

/** A photo-like RGB scene: smooth gradients, a few shapes, a little noise (seeded), as PNG. */
export async function scene(width: number, height: number, seed = 1): Promise<Buffer> {
  const data = Buffer.alloc(width * height * 3);
  let s = seed >>> 0 || 1;
  const noise = () => ((s = Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9 >>> 0) % 17) - 8;
  const cx = width * (0.3 + ((seed * 37) % 40) / 100);
  const cy = height * (0.4 + ((seed * 53) % 30) / 100);
  const r = Math.min(width, height) * 0.2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sky = y < height * 0.55;
      const inDisc = (x - cx) ** 2 + (y - cy) ** 2 < r * r;
      const base = inDisc ? [200, 90 + (seed * 13) % 100, 40] : sky ? [90 + (y * 80) / height, 140 + (y * 60) / height, 230] : [60 + (x * 50) / width, 120, 50 + (y * 30) / height];
      const p = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) data[p + c] = Math.max(0, Math.min(255, base[c] + noise()));
    }
  }
  return sharp(data, { raw: { width, height, channels: 3 } }).png().toBuffer();
}

/** A QR code of `text` as a PNG about `size` pixels square (quiet zone included), made by zxing's writer. */
export async function qrCode(text: string, size: number): Promise<Buffer> {
  const writer = await import('zxing-wasm/writer');
  await writer.prepareZXingModule({ overrides: { wasmBinary: zxingWasm('writer/zxing_writer.wasm') }, fireImmediately: true });
  const written = await writer.writeBarcode(text, { format: 'QRCode', scale: 8 });
  if (!written.image) throw new Error(`zxing could not write a QR code: ${written.error}`);
  return sharp(Buffer.from(await written.image.arrayBuffer())).resize(size, size, { kernel: 'nearest' }).png().toBuffer();
}

export interface Caption { text: string; x: number; y: number; size: number; font?: string }

/**
 * The picture with captions drawn over it (each on a pale band so it reads like an ad's text), as
 * PNG. Fonts come from Debian (scripts/fonts.sh): DejaVu Sans, and WenQuanYi Micro Hei for Chinese.
 */
export async function withCaptions(picture: Buffer, captions: readonly Caption[]): Promise<Buffer> {
  const { width, height } = await sharp(picture).metadata();
  const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = captions.map((c) => {
    const font = c.font ?? (/[\u4e00-\u9fff]/.test(c.text) ? 'WenQuanYi Micro Hei' : 'DejaVu Sans');
    const w = Math.ceil(c.text.length * c.size * (/[\u4e00-\u9fff]/.test(c.text) ? 1.05 : 0.62)) + c.size;
    return `<rect x="${c.x - c.size / 2}" y="${c.y - c.size * 1.1}" width="${w}" height="${c.size * 1.5}" fill="white" opacity="0.85"/>` +
      `<text x="${c.x}" y="${c.y}" font-family="${font}" font-size="${c.size}" fill="#111">${escape(c.text)}</text>`;
  }).join('');
  const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${body}</svg>`);
  return sharp(picture).composite([{ input: svg }]).png().toBuffer();
}

/** A picture of one colour (with alpha: transparent or see-through), as PNG. */
export function flat(width: number, height: number, colour: string | { r: number; g: number; b: number; alpha: number }): Promise<Buffer> {
  return sharp({ create: { width, height, channels: typeof colour === 'string' ? 3 : 4, background: colour } }).png().toBuffer();
}

/** The picture saved as JPEG. */
export function asJpeg(picture: Buffer, quality = 85): Promise<Buffer> {
  return sharp(picture).jpeg({ quality }).toBuffer();
}

/** Pictures joined into an animated GIF, each frame shown 0.2 s. */
export function animation(frames: readonly Buffer[]): Promise<Buffer> {
  return sharp([...frames], { join: { animated: true } }).gif({ delay: 200 }).toBuffer();
}

/** The picture with QR codes of `text` pasted at (left, top), `size` pixels square each, as PNG. */
export async function withQrCodes(picture: Buffer, codes: readonly { text: string; left: number; top: number; size: number }[]): Promise<Buffer> {
  const inputs = await Promise.all(codes.map(async (c) => ({ input: await qrCode(c.text, c.size), left: c.left, top: c.top })));
  return sharp(picture).composite(inputs).png().toBuffer();
}

/** A valid PNG header claiming `width × height` pixels, with almost no data behind it. */
export function pixelBomb(width = 60_000, height = 60_000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(1024))), chunk('IEND', Buffer.alloc(0))]);
}

/** The PNG with one byte of its first IDAT chunk changed, so that chunk's CRC no longer matches. */
export function badCrcPng(png: Buffer): Buffer {
  const out = Buffer.from(png);
  const at = out.indexOf('IDAT');
  out[at + 4 + 10] ^= 0xff;
  return out;
}

/** The first `fraction` of a file: a download cut short. */
export function truncated(bytes: Buffer, fraction = 0.5): Buffer {
  return bytes.subarray(0, Math.floor(bytes.length * fraction));
}

/** `n` random 256-bit hashes as 64 hex digits, the same for the same seed. */
export function randomPdqHashes(n: number, seed: number): string[] {
  const random = seededRandom(seed);
  const word = () => Math.floor(random() * 2 ** 32).toString(16).padStart(8, '0');
  return Array.from({ length: n }, () => word() + word() + word() + word() + word() + word() + word() + word());
}

/** The hash with `bits` distinct bits flipped (chosen by the seed). */
export function nearPdqCopy(hex: string, bits: number, seed: number): string {
  const random = seededRandom(seed);
  const words = hashWords(hex);
  const flipped = new Set<number>();
  while (flipped.size < bits) flipped.add(Math.floor(random() * 256));
  for (const b of flipped) words[b >> 5] ^= 1 << (31 - (b & 31));
  return [...words].map((w) => (w >>> 0).toString(16).padStart(8, '0')).join('');
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}
