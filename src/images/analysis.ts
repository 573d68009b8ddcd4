// What the picture pipeline learns from one image file, before any policy: its format and size,
// the hashes it is matched by, and per sampled frame of an animation the QR codes it shows and
// the sexual-content model's class probabilities; and the lines of text it shows (OCR, first frame).
// Pure and self-contained, so it runs the same in a worker thread (workerPool.ts) and in tests.

import type { Region } from '../content/index.js';
import type { ImageInfo, ImageLimits } from './decode.js';
import { probeImage, rasterize, sampledFrames } from './decode.js';
import { imageHashes } from './imageHashes.js';
import type { ImageHashes } from './imageHashes.js';
import { findFaces } from './faces.js';
import { readLines } from './ocr.js';
import type { OcrLine } from './ocr.js';
import { findQrCodes } from './qr.js';
import { classifyNsfw, NSFW_INPUT_SIDE } from './sexualContent.js';
import type { NsfwScores } from './sexualContent.js';
import type { QrFinding } from './qr.js';

/** Pictures are read at most this many pixels a side (QR codes, and later OCR and models). */
export const ANALYSIS_MAX_SIDE = 1024;

export interface FrameQr extends QrFinding { frame: number }

export interface FrameNsfw { frame: number; scores: NsfwScores }

/** Options of one analysis: OCR is the slowest reader (~0.4 s a picture), so it can be turned off. */
export interface AnalysisOptions { ocr: boolean }

export interface ImageAnalysis {
  info: ImageInfo;
  hashes: ImageHashes;
  qr: FrameQr[];
  /** nsfwjs class probabilities per frame looked at. */
  nsfw: FrameNsfw[];
  /** Lines of text read in the first frame (null when OCR is off). */
  ocr: OcrLine[] | null;
  /** The frames looked at (0 unless animated). */
  frames: number[];
}

export async function analyseImage(bytes: Buffer, limits: ImageLimits, options: AnalysisOptions = { ocr: true }): Promise<ImageAnalysis> {
  const info = await probeImage(bytes, limits);
  const frames = sampledFrames(info.frames, limits.maxFrames);
  const hashes = await imageHashes(bytes, info);
  const qr: FrameQr[] = [];
  const nsfw: FrameNsfw[] = [];
  let ocr: OcrLine[] | null = null;
  for (const frame of frames) {
    const raster = await rasterize(bytes, info, ANALYSIS_MAX_SIDE, frame);
    // Text in an animation rarely changes between frames; reading one keeps the cost bounded.
    if (options.ocr && frame === frames[0]) ocr = await readLines(raster);
    for (const found of await findQrCodes(raster)) {
      if (!qr.some((q) => q.text === found.text)) qr.push({ ...found, frame });
    }
    const small = await rasterize(bytes, info, NSFW_INPUT_SIDE, frame, true);
    nsfw.push({ frame, scores: await classifyNsfw(small.data, small.width, small.height) });
  }
  return { info, hashes, qr, nsfw, ocr, frames };
}

/** What a redaction blurs: faces, and (with `ocr`) the lines of text, for the caller to judge. */
export interface RedactionTargets { info: ImageInfo; faces: Region[]; ocr: OcrLine[] | null }

/** Faces (BlazeFace, loaded on first use) and, with `ocr`, text lines of the first frame. */
export async function locateForRedaction(bytes: Buffer, limits: ImageLimits, options: AnalysisOptions): Promise<RedactionTargets> {
  const info = await probeImage(bytes, limits);
  const raster = await rasterize(bytes, info, ANALYSIS_MAX_SIDE);
  return { info, faces: await findFaces(raster), ocr: options.ocr ? await readLines(raster) : null };
}
