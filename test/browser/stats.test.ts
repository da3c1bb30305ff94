import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FeatureCollection } from 'geojson';
import { waitUntil } from '../helpers/app-page.ts';
import type { AppPage } from '../helpers/app-page.ts';
import { useBrowser } from '../helpers/use-browser.ts';
import { prepareAnalysis, wholeAreaFigures } from '../../src/core/analysis/index.ts';
import { bbox } from '@turf/bbox';

/*
 * Statistics panel and cluster explorer in real Chromium, against an independent computation
 * of the same geodata in node with the analysis core. One browser, one page (reduced motion, so camera
 * moves are immediate). Page code is passed as strings (the app's CSP forbids waitForFunction's eval).
 */

const load = (name: string) => JSON.parse(readFileSync(resolve(__dirname, `../../geodata/${name}.geojson`), 'utf8')) as FeatureCollection;

/** The number in a formatted percentage such as "71.9%". */
const percentOf = (text: string | null) => Number((text ?? '').replace(/[^\d.-]/g, ''));

describe('statistics panel and cluster explorer', () => {
  const chromium = useBrowser();
  let app: AppPage;
  let page: Page;
  const baseUrl = inject('baseUrl');
  const layers = { boundary: load('boundary'), blueGreen: load('blue-green'), construction: load('construction') };
  const prepared = prepareAnalysis(layers);
  const structure = load('structure');

  beforeAll(async () => {
    app = await chromium.open(`${baseUrl}#lang=en&mode=analyse`, { reducedMotion: 'reduce', acceptDownloads: true });
    page = app.page;
    await waitUntil(page, `globalThis.__plan.store.getState().analysis.status === 'ready'`);
  });

  const gaugeValue = (figure: string) => page.locator(`plan-stats .gauge[data-figure="${figure}"] .gauge-value`).textContent();

  it('shows the whole-area figures equal to an independent computation, with targets and reconciliation', async () => {
    const expected = wholeAreaFigures(prepared, { classes: ['water', 'wetland', 'forest', 'park', 'farmland'] });
    expect(Math.abs(percentOf(await gaugeValue('blueGreen')) - expected.blueGreenRatio! * 100)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(percentOf(await gaugeValue('construction')) - expected.constructionRatio! * 100)).toBeLessThanOrEqual(0.1);
    // the schematic layers map only part of the area: no verdict, the mapped share as a lower bound, the plan's target
    const verdict = await page.locator('plan-stats .gauge[data-figure="blueGreen"] .verdict').textContent();
    expect(expected.blueGreenTarget.pass).toBe('unknown');
    expect(verdict).toContain('mapped blue-green ≥');
    expect(verdict).toContain('farmland, villages and towns not mapped');
    expect(verdict).toContain('plan target ≥ 70%');
    expect(verdict).not.toMatch(/meets|misses|✓|✗/);
    for (const figure of ['blueGreen', 'construction']) {
      await expect(page.locator(`plan-stats .gauge[data-figure="${figure}"]`).getAttribute('data-pass')).resolves.toBe('unknown');
      await expect(gaugeValue(figure)).resolves.toContain('≥');
    }
    const reconciliation = await page.locator('plan-stats [data-testid="reconciliation"]').textContent();
    expect(reconciliation).toContain('798 km²');
    expect(reconciliation).toContain(`${expected.reconciliation.computedKm2.toFixed(2)} km²`);
    await expect(page.locator('plan-stats .schematic').isVisible()).resolves.toBe(true);
  });

  it('toggling the largest blue-green class off updates the blue-green share to the core value for that class set', async () => {
    const before = percentOf(await gaugeValue('blueGreen'));
    const areas = await page.evaluate(`globalThis.__plan.store.getState().analysis.whole.classAreasKm2`) as Record<string, number>;
    const largest = Object.entries(areas).sort((a, b) => b[1] - a[1])[0]![0];
    expect(areas[largest]).toBeGreaterThan(0);
    await page.locator(`plan-stats input[data-class="${largest}"]`).click();
    await waitUntil(page, `(() => { const a = globalThis.__plan.store.getState().analysis; return a.status === 'ready' && !a.classes.includes('${largest}'); })()`);
    const after = percentOf(await gaugeValue('blueGreen'));
    const expected = wholeAreaFigures(prepared, { classes: ['water', 'wetland', 'forest', 'park', 'farmland'].filter((name) => name !== largest) });
    expect(after).not.toBe(before);
    expect(Math.abs(after - expected.blueGreenRatio! * 100)).toBeLessThanOrEqual(0.1);
    // the table follows at once: every cluster row equals the store's figures for the same class set
    const clusterRatio = await page.evaluate(`globalThis.__plan.store.getState().analysis.clusters[0].result.figures.blueGreenRatio`) as number;
    const firstId = await page.evaluate(`globalThis.__plan.store.getState().analysis.clusters[0].id`) as string;
    const cell = await page.locator(`plan-stats tr[data-id="${firstId}"] td[data-col="blueGreen"]`).textContent();
    expect(Math.abs(percentOf(cell) - clusterRatio * 100)).toBeLessThanOrEqual(0.05 + 1e-9);
    await page.locator(`plan-stats input[data-class="${largest}"]`).click();
    await waitUntil(page, `globalThis.__plan.store.getState().analysis.classes.includes('${largest}')`);
  });

  it('sorts the table by blue-green with the keyboard (aria-sort follows)', async () => {
    const header = page.locator('plan-stats th[data-sort-key="blueGreen"]');
    await header.locator('button').focus();
    await page.keyboard.press('Enter');
    await expect(header.getAttribute('aria-sort')).resolves.toBe('descending');
    const read = async () => (await page.locator('plan-stats tbody td[data-col="blueGreen"]').allTextContents()).map(percentOf);
    const descending = await read();
    expect(descending.length).toBeGreaterThan(5);
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    await page.keyboard.press('Space');
    await expect(header.getAttribute('aria-sort')).resolves.toBe('ascending');
    const ascending = await read();
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await expect(page.locator('plan-stats th[data-sort-key="area"]').getAttribute('aria-sort')).resolves.toBe('none');
  });

  it('exports the table as CSV (escaped, one line per row, figures from the analysis)', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('plan-stats button.export').click()]);
    expect(download.suggestedFilename()).toBe('startup-area-figures.csv');
    const path = await download.path();
    const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
    const lines = text.trimEnd().split('\r\n');
    const analysis = await page.evaluate(`(() => { const a = globalThis.__plan.store.getState().analysis; return { rows: a.clusters.length + a.subdistricts.length, first: a.clusters[0] }; })()`) as
      { rows: number; first: { id: string; result: { figures: { blueGreenRatio: number } } } };
    expect(lines[0]).toBe('id,Type,name_zh,name_en,area_km2,blue_green_percent,construction_percent,basis,blue_green_verdict,construction_verdict');
    expect(lines).toHaveLength(analysis.rows + 1);
    // every row names the basis of its figures (here the schematic layers, said to be illustrative) and gives no
    // verdict on them: the shares are lower bounds of what is mapped
    const noVerdict = 'no verdict (the share is a lower bound of what is mapped)';
    expect(lines.slice(1).every((item) => item.endsWith(`,schematic layers (illustrative),${noVerdict},${noVerdict}`))).toBe(true);
    const line = lines.find((item) => item.startsWith(`${analysis.first.id},`));
    expect(line).toBeDefined();
    expect(Number(line!.split(',')[5])).toBeCloseTo(analysis.first.result.figures.blueGreenRatio * 100, 2);
    expect(lines.every((item) => !/^[=+\-@]|,[=+\-@]/.test(item))).toBe(true);
  });

  it('choosing a cluster card fits the map to the cluster and highlights it', async () => {
    // the cluster cards are an Explore tool
    await page.locator('plan-mode-switch button[data-mode=explore]').click();
    const id = 'cluster-cuizhai';
    const cluster = structure.features.find((feature) => feature.properties?.id === id)!;
    const [west, south, east, north] = bbox(cluster);
    await page.locator(`plan-clusters li.card[data-id="${id}"] button.choose`).click();
    await waitUntil(page, `(() => { const s = globalThis.__plan.store.getState().selection; return s.type === 'feature' && s.id === '${id}'; })()`);
    const view = await page.evaluate(`(() => { const b = globalThis.__plan.map.getBounds(); return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]; })()`) as number[];
    // the whole cluster is in view, and it fills a good part of it (the camera moved to it)
    expect(view[0]).toBeLessThanOrEqual(west);
    expect(view[1]).toBeLessThanOrEqual(south);
    expect(view[2]).toBeGreaterThanOrEqual(east);
    expect(view[3]).toBeGreaterThanOrEqual(north);
    expect(Math.max((east - west) / (view[2] - view[0]), (north - south) / (view[3] - view[1]))).toBeGreaterThan(0.5);
    await waitUntil(page, `(() => { const { map } = globalThis.__plan; map.triggerRepaint(); return map.queryRenderedFeatures({ layers: ['highlight-line'] }).some((f) => f.properties.id === '${id}'); })()`);
    await expect(page.locator(`plan-clusters li.card[data-id="${id}"] .details`).isVisible()).resolves.toBe(true);
    await expect(page.locator(`plan-clusters li.card[data-id="${id}"] .details li`).count()).resolves.toBeGreaterThan(0);
  });

  it('clicking a cluster on the map opens its card', async () => {
    // the cluster cards are an Explore tool; fitted here, whatever an earlier test did with the camera
    await page.locator('plan-mode-switch button[data-mode=explore]').click();
    const id = 'cluster-cuizhai';
    await page.keyboard.press('Escape');
    await waitUntil(page, `globalThis.__plan.store.getState().selection.type === 'none'`);
    const cluster = structure.features.find((feature) => feature.properties?.id === id)!;
    const [west, south, east, north] = bbox(cluster);
    await page.evaluate(`globalThis.__plan.map.fitBounds(${JSON.stringify([west, south, east, north])}, { padding: 40, animate: false })`);
    await waitUntil(page, `(() => { const { map } = globalThis.__plan; return map.loaded() && map.areTilesLoaded() && !map.isMoving(); })()`);
    // Points inside the cluster where nothing else is drawn (points, lines and opaque fills win a click)
    const candidates = await page.evaluate(`(() => {
      const { map } = globalThis.__plan;
      const out = [];
      const canvas = map.getCanvas().getBoundingClientRect();
      const [west, south, east, north] = ${JSON.stringify([west, south, east, north])};
      for (let i = 1; i < 10; i++) for (let j = 1; j < 10; j++) {
        const { x, y } = map.project([west + ((east - west) * i) / 10, south + ((north - south) * j) / 10]);
        const hits = map.queryRenderedFeatures([[x - 7, y - 7], [x + 7, y + 7]]);
        const inCluster = hits.some((f) => f.layer.id === 'structure-cluster-fill' && f.properties.id === '${id}');
        const onlyCluster = hits.every((f) => f.source === 'highlight' || (f.layer.id === 'structure-cluster-fill' && f.properties.id === '${id}'));
        if (inCluster && onlyCluster) out.push([canvas.left + x, canvas.top + y]);
      }
      return out;
    })()`) as [number, number][];
    expect(candidates.length).toBeGreaterThan(0);
    let picked = false;
    for (const [x, y] of candidates) {
      await page.mouse.click(x, y);
      picked = await page.evaluate(`globalThis.__plan.store.getState().selection.id === '${id}'`) as boolean;
      if (picked) break;
    }
    expect(picked).toBe(true);
    const card = page.locator(`plan-clusters li.card[data-id="${id}"]`);
    await expect(card.getAttribute('data-open')).resolves.not.toBeNull();
    await expect(card.locator('.details').isVisible()).resolves.toBe(true);
    await expect(card.locator('button.choose').getAttribute('aria-expanded')).resolves.toBe('true');
  });
});
