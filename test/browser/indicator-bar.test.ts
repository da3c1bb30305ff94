/**
 * The indicator bar in real Chromium: the plan's two targets are in view without scrolling the moment the map
 * has its figures, at desktop and phone sizes, in every mode; the shares equal an independent turf computation
 * over the same geodata; on the schematic layers they are lower bounds with no verdict and no headroom, the
 * basis is named (illustrative) and a button opens the land-use panel.
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
            // the schematic layers decide nothing: the mapped share as a lower bound, no headroom (a shorter wording on a phone)
            const share = page.locator(`plan-indicator-bar [data-indicator="${indicator}"] ${viewport.width < 640 ? '.short' : '.long'}`);
            expect(await share.isVisible(), `${indicator} share in ${mode}`).toBe(true);
            expect(await share.textContent()).toContain('≥');
            expect(await page.locator(`plan-indicator-bar [data-headroom="${indicator}"]`).count()).toBe(0);
          }
          // why, and the step that gives a verdict
          const why = page.locator(`plan-indicator-bar [data-undecided] ${viewport.width < 640 ? '.short' : '.long'}`);
          expect(await why.isVisible(), `reason in ${mode}`).toBe(true);
          expect(await page.locator('plan-indicator-bar button[data-action="load-landuse"]').isVisible(), `land-use button in ${mode}`).toBe(true);
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
      expect(await page.locator('plan-indicator-bar').getAttribute('data-basis')).toBe('schematic');
      expect(await page.locator('plan-indicator-bar [data-illustrative]').textContent()).toContain('illustrative');
      // the schematic layers leave farmland, villages and towns unmapped: no verdict, no headroom, a lower bound
      for (const name of ['blue-green', 'construction']) {
        expect(await page.locator(`plan-indicator-bar [data-indicator="${name}"]`).getAttribute('data-pass')).toBe('unknown');
        expect(await page.locator(`plan-indicator-bar [data-headroom="${name}"]`).count()).toBe(0);
      }
      const oneDecimal = new Intl.NumberFormat('en', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
      const blueGreen = await page.locator('plan-indicator-bar [data-indicator="blue-green"] .long').textContent();
      expect(blueGreen?.replace(/\s+/g, ' ')).toContain(`mapped blue-green ≥ ${oneDecimal.format(naive.blueGreenKm2 / naive.insideAreaKm2)}`.replace(/\s+/g, ' '));
      expect(await page.locator('plan-indicator-bar [data-indicator="blue-green"]').textContent()).toContain('plan target ≥ 70');
      expect(await page.locator('plan-indicator-bar [data-undecided]').textContent()).toContain('farmland, villages and towns not mapped');
      const bar = (await page.locator('plan-indicator-bar .row').textContent()) ?? '';
      for (const claim of ['✓', '✗', 'short of', 'still fits', 'meets', 'misses']) expect(bar).not.toContain(claim);
      // the one step that gives a verdict opens the land-use panel in Analyse mode
      await page.locator('plan-indicator-bar button[data-action="load-landuse"] .long').click();
      await expect.poll(() => page.evaluate('globalThis.__plan.store.getState().mode')).toBe('analyse');
      const landUseOpen = `[...document.querySelectorAll('plan-panel-section')].some((section) => section.sectionId === 'landuse' && section.open && !section.hidden)`;
      await expect.poll(() => page.evaluate(landUseOpen), { timeout: 30_000 }).toBe(true);
    } finally {
      await app?.close();
    }
  });
});
