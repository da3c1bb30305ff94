/**
 * A planner drops a zipped Shapefile on the map: it goes to the land-use panel (in Analyse), not to the GeoJSON
 * import, and its classes are read; a GeoJSON file dropped on the map is still imported as a layer.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { waitUntil } from '../helpers/app-page.ts';
import { useBrowser } from '../helpers/use-browser.ts';

const ZIP = resolve(__dirname, '../fixtures/landuse/ydyh-gk39-prj.zip');

/** Drops files on the map's canvas container as a browser would (a DataTransfer with File objects). */
async function dropOnMap(page: Page, files: { name: string; base64: string; type: string }[]): Promise<void> {
  await page.evaluate((list) => {
    const transfer = new DataTransfer();
    for (const { name, base64, type } of list) {
      const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      transfer.items.add(new File([bytes], name, { type }));
    }
    const target = document.querySelector('#map .maplibregl-canvas-container') ?? document.querySelector('#map')!;
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, files);
}

describe('dropping files on the map', () => {
  const chromium = useBrowser();

  it('reads a zipped Shapefile in the land-use panel and switches to Analyse; GeoJSON is still imported', async () => {
    const app = await chromium.open(`${inject('baseUrl')}#lang=zh`);
    const { page } = app;
    // both features load after the first map frame
    await waitUntil(page, "!!document.querySelector('plan-landuse-panel') && !!document.querySelector('plan-import-panel')", 60_000);
    await dropOnMap(page, [{ name: '用地.zip', base64: readFileSync(ZIP).toString('base64'), type: 'application/zip' }]);
    await waitUntil(page, "document.querySelector('plan-landuse-panel').shadowRoot.querySelectorAll('tr[data-class]').length > 0", 60_000);
    expect(await page.evaluate('globalThis.__plan.store.getState().mode')).toBe('analyse');
    expect(await page.evaluate('globalThis.__plan.store.getState().imports.length')).toBe(0);
    expect(await page.locator('plan-landuse-panel tr[data-class] td:nth-child(3)').allTextContents()).toContain('公园绿地');

    const square = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[117, 36.8], [117.1, 36.8], [117.1, 36.9], [117, 36.9], [117, 36.8]]] } }] };
    await dropOnMap(page, [{ name: 'square.geojson', base64: Buffer.from(JSON.stringify(square)).toString('base64'), type: 'application/geo+json' }]);
    await waitUntil(page, 'globalThis.__plan.store.getState().imports.length === 1');
    expect(app.errors).toEqual([]);
  });
});
