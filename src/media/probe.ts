// What a media file holds, from ffprobe, before anything is decoded: its duration and its streams.
// A file ffprobe cannot read is MEDIA_UNDECODABLE; one past the duration limit is MEDIA_TOO_LARGE.

import { BulwarkError } from '../errors.js';
import { runTool } from './tools.js';

export interface MediaProbe {
  /** Seconds. */
  duration: number;
  format: string;
  audio: boolean;
  video: { width: number; height: number; fps: number } | null;
}

export interface MediaLimits {
  maxSeconds: number;
  timeoutMs: number;
}

interface FfprobeJson {
  format?: { duration?: string; format_name?: string };
  streams?: { codec_type?: string; width?: number; height?: number; avg_frame_rate?: string; duration?: string }[];
}

export async function probeMedia(file: string, limits: MediaLimits, signal?: AbortSignal): Promise<MediaProbe> {
  const { stdout, code, stderr } = await runTool('ffprobe',
    ['-v', 'error', '-show_entries', 'format=duration,format_name:stream=codec_type,width,height,avg_frame_rate,duration', '-of', 'json', file],
    { signal, timeoutMs: limits.timeoutMs, maxOutput: 1024 * 1024 });
  let parsed: FfprobeJson = {};
  try { parsed = JSON.parse(stdout) as FfprobeJson; } catch { /* handled below */ }
  const streams = parsed.streams ?? [];
  if (code !== 0 || streams.length === 0) {
    throw new BulwarkError('MEDIA_UNDECODABLE', `The file is not audio or video ffmpeg can read${stderr ? `: ${stderr.split('\n')[0].slice(0, 200)}` : ''}.`);
  }
  const video = streams.find((s) => s.codec_type === 'video' && s.width && s.height);
  const duration = Number(parsed.format?.duration ?? video?.duration ?? streams.find((s) => s.duration)?.duration ?? NaN);
  if (!Number.isFinite(duration) || duration <= 0) throw new BulwarkError('MEDIA_UNDECODABLE', 'The file has no duration ffprobe can read.');
  if (duration > limits.maxSeconds) {
    throw new BulwarkError('MEDIA_TOO_LARGE', `The media lasts ${Math.round(duration)} s; the limit is ${limits.maxSeconds} s.`, { duration, limit: limits.maxSeconds });
  }
  const [num, den] = (video?.avg_frame_rate ?? '0/1').split('/').map(Number);
  return {
    duration,
    format: parsed.format?.format_name ?? 'unknown',
    audio: streams.some((s) => s.codec_type === 'audio'),
    video: video ? { width: video.width!, height: video.height!, fps: den ? num / den : 0 } : null,
  };
}
