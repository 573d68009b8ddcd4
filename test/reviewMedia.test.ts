// Flagged pictures and recordings are kept for reviewers when the tenant stores content, served
// back byte for byte at /v1/decisions/:id/media; a passed one, or any under a tenant that keeps
// only hashes, is not kept at all.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { scene, withCaptions } from '../src/images/fixtures.js';
import { ReviewMedia } from '../src/service/reviewMedia.js';
import { adFrame, videoClip } from '../src/video/fixtures.js';
import { finishedJob, postMedia } from './support/media.js';
import { startServer } from './support/server.js';
import type { TestServer } from './support/server.js';

async function media(s: TestServer, decisionId: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const res = await fetch(`${s.url}/v1/decisions/${decisionId}/media`, { headers: { authorization: `Bearer ${s.adminKey}` } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

const adCaption = [{ text: 'WhatsApp +86 138 0013 8000', x: 200, y: 700, size: 56 }];

describe('media kept for review (content stored)', () => {
  let s: TestServer;
  let dir = '';
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'bulwark-media-test-'));
    s = await startServer(null, { BULWARK_STORE_CONTENT: 'true', BULWARK_IMAGE_THREADS: '2' });
  });
  after(async () => {
    await s.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('a flagged picture comes back byte for byte, never cached; a passed one is not kept', async () => {
    const photo = await withCaptions(await scene(1400, 900, 12), adCaption);
    const flagged = await postMedia(s, '/v1/moderate/image', photo, 'image/png');
    assert.equal(flagged.suggestion, 'block', JSON.stringify(flagged.evidence));
    const kept = await media(s, flagged.id);
    assert.equal(kept.status, 200);
    assert.equal(kept.headers.get('content-type'), 'image/png');
    assert.equal(kept.headers.get('cache-control'), 'private, no-store');
    assert.equal(kept.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(kept.headers.get('bulwark-media-offset'), '0');
    assert.ok(kept.bytes.equals(photo), 'the same bytes');

    const plain = await postMedia(s, '/v1/moderate/image', await scene(800, 600, 3), 'image/png');
    assert.equal(plain.suggestion, 'pass');
    const none = await media(s, plain.id);
    assert.equal(none.status, 404);
    assert.equal(JSON.parse(none.bytes.toString()).code, 'MEDIA_NOT_KEPT');

    const reviewer = await s.call('POST', '/v1/keys', { name: 'moderator app', scopes: ['moderate'] });
    const denied = await fetch(`${s.url}/v1/decisions/${flagged.id}/media`, { headers: { authorization: `Bearer ${reviewer.body.key}` } });
    assert.equal(denied.status, 403, 'a moderate-only key cannot read kept media');
  });

  test('a flagged video is kept whole as video/mp4', async () => {
    const calm = await scene(1280, 720, 81);
    const clip = path.join(dir, 'clip.mp4');
    await videoClip(clip, [{ picture: calm, seconds: 2 }, { picture: await adFrame(calm), seconds: 2 }]);
    const { jobId } = await postMedia(s, '/v1/moderate/video', readFileSync(clip), 'video/mp4');
    const job = await finishedJob(s, jobId);
    assert.equal(job.status, 'succeeded', JSON.stringify(job));
    assert.notEqual(job.decision.suggestion, 'pass');
    const kept = await media(s, job.decision.id);
    assert.equal(kept.status, 200);
    assert.equal(kept.headers.get('content-type'), 'video/mp4');
    assert.ok(kept.bytes.equals(readFileSync(clip)), 'the same bytes');
  });
});

describe('media not kept when the tenant keeps only hashes', () => {
  let s: TestServer;
  before(async () => { s = await startServer(null, { BULWARK_IMAGE_THREADS: '1' }); });
  after(async () => { await s.close(); });

  test('a flagged picture is not kept', async () => {
    const flagged = await postMedia(s, '/v1/moderate/image', await withCaptions(await scene(1400, 900, 12), adCaption), 'image/png');
    assert.equal(flagged.suggestion, 'block');
    assert.equal((await media(s, flagged.id)).status, 404);
  });
});

describe('ReviewMedia retention', () => {
  test('kept media expires after the retention period and the sweep deletes its files', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'bulwark-kept-'));
    try {
      const kept = new ReviewMedia(dir, 30, async () => ({ storeContent: true }));
      await kept.keepFlagged('default', { id: 'dec_a1', suggestion: 'block' }, { bytes: Buffer.from('picture') }, 'image/png');
      const opened = await kept.open('default', 'dec_a1');
      assert.equal(opened?.contentType, 'image/png');
      opened?.stream.destroy();
      assert.equal(await kept.sweep(Date.now() + 29 * 86_400_000), 0);
      assert.equal(await kept.sweep(Date.now() + 31 * 86_400_000), 1);
      assert.deepEqual(await readdir(path.join(dir, 'default')), []);
      assert.equal(await kept.open('default', 'dec_a1'), null);
      await assert.rejects(kept.keepFlagged('../x', { id: 'dec_a1', suggestion: 'block' }, { bytes: Buffer.from('') }, 'image/png'), /Unsafe/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
