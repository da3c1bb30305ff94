import { beforeAll, describe, expect, inject, it } from 'vitest';
import { useBrowser } from '../helpers/use-browser.ts';
import { imageStats, isSameOrigin } from '../helpers/app-page.ts';
import type { AppPage } from '../helpers/app-page.ts';

describe('the built app in real Chromium', () => {
  const chromium = useBrowser();
  let app: AppPage;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    app = await chromium.open(baseUrl);
  });

  it('marks map-idle once every default layer is drawn', async () => {
    const marks = await app.page.evaluate(() => performance.getEntriesByName('map-idle', 'mark').length);
    expect(marks).toBe(1);
  });

  it('draws a non-blank map canvas', async () => {
    const png = await app.page.locator('#map canvas').screenshot();
    const stats = await imageStats(app.page, png);
    expect(stats.width).toBeGreaterThan(300);
    // A blank canvas is one colour; the plan draws fills, lines and labels in many.
    expect(stats.distinctColours).toBeGreaterThan(50);
    expect(stats.dominantShare).toBeLessThan(0.9);
  });

  it('draws every geodata layer (rendered features read back from MapLibre)', async () => {
    const sources = await app.page.evaluate(() => {
      const { map } = (globalThis as unknown as { __plan: { map: { queryRenderedFeatures(): { source: string }[] } } }).__plan;
      return [...new Set(map.queryRenderedFeatures().map((feature) => feature.source))].sort();
    });
    for (const source of ['boundary', 'blue-green', 'structure', 'crossings', 'projects']) expect(sources).toContain(source);
  });

  it('logs no console errors', () => {
    expect(app.errors).toEqual([]);
  });

  it('makes no request off the serving origin', () => {
    const origin = new URL(baseUrl).origin;
    expect(app.requests.length).toBeGreaterThan(3);
    const offOrigin = app.requests.filter((url) => !isSameOrigin(url, origin));
    expect(offOrigin).toEqual([]);
  });

  it('looks for a deployer\'s basemap beside index.html on its own origin only', async () => {
    const origin = new URL(baseUrl).origin;
    await expect.poll(() => app.requests.filter((url) => /\/basemap\.(pmtiles|json)$/.test(url)).length).toBeGreaterThan(0);
    expect(app.requests.filter((url) => /basemap/.test(url) && !isSameOrigin(url, origin))).toEqual([]);
  });

  it('has the standard controls: navigation, metric scale, fullscreen, attribution naming the sources', async () => {
    const page = app.page;
    await expect(page.locator('.maplibregl-ctrl-zoom-in').count()).resolves.toBe(1);
    await expect(page.locator('.maplibregl-ctrl-fullscreen').count()).resolves.toBe(1);
    const scale = await page.locator('.maplibregl-ctrl-scale').textContent();
    expect(scale).toMatch(/\d+\s?(m|km)$/);
    const attribution = await page.locator('.maplibregl-ctrl-attrib').textContent();
    expect(attribution).toContain('中共济南市委关于加快济南新旧动能转换起步区建设的意见');
    // documents are cited by title, never by their file name
    expect(attribution).not.toMatch(/\d{3}_[0-9a-f]{16}\.txt/);
    expect(attribution).not.toMatch(/openstreetmap|mapbox|maptiler/i);
  });
});

describe('the offline guard itself', () => {
  it('flags an off-origin URL and accepts same-origin, data: and blob: URLs', () => {
    const origin = 'http://127.0.0.1:1234';
    expect(isSameOrigin('https://tiles.example.com/0/0/0.png', origin)).toBe(false);
    expect(isSameOrigin('http://127.0.0.1:9999/x.js', origin)).toBe(false);
    expect(isSameOrigin('http://127.0.0.1:1234/assets/x.js', origin)).toBe(true);
    expect(isSameOrigin('blob:http://127.0.0.1:1234/abc', origin)).toBe(true);
    // a port that merely starts with the serving port is another origin
    expect(isSameOrigin('http://127.0.0.1:12345/x.js', origin)).toBe(false);
    expect(isSameOrigin('http://127.0.0.1:1234.evil.example/x.js', origin)).toBe(false);
    expect(isSameOrigin('blob:http://127.0.0.1:9999/abc', origin)).toBe(false);
  });
});
