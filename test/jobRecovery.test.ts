// A server killed with SIGKILL while it works: started again on the same data, it picks up the
// audio job once the dead run's lease is over and finishes it (nothing is lost, the upload is
// deleted at the end), and it resumes pulling the live stream the dead server was pulling.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, test } from 'node:test';
import { projectRoot } from '../src/paths.js';
import { scene } from '../src/images/fixtures.js';
import { hlsSegments, serveLiveHls } from '../src/streams/fixtures.js';
import type { LiveHls } from '../src/streams/fixtures.js';
import { videoClip } from '../src/video/fixtures.js';
import { recording } from '../src/voice/fixtures.js';

const main = path.join(projectRoot(), 'dist', 'src', 'cli', 'main.js');
const KEY = 'bw_test_recovery_key_0123456789';
const children: ChildProcess[] = [];
after(() => { for (const c of children) c.kill('SIGKILL'); });

function serve(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const env = { ...process.env, BULWARK_DATA_DIR: dataDir, BULWARK_API_KEY: KEY, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info',
    BULWARK_JOB_LEASE_MS: '2000', BULWARK_IMAGE_THREADS: '1', BULWARK_FETCH_ALLOW_HOSTS: '127.0.0.1' };
  delete (env as Record<string, string | undefined>).DATABASE_URL;
  const child = spawn(process.execPath, [main, 'serve'], { env });
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const m = /"address":"(http:\/\/[^"]+)"/.exec(output);
      if (m) { clearTimeout(timer); resolve({ url: m[1], child }); }
    });
    child.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  });
}

async function call(url: string, method: string, route: string, body?: unknown): Promise<any> {
  const res = await fetch(`${url}${route}`, {
    method, headers: { authorization: `Bearer ${KEY}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined,
  });
  return res.json();
}

const job = (url: string, id: string) => call(url, 'GET', `/v1/jobs/${id}`);

async function killed(child: ChildProcess): Promise<void> {
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
}

test('a job running when its server is killed -9 is finished by the next start', { timeout: 180_000 }, async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'bulwark-recovery-'));
  try {
    const file = path.join(dataDir, 'speech.wav');
    const sentence = 'the quick brown fox jumps over the lazy dog and runs into the forest';
    await recording(file, Array.from({ length: 6 }, () => ({ say: sentence })));
    const first = await serve(dataDir);
    const res = await fetch(`${first.url}/v1/moderate/audio`, {
      method: 'POST', body: new Uint8Array(readFileSync(file)), headers: { authorization: `Bearer ${KEY}`, 'content-type': 'audio/wav' },
    });
    assert.equal(res.status, 202);
    const { jobId } = await res.json() as { jobId: string };
    for (let k = 0; k < 200 && (await job(first.url, jobId)).status !== 'running'; k++) await sleep(50);
    assert.equal((await job(first.url, jobId)).status, 'running');
    await killed(first.child);

    const second = await serve(dataDir);
    let state: any;
    for (let k = 0; k < 1200; k++) {
      state = await job(second.url, jobId);
      if (!['queued', 'running'].includes(state.status)) break;
      await sleep(100);
    }
    assert.equal(state.status, 'succeeded', JSON.stringify(state));
    assert.equal(state.attempts, 2, 'started once by each server');
    assert.equal(state.decision.kind, 'audio');
    // The folder goes right after the job is marked ended.
    for (let k = 0; k < 100 && existsSync(path.join(dataDir, 'jobs', jobId)); k++) await sleep(50);
    assert.ok(!existsSync(path.join(dataDir, 'jobs', jobId)), 'the upload is deleted');
    second.child.kill('SIGTERM');
    await new Promise((resolve) => second.child.once('exit', resolve));
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('a live stream whose server is killed -9 is resumed by the next start', { timeout: 180_000 }, async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'bulwark-recovery-'));
  let live: LiveHls | null = null;
  try {
    const clip = path.join(dataDir, 'clip.mp4');
    await videoClip(clip, [{ picture: await scene(640, 360, 7), seconds: 60 }]);
    await hlsSegments(clip, path.join(dataDir, 'hls'));
    live = await serveLiveHls(path.join(dataDir, 'hls'));
    const first = await serve(dataDir);
    const started = await call(first.url, 'POST', '/v1/streams', { url: live.url, interval: 2 });
    assert.equal(started.status, 'starting', JSON.stringify(started));
    const stateOn = async (url: string, want: string) => {
      for (let k = 0; k < 600; k++) {
        const state = await call(url, 'GET', `/v1/streams/${started.id}`);
        if (state.status === want) return state;
        await sleep(100);
      }
      throw new Error(`stream never ${want}`);
    };
    await stateOn(first.url, 'live');
    await killed(first.child);

    const second = await serve(dataDir);
    const restarted = Date.now();
    const pulledBefore = live.requests();
    // Its lease (2 s) runs out, the second server claims it and pulls again: the status is renewed after the restart.
    let state: any;
    for (let k = 0; k < 600; k++) {
      state = await call(second.url, 'GET', `/v1/streams/${started.id}`);
      if (state.status === 'live' && Date.parse(state.updatedAt) > restarted && live.requests() > pulledBefore) break;
      await sleep(100);
    }
    assert.equal(state.status, 'live', JSON.stringify(state));
    assert.ok(live.requests() > pulledBefore, 'the playlist is fetched again');
    assert.equal((await call(second.url, 'DELETE', `/v1/streams/${started.id}`)).status, 'stopped');
    await sleep(3_000);
    const pulledAtStop = live.requests();
    await sleep(3_000);
    assert.equal(live.requests(), pulledAtStop, 'nobody pulls a stopped stream');
    second.child.kill('SIGTERM');
    await new Promise((resolve) => second.child.once('exit', resolve));
  } finally {
    await live?.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
