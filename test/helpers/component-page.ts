import { afterAll, beforeAll, inject } from 'vitest';
import { useBrowser } from './use-browser.ts';
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

/**
 * One harness page for a `describe` block: a browser (useBrowser), the page opened before its tests and closed
 * after them. Read `.page` inside tests and hooks.
 */
export function useHarness(options: BrowserContextOptions = {}): { readonly page: Page } {
  const chromium = useBrowser();
  let page: Page | undefined;
  beforeAll(async () => {
    page = await openHarness(chromium.browser, options);
  });
  afterAll(async () => {
    await page?.close();
  });
  return {
    get page(): Page {
      if (!page) throw new Error('the harness page opens in beforeAll');
      return page;
    },
  };
}
