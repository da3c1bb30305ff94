import { inject } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';

/**
 * Opens the component harness (test/components, served by the browser tests' global setup) in a new page and
 * waits for `globalThis.harness`.
 */
export async function openHarness(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await browser.newPage(options);
  await page.goto(new URL('index.html', inject('componentsUrl')).href);
  await page.waitForFunction('typeof globalThis.harness === "object"');
  return page;
}
