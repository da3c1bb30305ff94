import type { Browser, BrowserContextOptions, Page } from 'playwright-core';

export interface AppPage {
  page: Page;
  /** every URL the page requested, in order */
  requests: string[];
  /** console errors and uncaught page errors */
  errors: string[];
  close(): Promise<void>;
}

/** True for URLs that stay on the serving origin (or never touch the network). */
export function isSameOrigin(url: string, origin: string): boolean {
  if (url.startsWith('data:') || url === 'about:blank') return true;
  try {
    // blob: URLs carry the origin that made them; URL.origin reads it
    return new URL(url).origin === new URL(origin).origin;
  } catch {
    return false;
  }
}

/** The browser's log line for the deployer's basemap probe finding nothing (src/data/basemap/deployer-basemap.ts). */
export function isBasemapProbe(text: string, url: string): boolean {
  return /^Failed to load resource: the server responded with a status of 404/.test(text) && /\/basemap\.(pmtiles|json)$/.test(new URL(url, 'http://x').pathname);
}

export type OpenAppOptions = BrowserContextOptions & { waitForIdle?: boolean };

/**
 * Opens the app in a fresh context, recording requests and errors. Any request off the serving
 * origin is recorded and then aborted, so a test can assert on it without the page hanging.
 */
export async function openApp(
  browser: Browser,
  url: string,
  options: OpenAppOptions = {},
): Promise<AppPage> {
  const { waitForIdle = true, ...contextOptions } = options;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  const origin = new URL(url).origin;
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    // The app looks for a deployer's basemap beside index.html at start; a site without one answers 404 (normal).
    if (message.type() === 'error' && !isBasemapProbe(message.text(), message.location().url)) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  await context.route('**/*', (route) => {
    const requestUrl = route.request().url();
    return isSameOrigin(requestUrl, origin) ? route.continue() : route.abort('blockedbyclient');
  });
  await page.goto(url);
  if (waitForIdle) await waitForMapIdle(page);
  return { page, requests, errors, close: () => context.close() };
}

/** Waits for the app's `performance.mark('map-idle')`. */
export async function waitForMapIdle(page: Page, timeout = 45_000): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('map-idle', 'mark').length > 0, undefined, { timeout });
}

/** Polls a page expression until it is truthy; throws, naming the expression, after `timeoutMs`. */
export async function waitUntil(page: Page, expression: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${expression}`);
    await page.waitForTimeout(100);
  }
}

/** Opens the deck panel (present mode, the slides' list with the handout and export buttons). */
export async function openDeckPanel(page: Page): Promise<void> {
  await page.locator('plan-mode-switch button[data-mode=present]').click();
  if (!(await page.locator('plan-deck-panel').count())) await page.locator('[data-testid=open-slides]').click();
  await page.locator('plan-deck-panel li').first().waitFor();
}

/** Asks the deck panel for the printed handout, with `window.print` stubbed; resolves once the app has asked to print. */
export async function printHandout(page: Page, timeoutMs = 120_000): Promise<void> {
  await page.evaluate(() => {
    const counter = globalThis as unknown as { __printed: number };
    counter.__printed = 0;
    window.print = () => { counter.__printed += 1; };
  });
  await page.locator('plan-deck-panel [data-action=handout]').click();
  await waitUntil(page, 'globalThis.__printed === 1', timeoutMs);
}

/** Colour statistics of a PNG, decoded by the browser itself. */
export async function imageStats(page: Page, png: Buffer): Promise<{ width: number; height: number; distinctColours: number; dominantShare: number }> {
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    const counts = new Map<number, number>();
    for (let i = 0; i < data.length; i += 4) {
      const key = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const dominant = Math.max(...counts.values());
    return { width: canvas.width, height: canvas.height, distinctColours: counts.size, dominantShare: dominant / (data.length / 4) };
  }, png.toString('base64'));
}

/** The RGB pixels (row by row, `[r, g, b]` each) of square windows of a PNG, decoded by the browser itself. */
export async function pngWindows(page: Page, png: Buffer, windows: readonly { x: number; y: number; radius: number }[]): Promise<[number, number, number][][]> {
  return page.evaluate(async ({ base64, windows }) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    context.drawImage(image, 0, 0);
    return windows.map(({ x, y, radius }) => {
      const { data } = context.getImageData(Math.round(x) - radius, Math.round(y) - radius, 2 * radius + 1, 2 * radius + 1);
      const pixels: [number, number, number][] = [];
      for (let i = 0; i < data.length; i += 4) pixels.push([data[i], data[i + 1], data[i + 2]]);
      return pixels;
    });
  }, { base64: png.toString('base64'), windows });
}
