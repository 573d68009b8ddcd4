// Blurring regions of a picture (faces, text with personal or contact details) for
// POST /v1/redact/image. The picture is decoded once as shown (EXIF orientation applied; the first
// frame of an animation), each region, padded a little, is replaced by a heavily blurred copy of
// itself, and the result is encoded in the input's format (GIF, AVIF and TIFF come back as PNG).

import sharp from 'sharp';
import type { Region } from '../content/index.js';
import type { ImageInfo } from './decode.js';

const PADDING = 0.15;

export interface Blurred { bytes: Buffer; contentType: string }

export async function blurRegions(bytes: Buffer, info: ImageInfo, regions: readonly Region[]): Promise<Blurred> {
  const { data, info: raw } = await sharp(bytes, { limitInputPixels: false, failOn: 'truncated' })
    .rotate().removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const asRaw = { raw: { width: raw.width, height: raw.height, channels: raw.channels } } as const;
  const patches = await Promise.all(regions.map(async (r) => {
    const box = padded(r, raw.width, raw.height);
    const sigma = Math.max(6, Math.min(80, Math.max(box.w, box.h) / 5));
    const input = await sharp(data, asRaw).extract({ left: box.x, top: box.y, width: box.w, height: box.h }).blur(sigma).raw().toBuffer();
    return { input, raw: { width: box.w, height: box.h, channels: raw.channels }, left: box.x, top: box.y };
  }));
  const out = sharp(data, asRaw).composite(patches);
  if (info.format === 'jpeg') return { bytes: await out.jpeg({ quality: 90 }).toBuffer(), contentType: 'image/jpeg' };
  if (info.format === 'webp') return { bytes: await out.webp({ quality: 90 }).toBuffer(), contentType: 'image/webp' };
  return { bytes: await out.png().toBuffer(), contentType: 'image/png' };
}

function padded(r: Region, width: number, height: number): Region {
  const dx = Math.round(r.w * PADDING);
  const dy = Math.round(r.h * PADDING);
  const x = Math.max(0, r.x - dx);
  const y = Math.max(0, r.y - dy);
  return { x, y, w: Math.max(1, Math.min(width, r.x + r.w + dx) - x), h: Math.max(1, Math.min(height, r.y + r.h + dy) - y) };
}
