// Reading pictures safely: the format is told by the file's own signature, the header is read
// before any pixel is decoded (a 1 KB file claiming 60,000 × 60,000 pixels is refused at once),
// EXIF orientation is applied, animated pictures give a few evenly spaced frames, and anything
// corrupt or truncated becomes MEDIA_UNDECODABLE instead of a crash. Decoding runs in libvips'
// own threads (sharp), off the event loop.

import sharp from 'sharp';
import type { Region } from '../content/index.js';
import { BulwarkError } from '../errors.js';

export const IMAGE_FORMATS = ['jpeg', 'png', 'webp', 'gif', 'avif', 'tiff'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

export interface ImageLimits {
  /** Bytes of the encoded file. */
  maxBytes: number;
  /** Pixels of one frame (width × height), checked from the header before decoding. */
  maxPixels: number;
  /** Frames of an animated picture that are looked at (evenly spaced). */
  maxFrames: number;
}

export const DEFAULT_IMAGE_LIMITS: ImageLimits = Object.freeze({ maxBytes: 20 * 1024 * 1024, maxPixels: 50_000_000, maxFrames: 4 });

export interface ImageInfo {
  format: ImageFormat;
  /** Size as shown, EXIF orientation applied: the space evidence regions are given in. */
  width: number;
  height: number;
  /** Frames in the file (1 unless animated). */
  frames: number;
  bytes: number;
}

/** Decoded pixels of one frame, scaled to fit `maxSide`, with the factor back to original pixels. */
export interface Raster {
  data: Buffer;
  width: number;
  height: number;
  channels: 3;
  /** Original pixels per raster pixel (≥ 1). */
  scale: number;
  /** The frame this raster shows (0 unless animated). */
  frame: number;
}

/** The box around points of a raster (a code's corners, a text line's quadrilateral), in original pixels. */
export function regionAround(points: readonly (readonly [number, number])[], raster: Raster): Region {
  const s = raster.scale;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const x = Math.max(0, Math.floor(Math.min(...xs) * s));
  const y = Math.max(0, Math.floor(Math.min(...ys) * s));
  return { x, y, w: Math.max(1, Math.ceil(Math.max(...xs) * s) - x), h: Math.max(1, Math.ceil(Math.max(...ys) * s) - y) };
}

/** The format from the first bytes, or null. */
export function sniffFormat(bytes: Uint8Array): ImageFormat | null {
  const at = (k: number, ...sig: number[]) => sig.every((b, i) => bytes[k + i] === b);
  const ascii = (k: number, s: string) => at(k, ...[...s].map((c) => c.charCodeAt(0)));
  if (at(0, 0xff, 0xd8, 0xff)) return 'jpeg';
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return 'gif';
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'webp';
  if (at(0, 0x49, 0x49, 0x2a, 0x00) || at(0, 0x4d, 0x4d, 0x00, 0x2a)) return 'tiff';
  if (ascii(4, 'ftyp') && (ascii(8, 'avif') || ascii(8, 'avis'))) return 'avif';
  return null;
}

/** Checks bytes, format and header; throws MEDIA_* errors. No pixel is decoded. */
export async function probeImage(bytes: Buffer, limits: ImageLimits = DEFAULT_IMAGE_LIMITS): Promise<ImageInfo> {
  if (bytes.length === 0) throw new BulwarkError('MEDIA_EMPTY');
  if (bytes.length > limits.maxBytes) {
    throw new BulwarkError('MEDIA_TOO_LARGE', `The image has ${bytes.length} bytes; the limit is ${limits.maxBytes}.`, { bytes: bytes.length, limit: limits.maxBytes });
  }
  const format = sniffFormat(bytes);
  if (!format) throw new BulwarkError('MEDIA_UNSUPPORTED_TYPE', `The bytes are not one of ${IMAGE_FORMATS.join(', ')}.`);
  let meta: sharp.Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (err) {
    throw undecodable(err);
  }
  const { width, height } = meta;
  if (!width || !height) throw new BulwarkError('MEDIA_UNDECODABLE', 'The image header gives no size.');
  // An animated file's metadata height is every frame stacked: one frame is pageHeight tall.
  const frameHeight = meta.pageHeight ?? height;
  if (width * frameHeight > limits.maxPixels) {
    throw new BulwarkError('MEDIA_TOO_LARGE', `The image claims ${width} × ${frameHeight} pixels; the limit is ${limits.maxPixels} pixels.`,
      { width, height: frameHeight, limit: limits.maxPixels });
  }
  const turned = (meta.orientation ?? 1) >= 5;
  return { format, width: turned ? frameHeight : width, height: turned ? width : frameHeight, frames: Math.max(1, meta.pages ?? 1), bytes: bytes.length };
}

/** The frames worth looking at: all of them up to `max`, else evenly spaced including the first and last. */
export function sampledFrames(frames: number, max: number): number[] {
  if (frames <= max) return Array.from({ length: frames }, (_, k) => k);
  if (max <= 1) return [0];
  return Array.from({ length: max }, (_, k) => Math.round((k * (frames - 1)) / (max - 1)));
}

/** Decodes one frame as RGB (alpha flattened onto white), oriented, scaled to fit `maxSide` (never enlarged). */
export async function rasterize(bytes: Buffer, info: ImageInfo, maxSide: number, frame = 0): Promise<Raster> {
  const pipeline = sharp(bytes, { limitInputPixels: false, failOn: 'truncated', page: frame, pages: 1 })
    .rotate()
    .resize(maxSide, maxSide, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .removeAlpha()
    .toColourspace('srgb');
  try {
    const { data, info: out } = await pipeline.raw().toBuffer({ resolveWithObject: true });
    return { data, width: out.width, height: out.height, channels: 3, scale: info.width / out.width, frame };
  } catch (err) {
    throw undecodable(err);
  }
}

function undecodable(err: unknown): BulwarkError {
  const reason = err instanceof Error ? err.message.split('\n')[0].slice(0, 200) : String(err);
  return new BulwarkError('MEDIA_UNDECODABLE', `The image cannot be decoded: ${reason}.`, { reason });
}
