// What the picture pipeline learns from one image file, before any policy: its format and size,
// the hashes it is matched by, and what each picture detector (detectors/picture/) finds in the
// sampled frames: the sexual-content model's scores, and the text read from QR codes and by OCR.
// Each sampled frame is decoded once, at most 1024 pixels a side, and shared by the detectors.
// Pure and self-contained, so it runs the same in a worker thread (workerPool.ts) and in tests.

import type { Region } from '../content/index.js';
import type { Detection, PictureInput, ReadText } from '../detectors/index.js';
import { builtinPictureDetectors, PICTURE_TEXT } from '../detectors/picture/index.js';
import type { ImageInfo, ImageLimits } from './decode.js';
import { probeImage, rasterize, sampledFrames } from './decode.js';
import { imageHashes } from './imageHashes.js';
import type { ImageHashes } from './imageHashes.js';
import { findFaces } from './faces.js';

/** Pictures are read at most this many pixels a side by every detector. */
export const ANALYSIS_MAX_SIDE = 1024;

/** Options of one analysis: OCR is the slowest reader (~0.17–0.2 s a 1024 px picture), so it can be turned off. */
export interface AnalysisOptions { ocr: boolean }

/** What one picture detector found, under its name and version (the decision's `models`). */
export interface PictureDetection { detector: string; version: string; detection: Detection }

export interface ImageAnalysis {
  info: ImageInfo;
  hashes: ImageHashes;
  /** The frames looked at (0 unless animated). */
  frames: number[];
  detections: PictureDetection[];
}

/** The sampled frames of a probed picture, decoded for the picture detectors. */
export async function pictureInput(bytes: Buffer, info: ImageInfo, limits: ImageLimits): Promise<PictureInput> {
  const frames = [];
  for (const frame of sampledFrames(info.frames, limits.maxFrames)) frames.push(await rasterize(bytes, info, ANALYSIS_MAX_SIDE, frame));
  return { kind: 'image', width: info.width, height: info.height, frames };
}

export async function analyseImage(bytes: Buffer, limits: ImageLimits, options: AnalysisOptions = { ocr: true }): Promise<ImageAnalysis> {
  const info = await probeImage(bytes, limits);
  const hashes = await imageHashes(bytes, info);
  const input = await pictureInput(bytes, info, limits);
  const detections: PictureDetection[] = [];
  for (const detector of await builtinPictureDetectors()) {
    if (!options.ocr && detector.name === PICTURE_TEXT) continue;
    detections.push({ detector: detector.name, version: detector.version, detection: await detector.detect(input, {}) });
  }
  return { info, hashes, frames: input.frames.map((f) => f.frame), detections };
}

/** What a redaction blurs: faces, and (with `ocr`) the text read, for the caller to judge. */
export interface RedactionTargets { info: ImageInfo; faces: Region[]; text: ReadText[] }

/** Faces (BlazeFace, loaded on first use) and, with `ocr`, the text of the first frame as OCR reads it. */
export async function locateForRedaction(bytes: Buffer, limits: ImageLimits, options: AnalysisOptions): Promise<RedactionTargets> {
  const info = await probeImage(bytes, limits);
  const input = await pictureInput(bytes, info, { ...limits, maxFrames: 1 });
  const faces = await findFaces(input.frames[0]);
  if (!options.ocr) return { info, faces, text: [] };
  const ocr = (await builtinPictureDetectors()).find((d) => d.name === PICTURE_TEXT);
  return { info, faces, text: (await ocr?.detect(input, {}))?.read ?? [] };
}
