// Video moderation end to end: a generated clip with an ad frame (a caption with a URL and a QR
// code) shown at a known second and a threat spoken at another; both findings must land at their
// seconds (± the sampling interval), the timeline lists both moments, and still stretches are
// looked at once. A file without pictures, and a broken container, fail with their codes.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { scene } from '../src/images/fixtures.js';
import { adFrame, videoClip } from '../src/video/fixtures.js';
import { recording } from '../src/voice/fixtures.js';
import { startServer } from './support/server.js';
import type { TestServer } from './support/server.js';

async function submit(s: TestServer, file: string, contentType: string, query = ''): Promise<any> {
  const res = await fetch(`${s.url}/v1/moderate/video${query}`, {
    method: 'POST', body: new Uint8Array(readFileSync(file)), headers: { authorization: `Bearer ${s.adminKey}`, 'content-type': contentType },
  });
  assert.equal(res.status, 202);
  const { jobId } = await res.json() as { jobId: string };
  for (let k = 0; k < 1200; k++) {
    const { body } = await s.call('GET', `/v1/jobs/${jobId}`);
    if (!['queued', 'running'].includes(body.status)) return body;
    await sleep(100);
  }
  throw new Error('the job did not end');
}

describe('POST /v1/moderate/video', () => {
  let s: TestServer;
  let dir = '';
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'bulwark-video-test-'));
    s = await startServer(null, { BULWARK_IMAGE_THREADS: '2' });
  });
  after(async () => {
    await s.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('an ad frame and a spoken threat are found at their seconds; still stretches are analysed once', async () => {
    const calm = await scene(1280, 720, 81);
    const ad = await adFrame(calm);
    const sound = path.join(dir, 'sound.wav');
    const [, threat] = await recording(sound, [{ silence: 8 }, { say: 'I will kill you tomorrow' }, { silence: 3 }]);
    const clip = path.join(dir, 'clip.mp4');
    const [, adStart] = await videoClip(clip, [{ picture: calm, seconds: 4 }, { picture: ad, seconds: 2 }, { picture: calm, seconds: 8 }], sound);

    const job = await submit(s, clip, 'video/mp4', '?dataId=clip-1');
    assert.equal(job.status, 'succeeded', JSON.stringify(job.error));
    const { decision } = job;
    assert.equal(decision.kind, 'video');
    assert.notEqual(decision.suggestion, 'pass');
    assert.deepEqual(decision.recording.video, { width: 1280, height: 720 });
    const { frames } = decision.recording;
    assert.ok(frames.sampled >= 13, `sampled ${frames.sampled}`);
    assert.ok(frames.analysed <= 6, `a still scene is analysed once, not ${frames.analysed} times`);

    const pictureHits = decision.evidence.filter((e: any) => (e.source === 'ocr' || e.source === 'qr') && e.severity !== 'none');
    assert.ok(pictureHits.some((e: any) => e.source === 'qr') && pictureHits.some((e: any) => e.source === 'ocr'), JSON.stringify(decision.evidence));
    for (const e of pictureHits) {
      assert.ok(e.time.start >= adStart - 1 && e.time.start <= adStart + 2, `${e.source} at ${e.time.start}, the ad at ${adStart}`);
      assert.ok(e.region.w > 0, 'frame evidence keeps its box');
    }
    // Boxes are in the video's own pixels (frames are sampled 768 px wide): the QR code sits at x 980–1200.
    const qr = pictureHits.find((e: any) => e.source === 'qr');
    assert.ok(qr.region.x >= 960 && qr.region.x + qr.region.w <= 1220 && qr.region.w >= 150, JSON.stringify(qr.region));
    const heard = decision.evidence.filter((e: any) => (e.source === 'speech' || e.source === 'keyword-spotting') && e.severity !== 'none');
    assert.ok(heard.length > 0, `the threat is heard: ${decision.transcript.text}`);
    for (const e of heard) assert.ok(e.time.start >= threat.start - 1 && e.time.end <= threat.end + 1, `heard at ${JSON.stringify(e.time)}, said at ${JSON.stringify(threat)}`);
    assert.ok(decision.timeline.length >= 2, JSON.stringify(decision.timeline));
    assert.ok(decision.timeline.some((m: any) => m.start <= adStart + 1 && m.end >= adStart));
    assert.ok(decision.timeline.some((m: any) => m.start >= threat.start - 1 && m.start <= threat.end));
  });

  test('a file without pictures (415) and a broken container (422) are refused in the answer', async () => {
    const sound = path.join(dir, 'only-sound.wav');
    await recording(sound, [{ say: 'hello there' }]);
    const broken = path.join(dir, 'broken.mp4');
    const clip = readFileSync(path.join(dir, 'clip.mp4'));
    await writeFile(broken, clip.subarray(0, Math.floor(clip.length / 3)));
    for (const [file, type, status, code] of [[sound, 'audio/wav', 415, 'MEDIA_UNSUPPORTED_TYPE'], [broken, 'video/mp4', 422, 'MEDIA_UNDECODABLE']] as const) {
      const res = await fetch(`${s.url}/v1/moderate/video`, {
        method: 'POST', body: new Uint8Array(readFileSync(file)), headers: { authorization: `Bearer ${s.adminKey}`, 'content-type': type },
      });
      assert.deepEqual([res.status, ((await res.json()) as { code: string }).code], [status, code], file);
    }
  });
});
