// The built-in picture detectors, loaded once per thread: they run in the picture worker threads
// (images/analysisWorker.ts), where the models they need are.

import type { PictureDetector } from '../detector.js';
import { PictureTextDetector } from './pictureText.js';
import { QrCodeDetector } from './qrCodes.js';
import { SexualContentDetector } from './sexualContent.js';

let loaded: Promise<readonly PictureDetector[]> | null = null;

export function builtinPictureDetectors(): Promise<readonly PictureDetector[]> {
  loaded ??= (async () => {
    const detectors: PictureDetector[] = [new SexualContentDetector(), new QrCodeDetector(), new PictureTextDetector()];
    await Promise.all(detectors.map((d) => d.load()));
    return detectors;
  })();
  return loaded;
}
