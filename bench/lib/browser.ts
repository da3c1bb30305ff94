/**
 * Browser plumbing shared by the benchmarks: the system Chromium (test/helpers/chromium.ts), a static
 * server per build, and a fresh 1280×800 context per page load.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../test/helpers/chromium.ts';
import { serveDirectory } from '../../test/helpers/static-server.ts';
import { isBasemapProbe } from '../../test/helpers/app-page.ts';
import type { StaticServer } from '../../test/helpers/static-server.ts';

export const VIEWPORT = { width: 1280, height: 800 } as const;

export { launchChromium, serveDirectory };
export type { StaticServer };

export interface FreshPage {
  context: BrowserContext;
  page: Page;
  /** console errors and page errors */
  errors: string[];
}

/** A new context (empty cache, no storage) and page; `initScript` runs before any page script. */
export async function freshPage(browser: Browser, initScript?: string): Promise<FreshPage> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !isBasemapProbe(message.text(), message.location().url)) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  if (initScript) await page.addInitScript(initScript);
  return { context, page, errors };
}

/** Waits for `performance.mark(name)` and returns its time since navigation start, in ms. */
export async function markTime(page: Page, name = 'map-idle', timeout = 90_000): Promise<number> {
  const handle = await page.waitForFunction(
    (mark) => performance.getEntriesByName(mark, 'mark')[0]?.startTime,
    name,
    { timeout, polling: 50 },
  );
  return (await handle.jsonValue()) as number;
}
