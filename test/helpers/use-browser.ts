import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { openApp } from './app-page.ts';
import type { AppPage, OpenAppOptions } from './app-page.ts';

export interface BrowserSession {
  /** The browser launched for the enclosing `describe` (there once its `beforeAll` has run). */
  readonly browser: Browser;
  /** Opens the app (see `openApp`); the page is closed after the enclosing `describe`, if not before. */
  open(url: string, options?: OpenAppOptions): Promise<AppPage>;
}

/**
 * Launches the system Chromium before the tests of the enclosing `describe` and, after them, closes every
 * page opened through `open` and then the browser. Call it in the `describe` block before any hook that
 * opens a page.
 */
export function useBrowser(): BrowserSession {
  let launched: Browser | undefined;
  const opened: AppPage[] = [];
  const browser = (): Browser => {
    if (!launched) throw new Error('useBrowser: the browser is launched in beforeAll; use it in a hook or a test');
    return launched;
  };
  beforeAll(async () => {
    launched = await launchChromium();
  });
  afterAll(async () => {
    try {
      for (const app of opened.splice(0)) await app.close();
    } finally {
      await launched?.close();
    }
  });
  return {
    get browser() {
      return browser();
    },
    async open(url, options) {
      const app = await openApp(browser(), url, options);
      opened.push(app);
      return app;
    },
  };
}
