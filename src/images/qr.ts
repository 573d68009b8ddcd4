// QR codes in pictures, decoded with zxing-wasm. Its WebAssembly is read from the installed package
// and handed over, so nothing is ever fetched (left alone, it would download it from a CDN). The
// payload goes through the text pipeline like any other text; the evidence carries where the code is.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import type { ReaderOptions } from 'zxing-wasm/reader';
import type { Region } from '../content/index.js';
import type { Raster } from './decode.js';


export interface QrFinding { text: string; region: Region }

const OPTIONS: ReaderOptions = { formats: ['QRCode', 'MicroQRCode'], tryHarder: true, maxNumberOfSymbols: 8 };

let prepared: Promise<unknown> | null = null;

/** Instantiates the decoder once, from the package's own .wasm file. */
export function loadQrDecoder(): Promise<unknown> {
  if (!prepared) {
    const wasm = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
    const wasmBinary = wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength);
    prepared = Promise.resolve(prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true }));
  }
  return prepared;
}

/** Every QR code the raster shows, with its bounding box scaled back to original pixels. */
export async function findQrCodes(raster: Raster): Promise<QrFinding[]> {
  await loadQrDecoder();
  const { width, height, data } = raster;
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0, j = 0; i < data.length; i += 3, j += 4) {
    rgba[j] = data[i];
    rgba[j + 1] = data[i + 1];
    rgba[j + 2] = data[i + 2];
    rgba[j + 3] = 255;
  }
  const results = await readBarcodes({ data: rgba, width, height, colorSpace: 'srgb' } as ImageData, OPTIONS);
  return results.filter((r) => r.isValid && r.text.length > 0).map((r) => {
    const { topLeft, topRight, bottomLeft, bottomRight } = r.position;
    const xs = [topLeft.x, topRight.x, bottomLeft.x, bottomRight.x];
    const ys = [topLeft.y, topRight.y, bottomLeft.y, bottomRight.y];
    return { text: r.text, region: scaled(Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys), raster) };
  });
}

/** The raster box [x0, x1] × [y0, y1] in original pixels, clamped to the picture. */
export function scaled(x0: number, y0: number, x1: number, y1: number, raster: Raster): Region {
  const s = raster.scale;
  const x = Math.max(0, Math.floor(x0 * s));
  const y = Math.max(0, Math.floor(y0 * s));
  return { x, y, w: Math.max(1, Math.ceil(x1 * s) - x), h: Math.max(1, Math.ceil(y1 * s) - y) };
}
