// The frames of a video worth looking at: one every `interval` seconds, plus any frame where the
// scene changes (ffmpeg's scene score), at most 768 pixels wide (enough for captions; OCR's cost
// grows with area), as JPEG files in the job's folder, each with the second it shows. A cap on
// their number bounds the work on long videos.

import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { BulwarkError } from '../errors.js';
import { runTool } from '../media/tools.js';

export interface FrameSampling {
  /** Seconds between regular samples. */
  interval: number;
  /** ffmpeg scene score (0–1) above which a frame is taken as well. */
  sceneThreshold: number;
  maxFrames: number;
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface SampledFrame {
  time: number;
  file: string;
  /** ffmpeg's scene score for it: above the threshold, the picture has just changed. */
  scene: number;
}

export async function sampleFrames(video: string, dir: string, sampling: FrameSampling): Promise<SampledFrame[]> {
  const times = path.join(dir, 'frame-times.txt');
  const select = `select='isnan(prev_selected_t)+gte(t-prev_selected_t\\,${sampling.interval})+gt(scene\\,${sampling.sceneThreshold})'`;
  const filter = `${select},metadata=mode=print:file=${times.replace(/[\\':,]/g, '\\$&')},scale='min(768,iw)':-2`;
  const run = await runTool('ffmpeg', ['-nostdin', '-v', 'error', '-y', '-i', video, '-an', '-vf', filter, '-fps_mode', 'vfr',
    '-frames:v', String(sampling.maxFrames), '-q:v', '3', path.join(dir, 'frame-%06d.jpg')], { signal: sampling.signal, timeoutMs: sampling.timeoutMs });
  if (run.code !== 0) throw new BulwarkError('MEDIA_UNDECODABLE', `The video's frames cannot be decoded: ${run.stderr.split('\n')[0].slice(0, 200)}`);
  // One block per frame: "frame:N pts:… pts_time:S" then "lavfi.scene_score=X".
  const blocks = (await readFile(times, 'utf8')).split(/^frame:/m).slice(1);
  const meta = blocks.map((b) => ({ time: Number(/pts_time:([\d.]+)/.exec(b)?.[1] ?? NaN), scene: Number(/scene_score=([\d.]+)/.exec(b)?.[1] ?? 0) }));
  const files = (await readdir(dir)).filter((f) => /^frame-\d{6}\.jpg$/.test(f)).sort();
  return files.map((f, k) => ({ time: meta[k]?.time ?? k * sampling.interval, scene: meta[k]?.scene ?? 0, file: path.join(dir, f) }));
}
