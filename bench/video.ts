// A 60-second 720p clip end to end through the service's job runner: 12 generated scenes of 5 s
// (each slowly panning, so no two sampled frames are the same), a caption on some, 60 s of speech.
// Prints how much faster than real time the whole job ran (target ≥ 5× at one frame a second on
// 2 cores), with OCR on and off, and what one OCR read of a frame costs. Run: node dist/bench/video.js

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { createReadStream } from 'node:fs';
import { loadConfig } from '../src/config.js';
import { DEFAULT_TENANT_ID } from '../src/db/index.js';
import { scene, withCaptions } from '../src/images/fixtures.js';
import { runTool } from '../src/media/tools.js';
import { createService } from '../src/service/index.js';
import { recording } from '../src/voice/fixtures.js';
import { isMain } from './measure.js';
import { ocrStages } from './ocrStages.js';

const SECONDS = 60;
const SENTENCES = [
  'Welcome back to the channel, today we are cooking pasta', 'First boil the water and add some salt', 'Chop the onions and the garlic finely',
  'Fry them gently in olive oil', 'Add the tomatoes and let it simmer', 'Taste the sauce and add basil',
];

async function clip(dir: string): Promise<string> {
  const inputs: string[] = [];
  for (let k = 0; k < 12; k++) {
    const picture = k % 3 === 1 ? await withCaptions(await scene(1600, 900, 90 + k), [{ text: `Step ${k}: stir well`, x: 100, y: 800, size: 48 }]) : await scene(1600, 900, 90 + k);
    const file = path.join(dir, `${k}.png`);
    await writeFile(file, picture);
    inputs.push(file);
  }
  const sound = path.join(dir, 'speech.wav');
  await recording(sound, Array.from({ length: 12 }, (_, k) => ({ say: SENTENCES[k % SENTENCES.length] })).flatMap((p) => [p, { silence: 1.5 }]));
  const out = path.join(dir, 'clip.mp4');
  // Each still pans slowly across a 1600×900 picture into a 1280×720 frame for 5 s.
  const shots = inputs.map((_, k) => `[${k}:v]crop=1280:720:x='(iw-1280)*t/5':y='(ih-720)*t/5',setsar=1[s${k}]`).join(';');
  const filter = `${shots};${inputs.map((_, k) => `[s${k}]`).join('')}concat=n=${inputs.length}:v=1:a=0,format=yuv420p[v]`;
  const args = ['-nostdin', '-v', 'error', '-y', ...inputs.flatMap((f) => ['-loop', '1', '-framerate', '25', '-t', '5', '-i', f]), '-i', sound,
    '-filter_complex', filter, '-map', '[v]', '-map', `${inputs.length}:a`, '-c:v', 'libx264', '-preset', 'veryfast', '-c:a', 'aac', '-t', String(SECONDS), out];
  const made = await runTool('ffmpeg', args, { timeoutMs: 300_000 });
  if (made.code !== 0) throw new Error(made.stderr);
  return out;
}

export async function runVideoBench(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bulwark-video-bench-'));
  try {
    const file = await clip(dir);
    for (const ocr of ['true', 'false']) {
      const service = await createService(loadConfig({ BULWARK_DATA_DIR: path.join(dir, `data-${ocr}`), LOG_LEVEL: 'silent', BULWARK_IMAGE_OCR: ocr }));
      try {
        await service.images.warmUp();
        await service.recordings.runner.start();
        const started = performance.now();
        const job = await service.recordings.submit(DEFAULT_TENANT_ID, 'video', { stream: createReadStream(file) }, {});
        let row = job;
        while (row.status === 'queued' || row.status === 'running') {
          await sleep(100);
          row = await service.stores.jobs.get(DEFAULT_TENANT_ID, job.id);
        }
        const seconds = (performance.now() - started) / 1000;
        await service.flushDecisions();
        const decision = row.decision_id ? await service.stores.decisions.get(DEFAULT_TENANT_ID, row.decision_id) : null;
        const frames = decision ? (JSON.parse(decision.evidence) as { recording?: { frames?: { sampled: number; analysed: number } } }).recording?.frames : null;
        console.log(`\n== video: ${SECONDS} s of 1280×720 H.264 with speech, 1 frame a second + scene changes, ${service.images.settings.threads} picture threads, OCR ${ocr === 'true' ? 'on' : 'off'}`);
        console.log(`job ${row.status} in ${seconds.toFixed(1)} s: ${(SECONDS / seconds).toFixed(1)}× real time (target ≥ 5×); ` +
          `frames sampled ${frames?.sampled ?? '?'}, analysed ${frames?.analysed ?? '?'}`);
      } finally {
        await service.close();
      }
    }
    console.log(await ocrStages(file, await mkdtemp(path.join(dir, 'frames-'))));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) await runVideoBench();
