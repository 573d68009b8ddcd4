// Shared steps of the console's browser tests: whether the console is built, a server and a
// browser for a suite, and signing in straight onto a page.

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
export const consoleMissing = 'console/dist/index.html is missing: build the console before its browser tests';
/** A checkout without a built console skips; in CI a missing console is a failure, never a skip. */
export const skipWithoutConsole = !built && process.env.CI !== 'true' ? consoleMissing : false;

/** Inside a describe(): a real server over `databaseUrl` and Chromium, started before its tests and closed after. */
export function serverAndBrowser(databaseUrl: string | null): { server: () => TestServer; browser: () => TestBrowser } {
  let server: TestServer | undefined;
  let browser: TestBrowser | undefined;
  before(async () => {
    assert.ok(built, consoleMissing);
    server = await startServer(databaseUrl);
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
