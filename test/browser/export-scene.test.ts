/**
 * An export draws what the screen draws: with the plan layers, the planner's land-use parcels, an imported
 * layer and a study outline on the map, the PNG export shows each of them where the screen does — the colour
 * inside a land-use parcel and inside the imported polygon matches the screen's, the study outline's colour is
 * found along its edge, and a plan layer's fill is where the screen has it. (Before, the export drew the plan
 * layers only while its marks cited the land-use layer.)
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pngWindows, waitUntil } from '../helpers/app-page.ts';
import { useBrowser } from '../helpers/use-browser.ts';

const LANDUSE = resolve(__dirname, '../fixtures/landuse/ydyh-gk39-prj.zip');
/** The land-use fixture's grid: 5 × 4 parcels of 300 m from 117.05° E, 36.85° N; the third is water (blue). */
const PARCEL = [117.0584, 36.8514];
const IMPORTED = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '研究地块' }, geometry: { type: 'Polygon', coordinates: [[[117.075, 36.845], [117.09, 36.845], [117.09, 36.858], [117.075, 36.858], [117.075, 36.845]]] } }] };
const STUDY = { type: 'Polygon', coordinates: [[[117.02, 36.83], [117.045, 36.83], [117.045, 36.87], [117.02, 36.87], [117.02, 36.83]]] };
/** Where the study outline runs (its east edge) and the outline's colour in the style. */
const STUDY_EDGE = [117.045, 36.85];
const STUDY_COLOUR: Rgb = [0xc2, 0x41, 0x0c];
type Rgb = [number, number, number];
const WIDTH = 1920;
const HEIGHT = 1080;


/** Mean colour of a 5×5 window around each point of a PNG. */
async function coloursAt(page: Page, png: Buffer, points: number[][]): Promise<Rgb[]> {
  const windows = await pngWindows(page, png, points.map(([x, y]) => ({ x, y, radius: 2 })));
  return windows.map((pixels) => [0, 1, 2].map((channel) => pixels.reduce((sum, pixel) => sum + pixel[channel], 0) / pixels.length) as Rgb);
}

/** Whether a colour near `target` occurs within `radius` px of a point of a PNG. */
async function colourNear(page: Page, png: Buffer, [x, y]: number[], target: Rgb, radius: number): Promise<boolean> {
  const [pixels] = await pngWindows(page, png, [{ x, y, radius }]);
  return pixels.some((pixel) => Math.abs(pixel[0] - target[0]) + Math.abs(pixel[1] - target[1]) + Math.abs(pixel[2] - target[2]) < 90);
}

const distance = (a: Rgb, b: Rgb) => Math.max(...a.map((value, index) => Math.abs(value - b[index])));

describe('exports draw what the screen draws', () => {
  const chromium = useBrowser();

  it('a PNG export shows the land-use parcels, an imported layer and the study outline where the screen does', { timeout: 240_000 }, async () => {
    const { page, errors } = await chromium.open(`${inject('baseUrl')}#mode=analyse`, { reducedMotion: 'reduce', locale: 'zh-CN' });
    const panel = "document.querySelector('plan-landuse-panel')";
    await waitUntil(page, `!!${panel}?.shadowRoot?.querySelector('[data-testid="landuse-file"]')`, 60_000);
    await page.locator('plan-landuse-panel [data-testid="landuse-file"]').setInputFiles(LANDUSE);
    await waitUntil(page, "!!globalThis.__plan.map.getLayer('landuse-fill') && globalThis.__plan.map.isSourceLoaded('landuse')", 60_000);
    await waitUntil(page, "!!document.querySelector('plan-import-panel')?.shadowRoot?.querySelector('input[type=file]')", 60_000);
    await page.locator('plan-import-panel input[type=file]').setInputFiles({ name: 'study-site.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(IMPORTED)) });
    await waitUntil(page, 'globalThis.__plan.store.getState().imports.length === 1', 60_000);
    await page.evaluate(`document.querySelector('plan-app').dispatchEvent(new CustomEvent('plan-study-command', { detail: { command: 'set-polygon', polygon: ${JSON.stringify(STUDY)} }, bubbles: true, composed: true }))`);
    await waitUntil(page, "!!globalThis.__plan.store.getState().study.polygon", 60_000);

    await page.locator('[data-testid=open-slides]').click();
    await page.locator('plan-deck-panel [data-action=png-full]').waitFor();
    // The camera over all three, once the slides have moved it, with them left of the slides panel.
    await page.evaluate("globalThis.__plan.map.jumpTo({ center: [117.085, 36.85], zoom: 13, bearing: 0, pitch: 0 })");
    await waitUntil(page, 'globalThis.__plan.map.loaded() && !globalThis.__plan.map.isMoving() && globalThis.__plan.map.areTilesLoaded()', 60_000);

    // Screen: where each thing is, and its colour there (the map canvas's own pixels).
    const layout = await page.evaluate(`(() => {
      const map = globalThis.__plan.map;
      const box = map.getCanvas().getBoundingClientRect();
      const at = (point) => { const p = map.project(point); return [p.x, p.y]; };
      const seen = ([x, y]) => document.elementFromPoint(box.left + x, box.top + y) === map.getCanvas();
      const points = { parcel: at(${JSON.stringify(PARCEL)}), imported: at([117.0825, 36.8515]), edge: at(${JSON.stringify(STUDY_EDGE)}) };
      return { left: box.left, top: box.top, width: box.width, height: box.height, ...points, seen: Object.values(points).every(seen) };
    })()`) as { left: number; top: number; width: number; height: number; parcel: number[]; imported: number[]; edge: number[]; seen: boolean };
    expect(layout.seen, 'the three places are on the visible map').toBe(true);
    const screen = await page.screenshot({ clip: { x: layout.left, y: layout.top, width: layout.width, height: layout.height } });
    const [screenParcel, screenImported] = await coloursAt(page, screen, [layout.parcel, layout.imported]);
    expect(await colourNear(page, screen, layout.edge, STUDY_COLOUR, 3)).toBe(true);

    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 200_000 }),
      page.locator('plan-deck-panel [data-action=png-full]').click(),
    ]);
    const png = await readFile(await download.path());
    // The export keeps the centre and scales the view to its size.
    const scale = Math.min(WIDTH / layout.width, HEIGHT / layout.height);
    const inExport = ([x, y]: number[]) => [WIDTH / 2 + (x - layout.width / 2) * scale, HEIGHT / 2 + (y - layout.height / 2) * scale];
    const [exportParcel, exportImported] = await coloursAt(page, png, [inExport(layout.parcel), inExport(layout.imported)]);
    expect(distance(exportParcel, screenParcel), `land-use parcel: export ${exportParcel} vs screen ${screenParcel}`).toBeLessThan(24);
    expect(distance(exportImported, screenImported), `imported layer: export ${exportImported} vs screen ${screenImported}`).toBeLessThan(24);
    expect(await colourNear(page, png, inExport(layout.edge), STUDY_COLOUR, 4), 'study outline in the export').toBe(true);
    expect(errors).toEqual([]);
  });
});
