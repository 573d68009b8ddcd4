// Live streams end to end: an HLS stream served from a local HTTP server (segments made by ffmpeg
// from a generated clip with a planted ad frame and a spoken threat) is pulled and moderated; the
// alerts reach a local webhook receiver signed, at the right seconds, and the stream reports its
// end. The same clip over RTMP. A stream that never answers is reported failed after the
// reconnect window; a live one is stopped through the API; unsafe URLs are refused, and so is
// whatever a playlist names that the URL itself could not be (another host, a file, a redirect).

import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { scene } from '../src/images/fixtures.js';
import { runTool } from '../src/media/tools.js';
import { adFrame, videoClip } from '../src/video/fixtures.js';
import { recording } from '../src/voice/fixtures.js';
import { verifySignature } from '../src/webhooks/signature.js';
import { receiver } from './support/receiver.js';
import { startServer } from './support/server.js';
import type { TestServer } from './support/server.js';

describe('live streams', () => {
  let s: TestServer;
  let dir = '';
  let secret = '';
  let adStart = 0;
  let threat = { start: 0, end: 0 };
  const hostsAsked: string[] = [];
  // Serves the HLS folder; /live.m3u8 is the same playlist without its end marker (a stream still
  // going). Hostile variants: /elsewhere.m3u8 names its segments on another host (localhost, which
  // is not allowed), /local.m3u8 names files on this machine, /moved.m3u8 redirects to localhost.
  const media = createServer((req, res) => {
    hostsAsked.push(String(req.headers.host));
    const name = path.basename(req.url ?? '');
    const folder = req.url?.startsWith('/silent/') ? 'silent' : 'hls';
    if (name === 'moved.m3u8') return void res.writeHead(302, { location: `http://localhost:${port(media)}/index.m3u8` }).end();
    const hostile: Record<string, (line: string) => string> = {
      'elsewhere.m3u8': (line) => `http://localhost:${port(media)}/${line}`,
      'local.m3u8': (line) => `file://${path.join(dir, 'hls', line)}`,
    };
    const playlist = ['live.m3u8', ...Object.keys(hostile)].includes(name);
    readFile(path.join(dir, folder, playlist ? 'index.m3u8' : name)).then((body) => {
      let text = name === 'live.m3u8' ? body.toString().replace('#EXT-X-ENDLIST', '').replace('#EXT-X-PLAYLIST-TYPE:VOD', '#EXT-X-PLAYLIST-TYPE:EVENT') : body;
      if (hostile[name]) text = body.toString().split('\n').map((line) => (line.endsWith('.ts') ? hostile[name](line) : line)).join('\n');
      res.writeHead(200, { 'content-type': name.endsWith('.m3u8') ? 'application/vnd.apple.mpegurl' : 'video/mp2t' }).end(text);
    }, () => res.writeHead(404).end());
  });
  const hook = receiver();
  const port = (server: typeof media) => (server.address() as AddressInfo).port;

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'bulwark-streams-'));
    const calm = await scene(1280, 720, 91);
    const ad = await adFrame(calm);
    const sound = path.join(dir, 'sound.wav');
    // The threat is said across the 10 s cut between two sound pieces: it must be heard whole.
    [, threat] = await recording(sound, [{ silence: 9.4 }, { say: 'I will kill you tomorrow' }, { silence: 4 }]);
    const clip = path.join(dir, 'clip.mp4');
    [, adStart] = await videoClip(clip, [{ picture: calm, seconds: 4 }, { picture: ad, seconds: 2 }, { picture: calm, seconds: 8 }], sound);
    await mkdir(path.join(dir, 'hls'));
    const hls = await runTool('ffmpeg', ['-nostdin', '-v', 'error', '-y', '-i', clip, '-c:v', 'libx264', '-preset', 'veryfast', '-force_key_frames', 'expr:gte(t,n_forced*2)',
      '-c:a', 'aac', '-f', 'hls', '-hls_time', '2', '-hls_list_size', '0', '-hls_playlist_type', 'vod', path.join(dir, 'hls', 'index.m3u8')], { timeoutMs: 120_000 });
    assert.equal(hls.code, 0, hls.stderr);
    await mkdir(path.join(dir, 'silent'));
    const silent = await runTool('ffmpeg', ['-nostdin', '-v', 'error', '-y', '-i', clip, '-an', '-c:v', 'libx264', '-preset', 'veryfast', '-force_key_frames', 'expr:gte(t,n_forced*2)',
      '-f', 'hls', '-hls_time', '2', '-hls_list_size', '0', '-hls_playlist_type', 'vod', path.join(dir, 'silent', 'index.m3u8')], { timeoutMs: 120_000 });
    assert.equal(silent.code, 0, silent.stderr);
    await new Promise<void>((resolve) => media.listen(0, '127.0.0.1', resolve));
    await hook.listen();
    s = await startServer(null, { BULWARK_FETCH_ALLOW_HOSTS: '127.0.0.1', BULWARK_STREAM_RECONNECT_SECONDS: '3', BULWARK_IMAGE_THREADS: '2' });
    secret = (await s.call('POST', '/v1/webhooks', { url: hook.url, events: ['stream.alert'] })).body.secret;
  });
  after(async () => {
    await s.close();
    await new Promise<void>((resolve) => media.close(() => resolve()));
    await hook.close();
    await rm(dir, { recursive: true, force: true });
  });

  const waitFor = async (id: string, done: (stream: any) => boolean, ms = 90_000) => {
    const end = Date.now() + ms;
    for (;;) {
      const { body } = await s.call('GET', `/v1/streams/${id}`);
      if (done(body)) return body;
      if (Date.now() > end) throw new Error(`stream ${id}: ${JSON.stringify(body)}`);
      await sleep(200);
    }
  };

  test('an HLS stream: the ad frame and the spoken threat are alerted at their seconds, signed; then it is reported ended', async () => {
    const started = await s.call('POST', '/v1/streams', { url: `http://127.0.0.1:${port(media)}/index.m3u8`, interval: 1, dataId: 'live-1' });
    assert.equal(started.status, 201, JSON.stringify(started.body));
    const { id } = started.body;
    const ended = await waitFor(id, (b) => b.status === 'ended' || b.status === 'failed');
    assert.equal(ended.status, 'ended', JSON.stringify(ended));
    await sleep(1_000);
    const mine = hook.received.filter((a) => a.json.data.stream.id === id);
    for (const a of mine) assert.ok(verifySignature(a.signature, a.body, secret), 'every alert is signed');
    const moments = mine.filter((a) => a.json.data.moment).map((a) => a.json.data.moment);
    const seen = (from: number, to: number) => moments.some((m: any) => m.start >= from && m.start <= to);
    assert.ok(seen(adStart - 1, adStart + 2), `the ad frame at ${adStart} s: ${JSON.stringify(moments)}`);
    assert.ok(seen(threat.start - 1, threat.end + 1), `the threat at ${JSON.stringify(threat)}: ${JSON.stringify(moments)}`);
    assert.ok(mine.some((a) => a.json.data.ended === true && a.json.data.stream.status === 'ended'), 'the end is reported too');
    assert.ok(ended.alerts >= 2 && ended.findings.length >= 2);
    const decision = await s.call('GET', `/v1/decisions/${moments[0].decisionId}`);
    assert.equal(decision.status, 200);
    assert.equal(decision.body.metadata.streamId, id);
    assert.equal(decision.body.dataId, 'live-1');
  });

  test('a stream that does not answer is retried, then reported failed; a live one is stopped through the API', async () => {
    const broken = await s.call('POST', '/v1/streams', { url: `http://127.0.0.1:${port(media)}/missing.m3u8` });
    assert.equal(broken.status, 201);
    const failed = await waitFor(broken.body.id, (b) => b.status === 'failed', 60_000);
    assert.match(failed.lastError, /did not come back within 3 s/);

    const live = await s.call('POST', '/v1/streams', { url: `http://127.0.0.1:${port(media)}/live.m3u8`, interval: 2 });
    await waitFor(live.body.id, (b) => b.status === 'live');
    const stopped = await s.call('DELETE', `/v1/streams/${live.body.id}`);
    assert.equal(stopped.body.status, 'stopped');
    await sleep(1_500);
    assert.equal((await s.call('GET', `/v1/streams/${live.body.id}`)).body.status, 'stopped', 'a stopped stream stays stopped');
  });

  test('a stream without sound (a camera) is pulled too: its ad frame is alerted and it ends', async () => {
    const started = await s.call('POST', '/v1/streams', { url: `http://127.0.0.1:${port(media)}/silent/index.m3u8`, interval: 1 });
    const ended = await waitFor(started.body.id, (b) => b.status === 'ended' || b.status === 'failed');
    assert.equal(ended.status, 'ended', JSON.stringify(ended));
    assert.ok(ended.findings.some((m: any) => m.start >= adStart - 1 && m.start <= adStart + 2), JSON.stringify(ended.findings));
  });

  test('an RTMP stream is pulled too: its ad frame is alerted', async () => {
    const rtmp = await rtmpServer(path.join(dir, 'clip.mp4'));
    try {
      const started = await s.call('POST', '/v1/streams', { url: `rtmp://127.0.0.1:${rtmp.port}/live/key`, interval: 1 });
      assert.equal(started.status, 201, JSON.stringify(started.body));
      const seen = await waitFor(started.body.id, (b) => b.findings.length > 0 || b.status === 'failed', 60_000);
      assert.ok(seen.findings.some((m: any) => m.start >= adStart - 2 && m.start <= adStart + 3), JSON.stringify(seen));
      await s.call('DELETE', `/v1/streams/${started.body.id}`);
    } finally {
      await rtmp.close();
    }
  });

  test('what a playlist names is checked too: segments on a host that is not allowed, local files, a redirect', async () => {
    const base = `http://127.0.0.1:${port(media)}`;
    const started = await Promise.all(['elsewhere', 'local', 'moved'].map((name) => s.call('POST', '/v1/streams', { url: `${base}/${name}.m3u8` })));
    const [elsewhere, local, moved] = await Promise.all(started.map((r) => waitFor(r.body.id, (b) => b.status === 'failed' || b.status === 'ended', 60_000)));
    assert.equal(elsewhere.status, 'failed', JSON.stringify(elsewhere));
    assert.match(elsewhere.lastError, /Refused http:\/\/localhost:\d+\/index\d\.ts \(and \d+ more\): "localhost" resolves to a private, loopback/);
    assert.equal(moved.status, 'failed', JSON.stringify(moved));
    assert.match(moved.lastError, /Refused http:\/\/localhost:\d+\/index\.m3u8/);
    assert.equal(local.status, 'failed', JSON.stringify(local));
    assert.equal(local.findings.length + elsewhere.findings.length + moved.findings.length, 0, 'nothing was read');
    assert.deepEqual(hostsAsked.filter((h) => h.startsWith('localhost')), [], 'no request reached the host that is not allowed');
  });

  test('unsafe or unknown URLs are refused', async () => {
    for (const url of ['http://10.1.2.3/live.m3u8', 'rtmp://192.168.1.5/live', 'ftp://example.com/x', 'file:///etc/passwd']) {
      const refused = await s.call('POST', '/v1/streams', { url });
      assert.deepEqual([refused.status, refused.body.code], [400, 'URL_NOT_ALLOWED'], url);
    }
    assert.equal((await s.call('GET', '/v1/streams/str_nope')).body.code, 'STREAM_NOT_FOUND');
  });
});

/**
 * An RTMP server for the clip, for any number of clients: ffmpeg serves RTMP to one client and
 * exits, so each client that connects gets its own ffmpeg (on a port of its own) to talk to.
 */
async function rtmpServer(clip: string): Promise<{ port: number; close(): Promise<void> }> {
  const stop = new AbortController();
  const served: Promise<unknown>[] = [];
  const relay = net.createServer(async (client) => {
    const port = await freePort();
    served.push(runTool('ffmpeg', ['-nostdin', '-v', 'error', '-re', '-i', clip, '-c', 'copy', '-f', 'flv', '-listen', '1', `rtmp://127.0.0.1:${port}/live/key`],
      { timeoutMs: 120_000, signal: stop.signal }).catch(() => undefined));
    let upstream: net.Socket | null = null;
    client.on('error', () => upstream?.destroy());
    client.on('close', () => upstream?.destroy());
    // Until that ffmpeg listens, try again every 0.1 s.
    const connect = (tries: number): void => {
      upstream = net.connect(port, '127.0.0.1', () => { client.pipe(upstream!); upstream!.pipe(client); });
      upstream.on('error', () => (tries > 0 && !stop.signal.aborted && !client.destroyed ? void setTimeout(() => connect(tries - 1), 100) : client.destroy()));
    };
    connect(50);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  return {
    port: (relay.address() as AddressInfo).port,
    close: async () => {
      stop.abort();
      relay.close();
      await Promise.all(served);
    },
  };
}

/** A port nothing listens on now (the system's choice, released at once). */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
