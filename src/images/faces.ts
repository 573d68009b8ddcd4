// Faces, for privacy only: BlazeFace (through Human's node-wasm build; no other Human model is ever
// loaded) finds face boxes so they can be blurred. Nothing about a face is estimated or returned:
// no identity, age, gender, emotion or any other attribute (PRODUCT.md). Runs in the picture
// worker threads, on tfjs's WebAssembly backend.

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Region } from '../content/index.js';
import { regionAround } from './decode.js';
import type { Raster } from './decode.js';

interface HumanFace { box: [number, number, number, number]; score: number }
interface Human {
  load(): Promise<void>;
  detect(input: unknown): Promise<{ face: HumanFace[] }>;
  tf: { tensor3d(values: Uint8Array, shape: [number, number, number], dtype: 'int32'): unknown; dispose(t: unknown): void };
}

const MIN_CONFIDENCE = 0.5;
let detector: Promise<Human> | null = null;

/** Loads BlazeFace once per thread (~0.2 s). */
export function loadFaceDetector(): Promise<unknown> {
  detector ??= (async () => {
    const require = createRequire(import.meta.url);
    // Its package "exports" list the node-wasm build without "./": load it by path.
    const dir = path.resolve(path.dirname(require.resolve('@vladmandic/human')), '..');
    const { Human } = require(path.join(dir, 'dist', 'human.node-wasm.js')) as { Human: new (config: object) => Human };
    const human = new Human({
      backend: 'wasm',
      wasmPath: `${path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'))}/dist/`,
      wasmPlatformFetch: false,
      modelBasePath: `file://${dir}/models/`,
      cacheModels: false, cacheSensitivity: 0, warmup: 'none', debug: false,
      filter: { enabled: false }, gesture: { enabled: false },
      face: {
        enabled: true,
        detector: { modelPath: 'blazeface.json', rotation: false, maxDetected: 50, minConfidence: MIN_CONFIDENCE, iouThreshold: 0.1, return: false },
        mesh: { enabled: false }, iris: { enabled: false }, emotion: { enabled: false }, description: { enabled: false },
        antispoof: { enabled: false }, liveness: { enabled: false }, attention: { enabled: false }, gear: { enabled: false },
      },
      body: { enabled: false }, hand: { enabled: false }, object: { enabled: false }, segmentation: { enabled: false },
    });
    await withLocalFetch(() => human.load());
    return human;
  })();
  return detector;
}

/** Face boxes in original pixels. */
export async function findFaces(raster: Raster): Promise<Region[]> {
  const human = (await loadFaceDetector()) as Human;
  const tensor = human.tf.tensor3d(new Uint8Array(raster.data.buffer, raster.data.byteOffset, raster.data.length), [raster.height, raster.width, 3], 'int32');
  try {
    const { face } = await human.detect(tensor);
    return face.filter((f) => f.score >= MIN_CONFIDENCE).map(({ box: [x, y, w, h] }) => regionAround([[x, y], [x + w, y + h]], raster));
  } finally {
    human.tf.dispose(tensor);
  }
}

/**
 * Human reads its model files with fetch(), which in Node 20 cannot read file:// URLs. While it
 * loads, file:// URLs are served from disk and anything else is refused, so nothing leaves the machine.
 */
async function withLocalFetch<T>(load: () => Promise<T>): Promise<T> {
  const original = globalThis.fetch;
  globalThis.fetch = (async (input: string | URL | Request) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith('file://')) throw new Error(`picture workers fetch nothing from the network (${url})`);
    return new Response(await readFile(fileURLToPath(url)));
  }) as typeof fetch;
  try {
    return await load();
  } finally {
    globalThis.fetch = original;
  }
}
