// A real headless Chromium for the console's end-to-end tests: Debian's /usr/bin/chromium (see
// scripts/browser.sh) driven by playwright-core, which never downloads a browser of its own.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { projectRoot } from '../../src/paths.js';

export interface TestBrowser {
  /** A new page in its own context: fresh cookies, sessionStorage and localStorage. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

// Without the background-networking flags Chromium keeps dialling Google's hosts, which this
// closed network refuses; --no-sandbox because the tests run as root.
const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/**
 * Launches Chromium headless. A plain launch (not launchPersistentContext) already runs on a
 * fresh temporary --user-data-dir that playwright deletes on close, and lets each page have a
 * context of its own.
 */
export async function openBrowser(): Promise<TestBrowser> {
  const browser: Browser = await chromium.launch({
    executablePath: process.env.BULWARK_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ARGS,
  });
  return {
    async newPage() {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      // Fail in seconds with the locator's name rather than after playwright's 30 s default.
      page.setDefaultTimeout(10_000);
      return page;
    },
    close: () => browser.close(),
  };
}

/**
 * Saves docs/screenshots/<name>.png, only when BULWARK_SCREENSHOTS=1: the pictures in the docs
 * are refreshed on purpose, never rewritten by an ordinary test run or CI.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.BULWARK_SCREENSHOTS !== '1') return;
  const dir = path.join(projectRoot(), 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}
