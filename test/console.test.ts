// The review console end to end: a real Chromium against a real server. A reviewer signs in, finds
// a flagged text in the queue with its evidence marked, approves it by keyboard, reads the outcome;
// opens a flagged picture (claimed on open, blurred until revealed, the finding boxed where it is)
// and rejects it with a label, a note and its hash added to a list; jumps a video's player to a
// finding from the timeline.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { scene, withCaptions } from '../src/images/fixtures.js';
import { adFrame, videoClip } from '../src/video/fixtures.js';
import { screenshot } from './support/browser.js';
import type { TestBrowser } from './support/browser.js';
import { assertFits, consoleSkip, serverAndBrowser, signIn, signedInPage, unlabelledFields, watchedPage } from './support/console.js';
import { finishedJob, postMedia } from './support/media.js';
import type { TestServer } from './support/server.js';

// One evidence span in the middle of the text, so a mark drawn at the wrong offset shows.
const TEXT = 'Honestly, you are such an idiot for parking there.';
const SPAN = 'you are such an idiot';

async function flagged(s: TestServer): Promise<{ decisionId: string; reviewId: string }> {
  const d = await s.call('POST', '/v1/moderate/text', { text: TEXT });
  assert.equal(d.body.suggestion, 'review', JSON.stringify(d.body));
  assert.ok(d.body.evidence.some((e: any) => e.text === SPAN && e.category === 'harassment'), JSON.stringify(d.body.evidence));
  const queue = await s.call('GET', '/v1/reviews?status=open');
  const review = queue.body.reviews.find((r: any) => r.decisionId === d.body.id);
  assert.ok(review, 'the decision is in the review queue');
  return { decisionId: d.body.id, reviewId: review.id };
}

/** Signs in, and checks the key is kept for this tab only. */
async function signInForTab(page: Page, s: TestServer): Promise<void> {
  await signIn(page, s);
  const stored = await page.evaluate(() => [JSON.stringify(sessionStorage), JSON.stringify(localStorage)]);
  assert.ok(stored[0].includes(s.adminKey), 'the key is kept in sessionStorage');
  assert.ok(!stored[1].includes(s.adminKey), 'the key does not outlive the tab in localStorage');
}

/** Opens the queue item and checks the text with its evidence span marked. */
async function openItem(page: Page): Promise<void> {
  const item = page.getByRole('list', { name: 'Review queue items' }).getByRole('button', { name: /Honestly, you are such an idiot/ });
  await item.waitFor();
  assert.match((await item.textContent()) ?? '', /review/, 'the item shows its suggestion');
  await item.click();
  const content = page.getByRole('region', { name: 'Content' });
  const mark = content.locator('mark', { hasText: SPAN });
  await mark.waitFor();
  assert.ok((await content.textContent())?.includes(TEXT), 'the whole text is shown, the mark inside it');
  assert.equal((await mark.textContent())?.trim(), SPAN);
  assert.equal(await mark.getAttribute('title'), 'harassment');
  await page.getByRole('button', { name: /Approve/ }).waitFor();
  await page.getByRole('button', { name: /Reject/ }).waitFor();
}

/** Asserts that the box drawn for a finding sits over its region of the media, scaled as the media is shown. */
async function assertBoxOver(page: Page, media: string, boxSelector: string, region: { x: number; y: number; w: number; h: number }, mediaWidth: number) {
  const [shown, box] = await Promise.all([media, boxSelector].map((s) => page.locator(s).first().boundingBox()));
  assert.ok(shown && box, `${media} and ${boxSelector} are drawn`);
  const scale = shown.width / mediaWidth;
  const want = [region.x * scale, region.y * scale, region.w * scale, region.h * scale];
  const drawn = [box.x - shown.x, box.y - shown.y, box.width, box.height];
  assert.ok(drawn.every((d, k) => Math.abs(d - want[k]) <= 2), `box drawn at ${JSON.stringify(drawn)}, want ${JSON.stringify(want)}`);
}

describe('review console (sqlite)', { skip: consoleSkip }, () => {
  const suite = serverAndBrowser(null, { BULWARK_STORE_CONTENT: 'true', BULWARK_IMAGE_THREADS: '1' });
  let s: TestServer | undefined;
  let browser: TestBrowser | undefined;
  let dir = '';
  before(async () => {
    s = suite.server();
    browser = suite.browser();
    dir = await mkdtemp(path.join(tmpdir(), 'bulwark-console-test-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('a reviewer approves a flagged text by keyboard; the key never reaches a URL', async () => {
    const server = s!;
    const { decisionId, reviewId } = await flagged(server);
    const { page, errors } = await watchedPage(browser!);
    const urls: string[] = [];
    page.on('request', (req) => urls.push(req.url()));

    await signInForTab(page, server);
    await openItem(page);
    await screenshot(page, 'console-review');
    assert.deepEqual(await unlabelledFields(page), [], 'every field of the queue has a label');
    await assertFits(page, 768, 1024);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.keyboard.press('a');
    await page.getByRole('status').filter({ hasText: 'Approved' }).waitFor();
    await page.getByRole('list', { name: 'Review queue items' }).getByRole('button', { name: /Honestly, you are such an idiot/ })
      .waitFor({ state: 'detached' });

    const review = await server.call('GET', `/v1/reviews/${reviewId}`);
    assert.deepEqual([review.body.status, review.body.outcome], ['decided', 'approve']);

    await page.goto(`${server.url}/console/#/decisions/${decisionId}`);
    await page.getByText('Outcome: approve').waitFor();
    await screenshot(page, 'console-decision');

    assert.ok(!page.url().includes(server.adminKey), page.url());
    assert.deepEqual(urls.filter((u) => u.includes(server.adminKey)), [], 'no request carries the key in its URL');
    assert.deepEqual(errors, [], 'the page threw no errors');
  });

  test('a verdict given while the claim is still on its way waits for it', async () => {
    const server = s!;
    const { reviewId } = await flagged(server);
    const me = (await server.call('GET', '/v1/me')).body;
    const { page, errors } = await signedInPage(browser!, server);
    // The claim is held back on the wire, so the reviewer approves before it lands.
    await page.route('**/v1/reviews/*/claim', async (route) => { await sleep(800); await route.continue(); });
    const claimAnswered = page.waitForResponse((r) => r.url().endsWith('/claim'));
    await page.getByRole('list', { name: 'Review queue items' }).getByRole('button', { name: /Honestly, you are such an idiot/ }).click();
    await page.getByRole('button', { name: /Approve/ }).click();
    assert.equal((await claimAnswered).status(), 200, 'the claim went first, so it was not refused');
    await page.getByRole('status').filter({ hasText: 'Approved' }).waitFor();
    const review = (await server.call('GET', `/v1/reviews/${reviewId}`)).body;
    assert.deepEqual([review.outcome, review.claimedBy, review.decidedBy], ['approve', me.keyId, me.keyId]);
    assert.deepEqual(errors, []);
  });

  test('an item another reviewer holds says who holds it; an admin may still decide it', async () => {
    const server = s!;
    const { reviewId } = await flagged(server);
    const alice = (await server.call('POST', '/v1/keys', { name: 'alice', scopes: ['review'] })).body.key;
    assert.equal((await server.call('POST', `/v1/reviews/${reviewId}/claim`, undefined, alice)).status, 200);
    const { page, errors } = await signedInPage(browser!, server);
    const item = page.getByRole('list', { name: 'Review queue items' }).getByRole('button', { name: /Honestly, you are such an idiot/ });
    await item.waitFor();
    assert.match((await item.textContent()) ?? '', /claimed by alice/);
    await item.click();
    await page.getByRole('note').filter({ hasText: 'alice claimed this item; as an admin you may still decide it.' }).waitFor();
    await page.getByRole('button', { name: /Reject/ }).click();
    await page.getByRole('status').filter({ hasText: 'Rejected' }).waitFor();
    const review = (await server.call('GET', `/v1/reviews/${reviewId}`)).body;
    assert.deepEqual([review.outcome, review.claimedByName, review.decidedByName], ['reject', 'alice', 'BULWARK_API_KEY']);
    assert.deepEqual(errors, []);
  });

  test('a flagged picture: claimed on open, blurred until revealed, boxed; rejected with a label, a note and its hash listed', async () => {
    const server = s!;
    const words = await server.call('POST', '/v1/lists', { name: 'watch-words', kind: 'keyword', action: 'review', category: 'spam' });
    await server.call('POST', `/v1/lists/${words.body.id}/entries`, { entries: [{ value: 'qwixor' }] });
    const hashes = await server.call('POST', '/v1/lists', { name: 'known-spam-pictures', kind: 'image', action: 'block', category: 'spam' });
    assert.equal(hashes.status, 201, JSON.stringify(hashes.body));
    const picture = await withCaptions(await scene(1200, 800, 5), [{ text: 'Visit qwixor today', x: 150, y: 560, size: 60 }]);
    const decision = await postMedia(server, '/v1/moderate/image', picture, 'image/png');
    assert.equal(decision.suggestion, 'review', JSON.stringify(decision.evidence));
    const found = decision.evidence.find((e: any) => e.listId === words.body.id && e.region);
    assert.ok(found, JSON.stringify(decision.evidence));
    const review = (await server.call('GET', '/v1/reviews?status=open')).body.reviews.find((r: any) => r.decisionId === decision.id);
    const me = await server.call('GET', '/v1/me');

    const { page, errors } = await signedInPage(browser!, server);
    await page.getByRole('list', { name: 'Review queue items' }).getByRole('button', { name: /image/ }).click();
    const img = page.getByRole('img', { name: 'The picture under review' });
    await img.waitFor();
    await page.waitForFunction(() => (document.querySelector('.frame img') as HTMLImageElement | null)?.complete);
    for (let k = 0; k < 50 && (await server.call('GET', `/v1/reviews/${review.id}`)).body.status !== 'claimed'; k++) await sleep(100);
    const claimed = (await server.call('GET', `/v1/reviews/${review.id}`)).body;
    assert.deepEqual([claimed.status, claimed.claimedBy], ['claimed', me.body.keyId], 'opening the item claims it');

    const filter = () => img.evaluate((el) => getComputedStyle(el).filter);
    assert.match(await filter(), /blur\(.+grayscale\(1\)/, 'blurred and greyscaled before it is revealed');
    await assertBoxOver(page, '.frame img', '.box[aria-label^="spam"]', found.region, 1200);
    await screenshot(page, 'console-picture');
    await page.keyboard.press('v');
    await page.getByRole('button', { name: /Blur again/ }).waitFor();
    assert.equal(await filter(), 'none', 'revealed');

    await page.keyboard.press('l');
    await page.keyboard.type('ad-spam');
    await page.keyboard.press('Escape');
    await page.keyboard.press('n');
    await page.keyboard.type('Same flyer as last week.');
    await page.keyboard.press('Escape');
    await page.keyboard.press('t');
    await page.getByLabel('List', { exact: true }).selectOption(hashes.body.id);
    assert.equal(await page.getByLabel('PDQ hash').inputValue(), decision.media.pdq, 'the picture\'s hash is offered');
    await page.keyboard.press('Escape');
    await page.locator('body').click({ position: { x: 5, y: 200 } });
    await page.keyboard.press('r');
    await page.getByRole('status').filter({ hasText: 'Rejected and added to the list' }).waitFor();

    const decided = (await server.call('GET', `/v1/reviews/${review.id}`)).body;
    assert.deepEqual([decided.outcome, decided.labels, decided.note], ['reject', ['ad-spam'], 'Same flyer as last week.']);
    const entries = (await server.call('GET', `/v1/lists/${hashes.body.id}/entries`)).body.entries.map((e: any) => e.value);
    assert.deepEqual(entries, [decision.media.pdq]);
    assert.deepEqual(errors, []);
  });

  test('the blur setting: off shows pictures at once, and survives a reload', async () => {
    const server = s!;
    const picture = await withCaptions(await scene(1200, 800, 6), [{ text: 'WhatsApp +86 138 0013 8000', x: 200, y: 600, size: 56 }]);
    const decision = await postMedia(server, '/v1/moderate/image', picture, 'image/png');
    assert.notEqual(decision.suggestion, 'pass');
    const page = await browser!.newPage();
    await signIn(page, server);
    await page.getByLabel('Blur and greyscale until I reveal each one').uncheck();
    await page.goto(`${server.url}/console/#/decisions/${decision.id}`);
    const img = page.getByRole('img', { name: 'The picture under review' });
    await img.waitFor();
    assert.equal(await img.evaluate((el) => getComputedStyle(el).filter), 'none');
    await page.reload();
    await img.waitFor();
    assert.equal(await img.evaluate((el) => getComputedStyle(el).filter), 'none', 'the setting is kept in this browser');
  });

  test('a video decision: the timeline moves the player to the finding', async () => {
    const server = s!;
    const calm = await scene(1280, 720, 81);
    const clip = path.join(dir, 'clip.mp4');
    const [, adStart] = await videoClip(clip, [{ picture: calm, seconds: 3 }, { picture: await adFrame(calm), seconds: 2 }, { picture: calm, seconds: 3 }]);
    const { jobId } = await postMedia(server, '/v1/moderate/video', readFileSync(clip), 'video/mp4');
    const job = await finishedJob(server, jobId);
    assert.equal(job.status, 'succeeded', JSON.stringify(job));
    const moment = job.decision.timeline.find((m: any) => m.start <= adStart + 1 && m.end >= adStart);
    assert.ok(moment, JSON.stringify(job.decision.timeline));

    const page = await browser!.newPage();
    await signIn(page, server);
    await page.goto(`${server.url}/console/#/decisions/${job.decision.id}`);
    const video = page.getByLabel('The video under review');
    await video.waitFor();
    await page.waitForFunction(() => ((document.querySelector('video') as HTMLVideoElement | null)?.readyState ?? 0) >= 1);
    await page.getByRole('region', { name: 'Timeline' }).getByRole('button', { name: new RegExp(moment.categories[0]) }).first().click();
    await page.waitForFunction((t) => Math.abs((document.querySelector('video') as HTMLVideoElement).currentTime - t) < 0.6, moment.start);
    const qr = job.decision.evidence.find((e: any) => e.source === 'qr');
    await page.locator('.box[aria-label^="ads"]').first().waitFor();
    await assertBoxOver(page, '.frame video', `.box[aria-label="ads: “${qr.text}”"]`, qr.region, 1280);
    await page.evaluate(() => document.querySelector('.media')?.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'console-video');
  });
});
