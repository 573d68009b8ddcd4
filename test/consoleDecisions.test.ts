// The console's decision search and decision page end to end: a real Chromium against a real server
// holding real decisions. Searches by suggestion, dataId, category, review and time must show exactly the
// rows the API holds for them; a search lives in the URL; a row opens the decision with its
// evidence and the reviewer's outcome.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { screenshot } from './support/browser.js';
import type { TestBrowser } from './support/browser.js';
import { assertFits, consoleSkip, serverAndBrowser, signedInPage, unlabelledFields } from './support/console.js';
import { databases } from './support/server.js';
import type { TestServer } from './support/server.js';

const INSULT = 'Honestly, you are such an idiot for parking there.';
const SPAN = 'you are such an idiot';

interface Made { block: string; review: string; pass: string; many: string[]; tag: string }

/** Real decisions: 55 harmless ones under one dataId, then a threat, an insult (reviewed: reject) and a greeting. */
async function makeDecisions(s: TestServer): Promise<Made> {
  const tag = `t${randomBytes(4).toString('hex')}`;
  const batch = await s.call('POST', '/v1/moderate/text', { texts: Array.from({ length: 55 }, (_, i) => `ordinary note number ${i}`), dataId: `${tag}-many` });
  assert.equal(batch.status, 200, JSON.stringify(batch.body));
  const one = async (text: string, dataId: string, suggestion: string) => {
    const d = await s.call('POST', '/v1/moderate/text', { text, dataId, metadata: { thread: 'parking' } });
    assert.equal(d.body.suggestion, suggestion, JSON.stringify(d.body));
    return d.body.id as string;
  };
  const block = await one('I will kill you tomorrow', `${tag}-a`, 'block');
  const review = await one(INSULT, `${tag}-b`, 'review');
  const pass = await one('see you at lunch', `${tag}-c`, 'pass');
  const item = (await s.call('GET', '/v1/reviews?status=open')).body.reviews.find((r: any) => r.decisionId === review);
  const decided = await s.call('POST', `/v1/reviews/${item.id}/decide`, { outcome: 'reject', labels: ['insult'], note: 'clear insult' });
  assert.equal(decided.status, 200, JSON.stringify(decided.body));
  return { block, review, pass, many: batch.body.results.map((d: any) => d.id).reverse(), tag };
}

/** The decision ids the result table links to, top to bottom. */
async function rowIds(page: Page): Promise<string[]> {
  const hrefs = await page.getByRole('table', { name: 'Decisions found' }).getByRole('link').evaluateAll(
    (links) => links.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((h) => h.replace('#/decisions/', ''));
}

/** The API's answer to the same search: what the table must show. */
async function apiIds(s: TestServer, query: string): Promise<string[]> {
  return (await s.call('GET', `/v1/decisions?${query}&limit=500`)).body.decisions.map((d: any) => d.id);
}

async function searchFor(page: Page, fields: { suggestion?: string; category?: string; review?: string; since?: string; dataId?: string }, count: string) {
  await page.getByRole('button', { name: 'Clear' }).click();
  // Clear moves the hash, and the hash change remounts the form a moment later: typing before
  // that would be wiped. Wait until the cleared search's results are on show.
  await page.waitForFunction(() => window.location.hash === '#/decisions'
    && document.querySelector<HTMLElement>('[data-search]')?.dataset.search === '');
  if (fields.suggestion) await page.getByLabel('Suggestion').selectOption(fields.suggestion);
  if (fields.category) await page.getByLabel('Category').selectOption(fields.category);
  if (fields.review) await page.getByRole('combobox', { name: /^Review/ }).selectOption({ label: fields.review });
  if (fields.since) await page.getByLabel('Since').fill(fields.since);
  if (fields.dataId) await page.getByLabel('Data id').fill(fields.dataId);
  await page.getByRole('button', { name: 'Search' }).click();
  // The results on show answer the search in the URL (not the one before it).
  await page.waitForFunction(() => {
    const shown = document.querySelector<HTMLElement>('[data-search]')?.dataset.search;
    return shown !== undefined && window.location.hash === `#/decisions${shown ? `?${shown}` : ''}`;
  });
  await page.getByRole('status').filter({ hasText: new RegExp(`^${count.replace('+', '\\+')} decisions?`) }).waitFor();
}

for (const db of databases()) {
  describe(`console decisions (${db.name})`, { skip: consoleSkip }, () => {
    const suite = serverAndBrowser(db.url, { BULWARK_STORE_CONTENT: 'true' });
    let s: TestServer | undefined;
    let browser: TestBrowser | undefined;
    let made: Made;
    before(async () => {
      s = suite.server();
      browser = suite.browser();
      made = await makeDecisions(s);
    });

    test('search by suggestion, dataId, category, review and time; the search is in the URL; Load more follows the cursor', async () => {
      const server = s!;
      const { page, errors } = await signedInPage(browser!, server);
      await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Decisions' }).click();
      await page.getByRole('heading', { name: 'Decisions', level: 1 }).waitFor();
      await page.getByRole('status').filter({ hasText: '50+ decisions' }).waitFor();
      assert.deepEqual(await rowIds(page), (await apiIds(server, '')).slice(0, 50), 'newest first, as the API orders them');
      const reviewed = page.getByRole('row').filter({ has: page.locator(`a[href="#/decisions/${made.review}"]`) });
      assert.match((await reviewed.textContent()) ?? '', /review.*harassment.*-b.*reject/, 'the row shows suggestion, flagged category, dataId, outcome');
      await screenshot(page, 'console-decisions');
      assert.deepEqual(await unlabelledFields(page), [], 'every field has a label');

      await searchFor(page, { suggestion: 'block' }, '1');
      assert.match(page.url(), /#\/decisions\?suggestion=block$/);
      assert.deepEqual(await rowIds(page), [made.block]);
      assert.deepEqual(await apiIds(server, 'suggestion=block'), [made.block]);

      await searchFor(page, { dataId: `${made.tag}-many` }, '50+');
      await page.getByRole('button', { name: 'Load more' }).click();
      await page.getByRole('status').filter({ hasText: /^55 decisions/ }).waitFor();
      assert.deepEqual(await rowIds(page), made.many);
      assert.equal(await page.getByRole('button', { name: 'Load more' }).count(), 0, 'no button on the last page');

      await searchFor(page, { dataId: `${made.tag}-b` }, '1');
      const cells = await page.getByRole('table', { name: 'Decisions found' }).getByRole('row').nth(1).getByRole('cell').allTextContents();
      assert.deepEqual(cells.slice(1), ['text', 'review', 'harassment', `${made.tag}-b`, 'reject']);

      await searchFor(page, { review: 'rejected' }, '1');
      assert.match(page.url(), /#\/decisions\?review=reject$/);
      assert.deepEqual(await rowIds(page), [made.review]);
      assert.deepEqual(await apiIds(server, 'review=reject'), [made.review]);

      await searchFor(page, { category: 'violence' }, '1');
      assert.deepEqual(await rowIds(page), await apiIds(server, 'category=violence'));
      await searchFor(page, { since: '2099-01-01T00:00', dataId: `${made.tag}-a` }, '0');

      // A bookmarked search opens filled in.
      await page.goto(`${server.url}/console/#/decisions?dataId=${made.tag}-a`);
      await page.getByRole('status').filter({ hasText: /^1 decision$/ }).waitFor();
      assert.equal(await page.getByLabel('Data id').inputValue(), `${made.tag}-a`);
      assert.deepEqual(await rowIds(page), [made.block]);
      await assertFits(page, 768, 1024);
      assert.deepEqual(errors, [], 'the page threw no errors');
    });

    test('a row opens the decision: evidence marked, reasons, scores, models, metadata and the reviewer\'s outcome', async () => {
      const server = s!;
      const { page, errors } = await signedInPage(browser!, server);
      await page.goto(`${server.url}/console/#/decisions?dataId=${made.tag}-b`);
      await page.getByRole('cell', { name: 'harassment' }).click();
      await page.getByRole('heading', { name: `Decision ${made.review}` }).waitFor();
      assert.ok(page.url().endsWith(`#/decisions/${made.review}`), page.url());

      const content = page.getByRole('region', { name: 'Content', exact: true });
      assert.equal((await content.locator('mark', { hasText: SPAN }).textContent())?.trim(), SPAN);
      const review = page.getByRole('region', { name: 'Review', exact: true });
      await review.getByText('Outcome: reject').waitFor();
      const me = (await server.call('GET', '/v1/me')).body;
      const myName = (await server.call('GET', '/v1/keys')).body.keys.find((k: any) => k.id === me.keyId).name;
      const reviewText = (await review.textContent()) ?? '';
      for (const part of ['insult', 'clear insult', myName, me.keyId]) assert.ok(reviewText.includes(part), `${part} in "${reviewText}"`);
      const summary = (await page.getByRole('region', { name: 'Summary' }).textContent()) ?? '';
      for (const part of ['review', 'default@1', `${made.tag}-b`, ' ms']) assert.ok(summary.includes(part), `${part} in "${summary}"`);
      await page.getByRole('table', { name: 'Reasons' }).getByRole('cell', { name: 'harassment' }).waitFor();
      await page.getByRole('table', { name: 'Scores' }).getByRole('cell', { name: 'harassment' }).waitFor();
      await page.getByRole('table', { name: 'Models' }).getByRole('cell', { name: 'lexicon' }).waitFor();
      assert.match((await page.getByRole('region', { name: 'Metadata' }).textContent()) ?? '', /"thread": "parking"/);
      await assertFits(page, 768, 1024);

      // A decision nobody reviewed says so.
      await page.goto(`${server.url}/console/#/decisions/${made.pass}`);
      await page.getByRole('region', { name: 'Review', exact: true }).getByText('Not reviewed').waitFor();
      await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Decisions' }).click();
      await page.getByRole('heading', { name: 'Decisions', level: 1 }).waitFor();
      assert.deepEqual(errors, [], 'the page threw no errors');
    });
  });
}
