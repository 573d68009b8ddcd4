// Image hash lists end to end: a picture's PDQ hash (from a decision's media) put on a list makes
// re-encoded, resized, mirrored and turned copies match, with the distance and the turn in the
// evidence; SHA-256 entries match exact bytes; an allow list silences its category.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { scene } from '../src/images/fixtures.js';
import { databases, startServer } from './support/server.js';
import type { TestServer } from './support/server.js';

async function moderate(s: TestServer, picture: Buffer): Promise<any> {
  const res = await s.call('POST', '/v1/moderate/image', { base64: picture.toString('base64') });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

for (const db of databases()) {
  describe(`image hash lists (${db.name})`, () => {
    let s: TestServer;
    let original: Buffer;
    before(async () => {
      s = await startServer(db.url, { BULWARK_IMAGE_THREADS: '1' });
      original = await sharp(await scene(1200, 900, 21)).jpeg({ quality: 90 }).toBuffer();
    });
    after(async () => { await s.close(); });

    test('a listed picture blocks its re-encoded, resized, mirrored and turned copies; others pass', async () => {
      const first = await moderate(s, original);
      assert.equal(first.suggestion, 'pass');
      const list = await s.call('POST', '/v1/lists', { name: 'known-bad', kind: 'image', action: 'block', category: 'illicit' });
      assert.equal(list.status, 201, JSON.stringify(list.body));
      assert.equal(list.body.maxDistance, 31);
      const added = await s.call('POST', `/v1/lists/${list.body.id}/entries`, { entries: [{ value: first.media.pdq.toUpperCase() }] });
      assert.deepEqual(added.body, { added: 1, skipped: 0 });

      const copies: [string, Buffer, string][] = [
        ['re-encoded and resized', await sharp(original).resize(700).jpeg({ quality: 55 }).toBuffer(), 'original'],
        ['mirrored', await sharp(original).flop().png().toBuffer(), 'mirror'],
        ['turned a quarter', await sharp(original).rotate(90).webp().toBuffer(), 'rotate90'],
      ];
      for (const [name, copy, orientation] of copies) {
        const d = await moderate(s, copy);
        assert.equal(d.suggestion, 'block', name);
        const hit = d.evidence.find((e: any) => e.source === 'hash');
        assert.equal(hit.rule, 'list:known-bad', name);
        assert.equal(hit.entry, first.media.pdq, name);
        assert.ok(hit.distance <= 31, `${name}: ${hit.distance}`);
        assert.ok(['rotate90', 'rotate270'].includes(orientation) ? ['rotate90', 'rotate270'].includes(hit.orientation) : hit.orientation === orientation,
          `${name}: ${hit.orientation}`);
        assert.deepEqual(hit.region, { x: 0, y: 0, w: d.media.width, h: d.media.height });
      }
      const other = await moderate(s, await sharp(await scene(1200, 900, 22)).jpeg().toBuffer());
      assert.equal(other.suggestion, 'pass', JSON.stringify(other.evidence));
    });

    test('sha256 entries match the exact file; an allow list silences the category and says what it overrode', async () => {
      const exact = await sharp(await scene(640, 480, 23)).png().toBuffer();
      const sha = (await moderate(s, exact)).media.sha256;
      const review = await s.call('POST', '/v1/lists', { name: 'exact-review', kind: 'image', action: 'review', category: 'sexual', maxDistance: 0 });
      await s.call('POST', `/v1/lists/${review.body.id}/entries`, { entries: [{ value: `sha256:${sha}` }] });
      const reviewed = await moderate(s, exact);
      assert.equal(reviewed.suggestion, 'review');
      assert.equal(reviewed.evidence[0].orientation, 'exact');
      assert.equal((await moderate(s, await sharp(exact).jpeg().toBuffer())).suggestion, 'pass', 'other bytes, and maxDistance 0 for PDQ');

      const allow = await s.call('POST', '/v1/lists', { name: 'known-good', kind: 'image', action: 'allow', category: 'sexual' });
      await s.call('POST', `/v1/lists/${allow.body.id}/entries`, { entries: [{ value: `sha256:${sha}` }] });
      const allowed = await moderate(s, exact);
      assert.equal(allowed.suggestion, 'pass');
      assert.deepEqual(allowed.evidence.map((e: any) => [e.action, e.overrides]), [['allow', ['list:exact-review']]]);
    });

    test('a reviewer adds a reviewed picture to a block list; its copies are then blocked', async () => {
      const picture = await sharp(await scene(900, 700, 24)).jpeg().toBuffer();
      const first = await moderate(s, picture);
      const watch = await s.call('POST', '/v1/lists', { name: 'watch', kind: 'image', action: 'review', category: 'illicit' });
      await s.call('POST', `/v1/lists/${watch.body.id}/entries`, { entries: [{ value: `sha256:${first.media.sha256}` }] });
      const reviewed = await moderate(s, picture);
      assert.equal(reviewed.suggestion, 'review');
      const queue = await s.call('GET', '/v1/reviews?status=open');
      const item = queue.body.reviews.find((r: any) => r.decisionId === reviewed.id);
      assert.ok(item, JSON.stringify(queue.body).slice(0, 300));
      const bank = await s.call('POST', '/v1/lists', { name: 'reviewed-bad', kind: 'image', action: 'block', category: 'illicit' });
      const decided = await s.call('POST', `/v1/reviews/${item.id}/decide`, {
        outcome: 'reject', labels: ['illicit'], addToList: { listId: bank.body.id, value: reviewed.media.pdq },
      });
      assert.equal(decided.status, 200, JSON.stringify(decided.body));
      const copy = await moderate(s, await sharp(picture).resize(600).webp().toBuffer());
      assert.equal(copy.suggestion, 'block');
      assert.ok(copy.evidence.some((e: any) => e.rule === 'list:reviewed-bad' && e.entry === reviewed.media.pdq));
    });

    test('bad entries and settings are refused with their codes', async () => {
      const list = await s.call('POST', '/v1/lists', { name: 'strict', kind: 'image', action: 'block', category: 'illicit' });
      for (const value of ['abc', 'sha256:xyz', 'g'.repeat(64), `${'0'.repeat(64)} extra`]) {
        const res = await s.call('POST', `/v1/lists/${list.body.id}/entries`, { entries: [{ value }] });
        assert.equal(res.body.code, 'LIST_ENTRY_INVALID', value);
      }
      assert.equal((await s.call('POST', '/v1/lists', { name: 'x1', kind: 'image', action: 'block', category: 'illicit', match: 'exact' })).status, 400);
      assert.equal((await s.call('POST', '/v1/lists', { name: 'x2', action: 'block', category: 'illicit', maxDistance: 3 })).status, 400);
      assert.equal((await s.call('POST', '/v1/lists', { name: 'x3', kind: 'image', action: 'block', category: 'illicit', maxDistance: 65 })).status, 400);
      // The text pipeline ignores image lists: a hex string in a text is just text.
      await s.call('POST', `/v1/lists/${list.body.id}/entries`, { entries: [{ value: 'f'.repeat(64) }] });
      const text = await s.call('POST', '/v1/moderate/text', { text: 'f'.repeat(64) });
      assert.equal(text.body.suggestion, 'pass');
    });
  });
}
