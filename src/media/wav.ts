// The PCM WAV files ffmpeg writes for speech (16 kHz mono, 16-bit): read into their format and
// samples, written back. Chunks other than `fmt ` and `data` (ffmpeg's LIST) are skipped.

import { readFile, writeFile } from 'node:fs/promises';
import { BulwarkError } from '../errors.js';

export interface Pcm { sampleRate: number; channels: number; bitsPerSample: number; data: Buffer }

export async function readWav(file: string): Promise<Pcm> {
  const bytes = await readFile(file);
  if (bytes.length < 12 || bytes.toString('ascii', 0, 4) !== 'RIFF' || bytes.toString('ascii', 8, 12) !== 'WAVE') {
    throw new BulwarkError('MEDIA_UNDECODABLE', `${file} is not a WAV file.`);
  }
  let format: Omit<Pcm, 'data'> | null = null;
  for (let at = 12; at + 8 <= bytes.length;) {
    const id = bytes.toString('ascii', at, at + 4);
    const size = bytes.readUInt32LE(at + 4);
    if (id === 'fmt ') format = { channels: bytes.readUInt16LE(at + 10), sampleRate: bytes.readUInt32LE(at + 12), bitsPerSample: bytes.readUInt16LE(at + 22) };
    // A file still being written (or cut short) says a larger size than it has: take what is there.
    if (id === 'data' && format) return { ...format, data: bytes.subarray(at + 8, Math.min(bytes.length, at + 8 + size)) };
    at += 8 + size + (size % 2);
  }
  throw new BulwarkError('MEDIA_UNDECODABLE', `${file} has no sound data.`);
}

export async function writeWav(file: string, pcm: Pcm): Promise<void> {
  const header = Buffer.alloc(44);
  const blockAlign = pcm.channels * (pcm.bitsPerSample / 8);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + pcm.data.length, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(pcm.channels, 22);
  header.writeUInt32LE(pcm.sampleRate, 24);
  header.writeUInt32LE(pcm.sampleRate * blockAlign, 28);
  header.writeUInt16LE(blockAlign, 32);
  header.writeUInt16LE(pcm.bitsPerSample, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(pcm.data.length, 40);
  await writeFile(file, Buffer.concat([header, pcm.data]));
}

/** Bytes of samples in one second of this sound. */
export function bytesPerSecond(pcm: Omit<Pcm, 'data'>): number {
  return pcm.sampleRate * pcm.channels * (pcm.bitsPerSample / 8);
}
