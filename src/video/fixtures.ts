// Videos the tests make for themselves with ffmpeg: still pictures shown for given seconds, one
// after another (H.264, 25 fps), with a sound track laid under them when given; and the ad frame
// they plant.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { qrCode, withCaptions } from '../images/fixtures.js';
import { runTool } from '../media/tools.js';

export interface Shot { picture: Buffer; seconds: number }

/** The 1280×720 picture with an ad planted in it: a WhatsApp number as a caption and a QR code to a pill shop. */
export async function adFrame(picture: Buffer): Promise<Buffer> {
  return sharp(await withCaptions(picture, [{ text: 'WhatsApp +86 138 0013 8000', x: 120, y: 620, size: 52 }]))
    .composite([{ input: await qrCode('https://cheap-pills.example/buy', 220), left: 980, top: 60 }]).png().toBuffer();
}

/** The shots as an MP4 at `out` (each picture as PNG bytes, all the same size); returns when each shot starts. */
export async function videoClip(out: string, shots: readonly Shot[], sound?: string): Promise<number[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bulwark-video-'));
  try {
    const inputs: string[] = [];
    const starts: number[] = [];
    let at = 0;
    for (const [k, shot] of shots.entries()) {
      const file = path.join(dir, `${k}.png`);
      await writeFile(file, shot.picture);
      inputs.push('-loop', '1', '-framerate', '25', '-t', String(shot.seconds), '-i', file);
      starts.push(at);
      at += shot.seconds;
    }
    const concat = `${shots.map((_, k) => `[${k}:v]`).join('')}concat=n=${shots.length}:v=1:a=0,format=yuv420p[v]`;
    const withSound = sound ? ['-i', sound] : [];
    const mapSound = sound ? ['-map', `${shots.length}:a`, '-c:a', 'aac'] : [];
    const made = await runTool('ffmpeg', ['-nostdin', '-v', 'error', '-y', ...inputs, ...withSound, '-filter_complex', concat, '-map', '[v]', ...mapSound,
      '-c:v', 'libx264', '-preset', 'veryfast', '-t', String(at), out], { timeoutMs: 120_000 });
    if (made.code !== 0) throw new Error(`ffmpeg could not make the clip: ${made.stderr}`);
    return starts;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
