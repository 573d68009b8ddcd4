// Audio moderation end to end on a real socket, with speech made by espeak-ng and ffmpeg: a spoken
// threat is found at its second and reported by a signed job.completed webhook; harmless speech
// passes; a corrupt file fails the job with its code; a queued job is cancelled and its upload
// deleted; empty, oversized and flooding uploads are refused.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { recording } from '../src/voice/fixtures.js';
import { verifySignature } from '../src/webhooks/signature.js';
import { startServer } from './support/server.js';
import type { TestServer } from './support/server.js';

async function upload(s: TestServer, bytes: Buffer | FormData, contentType: string | null, query = ''): Promise<{ status: number; body: any }> {
  const res = await fetch(`${s.url}/v1/moderate/audio${query}`, {
    method: 'POST', body: Buffer.isBuffer(bytes) ? new Uint8Array(bytes) : bytes,
    headers: { authorization: `Bearer ${s.adminKey}`, ...(contentType ? { 'content-type': contentType } : {}) },
  });
  return { status: res.status, body: await res.json() };
}

async function finished(s: TestServer, jobId: string, ms = 60_000): Promise<any> {
  const end = Date.now() + ms;
  for (;;) {
    const { body } = await s.call('GET', `/v1/jobs/${jobId}`);
    if (!['queued', 'running'].includes(body.status)) return body;
    if (Date.now() > end) throw new Error(`job ${jobId} still ${body.status}`);
    await sleep(100);
  }
}

describe('POST /v1/moderate/audio', () => {
  let s: TestServer;
  let dir = '';
  const received: { path: string; event: string; signature: string; body: string }[] = [];
  const hook = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => { body += c.toString(); });
    req.on('end', () => {
      received.push({ path: req.url ?? '', event: String(req.headers['bulwark-event']), signature: String(req.headers['bulwark-signature']), body });
      res.writeHead(200).end();
    });
  });
  let secret = '';
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'bulwark-audio-'));
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    s = await startServer(null, { BULWARK_FETCH_ALLOW_HOSTS: '127.0.0.1', BULWARK_MEDIA_MAX_BYTES: String(4 * 1024 * 1024) });
    const created = await s.call('POST', '/v1/webhooks', { url: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/`, events: ['job.completed', 'job.failed'] });
    secret = created.body.secret;
  });
  after(async () => {
    await s.close();
    await new Promise<void>((resolve) => hook.close(() => resolve()));
    await rm(dir, { recursive: true, force: true });
  });

  test('a spoken threat is found at its time; the decision carries the transcript; job.completed arrives signed', async () => {
    const file = path.join(dir, 'threat.wav');
    const [, spoken] = await recording(file, [{ silence: 4 }, { say: 'I will kill you tomorrow' }, { silence: 2 }]);
    const accepted = await upload(s, readFileSync(file), 'audio/wav', '?dataId=voice-1');
    assert.equal(accepted.status, 202, JSON.stringify(accepted.body));
    assert.match(accepted.body.jobId, /^job_/);
    const job = await finished(s, accepted.body.jobId);
    assert.equal(job.status, 'succeeded', JSON.stringify(job.error));
    const { decision } = job;
    assert.equal(decision.kind, 'audio');
    assert.equal(decision.dataId, 'voice-1');
    assert.notEqual(decision.suggestion, 'pass', JSON.stringify(decision.evidence));
    assert.ok(Math.abs(decision.recording.duration - (spoken.end + 2)) < 0.3);
    assert.ok(decision.transcript.text.length > 0 && decision.transcript.segments.length > 0);
    assert.match(decision.models.speech, /pocketsphinx/);
    const flagged = decision.evidence.filter((e: any) => e.severity !== 'none');
    assert.ok(flagged.length > 0);
    for (const e of flagged) {
      assert.ok(e.time.start >= spoken.start - 1 && e.time.end <= spoken.end + 1, `evidence at ${JSON.stringify(e.time)}, speech at ${JSON.stringify(spoken)}`);
    }
    const stored = await s.call('GET', `/v1/decisions/${decision.id}`);
    assert.equal(stored.body.transcript.text, decision.transcript.text);
    let hookCall;
    for (let k = 0; k < 100 && !(hookCall = received.find((r) => r.event === 'job.completed' && JSON.parse(r.body).data.job.id === job.id)); k++) await sleep(50);
    assert.ok(hookCall, 'job.completed delivered');
    assert.ok(verifySignature(hookCall.signature, hookCall.body, secret));
    assert.equal(JSON.parse(hookCall.body).data.job.decisionId, decision.id);
    for (let k = 0; k < 100 && existsSync(path.join(s.service.config.dataDir, 'jobs', job.id)); k++) await sleep(50);
    assert.ok(!existsSync(path.join(s.service.config.dataDir, 'jobs', job.id)), 'the upload is deleted right after the job ends');
  });

  test('harmless speech passes (multipart, with fields); the transcript can be left out; the callbackUrl is told, signed with its secret', async () => {
    await s.call('PATCH', '/v1/settings', { includeTranscript: false });
    const file = path.join(dir, 'weather.mp3');
    await recording(file, [{ say: 'The weather is lovely this afternoon' }]);
    const form = new FormData();
    form.append('dataId', 'voice-2');
    form.append('callbackUrl', `http://127.0.0.1:${(hook.address() as AddressInfo).port}/callback`);
    form.append('callbackSecret', 'my-own-callback-secret-42');
    form.append('file', new Blob([new Uint8Array(readFileSync(file))], { type: 'audio/mpeg' }), 'weather.mp3');
    const accepted = await upload(s, form, null);
    assert.equal(accepted.status, 202, JSON.stringify(accepted.body));
    const job = await finished(s, accepted.body.jobId);
    assert.equal(job.status, 'succeeded', JSON.stringify(job.error));
    assert.equal(job.decision.suggestion, 'pass', JSON.stringify(job.decision.evidence));
    assert.deepEqual([job.decision.transcript.text, job.decision.transcript.segments], ['', []]);
    let told;
    for (let k = 0; k < 100 && !(told = received.find((r) => r.path === '/callback')); k++) await sleep(50);
    assert.ok(told, 'the callbackUrl is told');
    assert.equal(told.event, 'job.completed');
    assert.ok(verifySignature(told.signature, told.body, 'my-own-callback-secret-42'));
    assert.equal(JSON.parse(told.body).data.job.id, job.id);
    assert.equal((await s.call('GET', '/v1/webhooks')).body.webhooks.length, 1, 'a callback is not listed as a webhook');
    const half = await s.call('POST', '/v1/moderate/audio', { url: 'https://example.com/a.mp3', callbackUrl: 'https://example.com/cb' });
    assert.equal(half.body.code, 'REQUEST_INVALID');
    await s.call('PATCH', '/v1/settings', { includeTranscript: true });
  });

  test('a corrupt upload is refused at once (422); a URL that gives junk fails its job (job.failed); a queued job is cancelled', async () => {
    const bad = await upload(s, Buffer.from('RIFF....WAVEfmt this is not a real wave file at all'), 'audio/wav');
    assert.deepEqual([bad.status, bad.body.code], [422, 'MEDIA_UNDECODABLE']);
    const silent = path.join(dir, 'tone.mp4');
    const { runTool } = await import('../src/media/tools.js');
    await runTool('ffmpeg', ['-nostdin', '-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=10:duration=1', '-pix_fmt', 'yuv420p', silent], { timeoutMs: 30_000 });
    const mute = await upload(s, readFileSync(silent), 'video/mp4');
    assert.deepEqual([mute.status, mute.body.code], [415, 'MEDIA_UNSUPPORTED_TYPE'], 'a video without sound is not audio');
    const junk = await s.call('POST', '/v1/moderate/audio', { url: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/junk.wav` });
    assert.equal(junk.status, 202, JSON.stringify(junk.body));
    const failed = await finished(s, junk.body.jobId);
    assert.deepEqual([failed.status, failed.error.code], ['failed', 'MEDIA_UNDECODABLE']);
    for (let k = 0; k < 100 && !received.some((r) => r.event === 'job.failed'); k++) await sleep(50);
    assert.ok(received.some((r) => r.event === 'job.failed' && JSON.parse(r.body).data.job.id === failed.id));

    const file = path.join(dir, 'long.wav');
    await recording(file, [{ say: 'one two three four five six seven eight nine ten' }, { silence: 5 }]);
    const first = await upload(s, readFileSync(file), 'audio/wav');
    const second = await upload(s, readFileSync(file), 'audio/wav');
    const cancelled = await s.call('DELETE', `/v1/jobs/${second.body.jobId}`);
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    assert.equal(cancelled.body.status, 'cancelled');
    assert.ok(!existsSync(path.join(s.service.config.dataDir, 'jobs', second.body.jobId)));
    assert.equal((await s.call('DELETE', `/v1/jobs/${second.body.jobId}`)).body.code, 'JOB_FINISHED');
    assert.equal((await finished(s, first.body.jobId)).status, 'succeeded');
    assert.equal((await s.call('GET', '/v1/jobs/job_nope')).body.code, 'JOB_NOT_FOUND');
  });

  test('refused: an empty upload, one over the size limit, a URL to a private address, and an unknown field', async () => {
    assert.equal((await upload(s, Buffer.alloc(0), 'audio/wav')).body.code, 'MEDIA_EMPTY');
    const big = await upload(s, Buffer.alloc(5 * 1024 * 1024, 1), 'audio/wav');
    assert.deepEqual([big.status, big.body.code], [413, 'MEDIA_TOO_LARGE']);
    const privateUrl = await s.call('POST', '/v1/moderate/audio', { url: 'ftp://example.com/a.mp3' });
    assert.equal(privateUrl.body.code, 'URL_NOT_ALLOWED');
    const unknown = await s.call('POST', '/v1/moderate/audio', { url: 'https://example.com/a.mp3', speaker: 'who' });
    assert.equal(unknown.body.code, 'REQUEST_INVALID');
    const leftovers = existsSync(path.join(s.service.config.dataDir, 'jobs')) ? (await import('node:fs')).readdirSync(path.join(s.service.config.dataDir, 'jobs')) : [];
    assert.deepEqual(leftovers, [], 'refused uploads leave nothing on disk');
  });
});
