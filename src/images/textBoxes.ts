// Where the text is: PP-OCRv4's detection model gives each pixel a probability of being text; the
// pixels above 0.03 (gutenye's threshold) form regions, and each region's rotated box, grown as
// PaddleOCR does, is cut out of the raster and straightened for recognition. The model sees the
// raster's raw pixels at full size (no encode and decode on the way; a smaller copy lost captions),
// padded to multiples of 32 at the right and bottom so the boxes need no shifting, its input filled
// in one typed pass.

import { Tensor } from 'onnxruntime-node';
import type { Raster } from './decode.js';
import type { OcrModels, Pixels } from './ocrModels.js';

/** A line of text found: its corners in raster pixels and its straightened picture. */
export interface TextBox { box: [number, number][]; crop: Pixels }

const THRESHOLD = 0.03;
const STEP = 32;

/** The text boxes in the raster, none if no pixel looks like text. */
export async function findTextBoxes(models: OcrModels, raster: Raster): Promise<TextBox[]> {
  const input = modelInput(raster.data, 3, raster.width, raster.height);
  const outputs = await models.detection.run({ [models.detection.inputNames[0]]: input });
  const mask = textMask(outputs[models.detection.outputNames[0]], raster.width, raster.height);
  if (!mask) return [];
  const lines = await models.splitIntoLineImages(mask, rgba(raster));
  // Each crop is a view into opencv.js's memory, which later calls may move or reuse: copied at once.
  return lines.map((l) => ({
    box: l.box.map((p) => [p[0], p[1]] as [number, number]),
    crop: { data: new Uint8Array(l.image.data), width: l.image.width, height: l.image.height },
  }));
}

/**
 * Planar float input in the model's channel order (BGR), values 0–1 as gutenye feeds it, padded
 * with black to multiples of 32 (recognition passes a `step` of 1: its input keeps its exact size).
 */
export function modelInput(data: Uint8Array, channels: number, width: number, height: number, step = STEP): Tensor {
  const w = Math.max(step, Math.ceil(width / step) * step);
  const h = Math.max(step, Math.ceil(height / step) * step);
  const plane = w * h;
  const out = new Float32Array(3 * plane);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * channels;
      const q = y * w + x;
      out[q] = data[p + 2] / 255;
      out[plane + q] = data[p + 1] / 255;
      out[2 * plane + q] = data[p] / 255;
    }
  }
  return new Tensor('float32', out, [1, 3, h, w]);
}

/** The probability map's unpadded part as a black and white RGBA picture, or null if no pixel is text. */
function textMask(output: Tensor, width: number, height: number): Pixels | null {
  const probability = output.data as Float32Array;
  const stride = output.dims[3];
  const data = new Uint8Array(width * height * 4);
  let any = false;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = probability[y * stride + x] > THRESHOLD ? 255 : 0;
      const p = (y * width + x) * 4;
      data[p] = data[p + 1] = data[p + 2] = v;
      data[p + 3] = 255;
      any ||= v > 0;
    }
  }
  return any ? { data, width, height } : null;
}

function rgba(raster: Raster): Pixels {
  const n = raster.width * raster.height;
  const data = new Uint8Array(n * 4);
  for (let k = 0; k < n; k++) {
    data[4 * k] = raster.data[3 * k];
    data[4 * k + 1] = raster.data[3 * k + 1];
    data[4 * k + 2] = raster.data[3 * k + 2];
    data[4 * k + 3] = 255;
  }
  return { data, width: raster.width, height: raster.height };
}
