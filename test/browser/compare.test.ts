/**
 * Compare in real Chromium: plan vs what-if under a swipe (two map canvases, the divider at 50 % moved by
 * drag and arrow keys, the clip following), cameras in step both ways, side by side on a wide window, the delta
 * table's construction share of the edited cluster against the core computed here in node, two years with no
 * indicator change said plainly, the what-if outline and the selection on both maps, no source added again while the
 * divider is dragged or a layer toggled or faded, stop and feature dispose leaving one map; axe with compare open.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import type { AppPage } from '../helpers/app-page.ts';
import { seriousViolations } from '../helpers/axe.ts';
import { useBrowser } from '../helpers/use-browser.ts';
import { prepareAnalysis, ratioForRegion } from '../../src/core/analysis/index.ts';

const load = (name: string): FeatureCollection =>
  JSON.parse(readFileSync(resolve(__dirname, `../../geodata/${name}.geojson`), 'utf8')) as FeatureCollection;
const prepared = prepareAnalysis({ boundary: load('boundary'), blueGreen: load('blue-green'), construction: load('construction') });

/** The cluster's outline scaled by `factor` about the middle of its bounding box (a what-if edit). */
function scaled(polygon: Polygon, factor: number): Polygon {
  const ring = polygon.coordinates[0];
  const xs = ring.map((point) => point[0]);
  const ys = ring.map((point) => point[1]);
  const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
  const cy = (Math.min(...ys) + Math.max(...ys)) / 2;
  return { type: 'Polygon', coordinates: [ring.map(([x, y]) => [cx + (x - cx) * factor, cy + (y - cy) * factor])] };
}
/** Construction share change (points) of a cluster outline scaled by 1.35, from the core in node. */
function constructionChange(feature: Feature<Polygon>): number {
  const plan = ratioForRegion(prepared, feature, {});
  const whatIf = ratioForRegion(prepared, { ...feature, geometry: scaled(feature.geometry, 1.35) }, {});
  return plan.ok && whatIf.ok ? ((whatIf.figures.constructionRatio ?? 0) - (plan.figures.constructionRatio ?? 0)) * 100 : 0;
}
// the cluster whose construction share the edit changes most
const cluster = (load('structure').features as Feature<Polygon>[])
  .filter((feature) => feature.properties?.kind === 'cluster' && feature.geometry.type === 'Polygon')
  .sort((a, b) => Math.abs(constructionChange(b)) - Math.abs(constructionChange(a)))[0];
const clusterId = String(cluster.properties?.id);
const edited = scaled(cluster.geometry, 1.35);

type Hook = {
  __plan: {
    store: { getState(): { analysisClasses: string[]; compare: { active: boolean; position: number; layout: string } }; update(fn: (state: unknown) => unknown): void };
    map: CameraMap;
    compareMap?: CameraMap;
    features: { dispose(): void; install(): void };
  };
};
type CameraMap = { getCenter(): { lng: number; lat: number }; getZoom(): number; jumpTo(options: object): void };

const canvases = (page: Page) => page.locator('canvas.maplibregl-canvas').count();
const compareState = (page: Page) => page.evaluate(() => (globalThis as unknown as Hook).__plan.store.getState().compare);
/** The left edge of the second map's visible part, in % of the width (from its clip-path). */
const clipPercent = (page: Page) => page.evaluate(() => {
  const container = document.querySelector('[data-testid=compare-maps] .compare-map') as HTMLElement | null;
  const match = /inset\(0(?:px)? 0(?:px)? 0(?:px)? ([\d.]+)%\)/.exec(container?.style.clipPath ?? '');
  return match ? Number(match[1]) : null;
});

async function startPreset(page: Page, preset: string): Promise<void> {
  const panel = page.locator('plan-compare-panel');
  if (await panel.locator('[data-testid=compare-stop]').count()) await panel.locator('[data-testid=compare-stop]').click();
  await panel.locator(`button[data-preset=${preset}]`).click();
  await expect.poll(() => compareState(page).then((state) => state.active)).toBe(true);
}

describe('compare with deltas', () => {
  const chromium = useBrowser();
  let app: AppPage;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    // bypassCSP: the app's CSP forbids inline scripts, and axe is injected as one
    app = await chromium.open(`${baseUrl}#mode=analyse&lang=en`, { viewport: { width: 1280, height: 800 }, bypassCSP: true });
    await app.page.locator('plan-compare-panel').waitFor({ state: 'attached', timeout: 30_000 });
    await app.page.getByRole('button', { name: 'Compare', exact: true }).click();
    // a what-if edit of one cluster, through the store (as the study tool writes it)
    await app.page.evaluate(({ id, geometry }) => {
      const { store } = (globalThis as unknown as Hook).__plan;
      store.update((state) => {
        const current = state as { study: { whatIf: Record<string, unknown> } };
        return { ...current, study: { ...current.study, whatIf: { ...current.study.whatIf, [id]: geometry } } };
      });
    }, { id: clusterId, geometry: edited });
  }, 90_000);

  it('starts plan vs what-if as a swipe: two canvases, the divider at 50 % moved by keys and drag, the clip following', async () => {
    const { page } = app;
    expect(await canvases(page)).toBe(1);
    await startPreset(page, 'plan-whatif');
    await expect.poll(() => canvases(page)).toBe(2);
    // the right map draws the what-if outline of the edited cluster, the left (main) map the plan's
    const outlines = () => page.evaluate(async (id) => {
      type Source = { getData(): Promise<{ features: { properties: { id: string }; geometry: unknown }[] }> };
      const { map, compareMap } = (globalThis as unknown as { __plan: Record<string, { getSource(name: string): Source | undefined } | undefined> }).__plan;
      const outline = async (target: typeof map) => (await target?.getSource('structure')?.getData())?.features.find((feature) => feature.properties.id === id)?.geometry ?? null;
      return { left: await outline(map), right: await outline(compareMap) };
    }, clusterId);
    await expect.poll(async () => (await outlines()).right).toEqual(edited);
    expect((await outlines()).left).toEqual(cluster.geometry);
    const divider = page.locator('[data-testid=compare-divider]');
    await expect.poll(() => divider.getAttribute('aria-valuenow')).toBe('50');
    await expect.poll(() => clipPercent(page)).toBe(50);

    await divider.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => divider.getAttribute('aria-valuenow')).toBe('55');
    await expect.poll(() => clipPercent(page)).toBe(55);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => clipPercent(page)).toBe(45);

    const area = await page.locator('#map').boundingBox();
    const handle = await divider.boundingBox();
    if (!area || !handle) throw new Error('no map or divider box');
    await page.mouse.move(handle.x + handle.width / 2, area.y + area.height / 2);
    await page.mouse.down();
    await page.mouse.move(area.x + area.width * 0.3, area.y + area.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => Math.abs((await compareState(page)).position - 0.3)).toBeLessThan(0.01);
    await expect.poll(async () => Math.abs((await clipPercent(page) ?? 0) - 30)).toBeLessThan(1);
    expect(Number(await divider.getAttribute('aria-valuenow'))).toBe(30);
  });

  it('draws the plan layers at the same opacity on both maps', async () => {
    const { page } = app;
    await page.waitForFunction(() => Boolean((globalThis as unknown as Hook).__plan.compareMap));
    const opacities = () => page.evaluate(`(() => { const { map, compareMap } = globalThis.__plan;
      const read = (m) => JSON.stringify(m.getPaintProperty('structure-cluster-fill', 'fill-opacity'));
      return { main: read(map), second: compareMap ? read(compareMap) : null }; })()`) as Promise<{ main: string; second: string | null }>;
    const before = (await opacities()).main;
    await page.evaluate(`globalThis.__plan.store.update((state) => ({ ...state, layerOpacity: { ...state.layerOpacity, clusters: 0.35 } }))`);
    await expect.poll(async () => (await opacities()).main).not.toBe(before);
    await expect.poll(async () => (await opacities()).second).toBe((await opacities()).main);
    await page.evaluate(`globalThis.__plan.store.update((state) => ({ ...state, layerOpacity: {} }))`);
    await expect.poll(async () => (await opacities()).second).toBe((await opacities()).main);
  });

  it('keeps the two cameras in step both ways', async () => {
    const { page } = app;
    await page.waitForFunction(() => Boolean((globalThis as unknown as Hook).__plan.compareMap));
    const centres = () => page.evaluate(() => {
      const { map, compareMap } = (globalThis as unknown as Hook).__plan;
      const a = map.getCenter();
      const b = compareMap?.getCenter() ?? { lng: NaN, lat: NaN };
      return { main: [a.lng, a.lat, map.getZoom()], second: [b.lng, b.lat, compareMap?.getZoom() ?? NaN] };
    });
    await page.evaluate(() => (globalThis as unknown as Hook).__plan.map.jumpTo({ center: [117.05, 36.78], zoom: 11 }));
    let now = await centres();
    expect(now.second[0]).toBeCloseTo(117.05, 6);
    expect(now.second[1]).toBeCloseTo(36.78, 6);
    expect(now.second[2]).toBeCloseTo(11, 6);
    await page.evaluate(() => (globalThis as unknown as Hook).__plan.compareMap?.jumpTo({ center: [117.1, 36.8], zoom: 10.5 }));
    now = await centres();
    expect(now.main[0]).toBeCloseTo(117.1, 6);
    expect(now.main[1]).toBeCloseTo(36.8, 6);
    expect(now.main[2]).toBeCloseTo(10.5, 6);
  });

  it("shows the edited cluster's construction share left → right with the signed change of the core in node", async () => {
    const { page } = app;
    const classes = await page.evaluate(() => (globalThis as unknown as Hook).__plan.store.getState().analysisClasses);
    const plan = ratioForRegion(prepared, cluster, { classes });
    const whatIf = ratioForRegion(prepared, { ...cluster, geometry: edited }, { classes });
    if (!plan.ok || !whatIf.ok) throw new Error('the cluster has no figures');
    const expected = ((whatIf.figures.constructionRatio ?? 0) - (plan.figures.constructionRatio ?? 0)) * 100;
    expect(Math.abs(expected)).toBeGreaterThan(0.05);

    const row = page.locator(`plan-compare-panel tbody[data-region="${clusterId}"] tr[data-indicator=construction]`);
    await row.waitFor({ timeout: 60_000 });
    expect(Number(await row.getAttribute('data-change'))).toBeCloseTo(expected, 6);
    expect(Number(await row.getAttribute('data-left'))).toBeCloseTo(plan.figures.constructionRatio ?? 0, 8);
    const values = await row.locator('td.values').textContent();
    // the schematic layers decide no verdict: each share is a lower bound, and there is no headroom nor change of it
    expect(values).toContain(`≥ ${((plan.figures.constructionRatio ?? 0) * 100).toFixed(1)}% → ≥ ${((whatIf.figures.constructionRatio ?? 0) * 100).toFixed(1)}%`);
    expect(await row.getAttribute('data-left-pass')).toBe('unknown');
    expect(await row.getAttribute('data-right-pass')).toBe('unknown');
    expect(await page.locator('plan-compare-panel tr[data-indicator$="HeadroomKm2"]').count()).toBe(0);
    expect(await page.locator('plan-compare-panel [data-testid=compare-undecided]').textContent()).toContain('lower bound');
    const change = (await row.locator('td.change').textContent())?.trim();
    expect(change).toBe(`${expected > 0 ? '+' : '-'}${Math.abs(expected).toFixed(1)} pt`);
    // each side names its basis, and the figures are said to be illustrative
    await expect.poll(() => page.locator('plan-compare-panel [data-testid=compare-left]').textContent()).toContain('Plan · 2023 · schematic layers');
    await expect.poll(() => page.locator('plan-compare-panel [data-testid=compare-right]').textContent()).toContain('What-if · 2023 · schematic layers');
    expect(await page.locator('plan-compare-panel [data-illustrative]').count()).toBe(1);
    expect(await page.locator('plan-compare-panel [data-testid=compare-unchanged]').count()).toBe(0);
  });

  it('says plainly that two years change no indicator', async () => {
    const { page } = app;
    await startPreset(page, 'years');
    const unchanged = page.locator('plan-compare-panel [data-testid=compare-unchanged]');
    await unchanged.waitFor({ timeout: 60_000 });
    expect(await unchanged.textContent()).toContain('No change in the indicators between these states.');
    const state = await compareState(page);
    expect(state.active).toBe(true);
    expect(await page.locator('plan-compare-panel tbody[data-region]').count()).toBe(1);
  });

  it('shows the two maps side by side on a wide window, cameras still in step', async () => {
    const { page } = app;
    await page.locator('plan-compare-panel input[value=side-by-side]').check();
    await expect.poll(() => page.evaluate(() => (document.querySelector('[data-testid=compare-maps] .compare-map') as HTMLElement).style.left)).toBe('50%');
    // no divider to move; the labels name the halves
    await expect.poll(() => page.locator('[data-testid=compare-divider]').count()).toBe(0);
    expect(await page.locator('[data-testid=compare-label-right]').textContent()).toContain('Right: Plan · 2035 · schematic layers');
    await page.evaluate(() => (globalThis as unknown as Hook).__plan.compareMap?.jumpTo({ center: [117.0, 36.75] }));
    const main = await page.evaluate(() => (globalThis as unknown as Hook).__plan.map.getCenter());
    expect(main.lng).toBeCloseTo(117.0, 6);
    expect(main.lat).toBeCloseTo(36.75, 6);
    await page.locator('plan-compare-panel input[value=swipe]').check();
    await expect.poll(() => clipPercent(page)).not.toBeNull();
  });

  it('has no serious or critical axe violations with compare open', async () => {
    const { page } = app;
    expect((await compareState(page)).active).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);

  it('offers the land-use side once a land-use layer is loaded, drawing that layer only on its side', async () => {
    const { page } = app;
    await page.locator('plan-landuse-panel [data-testid="landuse-file"]').setInputFiles(resolve(__dirname, '../fixtures/landuse/ydyh-gk39-prj.zip'));
    await page.waitForFunction(() => Boolean((globalThis as unknown as { __plan: { map: { getLayer(id: string): unknown } } }).__plan.map.getLayer('landuse-fill')), undefined, { timeout: 60_000 });
    const preset = page.locator('plan-compare-panel button[data-preset=basis]');
    if (!(await compareState(page)).active) await expect.poll(() => preset.isEnabled()).toBe(true);
    await startPreset(page, 'basis');
    const layers = () => page.evaluate(() => {
      type LayerMap = { getLayer(id: string): unknown; getLayoutProperty(id: string, name: string): unknown };
      const { map, compareMap } = (globalThis as unknown as { __plan: { map: LayerMap; compareMap?: LayerMap } }).__plan;
      return { main: map.getLayoutProperty('landuse-fill', 'visibility') ?? 'visible', second: Boolean(compareMap?.getLayer('landuse-fill')) };
    });
    await expect.poll(layers).toEqual({ main: 'none', second: true });
    await expect.poll(() => page.locator('plan-compare-panel [data-testid=compare-right]').textContent()).toContain('land-use layer');
    await page.locator('plan-compare-panel [data-testid=compare-deltas]').waitFor({ timeout: 60_000 });
    await page.locator('plan-compare-panel [data-testid=compare-stop]').click();
    await expect.poll(() => canvases(page)).toBe(1);
    expect((await layers()).main).toBe('visible');
  });

  it('a click on the second map picks the feature there, as a click on the first map does', async () => {
    const { page } = app;
    await startPreset(page, 'plan-whatif');
    await page.waitForFunction(() => Boolean((globalThis as unknown as Hook).__plan.compareMap));
    // the easternmost key project, with the divider moved to the left so that it is on the second map's side
    const project = (load('projects').features as Feature[])
      .filter((feature) => feature.geometry?.type === 'Point')
      .sort((a, b) => (b.geometry as { coordinates: number[] }).coordinates[0] - (a.geometry as { coordinates: number[] }).coordinates[0])[0];
    const [lng, lat] = (project.geometry as { coordinates: number[] }).coordinates;
    await page.evaluate('globalThis.__plan.store.update((state) => ({ ...state, compare: { ...state.compare, position: 0.15 } }))');
    await page.evaluate(`globalThis.__plan.map.jumpTo({ center: [${lng}, ${lat}], zoom: 12 })`);
    await expect.poll(() => clipPercent(page)).toBeCloseTo(15, 0);
    const box = (await page.locator('#map').boundingBox())!;
    const at = await page.evaluate(`(() => { const p = globalThis.__plan.compareMap.project([${lng}, ${lat}]); return [p.x, p.y]; })()`) as [number, number];
    expect(at[0]).toBeGreaterThan(box.width * 0.15);
    await page.mouse.click(box.x + at[0], box.y + at[1]);
    await expect.poll(() => page.evaluate('(() => { const s = globalThis.__plan.store.getState().selection; return s.type === "feature" ? s.id : null; })()'))
      .toBe(String(project.properties?.id));
  });

  it("draws the user's imported layers on both maps, and removes them from both", async () => {
    const { page } = app;
    await startPreset(page, 'plan-whatif');
    await page.waitForFunction(() => Boolean((globalThis as unknown as Hook).__plan.compareMap));
    const square = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { n: 1 }, geometry: { type: 'Polygon', coordinates: [[[117.0, 36.8], [117.2, 36.8], [117.2, 36.9], [117.0, 36.9], [117.0, 36.8]]] } }] };
    await page.locator('plan-import-panel input[type=file]').setInputFiles({ name: 'square.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(square)) });
    await expect.poll(() => page.evaluate('globalThis.__plan.store.getState().imports.length')).toBe(1);
    const id = await page.evaluate('globalThis.__plan.store.getState().imports[0].id') as string;
    await page.evaluate(() => (globalThis as unknown as Hook).__plan.map.jumpTo({ center: [117.1, 36.85], zoom: 10 }));
    const drawn = (map: 'map' | 'compareMap') => page.evaluate(`(() => { const m = globalThis.__plan['${map}']; m.triggerRepaint();
      return m.getLayer('${id}-fill') ? m.queryRenderedFeatures({ layers: ['${id}-fill'] }).length : -1; })()`);
    await expect.poll(() => drawn('compareMap'), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => drawn('map'), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.evaluate(`globalThis.__plan.store.update((state) => ({ ...state, imports: [] }))`);
    await expect.poll(() => drawn('compareMap')).toBe(-1);
    await expect.poll(() => page.evaluate(`!!globalThis.__plan.compareMap.getSource('${id}')`)).toBe(false);
  });

  it('draws the what-if outline and the selection on both maps; dragging the divider, toggling a layer or its opacity adds no source', async () => {
    const { page } = app;
    await startPreset(page, 'plan-whatif');
    await page.waitForFunction(() => Boolean((globalThis as unknown as Hook).__plan.compareMap));
    const square = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { n: 2 }, geometry: { type: 'Polygon', coordinates: [[[117.0, 36.8], [117.1, 36.8], [117.1, 36.9], [117.0, 36.8]]] } }] };
    await page.locator('plan-import-panel input[type=file]').setInputFiles({ name: 'triangle.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(square)) });
    await expect.poll(() => page.evaluate('globalThis.__plan.store.getState().imports.length')).toBeGreaterThan(0);
    const id = await page.evaluate('globalThis.__plan.store.getState().imports.at(-1).id') as string;
    await expect.poll(() => page.evaluate(`!!globalThis.__plan.compareMap.getLayer('${id}-fill') && !!globalThis.__plan.map.getLayer('${id}-fill')`)).toBe(true);
    await page.evaluate(`globalThis.__plan.store.update((state) => ({ ...state, selection: { type: 'feature', layer: 'structure', id: '${clusterId}' } }))`);
    // each map: the ids of its what-if outlines and of its selected feature
    const overlays = () => page.evaluate(`(async () => {
      const read = async (map) => {
        const outlines = map.getSource('study-shapes') ? (await map.getSource('study-shapes').getData()).features : [];
        const highlight = (await map.getSource('highlight').getData()).features;
        return { whatIf: outlines.filter((f) => f.properties.role === 'what-if').map((f) => f.properties.id),
          selected: highlight.filter((f) => f.properties.role === 'selected').map((f) => String(f.properties.id)) };
      };
      const { map, compareMap } = globalThis.__plan;
      return { left: await read(map), right: await read(compareMap) };
    })()`);
    const expected = { whatIf: [clusterId], selected: [clusterId] };
    await expect.poll(overlays, { timeout: 30_000 }).toEqual({ left: expected, right: expected });

    // count the sources added to either map from here on
    await page.evaluate(`(() => { for (const map of [globalThis.__plan.map, globalThis.__plan.compareMap]) {
      const add = map.addSource.bind(map); map.__added = [];
      map.addSource = (sourceId, spec) => { map.__added.push(sourceId); return add(sourceId, spec); };
    } })()`);
    const added = () => page.evaluate('[...globalThis.__plan.map.__added, ...globalThis.__plan.compareMap.__added]');
    const area = (await page.locator('#map').boundingBox())!;
    const handle = (await page.locator('[data-testid=compare-divider]').boundingBox())!;
    await page.mouse.move(handle.x + handle.width / 2, area.y + area.height / 2);
    await page.mouse.down();
    await page.mouse.move(area.x + area.width * 0.2, area.y + area.height / 2, { steps: 8 });
    await page.mouse.move(area.x + area.width * 0.8, area.y + area.height / 2, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => Math.abs((await compareState(page)).position - 0.8)).toBeLessThan(0.01);
    await page.evaluate(`globalThis.__plan.store.update((state) => ({ ...state, layerVisibility: { ...state.layerVisibility, clusters: false } }))`);
    await page.evaluate(`globalThis.__plan.store.update((state) => ({ ...state, layerVisibility: { ...state.layerVisibility, clusters: true } }))`);
    for (const opacity of [0.8, 0.6, 0.4]) {
      await page.evaluate(`globalThis.__plan.store.update((state) => ({ ...state, layerOpacity: { ...state.layerOpacity, clusters: ${opacity}, '${id}': ${opacity} } }))`);
    }
    await expect.poll(() => page.evaluate(`JSON.stringify(globalThis.__plan.compareMap.getPaintProperty('${id}-fill', 'fill-opacity'))`)).not.toBe('0.35');
    expect(await added()).toEqual([]);
    await page.evaluate(`globalThis.__plan.store.update((state) => ({ ...state, selection: { type: 'none' }, imports: [], layerOpacity: {} }))`);
  });

  it('stop removes the second map; the shortcut starts it again; disposing the feature leaves one map and nothing of compare', async () => {
    const { page } = app;
    await startPreset(page, 'plan-whatif');
    await expect.poll(() => canvases(page)).toBe(2);
    await page.locator('plan-compare-panel [data-testid=compare-stop]').click();
    await expect.poll(() => canvases(page)).toBe(1);
    expect(await page.evaluate(() => (globalThis as unknown as Hook).__plan.compareMap)).toBeUndefined();
    expect(await page.locator('[data-testid=compare-maps]').count()).toBe(0);

    await page.locator('#map canvas').focus();
    await page.keyboard.press('c');
    await expect.poll(() => canvases(page)).toBe(2);
    await page.evaluate(() => (globalThis as unknown as Hook).__plan.features.dispose());
    await expect.poll(() => canvases(page)).toBe(1);
    expect(await page.locator('plan-compare-panel, plan-compare-divider, [data-testid=compare-maps]').count()).toBe(0);
    await page.evaluate(() => (globalThis as unknown as Hook).__plan.features.install());
    await page.locator('plan-compare-panel').waitFor({ state: 'attached', timeout: 30_000 });
    expect(app.errors).toEqual([]);
  });
});
