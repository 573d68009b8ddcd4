// Text drawn in pictures (PP-OCRv4, images/ocr.ts): the lines of the first frame, with the spaces
// OCR drops put back (images/ocrSpacing.ts), are handed to the text pipeline as one text, a line a
// line, so a phone number or handle that OCR split across lines still reads whole; each line
// keeps its box, so a finding points at the lines its span touches. Text in an animation rarely
// changes between frames: reading one keeps the cost bounded (~0.35 s a picture).

import { loadOcr, OCR_MODEL, readLines } from '../../images/ocr.js';
import { spaceOcrLine } from '../../images/ocrSpacing.js';
import { scene, withCaptions } from '../../images/fixtures.js';
import type { Detection, PictureDetector, PictureExample, PictureInput, ReadPart } from '../detector.js';

export class PictureTextDetector implements PictureDetector {
  readonly name = 'ocr';
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
    return { scores: {}, evidence: [], read: [{ source: 'ocr', text: texts.join('\n'), parts }] };
  }

  examples(): readonly PictureExample[] {
    const captioned = (seed: number, ...captions: Parameters<typeof withCaptions>[1]) => async () => withCaptions(await scene(1400, 900, seed), captions);
    return [
      { name: 'a phone number in an English caption', reads: ['WhatsApp +8613800138000'],
        picture: captioned(61, { text: 'WhatsApp +86 138 0013 8000', x: 200, y: 700, size: 56 }) },
      { name: 'a Chinese caption with a handle', reads: ['微信', 'seller888'],
        picture: captioned(62, { text: '加微信 seller888 低价出售', x: 300, y: 400, size: 64 }) },
      { name: 'a link over two lines', reads: ['Visit us at', 'cheap-pills.example'],
        picture: captioned(63, { text: 'Visit us at', x: 150, y: 300, size: 60 }, { text: 'cheap-pills.example', x: 150, y: 420, size: 60 }) },
      { name: 'a harmless caption', reads: ['Sunset over the lake'],
        picture: captioned(64, { text: 'Sunset over the lake', x: 120, y: 760, size: 56 }) },
      { name: 'a photo without text', reads: [], picture: () => scene(1024, 768, 65) },
    ];
  }
}
