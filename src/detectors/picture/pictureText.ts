// Text drawn in pictures (PP-OCRv4, images/ocr.ts): the lines of the first frame, with the spaces
// OCR drops put back (images/ocrSpacing.ts), are handed to the text pipeline as one text, joined
// by spaces as wrapped text reads, so a phone number, handle or phrase that runs onto the next
// line still reads whole; each line keeps its box, so a finding points at the lines its span
// touches. Text in an animation rarely changes between frames: reading one keeps the cost bounded
// (~0.17–0.2 s a 1024 px picture).

import { loadOcr, OCR_MODEL, readLines } from '../../images/ocr.js';
import { spaceOcrLine } from '../../images/ocrSpacing.js';
import type { Caption } from '../../images/fixtures.js';
import type { Detection, PictureDetector, PictureExample, PictureInput, ReadPart } from '../detector.js';
import { fixtures } from './examples.js';

/** The OCR detector's name: what `models` records, and what an analysis without OCR leaves out. */
export const PICTURE_TEXT = 'ocr';

export class PictureTextDetector implements PictureDetector {
  readonly name = PICTURE_TEXT;
  readonly version = OCR_MODEL;
  readonly kinds = ['image'] as const;

  async load(): Promise<void> {
    await loadOcr();
  }

  async detect(input: PictureInput): Promise<Detection> {
    const [first] = input.frames;
    const lines = first ? await readLines(first) : [];
    if (lines.length === 0) return { scores: {}, evidence: [], read: [] };
    const animated = input.frames.length > 1;
    const parts: ReadPart[] = [];
    const texts: string[] = [];
    let at = 0;
    for (const line of lines) {
      const text = spaceOcrLine(line.text);
      parts.push({ start: at, end: at + text.length, region: line.region, ...(animated ? { frame: first.frame } : {}) });
      texts.push(text);
      at += text.length + 1;
    }
    return { scores: {}, evidence: [], read: [{ source: 'ocr', text: texts.join(' '), parts }] };
  }

  examples(): readonly PictureExample[] {
    const captioned = (seed: number, ...captions: Caption[]) => async () => {
      const { scene, withCaptions } = await fixtures();
      return withCaptions(await scene(1400, 900, seed), captions);
    };
    return [
      { name: 'a phone number in an English caption', reads: ['WhatsApp +8613800138000'],
        picture: captioned(61, { text: 'WhatsApp +86 138 0013 8000', x: 200, y: 700, size: 56 }) },
      { name: 'a Chinese caption with a handle', reads: ['微信', 'seller888'],
        picture: captioned(62, { text: '加微信 seller888 低价出售', x: 300, y: 400, size: 64 }) },
      { name: 'a link over two lines', reads: ['Visit us at', 'cheap-pills.example'],
        picture: captioned(63, { text: 'Visit us at', x: 150, y: 300, size: 60 }, { text: 'cheap-pills.example', x: 150, y: 420, size: 60 }) },
      { name: 'a harmless caption', reads: ['Sunset over the lake'],
        picture: captioned(64, { text: 'Sunset over the lake', x: 120, y: 760, size: 56 }) },
      { name: 'a caption in an animation', reads: ['Sale ends Friday'], picture: async () => {
        const { animation, scene, withCaptions } = await fixtures();
        const captioned = async (seed: number) => withCaptions(await scene(640, 480, seed), [{ text: 'Sale ends Friday', x: 60, y: 400, size: 44 }]);
        return animation(await Promise.all([66, 67, 68].map(captioned)));
      } },
      { name: 'a photo without text', reads: [], picture: async () => (await fixtures()).scene(1024, 768, 65) },
    ];
  }
}
