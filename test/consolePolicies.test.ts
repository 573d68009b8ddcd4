// The Policies page end to end: a real Chromium against a real server with real decisions. An admin
// lowers a threshold, reads the preview sentence with the numbers the API answers for the same
// body (and the decisions' stored scores give), saves, and sees the new version; a review key
// reads the same form read-only.

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

    test('edit a policy and see the preview; save it and see the new version', async () => {
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
      assert.deepEqual(errors, [], 'the page threw no errors');
    });

    test('a review key reads the form read-only, with the reason', async () => {
      const reviewer = (await s.call('POST', '/v1/keys', { name: 'reader', scopes: ['review'] })).body.key;
      const page = await browser.newPage();
      await signInTo(page, s.url, reviewer, '#/policies', 'Policies');
      await page.getByText('Read-only: this key has the review scope; saving a policy needs an admin key.').waitFor();
      assert.equal(await page.getByLabel('harassment: block at').isDisabled(), true);
      assert.equal(await page.getByRole('button', { name: /^Save/ }).count(), 0);
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
