// How soon a live stream's alert reaches the platform: a 40-second clip served as live HLS (2 s
// segments published in real time), an ad frame (a phone number and a QR code) and a spoken
// threat planted in it, pulled by the service at one frame a second, the stream.alert received on
// a local webhook receiver. Latency is measured from the moment the segment carrying the planted
// content was published (the earliest anyone could have seen it) to the alert's arrival.
// Run: node dist/bench/streamAlerts.js

import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '../src/config.js';
import { DEFAULT_TENANT_ID } from '../src/db/index.js';
import { scene } from '../src/images/fixtures.js';
import { createService } from '../src/service/index.js';
import { HLS_SEGMENT_SECONDS, hlsSegments, serveLiveHls } from '../src/streams/fixtures.js';
import { adFrame, videoClip } from '../src/video/fixtures.js';
import { recording } from '../src/voice/fixtures.js';
import { isMain } from './measure.js';

interface Alert { at: number; start: number; categories: string[] }

export async function runStreamAlertBench(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bulwark-stream-bench-'));
  const alerts: Alert[] = [];
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => { body += c.toString(); });
    req.on('end', () => {
      const moment = (JSON.parse(body) as { data: { moment?: { start: number; categories: string[] } } }).data.moment;
      if (moment) alerts.push({ at: Date.now(), start: moment.start, categories: moment.categories });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const service = await createService(loadConfig({ BULWARK_DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'silent', BULWARK_FETCH_ALLOW_HOSTS: '127.0.0.1' }));
  try {
    const calm = await scene(1280, 720, 91);
    const ad = await adFrame(calm);
    const sound = path.join(dir, 'sound.wav');
    const [, threat] = await recording(sound, [{ silence: 25 }, { say: 'I will kill you tomorrow' }, { silence: 12 }]);
    const clip = path.join(dir, 'clip.mp4');
    const [, adStart] = await videoClip(clip, [{ picture: calm, seconds: 14 }, { picture: ad, seconds: 3 }, { picture: calm, seconds: 23 }], sound);
    await hlsSegments(clip, path.join(dir, 'hls'));
    await service.stores.webhooks.create({ tenantId: DEFAULT_TENANT_ID, url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`, events: ['stream.alert'] });
    await service.images.warmUp();
    service.webhookSender.start();
    service.streams.start();

    const live = await serveLiveHls(path.join(dir, 'hls'));
    const stream = await service.streams.create(DEFAULT_TENANT_ID, live.url, 1, {});
    // A moment is published when the segment that holds it is complete.
    const published = (second: number) => live.began + Math.ceil((second + 1e-3) / HLS_SEGMENT_SECONDS) * HLS_SEGMENT_SECONDS * 1000;
    const deadline = Date.now() + 90_000;
    const firstAlert = (what: (a: Alert) => boolean) => alerts.find(what);
    // Stream times count from when the pull began, not from the clip's start: find each planted thing by its kind.
    while (Date.now() < deadline && !(firstAlert((a) => a.categories.includes('ads')) && firstAlert((a) => a.categories.includes('violence')))) await sleep(100);
    await service.streams.stop(DEFAULT_TENANT_ID, stream.id);
    await live.close();
    console.log(`\n== stream alerts: live HLS (${HLS_SEGMENT_SECONDS} s segments, published in real time), 1 frame a second, ` +
      `${service.images.settings.threads} picture threads, alert to a local receiver`);
    for (const [what, category, second] of [['ad frame (OCR text, QR code)', 'ads', adStart], ['spoken threat (pocketsphinx)', 'violence', threat.end]] as const) {
      const alert = firstAlert((a) => a.categories.includes(category));
      console.log(alert
        ? `${what}: alerted ${((alert.at - published(second)) / 1000).toFixed(1)} s after its segment was published`
        : `${what}: no alert within 90 s (alerts: ${JSON.stringify(alerts.map((a) => a.categories))})`);
    }
  } finally {
    await service.close();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
    await rm(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) await runStreamAlertBench();
