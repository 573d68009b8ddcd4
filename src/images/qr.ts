// QR codes in pictures, decoded with zxing-wasm. Its WebAssembly is read from the installed package
// and handed over, so nothing is ever fetched (left alone, it would download it from a CDN). The
// payload goes through the text pipeline like any other text; the evidence carries where the code is.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import type { ReaderOptions } from 'zxing-wasm/reader';
import type { Region } from '../content/index.js';
import { regionAround } from './decode.js';
import type { Raster } from './decode.js';

export const QR_DECODER = 'zxing-wasm 3';

export interface QrFinding { text: string; region: Region }

const OPTIONS: ReaderOptions = { formats: ['QRCode', 'MicroQRCode'], tryHarder: true, maxNumberOfSymbols: 8 };

let prepared: Promise<unknown> | null = null;

/** A WebAssembly file of the installed zxing-wasm package ('reader/zxing_reader.wasm'), as its module takes it. */
export function zxingWasm(file: string): ArrayBuffer {
  const wasm = readFileSync(createRequire(import.meta.url).resolve(`zxing-wasm/${file}`));
  return wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer;
}

/** Instantiates the decoder once, from the package's own .wasm file. */
export function loadQrDecoder(): Promise<unknown> {
  prepared ??= Promise.resolve(prepareZXingModule({ overrides: { wasmBinary: zxingWasm('reader/zxing_reader.wasm') }, fireImmediately: true }));
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
    return { text: r.text, region: regionAround([topLeft, topRight, bottomLeft, bottomRight].map((p) => [p.x, p.y] as const), raster) };
  });
}
