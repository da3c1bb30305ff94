/**
 * Study-area tool and what-if cluster outlines in real Chromium: draw by clicking on the map,
 * drag vertices with the mouse, figures follow during the drag and equal an independent computation in
 * node (the core's ratioForRegion and the naive turf reference); self-intersection is reported in
 * role=alert with the last good figures kept; saved and restored; what-if edit and exact reset.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FeatureCollection, Polygon, Position } from 'geojson';
import { launchChromium } from '../helpers/chromium.ts';
import { openApp, waitForMapIdle } from '../helpers/app-page.ts';
import type { AppPage } from '../helpers/app-page.ts';
import { naiveRegionAreas } from '../helpers/analysis-naive.ts';
import { prepareAnalysis, ratioForRegion, validateUserPolygon } from '../../src/core/analysis/index.ts';
import type { RegionFigures } from '../../src/core/analysis/index.ts';

const load = (name: string): FeatureCollection =>
  JSON.parse(readFileSync(resolve(__dirname, `../../geodata/${name}.geojson`), 'utf8')) as FeatureCollection;
const layers = { boundary: load('boundary'), blueGreen: load('blue-green'), construction: load('construction') };
const prepared = prepareAnalysis(layers);

interface StudySnapshot {
  mode: string;
  polygon: Polygon | null;
  figures: RegionFigures | null;
  error: string | null;
  classes: string[];
  whatIf: Record<string, Polygon>;
  comparison: { id: string; plan: RegionFigures | null; whatIf: RegionFigures | null } | null;
}

async function snapshot(page: Page): Promise<StudySnapshot> {
  return page.evaluate(() => {
    const { store } = (globalThis as unknown as { __plan: { store: { getState(): Record<string, unknown> } } }).__plan;
    const state = store.getState() as {
      study: { mode: string; polygon: unknown; study: { figures: unknown; error: unknown }; whatIf: unknown; comparison: unknown };
      analysisClasses: string[];
    };
    return JSON.parse(JSON.stringify({
      mode: state.study.mode, polygon: state.study.polygon, figures: state.study.study.figures, error: state.study.study.error,
      classes: state.analysisClasses, whatIf: state.study.whatIf, comparison: state.study.comparison,
    })) as StudySnapshot;
  });
}

/** Screen point (page coordinates) of a lon/lat, from the map's own projection. */
async function screenPoint(page: Page, position: Position): Promise<{ x: number; y: number }> {
  return page.evaluate(([lng, lat]) => {
    const { map } = (globalThis as unknown as { __plan: { map: { project(p: [number, number]): { x: number; y: number }; getCanvas(): HTMLCanvasElement } } }).__plan;
    const point = map.project([lng, lat]);
    const rect = map.getCanvas().getBoundingClientRect();
    return { x: rect.left + point.x, y: rect.top + point.y };
  }, [position[0], position[1]] as [number, number]);
}

/** The displayed study figures: area (km², from data-value) and the two shares as shown (percent text). */
async function displayed(page: Page, scope = '[data-testid="study-figures-element"]') {
  const root = page.locator(scope);
  const area = await root.locator('[data-testid="study-area"]').getAttribute('data-value', { timeout: 2000 }).catch(() => null);
  const blueGreen = await root.locator('[data-testid="study-blue-green"] strong').textContent({ timeout: 2000 }).catch(() => null);
  const construction = await root.locator('[data-testid="study-construction"] strong').textContent({ timeout: 2000 }).catch(() => null);
  return { area: area === null ? null : Number(area), blueGreen, construction };
}

const percentOf = (text: string | null) => Number((text ?? '').replace(/[^\d.]/g, ''));

/** Displayed figures equal the core's figures of `polygon` (and, when asked, the naive turf computation) to 0.1 point. */
async function expectFiguresOf(page: Page, polygon: Polygon, classes: string[], alsoNaive = false): Promise<void> {
  const core = ratioForRegion(prepared, { type: 'Feature', properties: {}, geometry: polygon }, { classes });
  expect(core.ok).toBe(true);
  if (!core.ok) return;
  const shown = await displayed(page);
  expect(shown.area).not.toBeNull();
  expect(Math.abs((shown.area ?? 0) - core.figures.areaKm2)).toBeLessThan(0.001 * core.figures.areaKm2);
  expect(Math.abs(percentOf(shown.blueGreen) - (core.figures.blueGreenRatio ?? 0) * 100)).toBeLessThanOrEqual(0.1);
  expect(Math.abs(percentOf(shown.construction) - (core.figures.constructionRatio ?? 0) * 100)).toBeLessThanOrEqual(0.1);
  // the target labels state the targets the analysis checks against (read from the core, not typed in)
  const targets = await page.locator('[data-testid="study-figures"] .target').allTextContents();
  const { blueGreenTarget, constructionTarget } = core.figures;
  expect(targets.map((text) => percentOf(text))).toEqual([blueGreenTarget.target * 100, constructionTarget.target * 100]);
  expect(targets[0]).toContain(blueGreenTarget.op === '>=' ? '≥' : '≤');
  expect(targets[1]).toContain(constructionTarget.op === '>=' ? '≥' : '≤');
  if (!alsoNaive) return;
  const naive = naiveRegionAreas(layers, { type: 'Feature', properties: {}, geometry: polygon }, classes);
  expect(Math.abs(percentOf(shown.blueGreen) - (naive.blueGreenKm2 / naive.insideAreaKm2) * 100)).toBeLessThanOrEqual(0.1);
}

/** Waits for the next two animation frames in the page (lets one coalesced update through). */
const frames = (page: Page) => page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));

describe('study-area tool in real Chromium', () => {
  let browser: Browser;
  let app: AppPage;
  const baseUrl = inject('baseUrl');
  let drawn: Polygon;

  beforeAll(async () => {
    browser = await launchChromium();
    app = await openApp(browser, baseUrl);
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('draws a polygon by clicking on the map; the figures match the core and naive turf', async () => {
    const { page } = app;
    const center = await page.evaluate(() => {
      const { map } = (globalThis as unknown as { __plan: { map: { getCenter(): { lng: number; lat: number } } } }).__plan;
      const { lng, lat } = map.getCenter();
      return [lng, lat];
    });
    await page.locator('[data-testid="study-open"]').click();
    await page.waitForFunction(() => (globalThis as unknown as { __plan: { store: { getState(): { study: { mode: string } } } } }).__plan.store.getState().study.mode === 'drawing');
    // a pentagon of radius ~0.06° around the view centre
    const vertices: Position[] = Array.from({ length: 5 }, (_, k) => {
      const angle = Math.PI / 2 + (2 * Math.PI * k) / 5;
      return [center[0] + 0.075 * Math.cos(angle), center[1] + 0.06 * Math.sin(angle)];
    });
    for (const vertex of vertices) {
      const { x, y } = await screenPoint(page, vertex);
      await page.mouse.move(x, y, { steps: 3 });
      await page.mouse.click(x, y);
      await frames(page);
    }
    const first = await screenPoint(page, vertices[0]);
    await page.mouse.move(first.x, first.y, { steps: 3 });
    await page.mouse.click(first.x, first.y);
    await page.waitForFunction(() => {
      const study = (globalThis as unknown as { __plan: { store: { getState(): { study: { mode: string; study: { figures: unknown } } } } } }).__plan.store.getState().study;
      return study.mode === 'editing' && study.study.figures !== null;
    });
    const state = await snapshot(page);
    expect(state.polygon?.coordinates[0]).toHaveLength(6);
    drawn = state.polygon as Polygon;
    // the drawn polygon is where we clicked (to a fraction of a pixel)
    for (let k = 0; k < 5; k++) {
      expect(Math.abs(drawn.coordinates[0][k][0] - vertices[k][0])).toBeLessThan(0.002);
      expect(Math.abs(drawn.coordinates[0][k][1] - vertices[k][1])).toBeLessThan(0.002);
    }
    await expectFiguresOf(page, drawn, state.classes, true);
    // the schematic layers decide no verdict: the check says so and why
    await expect(page.locator('[data-testid="study-blue-green-check"]').getAttribute('data-pass')).resolves.toBe('unknown');
    await expect(page.locator('[data-testid="study-blue-green-check"]').textContent()).resolves.not.toMatch(/✓|✗/);
  });

  it('updates the figures while a vertex is dragged, and ends on the figures of the final polygon', async () => {
    const { page } = app;
    const vertex = drawn.coordinates[0][0];
    const start = await screenPoint(page, vertex);
    await page.mouse.move(start.x, start.y, { steps: 2 });
    await page.mouse.down();
    const samples: number[] = [];
    let previous = (await displayed(page)).area ?? 0;
    for (let step = 1; step <= 4; step++) {
      await page.mouse.move(start.x + 15 * step, start.y - 12 * step, { steps: 2 });
      // the button is still down: the figures must follow the hand before the drag ends
      await page.waitForFunction(([before]) => {
        const app = document.querySelector('plan-study-panel')?.shadowRoot?.querySelector('[data-testid="study-figures-element"]');
        const value = app?.shadowRoot?.querySelector('[data-testid="study-area"]')?.getAttribute('data-value');
        return value !== undefined && value !== null && Number(value) !== before;
      }, [previous] as [number], { timeout: 10_000 });
      previous = (await displayed(page)).area ?? 0;
      samples.push(previous);
    }
    await page.mouse.up();
    expect(new Set(samples).size).toBe(4);
    // dragging up-right away from the centre enlarges the pentagon
    expect(samples[3]).toBeGreaterThan(samples[0]);
    await page.waitForFunction(() => document.readyState === 'complete');
    await frames(page);
    await frames(page);
    const state = await snapshot(page);
    expect(state.polygon).not.toEqual(drawn);
    drawn = state.polygon as Polygon;
    await expect.poll(async () => (await displayed(page)).area).toBeGreaterThan(0);
    await expect.poll(async () => {
      const core = ratioForRegion(prepared, { type: 'Feature', properties: {}, geometry: drawn }, { classes: state.classes });
      return core.ok ? Math.abs(((await displayed(page)).area ?? 0) - core.figures.areaKm2) : Infinity;
    }).toBeLessThan(0.01);
    await expectFiguresOf(page, drawn, state.classes);
  });

  it('saves the study polygon and restores it, with its figures, after a reload', async () => {
    const { page } = app;
    // the save is debounced: wait until storage holds exactly this polygon
    await page.waitForFunction((polygon) => {
      const raw = globalThis.localStorage.getItem('jinan-plan:study');
      return raw !== null && JSON.stringify((JSON.parse(raw) as { value: { polygon: unknown } }).value.polygon) === polygon;
    }, JSON.stringify(drawn));
    await page.reload();
    await waitForMapIdle(page);
    await page.waitForFunction(() => {
      const study = (globalThis as unknown as { __plan: { store: { getState(): { study: { polygon: unknown; study: { figures: unknown } } } } } }).__plan.store.getState().study;
      return study.polygon !== null && study.study.figures !== null;
    });
    const state = await snapshot(page);
    expect(state.polygon).toEqual(drawn);
    await page.locator('[data-testid="study-open"]').click();
    await page.waitForFunction(() => (globalThis as unknown as { __plan: { store: { getState(): { study: { mode: string } } } } }).__plan.store.getState().study.mode === 'editing');
    await expectFiguresOf(page, drawn, state.classes);
  });

  it('reports a self-intersecting edit in role=alert and keeps the last good figures', async () => {
    const { page } = app;
    const before = await displayed(page);
    const ring = drawn.coordinates[0];
    // move vertex 0 past the far edge (between vertices 2 and 3): its two edges cross that edge
    const target: Position = [(ring[2][0] + ring[3][0]) / 2 + (ring[2][0] + ring[3][0]) / 2 - ring[0][0], 0];
    target[1] = (ring[2][1] + ring[3][1]) / 2 - 0.3 * (ring[0][1] - (ring[2][1] + ring[3][1]) / 2);
    const bad: Polygon = { type: 'Polygon', coordinates: [[target, ...ring.slice(1, 5), target]] };
    expect(validateUserPolygon(bad).issues.map((issue) => issue.reason)).toContain('self-intersection');
    const from = await screenPoint(page, ring[0]);
    const to = await screenPoint(page, target);
    await page.mouse.move(from.x, from.y, { steps: 2 });
    await page.mouse.down();
    await page.mouse.move(from.x + 4, from.y + 4, { steps: 1 });
    await page.mouse.move(to.x, to.y, { steps: 1 });
    await page.mouse.up();
    await page.waitForFunction(() => (globalThis as unknown as { __plan: { store: { getState(): { study: { study: { error: unknown } } } } } }).__plan.store.getState().study.study.error === 'self-intersection');
    await expect.poll(() => page.locator('[role="alert"]').textContent()).toMatch(/self-intersection|自相交/);
    await expect(page.locator('[data-testid="study-figures-element"] [data-testid="study-error"]').count()).resolves.toBe(1);
    const state = await snapshot(page);
    expect(validateUserPolygon(state.polygon).ok).toBe(false);
    // the last good figures are kept on screen: those of the shape before the crossing (a 4-pixel nudge at most)
    const after = await displayed(page);
    expect(after.area).toBe(state.figures?.areaKm2);
    expect(Math.abs((after.area ?? 0) - (before.area ?? 0))).toBeLessThan(0.02 * (before.area ?? 1));
  });

  it('clears the study area by keyboard', async () => {
    const { page } = app;
    const clear = page.locator('[data-testid="study-clear"]');
    await clear.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (globalThis as unknown as { __plan: { store: { getState(): { study: { polygon: unknown } } } } }).__plan.store.getState().study.polygon === null);
    await expect(page.locator('[data-testid="study-figures-element"]').count()).resolves.toBe(0);
    // the draw button starts drawing from the keyboard too; Escape cancels it
    await page.locator('[data-testid="study-draw"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (globalThis as unknown as { __plan: { store: { getState(): { study: { mode: string } } } } }).__plan.store.getState().study.mode === 'drawing');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => (globalThis as unknown as { __plan: { store: { getState(): { study: { mode: string } } } } }).__plan.store.getState().study.mode === 'off');
  });

  it('what-if: editing a cluster outline changes its row; reset restores the plan numbers exactly', async () => {
    const { page } = app;
    const structure = load('structure');
    const cluster = structure.features.find((feature) => feature.properties?.kind === 'cluster' && feature.geometry.type === 'Polygon');
    expect(cluster).toBeDefined();
    const id = String(cluster?.properties?.id);
    await page.locator('[data-testid="what-if-cluster"]').selectOption(id);
    await page.waitForFunction((clusterId) => {
      const comparison = (globalThis as unknown as { __plan: { store: { getState(): { study: { comparison: { id: string; plan: unknown; whatIf: unknown } | null } } } } }).__plan.store.getState().study.comparison;
      return comparison?.id === clusterId && comparison.plan !== null && comparison.whatIf !== null;
    }, id);
    const planned = await snapshot(page);
    expect(planned.comparison?.whatIf).toEqual(planned.comparison?.plan);
    const planText = await page.locator('[data-testid="what-if-row-area"] [data-testid="plan"]').textContent();

    await page.locator('[data-testid="what-if-edit"]').click();
    await page.waitForFunction(() => (globalThis as unknown as { __plan: { store: { getState(): { study: { mode: string; target: { kind: string } } } } } }).__plan.store.getState().study.target.kind === 'cluster');
    await frames(page);
    const ring = (cluster?.geometry as Polygon).coordinates[0];
    const from = await screenPoint(page, ring[0]);
    const centroid = ring.slice(0, -1).reduce((sum, p) => [sum[0] + p[0] / (ring.length - 1), sum[1] + p[1] / (ring.length - 1)], [0, 0]);
    const c = await screenPoint(page, centroid);
    const away = { x: from.x + (from.x - c.x) * 0.5, y: from.y + (from.y - c.y) * 0.5 };
    await page.mouse.move(from.x, from.y, { steps: 2 });
    await page.mouse.down();
    for (let step = 1; step <= 4; step++) await page.mouse.move(from.x + ((away.x - from.x) * step) / 4, from.y + ((away.y - from.y) * step) / 4, { steps: 2 });
    await page.mouse.up();
    await page.waitForFunction((clusterId) => {
      const study = (globalThis as unknown as { __plan: { store: { getState(): { study: { whatIf: Record<string, unknown>; comparison: { whatIf: { areaKm2: number }; plan: { areaKm2: number } } | null } } } } }).__plan.store.getState().study;
      return study.whatIf[clusterId] !== undefined && study.comparison !== null && study.comparison.whatIf.areaKm2 !== study.comparison.plan.areaKm2;
    }, id);
    await frames(page);
    await expect.poll(() => page.locator('[data-testid="what-if-row-area"] [data-testid="what-if"]').textContent()).not.toBe(planText);
    const edited = await snapshot(page);
    expect(edited.comparison?.plan).toEqual(planned.comparison?.plan);
    // the what-if row equals the core's figures of the edited outline
    const core = ratioForRegion(prepared, { type: 'Feature', properties: {}, geometry: edited.whatIf[id] }, { classes: edited.classes });
    expect(core.ok).toBe(true);
    if (core.ok) {
      expect(Math.abs((edited.comparison?.whatIf?.areaKm2 ?? 0) - core.figures.areaKm2)).toBeLessThan(1e-6 * core.figures.areaKm2 + 1e-9);
      expect(Math.abs((edited.comparison?.whatIf?.blueGreenRatio ?? 0) - (core.figures.blueGreenRatio ?? 0))).toBeLessThan(0.001);
    }
    // the source data is never modified
    const source = await page.evaluate((clusterId) => {
      const { store } = (globalThis as unknown as { __plan: { store: { getState(): { data: { structure: FeatureCollection } } } } }).__plan;
      return store.getState().data.structure.features.find((feature) => feature.properties?.id === clusterId)?.geometry;
    }, id);
    expect(source).toEqual(cluster?.geometry);

    await page.locator('[data-testid="what-if-reset"]').click();
    await page.waitForFunction((clusterId) => {
      const study = (globalThis as unknown as { __plan: { store: { getState(): { study: { whatIf: Record<string, unknown>; comparison: { whatIf: { areaKm2: number } | null; plan: { areaKm2: number } } | null } } } } }).__plan.store.getState().study;
      return study.whatIf[clusterId] === undefined && study.comparison?.whatIf?.areaKm2 === study.comparison?.plan.areaKm2;
    }, id);
    const reset = await snapshot(page);
    expect(reset.comparison?.whatIf).toEqual(planned.comparison?.plan);
    expect(reset.comparison?.plan).toEqual(planned.comparison?.plan);
    await expect(page.locator('[data-testid="what-if-row-area"] [data-testid="what-if"]').textContent()).resolves.toBe(planText);
  });

  it('logs no console errors and makes no off-origin request', () => {
    const origin = new URL(baseUrl).origin;
    expect(app.errors).toEqual([]);
    expect(app.requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
  });
});
