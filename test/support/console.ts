// What the console's browser tests share: whether the console is built, a server and a browser for
// a suite, signing in with a key, and the accessibility and layout checks every page gets.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before } from 'node:test';
import type { Page } from 'playwright-core';
import { projectRoot } from '../../src/paths.js';
import { openBrowser } from './browser.js';
import type { TestBrowser } from './browser.js';
import { startServer } from './server.js';
import type { TestServer } from './server.js';

const built = existsSync(path.join(projectRoot(), 'console', 'dist', 'index.html'));
const missing = 'console/dist/index.html is missing: build the console before its browser tests';

/** The describe() skip: a checkout without a built console skips, except in CI, where it fails. */
export const consoleSkip: string | false = !built && process.env.CI !== 'true' ? missing : false;
function assertConsoleBuilt(): void { assert.ok(built, missing); }

/** Inside a describe(): a real server over `databaseUrl` and Chromium, started before its tests and closed after. */
export function serverAndBrowser(databaseUrl: string | null, env: Record<string, string> = {}): { server: () => TestServer; browser: () => TestBrowser } {
  let server: TestServer | undefined;
  let browser: TestBrowser | undefined;
  before(async () => {
    assertConsoleBuilt();
    server = await startServer(databaseUrl, env);
    browser = await openBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return { server: () => server!, browser: () => browser! };
}

/** Opens `/console/<hash>`, signs in with `key` and waits for the page's heading. */
export async function signInTo(page: Page, url: string, key: string, hash: string, heading: string): Promise<void> {
  await page.goto(`${url}/console/${hash}`);
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
}

/** Signs in at /console/ with `key` (the admin key unless given) and waits for the review queue. */
export function signIn(page: Page, s: TestServer, key = s.adminKey): Promise<void> {
  return signInTo(page, s.url, key, '', 'Review queue');
}

/** A new page and the errors it throws (a test ends by checking there were none). */
export async function watchedPage(browser: TestBrowser): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  return { page, errors };
}

/** A new page signed in, and the errors it throws. */
export async function signedInPage(browser: TestBrowser, s: TestServer, key = s.adminKey): Promise<{ page: Page; errors: string[] }> {
  const watched = await watchedPage(browser);
  await signIn(watched.page, s, key);
  return watched;
}

/** Form fields without a label (none should have one), described by tag and name. */
export function unlabelledFields(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('input, select, textarea')]
    .filter((el) => {
      const field = el as HTMLInputElement;
      return field.labels?.length === 0 && !field.getAttribute('aria-label') && !field.getAttribute('aria-labelledby');
    })
    .map((el) => `${el.tagName.toLowerCase()}[${(el as HTMLInputElement).type}]`));
}

/** At this viewport the page needs no sideways scrolling (wide tables scroll in their own box). */
export async function assertFits(page: Page, width: number, height: number): Promise<void> {
  await page.setViewportSize({ width, height });
  const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(scroll <= client, `at ${width}×${height} the page is ${scroll} px wide in a ${client} px window`);
}
