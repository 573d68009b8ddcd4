// The worker thread behind ImageWorkers: analyses one image per message (or finds what to blur in
// it) and answers with the result or with the BulwarkError (code, message, details) the caller rethrows.

import { parentPort } from 'node:worker_threads';
import { BulwarkError } from '../errors.js';
import { analyseImage, locateForRedaction } from './analysis.js';
import type { AnalysisOptions } from './analysis.js';
import { builtinPictureDetectors } from '../detectors/picture/index.js';
import type { ImageLimits } from './decode.js';

export interface AnalysisRequest { id: number; task: 'analyse' | 'locate'; bytes: Uint8Array; limits: ImageLimits; options: AnalysisOptions }
export type AnalysisReply =
  | { id: number; ok: true; result: Awaited<ReturnType<typeof analyseImage>> | Awaited<ReturnType<typeof locateForRedaction>> }
  | { id: number; ok: false; error: { code: string; message: string; details?: unknown } };

const port = parentPort;
if (!port) throw new Error('analysisWorker.js runs as a worker thread');

await builtinPictureDetectors();
port.on('message', (req: AnalysisRequest) => {
  const bytes = Buffer.from(req.bytes.buffer, req.bytes.byteOffset, req.bytes.byteLength);
  (req.task === 'locate' ? locateForRedaction(bytes, req.limits, req.options) : analyseImage(bytes, req.limits, req.options)).then(
    (result) => port.postMessage({ id: req.id, ok: true, result } satisfies AnalysisReply),
    (err: unknown) => {
      const error = err instanceof BulwarkError
        ? { code: err.code, message: err.message, details: err.details }
        : { code: 'MEDIA_UNDECODABLE', message: `The image could not be analysed: ${(err as Error)?.message ?? String(err)}` };
      port.postMessage({ id: req.id, ok: false, error } satisfies AnalysisReply);
    },
  );
});
port.postMessage({ ready: true });
