import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { waitUntil } from '../helpers/app-page.ts';
import type { AppPage } from '../helpers/app-page.ts';
import { useBrowser } from '../helpers/use-browser.ts';
import { regionContents } from '../../src/core/context/containing-regions.ts';
import { PICK_TOLERANCE_PX } from '../../src/map/highlight.ts';

/*
 * The inspector's "Where" context in real Chromium: a click on a blue-green area inside the Cuizhai cluster
 * reaches the cluster in one more click, and the cluster shows its blue-green share (equal to the
 * statistics table's row) and what it contains. One browser, one page; page code passed as strings (CSP).
 */

const load = (name: string) => JSON.parse(readFileSync(resolve(__dirname, `../../geodata/${name}.geojson`), 'utf8')) as FeatureCollection;
const percentOf = (text: string | null) => Number((text ?? '').replace(/\(.*$/, '').replace(/[^\d.-]/g, ''));

describe('inspector: where a feature is, and what a cluster holds', () => {
  const chromium = useBrowser();
  let app: AppPage;
  let page: Page;
  const baseUrl = inject('baseUrl');
  const CLUSTER = 'cluster-cuizhai';
  const selectedId = () => page.evaluate(`(() => { const s = globalThis.__plan.store.getState().selection; return s.type === 'feature' ? s.id : null; })()`);

  beforeAll(async () => {
    app = await chromium.open(`${baseUrl}#lang=en`, { reducedMotion: 'reduce' });
    page = app.page;
  });

  it('map click on a blue-green area in Cuizhai → "Part of" the cluster → its blue-green share and projects, in 2 clicks', async () => {
    let clicks = 0;
    // The user zooms to the cluster (the whole area at once is too small to aim at one field), then looks for a pixel inside the cluster where a blue-green area is drawn
    // right under the pointer, and within the product's pick tolerance nothing else but fills of that one
    // feature and the cluster's faint fill (so the click means that blue-green area, as a user sees it).
    await page.evaluate(`(() => {
      const { map, store } = globalThis.__plan;
      const cluster = store.getState().data.structure.features.find((f) => f.properties.id === '${CLUSTER}');
      const ring = cluster.geometry.coordinates[0];
      const lngs = ring.map((p) => p[0]), lats = ring.map((p) => p[1]);
      map.fitBounds([[Math.min(...lngs), Math.min(...lats)], [Math.max(...lngs), Math.max(...lats)]], { animate: false, padding: 40 });
    })()`);
    await waitUntil(page, `globalThis.__plan.map.loaded() && globalThis.__plan.map.areTilesLoaded() && !globalThis.__plan.map.isMoving()`);
    type Candidate = { x: number; y: number; id: string; name: string; at: [number, number] };
    const findCandidates = () => page.evaluate(`(() => {
      const { map, store } = globalThis.__plan;
      const cluster = store.getState().data.structure.features.find((f) => f.properties.id === '${CLUSTER}');
      const ring = cluster.geometry.coordinates[0];
      const lngs = ring.map((p) => p[0]), lats = ring.map((p) => p[1]);
      const [west, east, south, north] = [Math.min(...lngs), Math.max(...lngs), Math.min(...lats), Math.max(...lats)];
      const box = map.getCanvas().getBoundingClientRect();
      const r = ${PICK_TOLERANCE_PX};
      const out = [];
      for (let i = 1; i < 40; i++) for (let j = 1; j < 40; j++) {
        const { x, y } = map.project([west + ((east - west) * i) / 40, south + ((north - south) * j) / 40]);
        const under = map.queryRenderedFeatures([x, y]).find((f) => f.source === 'blue-green' && f.layer.type === 'fill');
        if (!under) continue;
        const near = map.queryRenderedFeatures([[x - r, y - r], [x + r, y + r]]);
        const inCluster = near.some((f) => f.layer.id === 'structure-cluster-fill' && f.properties.id === '${CLUSTER}');
        const quiet = near.every((f) => f.source === 'highlight'
          || (f.layer.type === 'fill' && (f.properties.id === under.properties.id || f.layer.id === 'structure-cluster-fill')));
        if (inCluster && quiet) {
          const at = map.unproject([x, y]);
          out.push({ x: box.left + x, y: box.top + y, id: under.properties.id, name: under.properties.name_en, at: [at.lng, at.lat] });
        }
      }
      return out;
    })()`) as Promise<Candidate[]>;
    // Labels are placed (and collide) a few frames after the map is idle: search until two searches a repaint
    // apart agree, so no label appears near the chosen pixel after it was chosen.
    let candidates = await findCandidates();
    for (let round = 0; round < 20; round += 1) {
      await page.evaluate(`new Promise((resolve) => { const { map } = globalThis.__plan; map.once('idle', resolve); map.triggerRepaint(); })`);
      const again = await findCandidates();
      const same = JSON.stringify(again) === JSON.stringify(candidates);
      candidates = again;
      if (same) break;
    }
    expect(candidates.length).toBeGreaterThan(0);
    const target = candidates[Math.floor(candidates.length / 2)]!;
    await page.mouse.click(target.x, target.y);
    clicks++;
    await waitUntil(page, `globalThis.__plan.store.getState().selection.type === 'feature'`);
    expect(await selectedId()).toBe(target.id);

    const inspector = page.locator('plan-inspector');
    await expect(inspector.locator('h3').textContent()).resolves.toBe(target.name);
    const partOf = inspector.locator(`[data-testid=inspector-where] button[data-choose="${CLUSTER}"]`);
    await expect(partOf.textContent()).resolves.toBe('Part of: Cuizhai High-tech Industry Cluster (Hydrogen Valley)');
    const subdistrict = load('subdistricts').features.find((f) => booleanPointInPolygon(target.at, f as Feature<Polygon | MultiPolygon>));
    expect(subdistrict).toBeDefined();
    await expect(inspector.locator(`[data-testid=inspector-where] button[data-choose="${String(subdistrict!.properties?.id)}"]`).textContent())
      .resolves.toContain(`Subdistrict: ${String(subdistrict!.properties?.name_en)}`);
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
      { blueGreenRatio: number; blueGreenTarget: { pass: boolean | 'unknown' } };
    expect(Math.abs(percentOf(shareText) - stored.blueGreenRatio * 100)).toBeLessThanOrEqual(0.05 + 1e-9);
    // on the schematic layers: the plan's target, the share as a lower bound, no verdict
    expect(stored.blueGreenTarget.pass).toBe('unknown');
    expect(shareText).toContain('plan target ≥ 70%');
    expect(shareText).toContain('≥');
    expect(shareText).toContain('no verdict');
    expect(shareText).not.toMatch(/meets|misses/);
    await expect(share.getAttribute('data-pass')).resolves.toBe('unknown');
    await expect(inspector.locator('[data-testid=inspector-figures] dd[data-figure=construction]').textContent()).resolves.toContain('plan target ≤ 30%');
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
    const first = expected.projects[0]!;
    await expect(inspector.locator(`[data-testid=inspector-contents] button[data-choose="${String(first.properties?.id)}"]`).textContent())
      .resolves.toBe(String(first.properties?.name_en));
  });

  it('a contained project button selects the project, which is "Part of" the cluster again', async () => {
    await page.evaluate(`globalThis.__plan.store.update((s) => ({ ...s, selection: { type: 'feature', layer: 'structure', id: '${CLUSTER}' } }))`);
    const cluster = load('structure').features.find((feature) => feature.properties?.id === CLUSTER)!;
    const project = String(regionContents(cluster, { projects: load('projects'), crossings: load('crossings') }).projects[0]!.properties?.id);
    await page.locator(`plan-inspector [data-testid=inspector-contents] button[data-choose="${project}"]`).click();
    await waitUntil(page, `globalThis.__plan.store.getState().selection.id === '${project}'`);
    await expect(page.locator(`plan-inspector [data-testid=inspector-where] button[data-choose="${CLUSTER}"]`).count()).resolves.toBe(1);
    // no figures for a project
    await expect(page.locator('plan-inspector [data-testid=inspector-figures]').count()).resolves.toBe(0);
  });

  it('a core (no row in the statistics table) gets its figures from the analysis worker; Chinese labels', async () => {
    await page.evaluate(`globalThis.__plan.store.update((s) => ({ ...s, lang: 'zh', selection: { type: 'feature', layer: 'structure', id: 'core-sci-tech' } }))`);
    const share = page.locator('plan-inspector [data-testid=inspector-figures] dd[data-figure=blueGreen]');
    await share.waitFor();
    // the schematic layers decide nothing: the plan's target and no verdict
    await expect(share.textContent()).resolves.toMatch(/≥ [\d.]+%（规划目标 ≥ 70%，不作判定）/);
    await expect(share.getAttribute('data-pass')).resolves.toBe('unknown');
    await expect(page.locator('plan-inspector [data-testid=inspector-where] h4').textContent()).resolves.toBe('位置');
    await page.evaluate(`globalThis.__plan.store.update((s) => ({ ...s, lang: 'en' }))`);
    expect(app.errors).toEqual([]);
  });
});
