// The review console end to end: a real Chromium against a real server. A reviewer signs in, finds
// a flagged text in the queue with its evidence marked, approves it by keyboard, reads the outcome.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { projectRoot } from '../src/paths.js';
import { openBrowser, screenshot } from './support/browser.js';
import type { TestBrowser } from './support/browser.js';
import { startServer } from './support/server.js';
import type { TestServer } from './support/server.js';

// One evidence span in the middle of the text, so a mark drawn at the wrong offset shows.
const TEXT = 'Honestly, you are such an idiot for parking there.';
const SPAN = 'you are such an idiot';

const built = existsSync(path.join(projectRoot(), 'console', 'dist', 'index.html'));
const missing = 'console/dist/index.html is missing: build the console before its browser tests';
// A checkout without a built console skips; in CI a missing console is a failure, never a skip.
const skip = !built && process.env.CI !== 'true' ? missing : false;

async function flagged(s: TestServer): Promise<{ decisionId: string; reviewId: string }> {
  const d = await s.call('POST', '/v1/moderate/text', { text: TEXT });
  assert.equal(d.body.suggestion, 'review', JSON.stringify(d.body));
  assert.ok(d.body.evidence.some((e: any) => e.text === SPAN && e.category === 'harassment'), JSON.stringify(d.body.evidence));
  const queue = await s.call('GET', '/v1/reviews?status=open');
  const review = queue.body.reviews.find((r: any) => r.decisionId === d.body.id);
  assert.ok(review, 'the decision is in the review queue');
  return { decisionId: d.body.id, reviewId: review.id };
}

async function signIn(page: Page, s: TestServer): Promise<void> {
  await page.goto(`${s.url}/console/`);
  await page.getByLabel('API key').fill(s.adminKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Review queue' }).waitFor();
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

describe('review console (sqlite)', { skip }, () => {
  let s: TestServer | undefined;
  let browser: TestBrowser | undefined;
  before(async () => {
    assert.ok(built, missing);
    s = await startServer(null, { BULWARK_STORE_CONTENT: 'true' });
    browser = await openBrowser();
  });
  after(async () => {
    await browser?.close();
    await s?.close();
  });

  test('a reviewer approves a flagged text by keyboard; the key never reaches a URL', async () => {
    const server = s!;
    const { decisionId, reviewId } = await flagged(server);
    const page = await browser!.newPage();
    const errors: string[] = [];
    const urls: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('request', (req) => urls.push(req.url()));

    await signIn(page, server);
    await openItem(page);
    await screenshot(page, 'console-review');
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
});
