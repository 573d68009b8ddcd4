// The console's webhooks page end to end: a real Chromium, a real server and a real local HTTP
// receiver. An admin registers an endpoint (a private address is refused with the reason), keeps the
// secret shown once, sees a flagged decision's delivery in the log, redelivers it (the receiver gets
// it twice), edits, disables and enables the endpoint, rotates the secret and deletes the endpoint.

import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { verifySignature } from '../src/webhooks/signature.js';
import { screenshot } from './support/browser.js';
import type { TestBrowser } from './support/browser.js';
import { assertFits, consoleSkip, serverAndBrowser, signedInPage, unlabelledFields } from './support/console.js';
import { receiver } from './support/receiver.js';
import type { TestServer } from './support/server.js';

/** Moderates a text that is blocked; its decision.flagged event goes to every endpoint that wants it. */
async function flag(s: TestServer, dataId: string): Promise<string> {
  const d = await s.call('POST', '/v1/moderate/text', { text: 'I will kill you tomorrow', dataId });
  assert.equal(d.body.suggestion, 'block', JSON.stringify(d.body));
  return d.body.id;
}

async function register(page: Page, url: string): Promise<void> {
  await page.getByRole('button', { name: 'New endpoint' }).click();
  const form = page.getByRole('form', { name: 'New endpoint' });
  await form.getByLabel('URL').fill(url);
  await form.getByLabel('Description (optional)').fill('moderation bot');
  await form.getByRole('button', { name: 'Register endpoint' }).click();
}

/** The secret the page shows once, and that it is focused for copying. */
async function shownSecret(page: Page): Promise<string> {
  const field = page.getByRole('region', { name: 'New signing secret' }).getByLabel('Signing secret');
  await field.waitFor();
  const secret = await field.inputValue();
  assert.match(secret, /^whsec_/);
  assert.ok(await field.evaluate((el) => el === document.activeElement), 'the secret is focused, ready to copy');
  await page.getByRole('button', { name: 'Done, I have kept it' }).click();
  return secret;
}

/** The delivery log's rows (header row left out) once it has `count` rows, every one delivered. */
async function deliveredRows(page: Page, count: number): Promise<Locator> {
  const rows = page.getByRole('table', { name: 'Delivery log' }).getByRole('row');
  await page.waitForFunction((n) => {
    const body = [...document.querySelectorAll('table[aria-label="Delivery log"] tbody tr')];
    return body.length === n && body.every((tr) => tr.textContent?.includes('delivered'));
  }, count);
  return rows;
}

describe('console webhooks (sqlite)', { skip: consoleSkip }, () => {
  const suite = serverAndBrowser(null, { BULWARK_FETCH_ALLOW_HOSTS: '127.0.0.1' });
  let s: TestServer | undefined;
  let browser: TestBrowser | undefined;
  const hook = receiver();
  before(async () => {
    s = suite.server();
    browser = suite.browser();
    await hook.listen();
  });
  after(() => hook.close());

  test('register, deliver, redeliver, edit, disable, rotate, delete', async () => {
    const server = s!;
    const { page, errors } = await signedInPage(browser!, server);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Webhooks' }).click();
    await page.getByText('No endpoints yet.').waitFor();

    // A private address the operator did not allow is refused, and the page says how to allow it.
    await register(page, 'http://10.1.2.3/hook');
    const refusal = page.getByRole('form', { name: 'New endpoint' }).getByRole('alert');
    assert.match((await refusal.textContent()) ?? '', /URL_NOT_ALLOWED.*BULWARK_FETCH_ALLOW_HOSTS/);
    assert.deepEqual(await unlabelledFields(page), [], 'every field has a label');
    await page.getByRole('button', { name: 'Cancel' }).click();

    await register(page, hook.url);
    const secret = await shownSecret(page);
    const [created] = (await server.call('GET', '/v1/webhooks')).body.webhooks;
    assert.deepEqual([created.url, created.events, created.description, created.enabled], [hook.url, ['decision.flagged'], 'moderation bot', true]);
    const card = page.getByRole('article', { name: hook.url });
    assert.match((await card.textContent()) ?? '', /decision\.flagged.*Enabled/);

    // A flagged decision reaches the receiver, signed with the secret the page showed.
    const decisionId = await flag(server, 'webhook-1');
    const got = await hook.next((r) => r.event === 'decision.flagged' && r.json.data.decision.id === decisionId);
    assert.ok(verifySignature(got.signature, got.body, secret), 'signed with the secret shown');

    await card.getByRole('link', { name: /^Deliveries/ }).click();
    assert.ok(page.url().endsWith(`#/webhooks/${created.id}`), page.url());
    const rows = await deliveredRows(page, 1);
    const cells = await rows.nth(1).getByRole('cell').allTextContents();
    assert.deepEqual(cells.slice(1, 6), ['decision.flagged', 'delivered', '1', '204', '—'], 'event, status, attempts, response, error');
    // The body sent, one click away: the very JSON the receiver got.
    await rows.nth(1).getByText('decision.flagged', { exact: true }).click();
    const body = rows.nth(1).getByLabel('Body of decision.flagged');
    await body.waitFor();
    assert.deepEqual(JSON.parse((await body.textContent()) ?? ''), got.json);
    await rows.nth(1).getByText('decision.flagged', { exact: true }).click();
    await body.waitFor({ state: 'detached' });

    await rows.nth(1).getByRole('button', { name: /^Redeliver/ }).click();
    await page.getByRole('status').filter({ hasText: `Queued again: decision.flagged (${got.json.id})` }).waitFor();
    await deliveredRows(page, 2);
    await hook.next((r) => r.json.id === got.json.id && r !== got);
    assert.equal(hook.received.filter((r) => r.json.id === got.json.id).length, 2, 'the receiver got the event twice');
    await screenshot(page, 'console-webhooks');
    await assertFits(page, 768, 1024);
    await page.setViewportSize({ width: 1280, height: 800 });

    // Edit: one more event and a new description.
    await card.getByRole('button', { name: /^Edit/ }).click();
    const form = page.getByRole('form', { name: 'Edit endpoint' });
    await form.getByRole('checkbox', { name: /review\.decided/ }).check();
    await form.getByLabel('Description (optional)').fill('moderation bot, reviews too');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Endpoint saved.' }).waitFor();
    const edited = (await server.call('GET', `/v1/webhooks/${created.id}`)).body;
    assert.deepEqual([edited.events, edited.description], [['decision.flagged', 'review.decided'], 'moderation bot, reviews too']);

    await card.getByRole('button', { name: /^Disable/ }).click();
    await card.getByText('disabled through the API').waitFor();
    assert.equal((await server.call('GET', `/v1/webhooks/${created.id}`)).body.enabled, false);
    await card.getByRole('button', { name: /^Enable/ }).click();
    await card.getByText('Enabled', { exact: true }).waitFor();
    assert.equal((await server.call('GET', `/v1/webhooks/${created.id}`)).body.enabled, true);

    // Rotate (after a confirm step): the new secret signs what comes next, the old one no longer does.
    await card.getByRole('button', { name: /^Rotate secret/ }).click();
    await card.getByRole('group', { name: 'Confirm' }).getByRole('button', { name: 'Rotate secret' }).click();
    const rotated = await shownSecret(page);
    assert.notEqual(rotated, secret);
    const next = await flag(server, 'webhook-2');
    const later = await hook.next((r) => r.event === 'decision.flagged' && r.json.data.decision.id === next);
    assert.ok(verifySignature(later.signature, later.body, rotated) && !verifySignature(later.signature, later.body, secret));

    // Delete asks first; Cancel keeps the endpoint.
    await card.getByRole('button', { name: /^Delete/ }).click();
    const confirm = card.getByRole('group', { name: 'Confirm' });
    assert.ok(await confirm.getByRole('button', { name: 'Cancel' }).evaluate((el) => el === document.activeElement), 'focus on Cancel');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    assert.equal((await server.call('GET', '/v1/webhooks')).body.webhooks.length, 1);
    await card.getByRole('button', { name: /^Delete/ }).click();
    await confirm.getByRole('button', { name: 'Delete endpoint' }).click();
    await page.getByText('No endpoints yet.').waitFor();
    assert.ok(page.url().endsWith('#/webhooks'), page.url());
    assert.deepEqual((await server.call('GET', '/v1/webhooks')).body.webhooks, []);
    assert.deepEqual(errors, [], 'the page threw no errors');
  });

  test('switching endpoints shows each one\'s own log, even when the first answers late', async () => {
    const server = s!;
    const a = (await server.call('POST', '/v1/webhooks', { url: `${hook.url}/a`, events: ['decision.flagged'] })).body;
    const decisionId = await flag(server, 'webhook-switch');
    await hook.next((r) => r.event === 'decision.flagged' && r.json.data.decision.id === decisionId);
    const b = (await server.call('POST', '/v1/webhooks', { url: `${hook.url}/b`, events: ['decision.flagged'] })).body;
    assert.equal((await server.call('GET', `/v1/webhooks/${a.id}/deliveries`)).body.deliveries.length, 1);

    const { page, errors } = await signedInPage(browser!, server);
    // A's log is held back on the wire, and the admin moves on to B before it answers.
    await page.route(`**/v1/webhooks/${a.id}/deliveries*`, async (route) => { await sleep(1500); await route.continue(); });
    const lateAnswer = page.waitForResponse((r) => r.url().includes(`/v1/webhooks/${a.id}/deliveries`));
    await page.goto(`${server.url}/console/#/webhooks/${a.id}`);
    await page.getByRole('heading', { name: `Deliveries to ${a.url}` }).waitFor();
    await page.evaluate((id) => { window.location.hash = `#/webhooks/${id}`; }, b.id);
    await page.getByText('Nothing sent yet.').waitFor();
    await lateAnswer;
    await page.evaluate(() => new Promise((done) => { setTimeout(done, 300); })); // the late answer is handled
    assert.equal(await page.getByRole('heading', { name: `Deliveries to ${b.url}` }).count(), 1);
    assert.equal(await page.getByRole('table', { name: 'Delivery log' }).count(), 0, 'none of A\'s deliveries under B');
    for (const w of [a, b]) assert.equal((await server.call('DELETE', `/v1/webhooks/${w.id}`)).status, 204);
    assert.deepEqual(errors, [], 'the page threw no errors');
  });

  test('a key without the admin scope is not offered the page', async () => {
    const server = s!;
    const reviewer = (await server.call('POST', '/v1/keys', { name: 'reviewer', scopes: ['review'] })).body.key;
    const { page } = await signedInPage(browser!, server, reviewer);
    assert.equal(await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Webhooks' }).count(), 0);
    await page.goto(`${server.url}/console/#/webhooks`);
    await page.getByRole('alert').filter({ hasText: 'lacks the “admin” scope' }).waitFor();
  });
});
