// Sexual content in pictures: nsfwjs's MobileNetV2 "Mid" model (bundled in the npm package, loaded
// with import(), never fetched) on TensorFlow.js's WebAssembly backend. The backend is
// single-threaded, so it runs inside each picture worker thread (workerPool.ts), one per core.
// MobileNetV2 Mid is chosen over plain MobileNetV2: as fast here (50–66 ms an image) and, in the
// dependency probe, it did not call a benign room photo "Sexy" (plain MobileNetV2 said 0.57).

import { createRequire } from 'node:module';
import path from 'node:path';

export const NSFW_MODEL = 'MobileNetV2Mid';
export const NSFW_INPUT_SIDE = 224;

/** nsfwjs's five classes, probabilities summing to 1. */
export interface NsfwScores { drawing: number; hentai: number; neutral: number; porn: number; sexy: number }

interface Classifier { classify(image: unknown): Promise<{ className: string; probability: number }[]> }
interface Tf { tensor3d(values: Uint8Array, shape: [number, number, number], dtype: 'int32'): { dispose(): void } }

let loaded: Promise<{ tf: Tf; model: Classifier; version: string }> | null = null;

/** Loads the backend and the model once per thread. */
export async function loadNsfwModel(): Promise<{ version: string }> {
  return { version: (await nsfw()).version };
}

function nsfw(): Promise<{ tf: Tf; model: Classifier; version: string }> {
  loaded ??= (async () => {
    const tf = await import('@tensorflow/tfjs');
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    // The backend concatenates file names to this path: it needs the trailing slash.
    wasm.setWasmPaths(`${path.dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json'))}/dist/`);
    await tf.setBackend('wasm');
    await tf.ready();
    const nsfwjs = await import('nsfwjs');
    // nsfwjs greets on console.info at every load; a service log has no room for it.
    const info = console.info;
    console.info = () => {};
    try {
      const model = await nsfwjs.load(NSFW_MODEL) as unknown as Classifier;
      return { tf: tf as unknown as Tf, model, version: `nsfwjs ${NSFW_MODEL}` };
    } finally {
      console.info = info;
    }
  })();
  return loaded;
}

/** Class probabilities for an RGB raster of NSFW_INPUT_SIDE × NSFW_INPUT_SIDE pixels. */
export async function classifyNsfw(rgb: Uint8Array, width: number, height: number): Promise<NsfwScores> {
  const { tf, model } = await nsfw();
  const image = tf.tensor3d(rgb, [height, width, 3], 'int32');
  try {
    const scores: NsfwScores = { drawing: 0, hentai: 0, neutral: 0, porn: 0, sexy: 0 };
    for (const p of await model.classify(image)) scores[p.className.toLowerCase() as keyof NsfwScores] = p.probability;
    return scores;
  } finally {
    image.dispose();
  }
}
