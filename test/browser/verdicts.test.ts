/**
 * Verdicts only where the data can decide, in real Chromium. On the built-in (schematic) layers, which leave
 * farmland, villages and towns unmapped, every place a verdict could appear — indicator bar, statistics gauges and
 * table, CSV, cluster cards, inspector, study and what-if figures, compare deltas, the PNG export's marks, the
 * handout with every slide's caption and notes — shows no ✓ / ✗, no "short of" / "still fits" / 达标 / 未达标,
 * and every figure carries `data-pass="unknown"`, in both languages. A land-use layer that covers the whole
 * area gives real verdicts (`true` / `false`, as the shares say); one that covers only part gives none.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { printHandout, waitUntil, type AppPage } from '../helpers/app-page.ts';
import { useBrowser } from '../helpers/use-browser.ts';
import { exportedText, recordExportText } from '../helpers/export-text.ts';
import { readLandUseFiles } from '../../src/data/landuse/read-landuse-files.ts';
import { classifyLayer } from '../../src/core/landuse/classify-layer.ts';
import { landUseIndicators } from '../../src/core/landuse/landuse-indicators.ts';

const FIXTURES = resolve(__dirname, '../fixtures/landuse');
const boundary = (JSON.parse(readFileSync(resolve(__dirname, '../../geodata/boundary.geojson'), 'utf8')) as { features: Feature<Polygon | MultiPolygon>[] }).features[0];

/** Words and marks that state a verdict, in either language. */
const VERDICT_WORDS = ['✓', '✗', 'short of', 'still fits', 'to spare', 'meets target', 'misses target', 'meets the target', 'misses the target', '未达标', '达标'];

/** Every `data-pass` / `data-left-pass` / `data-right-pass` in the page, through shadow roots, with what it marks. */
const PASSES = `(() => {
  const found = [];
  const walk = (root) => {
    for (const element of root.querySelectorAll('*')) {
      for (const name of ['data-pass', 'data-left-pass', 'data-right-pass']) {
        if (element.hasAttribute(name)) found.push({ name, value: element.getAttribute(name),
          what: element.getAttribute('data-indicator') ?? element.getAttribute('data-figure') ?? element.getAttribute('data-testid') ?? element.getAttribute('data-col') ?? element.tagName });
      }
      if (element.shadowRoot) walk(element.shadowRoot);
    }
  };
  walk(document);
  return found;
})()`;

/** All text of the page, shadow roots included (hidden sections too: what a screen reader or a later click shows). */
const ALL_TEXT = `(() => {
  const text = (node) => {
    let out = '';
    for (const child of node.childNodes) {
      if (child.nodeType === 3) out += child.textContent;
      else if (child.nodeType === 1 && child.tagName !== 'SCRIPT' && child.tagName !== 'STYLE') {
        out += ' ' + text(child);
        if (child.shadowRoot) out += ' ' + text(child.shadowRoot);
      }
    }
    return out;
  };
  return text(document.body);
})()`;

/** How many elements match `selector` inside any shadow root. */
const deepCount = (selector: string) => `(() => {
  let count = 0;
  const walk = (root) => { count += root.querySelectorAll(${JSON.stringify(selector)}).length; for (const e of root.querySelectorAll('*')) if (e.shadowRoot) walk(e.shadowRoot); };
  walk(document);
  return count;
})()`;

const send = (page: Page, type: string, detail: unknown) =>
  page.evaluate(({ type, detail }) => document.querySelector('plan-app')!.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true })), { type, detail });

const BAR = "document.querySelector('plan-indicator-bar')";
const barReady = (basis: string) => `${BAR}?.dataset.basis === '${basis}' && !!${BAR}.shadowRoot?.querySelector('[data-indicator="construction"]')?.getAttribute('data-value')`;

/** The land-use layer's own verdicts for the whole area, computed in node from the same file. */
function expectedVerdicts(file: string): { blueGreen: boolean | 'unknown'; construction: boolean | 'unknown' } {
  const read = readLandUseFiles([{ name: file, bytes: new Uint8Array(readFileSync(resolve(FIXTURES, file))) }]);
  if (!read.ok) throw new Error(`${file} did not read`);
  const { parcels } = classifyLayer(read.layer.features, read.layer.fields);
  const figures = landUseIndicators(parcels, boundary);
  return { blueGreen: figures.blueGreen.pass, construction: figures.construction.pass };
}

/** Loads a land-use fixture through the panel and makes it the basis of every figure. */
async function useLandUse(page: Page, file: string): Promise<void> {
  await waitUntil(page, `!!document.querySelector('plan-landuse-panel')?.shadowRoot?.querySelector('[data-testid="landuse-file"]')`, 60_000);
  await page.locator('plan-landuse-panel [data-testid="landuse-file"]').setInputFiles(resolve(FIXTURES, file));
  await waitUntil(page, `document.querySelector('plan-landuse-panel').shadowRoot.querySelectorAll('tr[data-class]').length > 0`, 60_000);
  await page.getByRole('button', { name: 'Use for indicators' }).click();
  await waitUntil(page, barReady('landuse'), 60_000);
  await waitUntil(page, `globalThis.__plan.store.getState().analysis.status === 'ready' && globalThis.__plan.store.getState().analysis.basis.kind === 'landuse'`, 60_000);
}

describe('verdicts only where the data can decide', () => {
  const chromium = useBrowser();

  for (const lang of ['zh', 'en'] as const) {
    it(`on the built-in layers no place gives a verdict (${lang})`, { timeout: 600_000 }, async () => {
      let app: AppPage | undefined;
      try {
        app = await chromium.open(`${inject('baseUrl')}#lang=${lang}&mode=analyse`, { reducedMotion: 'reduce', acceptDownloads: true, viewport: { width: 1280, height: 800 } });
        const { page } = app;
        await waitUntil(page, `globalThis.__plan.store.getState().analysis.status === 'ready'`, 90_000);
        await waitUntil(page, barReady('schematic'), 60_000);
        await recordExportText(page);

        // a study area, a what-if outline of a cluster, the cluster in the inspector, and a compare of plan and what-if
        const polygon: Polygon = { type: 'Polygon', coordinates: [[[117.0, 36.84], [117.08, 36.84], [117.08, 36.9], [117.0, 36.9], [117.0, 36.84]]] };
        await send(page, 'plan-study-command', { command: 'set-polygon', polygon });
        await waitUntil(page, `!!${BAR}.shadowRoot?.querySelector('[data-indicator="study"]')`, 60_000);
        const cluster = await page.evaluate('globalThis.__plan.store.getState().analysis.clusters[0].id') as string;
        await send(page, 'plan-study-command', { command: 'choose-cluster', clusterId: cluster });
        await send(page, 'plan-study-command', { command: 'edit-cluster', clusterId: cluster });
        await waitUntil(page, deepCount('[data-testid="what-if-table"] td[data-testid="what-if"][data-pass]'), 60_000);
        await send(page, 'plan-study-command', { command: 'done' });
        await send(page, 'plan-cluster-choose', { id: cluster });
        await waitUntil(page, deepCount('[data-testid="inspector-figures"] dd[data-figure="blueGreen"]'), 60_000);
        await send(page, 'plan-compare', { command: 'start', preset: 'plan-whatif' });
        await waitUntil(page, deepCount('[data-testid="compare-deltas"] tr[data-indicator="blueGreen"]'), 90_000);

        // the exports: the PNG's marks and the handout (every slide's caption and notes, every cluster's figures)
        await send(page, 'plan-compare', { command: 'stop' });
        await page.locator('[data-testid=open-slides]').click();
        await page.locator('plan-deck-panel li').first().waitFor();
        await Promise.all([page.waitForEvent('download', { timeout: 170_000 }), page.locator('plan-deck-panel [data-action=png-full]').click()]);
        const marks = (await exportedText(page)).join('\n');
        expect(marks).toContain(lang === 'zh' ? '耕地、村庄和城镇未测绘' : 'farmland, villages and towns not mapped');
        await printHandout(page, 180_000);
        const handout = (await page.locator('#plan-handout').textContent()) ?? '';
        expect(handout).toContain(lang === 'zh' ? '已测绘蓝绿空间 ≥' : 'mapped blue-green ≥');
        expect(handout).toContain(lang === 'zh' ? '规划目标 ≥ 70%' : 'plan target ≥ 70%');
        const handoutPasses = await page.locator('#plan-handout [data-pass]').evaluateAll((items) => items.map((item) => item.getAttribute('data-pass')));
        expect(handoutPasses.length).toBeGreaterThan(0);
        expect(new Set(handoutPasses)).toEqual(new Set(['unknown']));

        // every figure: no verdict
        const passes = await page.evaluate(PASSES) as { name: string; value: string; what: string }[];
        const places = new Set(passes.map((item) => item.what));
        for (const place of ['blue-green', 'construction', 'blueGreen', 'study-blue-green', 'study-construction', 'study-blue-green-check', 'plan', 'what-if'])
          expect(places, `a figure marked ${place}`).toContain(place);
        expect(passes.filter((item) => item.value !== 'unknown'), 'figures with a verdict').toEqual([]);
        expect(await page.evaluate(deepCount('[data-headroom]'))).toBe(0);
        expect(await page.evaluate(deepCount('tr[data-indicator$="HeadroomKm2"]'))).toBe(0);

        // and no words or marks of one, anywhere on the page, in the CSV, the PNG or the handout
        const csv = await page.evaluate("document.querySelector('plan-app').querySelector('plan-stats').csvText()") as string;
        const everything = [await page.evaluate(ALL_TEXT) as string, csv, marks, handout].join('\n');
        for (const word of VERDICT_WORDS) expect(everything.includes(word), `"${word}" on the built-in basis`).toBe(false);

        // what is shown instead: the mapped share as a lower bound, the plan's target, why, and the step to a verdict
        const bar = (await page.locator('plan-indicator-bar .row').textContent()) ?? '';
        expect(bar).toContain(lang === 'zh' ? '已测绘蓝绿空间 ≥' : 'mapped blue-green ≥');
        expect(bar).toContain(lang === 'zh' ? '已测绘建设用地 ≥' : 'mapped construction ≥');
        expect(bar).toContain(lang === 'zh' ? '规划目标 ≥ 70%' : 'plan target ≥ 70%');
        expect(bar).toContain(lang === 'zh' ? '耕地、村庄和城镇未测绘' : 'farmland, villages and towns not mapped');
        expect(await page.locator('plan-indicator-bar button[data-action="load-landuse"]').count()).toBe(1);
        // the layer tree says the farmland class is not mapped instead of offering an empty toggle
        await expect(page.locator('plan-layer-tree [data-unmapped="blue-green-farmland"]').textContent()).resolves.toContain(lang === 'zh' ? '未测绘' : 'not mapped');
        expect(await page.locator('plan-layer-tree input[data-layer="blue-green-farmland"]').count()).toBe(0);
        // and the legend has no row for what is not drawn
        expect(await page.locator('plan-legend li[data-legend="blue-green-farmland"]').count()).toBe(0);
        expect(await page.locator('plan-legend li[data-legend="blue-green-water"]').count()).toBe(1);
        expect(app.errors).toEqual([]);
      } finally {
        await app?.close();
      }
    });
  }

  it('a land-use layer that covers the whole area gives real verdicts', { timeout: 180_000 }, async () => {
    let app: AppPage | undefined;
    try {
      app = await chromium.open(`${inject('baseUrl')}#lang=en&mode=analyse`, { reducedMotion: 'reduce' });
      const { page } = app;
      const expected = expectedVerdicts('ydyh-gk39-whole-area.zip');
      expect(typeof expected.blueGreen).toBe('boolean');
      expect(typeof expected.construction).toBe('boolean');
      await useLandUse(page, 'ydyh-gk39-whole-area.zip');
      for (const [indicator, pass] of [['blue-green', expected.blueGreen], ['construction', expected.construction]] as const) {
        await expect(page.locator(`plan-indicator-bar [data-indicator="${indicator}"]`).getAttribute('data-pass')).resolves.toBe(String(pass));
        // a decided target has its headroom
        expect(Number.isFinite(Number(await page.locator(`plan-indicator-bar [data-headroom="${indicator}"]`).getAttribute('data-value')))).toBe(true);
      }
      await expect(page.locator('plan-indicator-bar .row').textContent()).resolves.toMatch(/[✓✗]/);
      await waitUntil(page, `!!document.querySelector('plan-app').querySelector('plan-stats')?.shadowRoot?.querySelector('[data-basis="landuse"]')`, 60_000);
      await expect(page.locator('plan-stats .gauge[data-figure="blueGreen"]').getAttribute('data-pass')).resolves.toBe(String(expected.blueGreen));
      await expect(page.locator('plan-stats .gauge[data-figure="construction"]').getAttribute('data-pass')).resolves.toBe(String(expected.construction));
      // the layer covers every cluster and subdistrict too: each row is decided
      const rows = await page.locator('plan-stats tbody td[data-pass]').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-pass')));
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((value) => value === 'true' || value === 'false')).toBe(true);
      expect(await page.locator('plan-indicator-bar button[data-action="load-landuse"]').count()).toBe(0);
      expect(app.errors).toEqual([]);
    } finally {
      await app?.close();
    }
  });

  it('a land-use layer that covers only part of the area gives no verdict there', { timeout: 180_000 }, async () => {
    let app: AppPage | undefined;
    try {
      app = await chromium.open(`${inject('baseUrl')}#lang=en&mode=analyse`, { reducedMotion: 'reduce' });
      const { page } = app;
      expect(expectedVerdicts('ydyh-gk39-prj.zip')).toEqual({ blueGreen: 'unknown', construction: 'unknown' });
      await useLandUse(page, 'ydyh-gk39-prj.zip');
      for (const indicator of ['blue-green', 'construction']) {
        await expect(page.locator(`plan-indicator-bar [data-indicator="${indicator}"]`).getAttribute('data-pass')).resolves.toBe('unknown');
        expect(await page.locator(`plan-indicator-bar [data-headroom="${indicator}"]`).count()).toBe(0);
      }
      const bar = (await page.locator('plan-indicator-bar .row').textContent()) ?? '';
      expect(bar).toContain('not covered or not recognised by the land-use layer');
      for (const word of VERDICT_WORDS) expect(bar.includes(word), `"${word}" on a partial land-use layer`).toBe(false);
      await waitUntil(page, `!!document.querySelector('plan-app').querySelector('plan-stats')?.shadowRoot?.querySelector('[data-basis="landuse"]')`, 60_000);
      await expect(page.locator('plan-stats .gauge[data-figure="blueGreen"]').getAttribute('data-pass')).resolves.toBe('unknown');
      expect(app.errors).toEqual([]);
    } finally {
      await app?.close();
    }
  });
});
