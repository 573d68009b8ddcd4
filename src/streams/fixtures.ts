// A live HLS stream the tests and benchmarks serve themselves: ffmpeg cuts a clip into 2-second
// segments, and a local HTTP server publishes each segment only once its time has come (a live
// playlist that grows, a sliding window with no end marker until the clip is over), as a
// broadcaster's packager would. It has been live for PREROLL segments when it starts (a player
// joining an empty playlist has nothing to read). Requests are counted, to tell whether anybody is
// still pulling.

import { mkdir, readFile, readdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { runTool } from '../media/tools.js';

export const HLS_SEGMENT_SECONDS = 2;
const PREROLL = 2;

export interface LiveHls {
  /** The playlist's URL. */
  url: string;
  /** When the stream began (ms since the epoch): a moment t seconds into the clip is published once its segment ends. */
  began: number;
  /** Requests served so far. */
  requests(): number;
  close(): Promise<void>;
}

/** Cuts the clip into HLS segments under `dir` (H.264 and AAC, a keyframe every segment). */
export async function hlsSegments(clip: string, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const made = await runTool('ffmpeg', ['-nostdin', '-v', 'error', '-y', '-i', clip, '-c:v', 'libx264', '-preset', 'veryfast',
    '-force_key_frames', `expr:gte(t,n_forced*${HLS_SEGMENT_SECONDS})`, '-c:a', 'aac', '-f', 'hls', '-hls_time', String(HLS_SEGMENT_SECONDS),
    '-hls_list_size', '0', '-hls_segment_filename', path.join(dir, 'seg%04d.ts'), path.join(dir, 'vod.m3u8')], { timeoutMs: 120_000 });
  if (made.code !== 0) throw new Error(`ffmpeg could not cut the clip: ${made.stderr}`);
}

/** Serves the segments in `dir` as a live stream, PREROLL segments in. */
export async function serveLiveHls(dir: string): Promise<LiveHls> {
  const count = (await readdir(dir)).filter((f) => f.endsWith('.ts')).length;
  const began = Date.now() - PREROLL * HLS_SEGMENT_SECONDS * 1000;
  let requests = 0;
  const server = createServer((req, res) => {
    requests++;
    const name = path.basename(req.url ?? '');
    if (name === 'live.m3u8') {
      res.writeHead(200, { 'content-type': 'application/vnd.apple.mpegurl' }).end(playlist(Math.floor((Date.now() - began) / 1000 / HLS_SEGMENT_SECONDS), count));
      return;
    }
    const k = Number(/^seg(\d+)\.ts$/.exec(name)?.[1] ?? NaN);
    if (!Number.isInteger(k)) return void res.writeHead(404).end();
    readFile(path.join(dir, `seg${String(k).padStart(4, '0')}.ts`))
      .then((body) => res.writeHead(200, { 'content-type': 'video/mp2t' }).end(body), () => res.writeHead(404).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/live.m3u8`,
    began,
    requests: () => requests,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** The playlist once `done` segments are complete: the last few of them (a sliding window), ended when the clip is over. */
function playlist(done: number, count: number): string {
  const published = Math.min(done, count);
  const first = Math.max(0, published - 5);
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3', `#EXT-X-TARGETDURATION:${HLS_SEGMENT_SECONDS}`, `#EXT-X-MEDIA-SEQUENCE:${first}`];
  for (let k = first; k < published; k++) lines.push(`#EXTINF:${HLS_SEGMENT_SECONDS}.000,`, `seg${k}.ts`);
  if (done >= count) lines.push('#EXT-X-ENDLIST');
  return `${lines.join('\n')}\n`;
}
