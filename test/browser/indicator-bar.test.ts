/**
 * The indicator bar in real Chromium: the plan's two targets are in view without scrolling the moment the map
 * has its figures, at desktop and phone sizes, in every mode; the shares equal an independent turf computation
 * over the same geodata; the headroom in km² follows from them; the basis is named (schematic: illustrative).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { waitUntil, type AppPage } from '../helpers/app-page.ts';
import { useBrowser } from '../helpers/use-browser.ts';
import { naiveRegionAreas } from '../helpers/analysis-naive.ts';

const load = (name: string) =>
  JSON.parse(readFileSync(resolve(__dirname, `../../geodata/${name}.geojson`), 'utf8')) as FeatureCollection;
const layers = { boundary: load('boundary'), blueGreen: load('blue-green'), construction: load('construction') };
const ALL_CLASSES = ['water', 'wetland', 'forest', 'park', 'farmland'];

const FIGURES_SHOWN = "!!document.querySelector('plan-indicator-bar')?.shadowRoot?.querySelector('[data-indicator=\"construction\"]')?.getAttribute('data-value')";

/** The element's box lies inside the viewport (nothing to scroll to see it). */
async function inViewport(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).boundingBox();
  const size = page.viewportSize()!;
  return Boolean(box && box.width > 0 && box.height > 0 && box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width && box.y + box.height <= size.height);
}

describe('indicator bar', () => {
  const chromium = useBrowser();

  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    it(`shows both targets in view in every mode at ${viewport.width} × ${viewport.height}`, async () => {
      let app: AppPage | undefined;
      try {
        app = await chromium.open(`${inject('baseUrl')}#lang=en`, { viewport, reducedMotion: 'reduce' });
        const { page } = app;
        await waitUntil(page, FIGURES_SHOWN, 60_000);
        for (const mode of ['explore', 'analyse', 'present']) {
          await page.evaluate(`globalThis.__plan.store.update((state) => ({ ...state, mode: '${mode}' }))`);
          for (const indicator of ['blue-green', 'construction']) {
            expect(await inViewport(page, `plan-indicator-bar [data-indicator="${indicator}"]`), `${indicator} in ${mode}`).toBe(true);
            // the headroom in km² is shown too (a shorter wording on a phone)
            const headroom = page.locator(`plan-indicator-bar [data-headroom="${indicator}"] ${viewport.width < 640 ? '.short' : '.long'}`);
            expect(await headroom.isVisible(), `${indicator} headroom in ${mode}`).toBe(true);
            expect(await headroom.textContent()).toContain('km²');
          }
        }
        // the bar leaves the map's own controls free
        const bar = await page.locator('plan-indicator-bar').boundingBox();
        const controls = await page.locator('.maplibregl-ctrl-top-right').boundingBox();
        expect(bar && controls).toBeTruthy();
        expect(bar!.x + bar!.width <= controls!.x || bar!.y >= controls!.y + controls!.height).toBe(true);
        expect(await page.evaluate('document.scrollingElement.scrollTop')).toBe(0);
        expect(app.errors).toEqual([]);
      } finally {
        await app?.close();
      }
    });
  }

  it('shows the shares of an independent computation, the headroom they leave and the basis', async () => {
    let app: AppPage | undefined;
    try {
      app = await chromium.open(`${inject('baseUrl')}#lang=en`, { reducedMotion: 'reduce' });
      const { page } = app;
      await waitUntil(page, FIGURES_SHOWN, 60_000);
      const boundary = layers.boundary.features[0] as Feature<Polygon | MultiPolygon>;
      const naive = naiveRegionAreas(layers, boundary, ALL_CLASSES);
      const value = async (name: string) => Number(await page.locator(`plan-indicator-bar [data-indicator="${name}"]`).getAttribute('data-value'));
      expect(Math.abs((await value('blue-green')) - naive.blueGreenKm2 / naive.insideAreaKm2)).toBeLessThan(1e-3);
      expect(Math.abs((await value('construction')) - naive.constructionKm2 / naive.insideAreaKm2)).toBeLessThan(1e-3);
      // headroom: how much construction land still fits under 30 %, how far blue-green is from 70 %
      const headroom = async (name: string) => Number(await page.locator(`plan-indicator-bar [data-headroom="${name}"]`).getAttribute('data-value'));
      expect(Math.abs((await headroom('construction')) - (0.3 * naive.insideAreaKm2 - naive.constructionKm2))).toBeLessThan(0.5);
      expect(Math.abs((await headroom('blue-green')) - (naive.blueGreenKm2 - 0.7 * naive.insideAreaKm2))).toBeLessThan(0.5);
      const text = await page.locator('plan-indicator-bar [data-headroom="construction"]').textContent();
      const oneDecimal = new Intl.NumberFormat('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
      expect(text).toContain(`${oneDecimal.format(0.3 * naive.insideAreaKm2 - naive.constructionKm2)} km²`);
      expect(await page.locator('plan-indicator-bar').getAttribute('data-basis')).toBe('schematic');
      expect(await page.locator('plan-indicator-bar [data-illustrative]').textContent()).toContain('illustrative');
      // the verdicts follow the figures
      expect(await page.locator('plan-indicator-bar [data-indicator="blue-green"]').getAttribute('data-pass')).toBe(String(naive.blueGreenKm2 / naive.insideAreaKm2 >= 0.7));
      expect(await page.locator('plan-indicator-bar [data-indicator="construction"]').getAttribute('data-pass')).toBe(String(naive.constructionKm2 / naive.insideAreaKm2 <= 0.3));
    } finally {
      await app?.close();
    }
  });
});
