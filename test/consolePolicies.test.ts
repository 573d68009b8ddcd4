// The Policies page end to end: a real Chromium against a real server with real decisions. An admin
// lowers a threshold, reads the preview sentence with the numbers the API answers for the same
// body (and the decisions' stored scores give), saves, and sees the new version; then loads the
// first version back into the form, reads what going back would do, and saves it as a third. A
// review key reads the same form read-only, with no version to load.

import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import { screenshot } from './support/browser.js';
import type { TestBrowser } from './support/browser.js';
import { assertFits, consoleSkip, serverAndBrowser, signInTo, unlabelledFields, watchedPage } from './support/console.js';
import { PREVIEW_TEXTS, harassmentBlockAt, moderated } from './support/decisions.js';
import { databases } from './support/server.js';
import type { TestServer } from './support/server.js';

const AT = 0.3;

/** The sentence the page must show for a preview answer, as docs/console.md words it. */
function sentence(p: { considered: number; difference: Record<'pass' | 'review' | 'block', number> }): string {
  const words = { block: ['block', 'blocks'], review: ['review', 'reviews'], pass: ['pass', 'passes'] } as const;
  const parts = (['block', 'review', 'pass'] as const).filter((s) => p.difference[s] !== 0)
    .map((s) => `${Math.abs(p.difference[s])} ${p.difference[s] > 0 ? 'more' : 'fewer'} ${words[s][Math.abs(p.difference[s]) === 1 ? 0 : 1]}`);
  return `Over the last ${p.considered} decisions: ${parts.length ? `${parts.join(', ')}.` : 'no change.'}`;
}

for (const db of databases()) {
  describe(`console: policies (${db.name})`, { skip: consoleSkip }, () => {
    const suite = serverAndBrowser(db.url);
    let s: TestServer;
    let browser: TestBrowser;
    beforeEach(() => { s = suite.server(); browser = suite.browser(); });

    test('edit a policy and see the preview; save it and see the new version; load the old one back and save it again', async () => {
      const decisions = await moderated(s, PREVIEW_TEXTS);
      const derived = harassmentBlockAt(decisions, AT);
      assert.ok(derived.moved.length > 0, 'some decisions would move');
      const api = await s.call('POST', '/v1/policies/default/preview', { categories: { harassment: { block: AT } } });
      assert.equal(api.body.difference.block, derived.moved.length, 'the API agrees with the stored scores');

      const { page, errors } = await watchedPage(browser);
      await signInTo(page, s.url, s.adminKey, '#/policies', 'Policies');
      await page.getByRole('heading', { name: 'default · version 1' }).waitFor();
      const preview = page.locator('.preview-sentence');
      await preview.filter({ hasText: `Over the last ${PREVIEW_TEXTS.length} decisions: no change.` }).waitFor();

      await page.getByLabel('harassment: block at').selectOption('score');
      await page.getByLabel('harassment: block score').fill(String(AT));
      await preview.filter({ hasText: sentence(api.body) }).waitFor();
      assert.equal(await preview.textContent(), sentence(api.body));
      assert.match(sentence(api.body), new RegExp(`${derived.moved.length} more blocks?`));
      const examples = page.getByRole('list', { name: 'Decisions that would change' }).getByRole('link');
      assert.deepEqual(await examples.allTextContents(), derived.moved.slice(0, 10).map((d) => d.id));
      await screenshot(page, 'console-policies');
      assert.deepEqual(await unlabelledFields(page), [], 'every field has a label');
      await assertFits(page, 768, 1024);
      await page.setViewportSize({ width: 1280, height: 800 });

      await page.getByRole('button', { name: 'Save as version 2' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved default as version 2.' }).waitFor();
      await page.getByRole('heading', { name: 'default · version 2' }).waitFor();
      const history = page.getByRole('list', { name: 'Versions' });
      await history.getByText('harassment block: severity ≥ high → score ≥ 0.3').waitFor();
      assert.equal(await history.getByRole('listitem').count(), 2);
      await preview.filter({ hasText: 'no change.' }).waitFor();

      const saved = await s.call('GET', '/v1/policies/default');
      assert.deepEqual([saved.body.version, saved.body.categories.harassment.block], [2, AT]);

      const first = (await s.call('GET', '/v1/policies/default?version=1')).body;
      const back = await s.call('POST', '/v1/policies/default/preview', { categories: first.categories });
      assert.match(sentence(back.body), new RegExp(`${derived.moved.length} fewer blocks?`), 'going back unblocks what version 2 blocked');
      assert.equal(await history.getByRole('button', { name: 'Load version 2 into the form' }).count(), 0, 'the current version has no load button');
      await history.getByRole('button', { name: 'Load version 1 into the form' }).click();
      await page.getByText('Draft loaded from version 1; saving stores it as version 3.').waitFor();
      assert.equal(await page.getByLabel('harassment: block at').inputValue(), first.categories.harassment.block);
      await preview.filter({ hasText: sentence(back.body) }).waitFor();
      assert.equal(await preview.textContent(), sentence(back.body));
      await page.getByRole('button', { name: 'Undo changes' }).click();
      await preview.filter({ hasText: 'no change.' }).waitFor();
      assert.equal(await page.getByText(/^Draft loaded from version/).count(), 0, 'undo goes back to the current version');
      await history.getByRole('button', { name: 'Load version 1 into the form' }).click();
      await preview.filter({ hasText: sentence(back.body) }).waitFor();

      await page.getByRole('button', { name: 'Save as version 3' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved default as version 3.' }).waitFor();
      await page.getByRole('heading', { name: 'default · version 3' }).waitFor();
      await history.getByText(`harassment block: score ≥ ${AT} → severity ≥ high`).waitFor();
      assert.equal(await page.getByText(/^Draft loaded from version/).count(), 0, 'the saved form is no longer a loaded draft');
      const restored = (await s.call('GET', '/v1/policies/default')).body;
      assert.equal(restored.version, 3);
      assert.deepEqual([restored.categories, restored.lists, restored.description], [first.categories, first.lists, first.description]);
      assert.deepEqual(errors, [], 'the page threw no errors');
    });

    test('a review key reads the form read-only, with the reason, and loads no older version', async () => {
      const current = (await s.call('GET', '/v1/policies/default')).body;
      const next = await s.call('PUT', '/v1/policies/default', { categories: current.categories, lists: current.lists, description: 'Read by a reviewer' });
      assert.equal(next.status, 200, JSON.stringify(next.body));
      const reviewer = (await s.call('POST', '/v1/keys', { name: 'reader', scopes: ['review'] })).body.key;
      const page = await browser.newPage();
      await signInTo(page, s.url, reviewer, '#/policies', 'Policies');
      await page.getByText('Read-only: this key has the review scope; saving a policy needs an admin key.').waitFor();
      assert.equal(await page.getByLabel('harassment: block at').isDisabled(), true);
      assert.equal(await page.getByRole('button', { name: /^Save/ }).count(), 0);
      const history = page.getByRole('list', { name: 'Versions' });
      await history.getByText('Version 1', { exact: true }).waitFor();
      assert.equal(await history.getByRole('listitem').count(), next.body.version);
      assert.equal(await page.getByRole('button', { name: /^Load version/ }).count(), 0);
      await page.locator('.preview-sentence').filter({ hasText: 'no change.' }).waitFor();
    });

    test('a refused draft shows the API\'s reason in an alert', async () => {
      const page = await browser.newPage();
      await signInTo(page, s.url, s.adminKey, '#/policies', 'Policies');
      await page.getByLabel('hate: block at').selectOption('score');
      await page.getByLabel('hate: block score').fill('7');
      await page.getByRole('alert').filter({ hasText: 'POLICY_INVALID' }).waitFor();
    });
  });
}
