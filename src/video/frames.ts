// The frames of a video worth looking at: one every `interval` seconds, plus any frame where the
// scene changes (ffmpeg's scene score), at most 1024 pixels wide, as JPEG files in the job's folder,
// each with the second it shows. A cap on their number bounds the work on long videos.

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

export interface SampledFrame { time: number; file: string }

export async function sampleFrames(video: string, dir: string, sampling: FrameSampling): Promise<SampledFrame[]> {
  const times = path.join(dir, 'frame-times.txt');
  const select = `select='isnan(prev_selected_t)+gte(t-prev_selected_t\\,${sampling.interval})+gt(scene\\,${sampling.sceneThreshold})'`;
  const filter = `${select},metadata=mode=print:file=${times.replace(/[\\':,]/g, '\\$&')},scale='min(1024,iw)':-2`;
  const run = await runTool('ffmpeg', ['-nostdin', '-v', 'error', '-y', '-i', video, '-an', '-vf', filter, '-fps_mode', 'vfr',
    '-frames:v', String(sampling.maxFrames), '-q:v', '3', path.join(dir, 'frame-%06d.jpg')], { signal: sampling.signal, timeoutMs: sampling.timeoutMs });
  if (run.code !== 0) throw new BulwarkError('MEDIA_UNDECODABLE', `The video's frames cannot be decoded: ${run.stderr.split('\n')[0].slice(0, 200)}`);
  const seconds = [...(await readFile(times, 'utf8')).matchAll(/pts_time:([\d.]+)/g)].map((m) => Number(m[1]));
  const files = (await readdir(dir)).filter((f) => /^frame-\d{6}\.jpg$/.test(f)).sort();
  return files.map((f, k) => ({ time: seconds[k] ?? k * sampling.interval, file: path.join(dir, f) }));
}
