// The Lists page end to end: a real Chromium against a real server. An admin creates a list, adds
// an entry, imports a file of 2,500 in batches and pasted lines (one too long, one already there),
// pages, removes two and deletes the list; each step is checked through the API. A review key reads.

import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { screenshot } from './support/browser.js';
import type { TestBrowser } from './support/browser.js';
import { assertFits, consoleSkip, serverAndBrowser, signInTo, unlabelledFields, watchedPage } from './support/console.js';
import { databases } from './support/server.js';
import type { TestServer } from './support/server.js';

const IMPORTED = Array.from({ length: 2500 }, (_, k) => `word${String(k).padStart(4, '0')}`);
const TOO_LONG = 'x'.repeat(201);

async function allEntries(s: TestServer, listId: string): Promise<string[]> {
  const values: string[] = [];
  let cursor: string | null = '';
  while (cursor !== null) {
    const page: { body: { entries: { value: string }[]; nextCursor: string | null } } =
      await s.call('GET', `/v1/lists/${listId}/entries?limit=500${cursor ? `&cursor=${cursor}` : ''}`);
    values.push(...page.body.entries.map((e) => e.value));
    cursor = page.body.nextCursor;
  }
  return values;
}

async function createList(page: Page, name: string): Promise<void> {
  await page.getByText('New list', { exact: true }).click();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Action').selectOption('block');
  await page.getByLabel('Category').selectOption('spam');
  await page.getByRole('button', { name: 'Create list' }).click();
  await page.getByRole('heading', { name, level: 2 }).waitFor();
}

for (const db of databases()) {
  describe(`console: lists (${db.name})`, { skip: consoleSkip }, () => {
    const suite = serverAndBrowser(db.url);
    let s: TestServer;
    let browser: TestBrowser;
    beforeEach(() => { s = suite.server(); browser = suite.browser(); });

    test('create a list, add, import, page, remove entries, delete the list', async () => {
      const { page, errors } = await watchedPage(browser);
      let posts = 0;
      page.on('request', (req) => { if (req.method() === 'POST' && req.url().endsWith('/entries')) posts += 1; });
      await signInTo(page, s.url, s.adminKey, '#/lists', 'Lists');
      await page.getByText('No lists yet.').waitFor();
      await createList(page, 'banned-words');
      const [list] = (await s.call('GET', '/v1/lists')).body.lists;
      assert.deepEqual([list.name, list.action, list.category, list.match], ['banned-words', 'block', 'spam', 'normalized']);

      await page.getByLabel('New entry').fill('zorblax');
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Added “zorblax”.' }).waitFor();
      assert.deepEqual(await allEntries(s, list.id), ['zorblax']);

      // A file of 2,500 lines goes in three batches.
      posts = 0;
      await page.getByLabel('Or pick a .txt or .csv file').setInputFiles({ name: 'words.txt', mimeType: 'text/plain', buffer: Buffer.from(IMPORTED.join('\n')) });
      await page.getByRole('button', { name: 'Import' }).click();
      const report = page.getByRole('status').filter({ hasText: 'rejected' });
      await report.filter({ hasText: '2500 added, 0 already on the list, 0 rejected.' }).waitFor();
      await page.getByText('2500 of 2500 lines sent').waitFor();
      assert.equal(posts, 3, 'batches of 1,000');
      // Pasted lines: a comment, one new, one already there, one too long.
      await page.getByLabel('Entries to import, one a line').fill(['# a comment', 'alpha', 'zorblax', TOO_LONG, ''].join('\n'));
      await page.getByRole('button', { name: 'Import' }).click();
      await report.filter({ hasText: '1 added, 1 already on the list, 1 rejected.' }).waitFor();
      const rejected = page.getByRole('table', { name: 'Rejected entries' });
      assert.match((await rejected.textContent()) ?? '', /x{60}… \(201 characters\)must be 1–200 characters/);
      await screenshot(page, 'console-lists');
      assert.deepEqual(await unlabelledFields(page), [], 'every field has a label');
      await assertFits(page, 768, 1024);
      await page.setViewportSize({ width: 1280, height: 800 });
      assert.deepEqual(await allEntries(s, list.id), ['zorblax', ...IMPORTED, 'alpha']);

      const entries = page.getByRole('table', { name: 'Entries' });
      await entries.getByText('word0048', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Next page' }).click();
      await entries.getByText('word0049', { exact: true }).waitFor();
      assert.equal(await entries.getByText('zorblax').count(), 0, 'page two starts after page one');
      await page.getByRole('button', { name: 'Previous page' }).click();
      await page.getByLabel('Pick zorblax').check();
      await page.getByLabel('Pick word0000').check();
      await page.getByRole('button', { name: 'Remove picked (2)' }).click();
      await page.getByRole('status').filter({ hasText: 'Removed 2 entries.' }).waitFor();
      assert.deepEqual(await allEntries(s, list.id), [...IMPORTED.slice(1), 'alpha']);

      await page.getByRole('button', { name: 'Delete list…' }).click();
      await page.getByRole('button', { name: 'Delete “banned-words” and all its entries' }).click();
      await page.getByText('No lists yet.').waitFor();
      assert.deepEqual((await s.call('GET', '/v1/lists')).body.lists, []);
      assert.deepEqual(errors, [], 'the page threw no errors');
    });

    test('a .csv file imports its first column', async () => {
      const made = await s.call('POST', '/v1/lists', { name: 'from-csv', action: 'review', category: 'ads' });
      const page = await browser.newPage();
      await signInTo(page, s.url, s.adminKey, '#/lists', 'Lists');
      await page.getByRole('list', { name: 'Lists' }).getByRole('button', { name: /from-csv/ }).click();
      await page.getByRole('heading', { name: 'from-csv', level: 2 }).waitFor();
      await page.getByLabel('Or pick a .txt or .csv file').setInputFiles({
        name: 'brands.csv', mimeType: 'text/csv', buffer: Buffer.from('"acme, inc",1\nwidgetco,2\n\n'),
      });
      await page.getByRole('button', { name: 'Import' }).click();
      await page.getByRole('status').filter({ hasText: '2 added, 0 already on the list, 0 rejected.' }).waitFor();
      assert.deepEqual(await allEntries(s, made.body.id), ['acme, inc', 'widgetco']);
    });

    test('a review key reads lists and entries but is offered no change', async () => {
      const reviewer = (await s.call('POST', '/v1/keys', { name: 'reader', scopes: ['review'] })).body.key;
      const page = await browser.newPage();
      await signInTo(page, s.url, reviewer, '#/lists', 'Lists');
      await page.getByText('Read-only: this key has the review scope; changing lists needs an admin key.').waitFor();
      await page.getByRole('list', { name: 'Lists' }).getByRole('button', { name: /from-csv/ }).click();
      await page.getByRole('table', { name: 'Entries' }).getByText('widgetco').waitFor();
      for (const name of ['Create list', 'Import', 'Add', 'Delete list…']) {
        assert.equal(await page.getByRole('button', { name, exact: true }).count(), 0, name);
      }
    });
  });
}
