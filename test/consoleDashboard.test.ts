// The dashboard end to end: decisions made through the moderation route, two reviews decided, then a
// real Chromium opens #/dashboard and must draw every chart and show the numbers the test made.

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { screenshot } from './support/browser.js';
import type { TestBrowser } from './support/browser.js';
import { consoleSkip, serverAndBrowser, signIn, watchedPage } from './support/console.js';
import type { TestServer } from './support/server.js';

const TEXTS = [
  'Lovely weather for a picnic today.',
  'See you at the meeting tomorrow.',
  'Thanks again for the help with the move.',
  'Honestly, you are such an idiot for parking there.',
  'You are a worthless idiot.',
  'Nobody likes you, you moron.',
  'I will kill you',
];


interface Made { suggestion: string; kind: string; flagged: string[] }

async function decide(s: TestServer): Promise<Made[]> {
  const made: Made[] = [];
  for (const text of TEXTS) {
    const { body } = await s.call('POST', '/v1/moderate/text', { text });
    const flagged = Object.entries(body.categories as Record<string, { severity: string }>).filter(([, r]) => r.severity !== 'none').map(([c]) => c);
    made.push({ suggestion: body.suggestion, kind: body.kind, flagged });
  }
  const queue = (await s.call('GET', '/v1/reviews?status=open&order=oldest')).body.reviews as { id: string }[];
  assert.ok(queue.length >= 3, `${queue.length} reviews open`);
  assert.equal((await s.call('POST', `/v1/reviews/${queue[0].id}/decide`, { outcome: 'reject' })).status, 200);
  assert.equal((await s.call('POST', `/v1/reviews/${queue[1].id}/decide`, { outcome: 'approve' })).status, 200);
  return made;
}

const panel = (page: Page, title: string) => page.getByRole('region', { name: title });

describe('console dashboard (sqlite)', { skip: consoleSkip }, () => {
  const suite = serverAndBrowser(null);
  let s: TestServer | undefined;
  let browser: TestBrowser | undefined;
  before(() => { s = suite.server(); browser = suite.browser(); });

  test('every chart is drawn and says the numbers the test made, at desktop and tablet widths', async () => {
    const server = s!;
    const made = await decide(server);
    const n = (suggestion: string) => made.filter((m) => m.suggestion === suggestion).length;
    const { page, errors: problems } = await watchedPage(browser!);
    page.on('console', (msg) => {
      // The browser asks for /favicon.ico on its own; the service has none.
      if (msg.type() === 'error' && !msg.location().url.endsWith('/favicon.ico')) problems.push(`${msg.text()} ${msg.location().url}`);
    });

    await signIn(page, server);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    assert.ok(page.url().endsWith('#/dashboard'), page.url());

    const volume = panel(page, 'Decisions by suggestion');
    await volume.getByText(`${made.length} decisions: ${n('pass')} pass, ${n('review')} review, ${n('block')} block.`).waitFor();
    const harassment = made.filter((m) => m.flagged.includes('harassment')).length;
    assert.ok(harassment >= 3, `${harassment} texts flagged harassment`);
    assert.match(await panel(page, 'Flagged by category').locator('.summary').innerText(), new RegExp(`\\bharassment ${harassment}\\b`));
    await panel(page, 'Review backlog').getByText(`${n('review') - 2} open and 0 claimed; the oldest has waited`).waitFor();
    await panel(page, 'Reviewer agreement by category').getByText('Reviewers agreed with the machine on 1 of 2 reviews (50 %).').waitFor();
    await panel(page, 'Latency by content kind').getByText(new RegExp(`^text: median [\\d.]+ ms, p95 [\\d.]+ ms over ${made.length} decisions\\.$`)).waitFor();

    // recharts drew five charts (legend icons are surfaces too, hence the wrapper), with bars in them.
    await page.locator('.panel .recharts-wrapper > svg.recharts-surface').nth(4).waitFor();
    assert.equal(await page.locator('.panel .recharts-wrapper > svg.recharts-surface').count(), 5);
    assert.ok(await volume.locator('.recharts-bar-rectangle').count() >= 3, 'the volume chart has a bar per suggestion');

    // The whole page for the docs (at 1280 wide, every panel fits in 1,400 px).
    await page.setViewportSize({ width: 1280, height: 1400 });
    await screenshot(page, 'console-dashboard');

    // The numbers behind a chart, as a table.
    await volume.getByText('Numbers').click();
    const rows = await volume.locator('table tbody tr').allInnerTexts();
    const sums = rows.map((r) => r.split('\t').slice(1).map(Number)).reduce((a, r) => a.map((v, i) => v + r[i]), [0, 0, 0]);
    assert.deepEqual(sums, [n('pass'), n('review'), n('block')]);

    // Another range refetches: the last 24 hours, by hour, hold the same decisions.
    await page.locator('.ranges label', { hasText: 'Last 24 hours' }).click();
    assert.ok(await page.getByRole('radio', { name: 'Last 24 hours' }).isChecked());
    await page.getByRole('status').filter({ hasText: 'Last 24 hours, by hour' }).waitFor();
    assert.equal(await volume.locator('table tbody tr').count(), 24);
    await volume.getByText(`${made.length} decisions:`).waitFor();

    await page.setViewportSize({ width: 768, height: 1024 });
    await page.waitForFunction(() => document.documentElement.scrollWidth <= 768);
    const widths = await page.locator('.panel').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
    assert.ok(widths.every((w) => w > 600 && w <= 768), `one panel a row on a tablet: ${widths.join(', ')}`);
    assert.deepEqual(problems, [], 'no page errors, no console errors (a CSP refusal would be one)');

    // A refetch that fails (the server unreachable) keeps the numbers on show under their own range's label.
    await page.route('**/v1/stats?*', (route) => route.abort());
    await page.locator('.ranges label', { hasText: 'Last 30 days' }).click();
    await page.getByRole('alert').waitFor();
    await page.getByRole('status').filter({ hasText: 'Last 24 hours, by hour' }).waitFor();
    assert.equal(await volume.locator('table tbody tr').count(), 24);
  });
});
