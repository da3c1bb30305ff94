/**
 * A basemap from a tile archive, drawn under the plan: each fixture (scripts/fixtures/make-basemap-fixtures.ts:
 * magenta raster tiles, vector tiles whose `water` covers the extent, as PMTiles and MBTiles) opened from the
 * layer tree or dropped on the map shows its colour on the map canvas where its tiles are; opacity; the legend and
 * the attribution; remembered after a reload and forgotten when removed; compare's second map and the PNG export
 * draw it; bad files are refused with a message and the map unchanged; the deployer's basemap.pmtiles beside
 * index.html is drawn for everyone with no request off the origin.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { isSameOrigin, pngWindows, waitForMapIdle, waitUntil, type AppPage } from '../helpers/app-page.ts';
import { useBrowser } from '../helpers/use-browser.ts';
import { serveDirectory, type StaticServer } from '../helpers/static-server.ts';
import { BASEMAP_FIXTURES, RASTER_COLOUR } from '../../scripts/fixtures/make-basemap-fixtures.ts';

type Rgb = [number, number, number];
/** A place inside the fixtures' tiles, north-west of the Start-up Area, where the plan draws nothing. */
const OPEN_GROUND = [116.72, 37.2];
/** The default vector style's water colour (src/map/scene/basemap-specs.ts). */
const WATER: Rgb = [0xb7, 0xd3, 0xe6];
const fixture = (name: string) => join(BASEMAP_FIXTURES, name);
const distance = (a: readonly number[], b: readonly number[]) => Math.max(...a.map((value, index) => Math.abs(value - b[index]!)));

const state = (page: Page) => page.evaluate(() => {
  const { basemap, legend } = (globalThis as unknown as { __plan: { store: { getState(): { basemap: unknown; legend: { id: string; label: string }[] } } } }).__plan.store.getState();
  return { basemap, legend } as { basemap: { current: null | { name: string; origin: string; kind: string; opacity: number; visible: boolean }; error: string | null }; legend: { id: string; label: string }[] };
});

async function mapSettled(page: Page): Promise<void> {
  await waitUntil(page, 'globalThis.__plan.map.loaded() && !globalThis.__plan.map.isMoving() && globalThis.__plan.map.areTilesLoaded()', 60_000);
}

/** The mean colour of a 5×5 window of the main map's canvas around `lngLat`, as the screen shows it. */
async function colourAt(page: Page, lngLat: number[] = OPEN_GROUND): Promise<Rgb> {
  await page.evaluate(`globalThis.__plan.map.jumpTo({ center: ${JSON.stringify(lngLat)}, zoom: 10, bearing: 0, pitch: 0 })`);
  await mapSettled(page);
  const box = await page.evaluate(`(() => { const map = globalThis.__plan.map; const r = map.getCanvas().getBoundingClientRect();
    const p = map.project(${JSON.stringify(lngLat)}); return { left: r.left, top: r.top, width: r.width, height: r.height, x: p.x, y: p.y }; })()`) as { left: number; top: number; width: number; height: number; x: number; y: number };
  const shot = await page.screenshot({ clip: { x: box.left, y: box.top, width: box.width, height: box.height } });
  const [pixels] = await pngWindows(page, shot, [{ x: box.x, y: box.y, radius: 2 }]);
  return [0, 1, 2].map((channel) => Math.round(pixels!.reduce((sum, pixel) => sum + pixel[channel]!, 0) / pixels!.length)) as Rgb;
}

/** Opens a file through the layer tree's basemap entry. */
async function chooseFile(page: Page, name: string): Promise<void> {
  await page.locator('plan-basemap-entry input[data-basemap-file]').setInputFiles(fixture(name));
}

/** Drops a file on the map, as a user drags it from the file manager. */
async function dropFile(page: Page, name: string): Promise<void> {
  const bytes = (await readFile(fixture(name))).toString('base64');
  await page.evaluate(({ bytes, name }) => {
    const binary = Uint8Array.from(atob(bytes), (char) => char.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([binary], name));
    const target = (globalThis as unknown as { __plan: { map: { getContainer(): HTMLElement } } }).__plan.map.getContainer();
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, { bytes, name });
}

async function basemapShown(page: Page, name: string): Promise<void> {
  await expect.poll(async () => (await state(page)).basemap.current?.name).toBe(name);
  await waitUntil(page, "globalThis.__plan.map.getStyle().layers[0].id.startsWith('basemap-')", 30_000);
}

describe('a basemap from this device', () => {
  const chromium = useBrowser();
  let app: AppPage;
  let bare: Rgb;

  beforeAll(async () => {
    app = await chromium.open(`${inject('baseUrl')}#lang=en`, { reducedMotion: 'reduce' });
    await app.page.locator('plan-basemap-entry input[data-basemap-file]').waitFor({ state: 'attached', timeout: 60_000 });
    bare = await colourAt(app.page);
  });

  it('starts with no basemap and no message when the site has none', async () => {
    const { basemap } = await state(app.page);
    expect(basemap.current).toBeNull();
    expect(basemap.error).toBeNull();
    expect(await app.page.locator('[data-testid=alert]').textContent()).toBe('');
    expect(distance(bare, RASTER_COLOUR)).toBeGreaterThan(100);
    expect(distance(bare, WATER)).toBeGreaterThan(24);
  });

  it('draws a raster PMTiles under the plan layers, with its opacity, legend row and attribution', async () => {
    const { page } = app;
    await chooseFile(page, 'raster.pmtiles');
    await basemapShown(page, 'raster.pmtiles');
    expect(distance(await colourAt(page), RASTER_COLOUR)).toBeLessThan(12);
    // under every plan layer: the basemap's layer is the first drawn
    const order = await page.evaluate(() => (globalThis as unknown as { __plan: { map: { getStyle(): { layers: { id: string }[] } } } }).__plan.map.getStyle().layers.map((layer) => layer.id));
    expect(order.filter((id) => id.startsWith('basemap-'))).toEqual(['basemap-raster']);
    expect(order[0]).toBe('basemap-raster');
    // legend row and attribution (the file's text shown as text, not as markup)
    await expect.poll(async () => (await state(page)).legend.find((row) => row.id === 'basemap')?.label).toBe('raster.pmtiles');
    const attribution = page.locator('.maplibregl-ctrl-attrib-inner');
    await expect.poll(() => attribution.textContent()).toContain('© 测试测绘院 Test Survey Bureau <b>2026</b>');
    expect(await page.locator('plan-basemap-entry [data-basemap-attribution]').textContent()).toContain('Test Survey Bureau <b>2026</b>');

    await page.locator('plan-basemap-entry input[data-basemap-opacity]').fill('0');
    await expect.poll(async () => (await state(page)).basemap.current?.opacity).toBe(0);
    expect(distance(await colourAt(page), bare)).toBeLessThan(12);
    await page.locator('plan-basemap-entry input[data-basemap-opacity]').fill('50');
    const half = await colourAt(page);
    half.forEach((value, index) => expect(Math.abs(value - (bare[index]! + RASTER_COLOUR[index]!) / 2)).toBeLessThan(16));
    await page.locator('plan-basemap-entry input[data-basemap-opacity]').fill('100');
    await page.locator('plan-basemap-entry input[data-basemap-visible]').uncheck();
    expect(distance(await colourAt(page), bare)).toBeLessThan(12);
    await page.locator('plan-basemap-entry input[data-basemap-visible]').check();
    expect(distance(await colourAt(page), RASTER_COLOUR)).toBeLessThan(12);
  });

  it('is remembered on this device: drawn again after a reload', async () => {
    const { page } = app;
    // the opacity and visibility are saved a moment after they change
    await page.locator('plan-basemap-entry input[data-basemap-opacity]').fill('80');
    await expect.poll(() => page.evaluate(() => new Promise((done) => {
      const open = indexedDB.open('plan-basemap');
      open.onsuccess = () => {
        const request = open.result.transaction('files').objectStore('files').get('basemap');
        request.onsuccess = () => done((request.result as { opacity: number; file: Blob }) && [request.result.opacity, request.result.file instanceof File]);
      };
    }))).toEqual([0.8, true]);
    await page.reload();
    await waitForMapIdle(page);
    await basemapShown(page, 'raster.pmtiles');
    const restored = (await state(page)).basemap.current!;
    expect(restored).toMatchObject({ origin: 'device', opacity: 0.8, visible: true });
    const colour = await colourAt(page);
    colour.forEach((value, index) => expect(Math.abs(value - (0.2 * bare[index]! + 0.8 * RASTER_COLOUR[index]!))).toBeLessThan(16));
  });

  it('draws the basemap on compare\'s second map too', async () => {
    const { page } = app;
    await page.evaluate(() => document.querySelector('plan-app')!.dispatchEvent(new CustomEvent('plan-compare', { detail: { command: 'start', preset: 'years' }, bubbles: true, composed: true })));
    await waitUntil(page, "!!globalThis.__plan.compareMap && !!globalThis.__plan.compareMap.getLayer('basemap-raster') && globalThis.__plan.compareMap.isSourceLoaded('basemap')", 60_000);
    expect(await page.evaluate("globalThis.__plan.compareMap.getStyle().layers[0].id")).toBe('basemap-raster');
    await page.evaluate(() => document.querySelector('plan-app')!.dispatchEvent(new CustomEvent('plan-compare', { detail: { command: 'stop' }, bubbles: true, composed: true })));
    await waitUntil(page, '!globalThis.__plan.compareMap', 30_000);
  });

  it('shows the basemap in the PNG export', { timeout: 240_000 }, async () => {
    const { page } = app;
    await page.locator('plan-basemap-entry input[data-basemap-opacity]').fill('100');
    await page.locator('[data-testid=open-slides]').click();
    await page.locator('plan-deck-panel [data-action=png-full]').waitFor();
    await page.evaluate(`globalThis.__plan.map.jumpTo({ center: ${JSON.stringify(OPEN_GROUND)}, zoom: 10 })`);
    await mapSettled(page);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 200_000 }),
      page.locator('plan-deck-panel [data-action=png-full]').click(),
    ]);
    const png = await readFile((await download.path())!);
    // a grid of points over the export: the basemap's magenta shows through wherever the plan and the panels leave room
    const points = Array.from({ length: 15 * 9 }, (_, index) => ({ x: 64 + (index % 15) * 128, y: 60 + Math.floor(index / 15) * 120, radius: 0 }));
    const pixels = (await pngWindows(page, png, points)).map(([pixel]) => pixel!);
    const magenta = pixels.filter((pixel) => distance(pixel, RASTER_COLOUR) < 24).length;
    expect(magenta).toBeGreaterThan(pixels.length / 4);
    await page.keyboard.press('Escape');
  });

  it('is removed and forgotten', async () => {
    const { page } = app;
    await page.locator('plan-basemap-entry [data-basemap-remove]').click();
    await expect.poll(async () => (await state(page)).basemap.current).toBeNull();
    expect(await page.evaluate("globalThis.__plan.map.getStyle().layers.some((layer) => layer.id.startsWith('basemap-'))")).toBe(false);
    expect(distance(await colourAt(page), bare)).toBeLessThan(12);
    await page.reload();
    await waitForMapIdle(page);
    await page.locator('plan-basemap-entry [data-basemap-none]').waitFor({ state: 'attached', timeout: 60_000 });
    expect((await state(page)).basemap.current).toBeNull();
  });

  it('draws a raster MBTiles through its worker, and vector archives with the default style', async () => {
    const { page } = app;
    await chooseFile(page, 'raster.mbtiles');
    await basemapShown(page, 'raster.mbtiles');
    expect(distance(await colourAt(page), RASTER_COLOUR)).toBeLessThan(12);

    await dropFile(page, 'vector.pmtiles');
    await basemapShown(page, 'vector.pmtiles');
    expect((await state(page)).basemap.current?.kind).toBe('vector');
    expect(distance(await colourAt(page), WATER)).toBeLessThan(12);
    // the place label and the layer of no known name are drawn as well
    const layers = await page.evaluate("globalThis.__plan.map.getStyle().layers.filter((layer) => layer.id.startsWith('basemap-')).map((layer) => layer['source-layer'] + ':' + layer.type)");
    expect(layers).toEqual(expect.arrayContaining(['water:fill', 'transportation:line', 'place:symbol', 'survey_blocks:fill']));

    await dropFile(page, 'vector.mbtiles');
    await basemapShown(page, 'vector.mbtiles');
    expect(distance(await colourAt(page), WATER)).toBeLessThan(12);
  });

  it('refuses bad files with a message, leaving the map as it was', async () => {
    const { page } = app;
    const before = await page.evaluate("JSON.stringify(globalThis.__plan.map.getStyle().layers.map((layer) => layer.id))");
    const cases: [string, RegExp][] = [
      ['not-an-archive.pmtiles', /not a PMTiles archive/],
      ['not-sqlite.mbtiles', /not an SQLite database/],
      ['no-tiles-table.mbtiles', /no tiles table/],
      ['far.pmtiles', /about \d+ km from the Start-up Area/],
    ];
    for (const [name, reason] of cases) {
      await chooseFile(page, name);
      await expect.poll(() => page.locator('[data-testid=alert]').textContent()).toMatch(new RegExp(`${name.replace('.', '\\.')} not loaded: .*The map is unchanged`));
      expect(await page.locator('[data-testid=alert]').textContent()).toMatch(reason);
      expect(await page.locator('plan-basemap-entry [data-basemap-error]').textContent()).toMatch(reason);
      const { basemap } = await state(page);
      expect(basemap.current?.name).toBe('vector.mbtiles');
      expect(await page.evaluate("JSON.stringify(globalThis.__plan.map.getStyle().layers.map((layer) => layer.id))")).toBe(before);
    }
    expect(distance(await colourAt(page), WATER)).toBeLessThan(12);
    expect(app.requests.filter((url) => !isSameOrigin(url, inject('baseUrl')))).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});

describe('the deployer\'s basemap beside index.html', () => {
  const chromium = useBrowser();
  let server: StaticServer;

  beforeAll(async () => {
    server = await serveDirectory(resolve('dist'), {}, { '/basemap.pmtiles': fixture('raster.pmtiles') });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('is drawn for everyone, read by ranges from the same origin, with no request off it and no remove button', async () => {
    const { page, requests, errors } = await chromium.open(`${server.url}#lang=en`, { reducedMotion: 'reduce' });
    await basemapShown(page, 'basemap.pmtiles');
    expect((await state(page)).basemap.current?.origin).toBe('deployer');
    expect(distance(await colourAt(page), RASTER_COLOUR)).toBeLessThan(12);
    expect(await page.locator('plan-basemap-entry [data-basemap-remove]').count()).toBe(0);
    expect(requests.filter((url) => url.endsWith('/basemap.pmtiles')).length).toBeGreaterThan(0);
    expect(requests.filter((url) => !isSameOrigin(url, server.url))).toEqual([]);
    expect(errors.filter((error) => /basemap/i.test(error))).toEqual([]);
  });
});
