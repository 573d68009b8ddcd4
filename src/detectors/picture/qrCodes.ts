// QR codes in pictures (zxing-wasm, images/qr.ts): each code in each frame looked at is read once,
// and its payload handed to the text pipeline with the code's box, so a URL or a contact handle
// in a code is judged like the same text sent on its own.

import { findQrCodes, loadQrDecoder, QR_DECODER } from '../../images/qr.js';
import type { Detection, PictureDetector, PictureExample, PictureInput, ReadText } from '../detector.js';
import { fixtures } from './examples.js';

export class QrCodeDetector implements PictureDetector {
  readonly name = 'qr';
  readonly version = QR_DECODER;
  readonly kinds = ['image'] as const;

  async load(): Promise<void> {
    await loadQrDecoder();
  }

  async detect(input: PictureInput): Promise<Detection> {
    const animated = input.frames.length > 1;
    const read: ReadText[] = [];
    for (const raster of input.frames) {
      for (const code of await findQrCodes(raster)) {
        if (read.some((r) => r.text === code.text)) continue;
        const part = { start: 0, end: code.text.length, region: code.region, ...(animated ? { frame: raster.frame } : {}) };
        read.push({ source: 'qr', text: code.text, parts: [part] });
      }
    }
    return { scores: {}, evidence: [], read };
  }

  examples(): readonly PictureExample[] {
    type Code = { text: string; left: number; top: number; size: number };
    const pasted = (width: number, height: number, seed: number, ...codes: Code[]) => async () => {
      const { scene, withQrCodes } = await fixtures();
      return withQrCodes(await scene(width, height, seed), codes);
    };
    return [
      { name: 'a link in a QR code on a photo', reads: ['https://cheap-pills.example/buy?ref=42'],
        picture: pasted(1600, 1000, 51, { text: 'https://cheap-pills.example/buy?ref=42', left: 1100, top: 380, size: 240 }) },
      { name: 'two codes in one photo', reads: ['WeChat: seller888', 't.me/cheapdeals'],
        picture: pasted(1280, 800, 52, { text: 'WeChat: seller888', left: 100, top: 300, size: 200 }, { text: 't.me/cheapdeals', left: 900, top: 100, size: 160 }) },
      { name: 'a small code in a large photo', reads: ['https://example.org/menu'],
        picture: pasted(2400, 1600, 53, { text: 'https://example.org/menu', left: 1800, top: 1200, size: 300 }) },
      { name: 'a code in the last frame of an animation', reads: ['t.me/frame_four'], picture: async () => {
        const { animation, scene } = await fixtures();
        const frames = await Promise.all([54, 55, 56].map((seed) => scene(400, 300, seed)));
        return animation([...frames, await pasted(400, 300, 57, { text: 't.me/frame_four', left: 200, top: 80, size: 160 })()]);
      } },
      { name: 'a photo without a code', reads: [], picture: async () => (await fixtures()).scene(1024, 768, 58) },
    ];
  }
}
