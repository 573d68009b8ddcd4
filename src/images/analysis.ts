// What the picture pipeline learns from one image file, before any policy: its format and size,
// the hashes it is matched by, and the QR codes it shows (per sampled frame of an animation).
// Pure and self-contained, so it runs the same in a worker thread (workerPool.ts) and in tests.

import type { ImageInfo, ImageLimits } from './decode.js';
import { probeImage, rasterize, sampledFrames } from './decode.js';
import { imageHashes } from './imageHashes.js';
import type { ImageHashes } from './imageHashes.js';
import { findQrCodes } from './qr.js';
import type { QrFinding } from './qr.js';

/** Pictures are read at most this many pixels a side (QR codes, and later OCR and models). */
export const ANALYSIS_MAX_SIDE = 1024;

export interface FrameQr extends QrFinding { frame: number }

export interface ImageAnalysis {
  info: ImageInfo;
  hashes: ImageHashes;
  qr: FrameQr[];
  /** The frames looked at (0 unless animated). */
  frames: number[];
}

export async function analyseImage(bytes: Buffer, limits: ImageLimits): Promise<ImageAnalysis> {
  const info = await probeImage(bytes, limits);
  const frames = sampledFrames(info.frames, limits.maxFrames);
  const hashes = await imageHashes(bytes, info);
  const qr: FrameQr[] = [];
  for (const frame of frames) {
    const raster = await rasterize(bytes, info, ANALYSIS_MAX_SIDE, frame);
    for (const found of await findQrCodes(raster)) {
      if (!qr.some((q) => q.text === found.text)) qr.push({ ...found, frame });
    }
  }
  return { info, hashes, qr, frames };
}
