import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FeatureCollection } from 'geojson';
import { launchChromium } from '../helpers/chromium.ts';
import { openApp } from '../helpers/app-page.ts';
import type { AppPage } from '../helpers/app-page.ts';
import { regionContents } from '../../src/core/context/containing-regions.ts';

/*
 * The inspector's "Where" context (#5) in real Chromium: a click on farmland inside the Cuizhai cluster
 * reaches the cluster in one more click, and the cluster shows its blue-green share (equal to the
 * statistics table's row) and what it contains. One browser, one page; page code passed as strings (CSP).
 */

const load = (name: string) => JSON.parse(readFileSync(resolve(__dirname, `../../geodata/${name}.geojson`), 'utf8')) as FeatureCollection;
const percentOf = (text: string | null) => Number((text ?? '').replace(/\(.*$/, '').replace(/[^\d.-]/g, ''));

async function waitUntil(page: Page, expression: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${expression}`);
    await page.waitForTimeout(50);
  }
}

describe('inspector: where a feature is, and what a cluster holds', () => {
  let browser: Browser;
  let app: AppPage;
  let page: Page;
  const baseUrl = inject('baseUrl');
  const CLUSTER = 'cluster-cuizhai';
  const selectedId = () => page.evaluate(`(() => { const s = globalThis.__plan.store.getState().selection; return s.type === 'feature' ? s.id : null; })()`);

  beforeAll(async () => {
    browser = await launchChromium();
    app = await openApp(browser, `${baseUrl}#lang=en`, { reducedMotion: 'reduce' });
    page = app.page;
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('map click on farmland in Cuizhai → "Part of" the cluster → its blue-green share and projects, in 2 clicks', async () => {
    let clicks = 0;
    // On the fresh map (whole boundary in view): a pixel inside the cluster where farmland is drawn and
    // no point or line is near (so the click means the farmland, which wins over the cluster's faint fill).
    const candidates = await page.evaluate(`(() => {
      const { map, store } = globalThis.__plan;
      const cluster = store.getState().data.structure.features.find((f) => f.properties.id === '${CLUSTER}');
      const ring = cluster.geometry.coordinates[0];
      const lngs = ring.map((p) => p[0]), lats = ring.map((p) => p[1]);
      const [west, east, south, north] = [Math.min(...lngs), Math.max(...lngs), Math.min(...lats), Math.max(...lats)];
      const box = map.getCanvas().getBoundingClientRect();
      const out = [];
      for (let i = 1; i < 20; i++) for (let j = 1; j < 20; j++) {
        const { x, y } = map.project([west + ((east - west) * i) / 20, south + ((north - south) * j) / 20]);
        const hits = map.queryRenderedFeatures([[x - 8, y - 8], [x + 8, y + 8]]);
        const farmland = hits.find((f) => f.source === 'blue-green' && f.properties.class === 'farmland' && f.layer.type === 'fill');
        const inCluster = hits.some((f) => f.layer.id === 'structure-cluster-fill' && f.properties.id === '${CLUSTER}');
        const quiet = hits.every((f) => f.layer.type === 'fill' || f.source === 'highlight');
        if (farmland && inCluster && quiet) out.push({ x: box.left + x, y: box.top + y, id: farmland.properties.id });
      }
      return out;
    })()`) as { x: number; y: number; id: string }[];
    expect(candidates.length).toBeGreaterThan(0);
    const target = candidates[Math.floor(candidates.length / 2)];
    await page.mouse.click(target.x, target.y);
    clicks++;
    await waitUntil(page, `globalThis.__plan.store.getState().selection.type === 'feature'`);
    expect(await selectedId()).toBe(target.id);

    const inspector = page.locator('plan-inspector');
    await expect(inspector.locator('h3').textContent()).resolves.toMatch(/farmland/i);
    const partOf = inspector.locator(`[data-testid=inspector-where] button[data-choose="${CLUSTER}"]`);
    await expect(partOf.textContent()).resolves.toBe('Part of: Cuizhai High-tech Industry Cluster (Hydrogen Valley)');
    await expect(inspector.locator('[data-testid=inspector-where] button[data-choose="sd-cuizhai"]').textContent())
      .resolves.toBe('Subdistrict: Cuizhai Subdistrict (schematic)');
    await expect(inspector.locator('[data-testid=inspector-where] li[data-inside]').textContent()).resolves.toBe('Inside the Start-up Area');

    await partOf.click();
    clicks++;
    await waitUntil(page, `globalThis.__plan.store.getState().selection.id === '${CLUSTER}'`);
    await expect(inspector.locator('h3').textContent()).resolves.toBe('Cuizhai High-tech Industry Cluster');
    // the share appears once the analysis worker has answered ("computing…" until then)
    await waitUntil(page, `globalThis.__plan.store.getState().analysis.status === 'ready'`);
    const share = inspector.locator('[data-testid=inspector-figures] dd[data-figure=blueGreen]');
    await share.waitFor();
    const shareText = await share.textContent();
    const row = await page.locator(`plan-stats tr[data-id="${CLUSTER}"] td[data-col="blueGreen"]`).textContent();
    expect(percentOf(shareText)).toBe(percentOf(row));
    const stored = await page.evaluate(`globalThis.__plan.store.getState().analysis.clusters.find((r) => r.id === '${CLUSTER}').result.figures`) as
      { blueGreenRatio: number; blueGreenTarget: { pass: boolean } };
    expect(Math.abs(percentOf(shareText) - stored.blueGreenRatio * 100)).toBeLessThanOrEqual(0.05 + 1e-9);
    expect(shareText).toContain('target ≥ 70%');
    expect(shareText).toContain(stored.blueGreenTarget.pass ? 'meets target' : 'misses target');
    await expect(share.getAttribute('data-pass')).resolves.toBe(String(stored.blueGreenTarget.pass));
    await expect(inspector.locator('[data-testid=inspector-figures] dd[data-figure=construction]').textContent()).resolves.toContain('target ≤ 30%');
    expect(clicks).toBeLessThanOrEqual(3);

    // contained projects: the same list as the core function on the geodata, names as buttons
    const data = { projects: load('projects'), crossings: load('crossings') };
    const cluster = load('structure').features.find((feature) => feature.properties?.id === CLUSTER)!;
    const expected = regionContents(cluster, data);
    const buttons = inspector.locator('[data-testid=inspector-contents] button[data-choose^="p-"]');
    await expect(buttons.count()).resolves.toBe(expected.projects.length);
    expect(expected.projects.length).toBeGreaterThan(0);
    await expect(inspector.locator('[data-testid=inspector-contents] [data-count=projects]').textContent())
      .resolves.toContain(`Key projects: ${expected.projects.length}`);
    await expect(inspector.locator('[data-testid=inspector-contents] button[data-choose="p-byd"]').textContent())
      .resolves.toBe('BYD new-energy passenger car and components park');
  });

  it('a contained project button selects the project, which is "Part of" the cluster again', async () => {
    await page.locator('plan-inspector [data-testid=inspector-contents] button[data-choose="p-byd"]').click();
    await waitUntil(page, `globalThis.__plan.store.getState().selection.id === 'p-byd'`);
    await expect(page.locator(`plan-inspector [data-testid=inspector-where] button[data-choose="${CLUSTER}"]`).count()).resolves.toBe(1);
    // no figures for a project
    await expect(page.locator('plan-inspector [data-testid=inspector-figures]').count()).resolves.toBe(0);
  });

  it('a core (no row in the statistics table) gets its figures from the analysis worker; Chinese labels', async () => {
    await page.evaluate(`globalThis.__plan.store.update((s) => ({ ...s, lang: 'zh', selection: { type: 'feature', layer: 'structure', id: 'core-sci-tech' } }))`);
    const share = page.locator('plan-inspector [data-testid=inspector-figures] dd[data-figure=blueGreen]');
    await share.waitFor();
    await expect(share.textContent()).resolves.toMatch(/目标 ≥ 70%，(达标|未达标)/);
    await expect(page.locator('plan-inspector [data-testid=inspector-where] h4').textContent()).resolves.toBe('位置');
    await page.evaluate(`globalThis.__plan.store.update((s) => ({ ...s, lang: 'en' }))`);
    expect(app.errors).toEqual([]);
  });
});
