import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.ts';
import { waitForMapIdle } from '../helpers/app-page.ts';
import { builtinDeck } from '../../src/app/presenter/builtin-deck.ts';

/** The one-file offline build, opened over file:// as if double-clicked from a USB stick. */
describe('the single-file build over file://', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const errors: string[] = [];
  const total = builtinDeck().slides.length;

  beforeAll(async () => {
    await build({ configFile: 'vite.single.config.ts', mode: 'single', logLevel: 'warn' });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce', locale: 'zh-CN' });
    // No network at all: anything that is not file:, data: or blob: fails (and is recorded).
    await context.route(/^https?:/, (route) => route.abort('internetdisconnected'));
    page = await context.newPage();
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    await page.goto(pathToFileURL(resolve('dist-single/index.html')).href);
    await waitForMapIdle(page);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('is one HTML file', () => {
    expect(existsSync('dist-single/index.html')).toBe(true);
    expect(readdirSync('dist-single')).toEqual(['index.html']);
  });

  it('draws the map and steps through the built-in deck by keyboard', async () => {
    await page.locator('[data-testid=open-slides]').click();
    await page.locator('plan-deck-panel [data-action=present]').click();
    const counter = page.locator('[data-testid=slide-counter]');
    await expect.poll(() => counter.textContent()).toBe(`1 / ${total}`);
    for (let index = 2; index <= total; index += 1) {
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => counter.textContent()).toBe(`${index} / ${total}`);
    }
    // The last slide's camera flight may still be under way: poll until the map has drawn the slide.
    const renderedSources = () => page.evaluate(() => {
      const { map } = (globalThis as unknown as { __plan: { map: { queryRenderedFeatures(): { source: string }[] } } }).__plan;
      return new Set(map.queryRenderedFeatures().map((feature) => feature.source)).size;
    });
    await expect.poll(renderedSources, { timeout: 20_000 }).toBeGreaterThan(3);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('plan-presenter-overlay').count()).toBe(0);
  });

  it('draws an imported GeoJSON layer over file:// (read as a data: URL: blob: URLs of a file:// page cannot be fetched by MapLibre\'s worker)', async () => {
    const square = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { n: 1 }, geometry: { type: 'Polygon', coordinates: [[[117, 36.8], [117.1, 36.8], [117.1, 36.9], [117, 36.9], [117, 36.8]]] } }] };
    await page.locator('plan-import-panel input[type=file]').setInputFiles({ name: 'square.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(square)) });
    const plan = 'globalThis.__plan';
    await expect.poll(() => page.evaluate(`${plan}.store.getState().imports.length`)).toBe(1);
    await page.evaluate(`${plan}.map.jumpTo({ center: [117.05, 36.85], zoom: 10 })`);
    await expect.poll(() => page.evaluate(`(() => { const { map, store } = ${plan}; const id = store.getState().imports[0].id;
      return map.queryRenderedFeatures({ layers: [id + '-fill'] }).length; })()`), { timeout: 30_000 }).toBeGreaterThan(0);
  });

  it('reads a zipped land-use Shapefile over file:// and computes every figure from it', async () => {
    const plan = 'globalThis.__plan';
    await page.locator('plan-mode-switch button[data-mode=analyse]').click();
    const input = page.locator('plan-landuse-panel [data-testid="landuse-file"]');
    await input.waitFor({ state: 'attached', timeout: 30_000 });
    await input.setInputFiles(resolve('test/fixtures/landuse/ydyh-gk39-prj.zip'));
    await expect.poll(() => page.locator('plan-landuse-panel tr[data-class]').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.locator('plan-landuse-panel [data-testid="landuse-use"]').click();
    const bar = 'document.querySelector("plan-indicator-bar")';
    await expect.poll(() => page.evaluate(`${bar}?.dataset.basis === 'landuse' && ${bar}.shadowRoot.querySelector('[data-indicator="construction"]').getAttribute('data-value')`), { timeout: 30_000 }).toBeTruthy();
    // the bar shows the figures the analysis computed from the parcels (not the schematic ones)
    const shown = Number(await page.locator('plan-indicator-bar [data-indicator="construction"]').getAttribute('data-value'));
    const state = await page.evaluate(`(() => { const { analysis } = ${plan}.store.getState(); return { basis: analysis.basis.kind, ratio: analysis.whole.constructionRatio, notCovered: analysis.whole.landUse.notCoveredKm2 }; })()`) as { basis: string; ratio: number; notCovered: number };
    expect(state.basis).toBe('landuse');
    expect(shown).toBe(state.ratio);
    expect(state.notCovered).toBeGreaterThan(0);
    // and the parcels are drawn
    await page.evaluate(`${plan}.map.jumpTo({ center: [117.06, 36.86], zoom: 13 })`);
    // (each class colour is its own fill layer, all with ids starting landuse-)
    await expect.poll(() => page.evaluate(`(() => { const { map } = ${plan};
      const layers = map.getStyle().layers.map((layer) => layer.id).filter((id) => id.startsWith('landuse-'));
      return map.queryRenderedFeatures({ layers }).length; })()`), { timeout: 30_000 }).toBeGreaterThan(0);
  });

  it('opens a basemap from the stick\'s folder (PMTiles by ranges, MBTiles in its inlined worker) and draws it under the plan', async () => {
    const plan = 'globalThis.__plan';
    const open = page.locator('plan-basemap-entry [data-basemap-open]');
    await open.waitFor({ state: 'attached', timeout: 30_000 });
    expect(await open.textContent()).toContain('从本文件夹打开底图');
    for (const name of ['raster.pmtiles', 'raster.mbtiles']) {
      await page.locator('plan-basemap-entry input[data-basemap-file]').setInputFiles(resolve('test/fixtures/basemap', name));
      await expect.poll(() => page.evaluate(`${plan}.store.getState().basemap.current?.name`), { timeout: 30_000 }).toBe(name);
      await page.evaluate(`${plan}.map.jumpTo({ center: [116.72, 37.2], zoom: 10 })`);
      await expect.poll(() => page.evaluate(`${plan}.map.getLayer('basemap-raster') && ${plan}.map.isSourceLoaded('basemap') && ${plan}.map.areTilesLoaded()`), { timeout: 30_000 }).toBe(true);
    }
  });

  it('makes no request other than file:, data: or blob:', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !/^(file|data|blob):/.test(url))).toEqual([]);
  });

  it('logs no console errors', () => {
    expect(errors).toEqual([]);
  });
});
