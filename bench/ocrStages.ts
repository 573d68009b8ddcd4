// Where OCR's time goes on a video's frames: detection (model and box finding) and recognition,
// per frame, in this thread with nothing else running, so a run on a busy machine still shows what
// one read costs. bench/video.ts prints it after the job.

import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { ANALYSIS_MAX_SIDE } from '../src/images/analysis.js';
import { probeImage, rasterize } from '../src/images/decode.js';
import { loadOcr } from '../src/images/ocr.js';
import { findTextBoxes } from '../src/images/textBoxes.js';
import { recogniseLine } from '../src/images/textRecognition.js';
import { sampleFrames } from '../src/video/frames.js';

/** One line on OCR's cost per frame of `video`, its frames sampled once a second into `dir`. */
export async function ocrStages(video: string, dir: string): Promise<string> {
  const frames = await sampleFrames(video, dir, { interval: 1, sceneThreshold: 1, maxFrames: 600, timeoutMs: 300_000 });
  const models = await loadOcr();
  const rasters = [];
  for (const frame of frames) {
    const bytes = await readFile(frame.file);
    rasters.push(await rasterize(bytes, await probeImage(bytes), ANALYSIS_MAX_SIDE));
  }
  await findTextBoxes(models, rasters[0]);
  let detection = 0;
  let recognition = 0;
  let boxes = 0;
  for (const raster of rasters) {
    const started = performance.now();
    const found = await findTextBoxes(models, raster);
    const detected = performance.now();
    for (const { crop } of found) await recogniseLine(models, crop);
    detection += detected - started;
    recognition += performance.now() - detected;
    boxes += found.length;
  }
  const n = rasters.length;
  return `OCR per frame (${rasters[0].width}×${rasters[0].height}, one thread, ${n} frames): detection ${(detection / n).toFixed(0)} ms, ` +
    `recognition ${(recognition / n).toFixed(0)} ms (${(boxes / n).toFixed(1)} boxes a frame)`;
}
