/**
 * Two land-use states in real Chromium, on the project's own fixtures: the current state (`sandiao-gk39-prj.zip`,
 * 300 m third-survey parcels, written by scripts/fixtures/make-landuse-fixtures.ts) and then a plan over the same
 * area with other outlines (`ydyh-gk39-plan-state.zip`, scripts/fixtures/make-landuse-states-fixture.ts). The second
 * is offered as the other state, never put in place of the first; chosen as 规划, the statistics show the transition
 * matrix, whose cells equal a naive turf overlay (every pair of parcels intersected, summed by group or first-level
 * class) within 0.5 % or 1 m², in Chinese and in English; compare shows 现状 | 规划 with the matrix beside it; and a
 * layer with no recognised classes is refused with a message while the first state and the matrix stay. Across a
 * reload the second state comes back with its role, level and the same matrix cells, stays gone once removed; a
 * saved record that cannot be read is reported and kept, one whose first layer is no longer saved is forgotten.
 */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { area } from '@turf/area';
import { intersect } from '@turf/intersect';
import { featureCollection } from '@turf/helpers';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { openDeckPanel, printHandout, waitUntil, type AppPage } from '../helpers/app-page.ts';
import { useBrowser } from '../helpers/use-browser.ts';
import { putIn, savedIn } from '../helpers/saved-records.ts';
import { fixtureParcels } from '../helpers/landuse-oracles.ts';
import { firstLevelOf } from '../../src/core/landuse/structure-table.ts';
import type { IndicatorParcel } from '../../src/core/landuse/landuse-indicators.ts';

const fixture = (name: string) => resolve(__dirname, `../fixtures/landuse/${name}`);
const CURRENT = fixture('sandiao-gk39-prj.zip');
const PLAN = fixture('ydyh-gk39-plan-state.zip');
const NO_CLASSES = fixture('bad-unknown-codes.zip');


/** Naive overlay: every pair of parcels intersected with turf, its area summed by the pair's keys. */
function naiveMatrix(first: IndicatorParcel[], second: IndicatorParcel[], key: (parcel: IndicatorParcel) => string): Map<string, number> {
  const cells = new Map<string, number>();
  const feature = (geometry: Polygon | MultiPolygon): Feature<Polygon | MultiPolygon> => ({ type: 'Feature', properties: {}, geometry });
  for (const a of first) for (const b of second) {
    const both = intersect(featureCollection([feature(a.geometry), feature(b.geometry)]));
    if (!both) continue;
    const cell = `${key(a)}>${key(b)}`;
    cells.set(cell, (cells.get(cell) ?? 0) + area(both));
  }
  return cells;
}
const byGroup = (parcel: IndicatorParcel) => parcel.group ?? 'unclassified';
const byFirstLevel = (parcel: IndicatorParcel) => {
  const first = parcel.landUseClass ? firstLevelOf(parcel.landUseClass) : undefined;
  return first ? `${first.system}:${first.code}` : 'unclassified';
};

const PANEL = "document.querySelector('plan-landuse-panel')";
const STATES = `${PANEL}?.shadowRoot?.querySelector('plan-landuse-states')?.shadowRoot`;
const MATRIX = "document.querySelector('plan-app').querySelector('plan-stats')?.shadowRoot?.querySelector('plan-transition-matrix')?.shadowRoot";

async function cellsShown(app: AppPage, level: string): Promise<Map<string, number>> {
  await waitUntil(app.page, `${MATRIX}?.querySelector('[data-testid="transition-matrix"]')?.dataset.level === '${level}'`, 120_000);
  const cells = await app.page.locator('plan-stats plan-transition-matrix td[data-from][data-to]').evaluateAll((items) =>
    items.map((cell) => [`${(cell as HTMLElement).dataset.from}>${(cell as HTMLElement).dataset.to}`, Number((cell as HTMLElement).dataset.areaM2)] as const));
  return new Map(cells);
}

function expectSameCells(shown: Map<string, number>, expected: Map<string, number>): void {
  for (const [key, value] of expected) expect(Math.abs((shown.get(key) ?? 0) - value), key).toBeLessThanOrEqual(Math.max(1, value * 0.005));
  // and nothing shown that the overlay does not have
  for (const [key, value] of shown) if (!expected.has(key)) expect(value, key).toBe(0);
}

describe('two land-use states: the offer, the transition matrix, compare', { timeout: 300_000 }, () => {
  const chromium = useBrowser();
  let app: AppPage;
  const current = fixtureParcels(CURRENT);
  const plan = fixtureParcels(PLAN);

  beforeAll(async () => {
    app = await chromium.open(`${inject('baseUrl')}#mode=analyse`, { reducedMotion: 'reduce', locale: 'zh-CN' });
    const { page } = app;
    await waitUntil(page, `!!(${PANEL})?.shadowRoot?.querySelector('[data-testid="landuse-file"]')`, 60_000);
    await page.locator('plan-landuse-panel [data-testid="landuse-file"]').setInputFiles(CURRENT);
    await waitUntil(page, `(${PANEL}).shadowRoot.querySelectorAll('tr[data-class]').length > 0`, 60_000);
  });

  it('a second layer is offered as the other state; the first stays in force until the planner chooses', async () => {
    const { page } = app;
    const firstName = (await page.locator('plan-landuse-panel h3').first().textContent())!.trim();
    const firstClasses = await page.locator('plan-landuse-panel tr[data-class]').count();
    await page.locator('plan-landuse-panel [data-testid="landuse-file"]').setInputFiles(PLAN);
    await waitUntil(page, `!!${STATES}?.querySelector('[data-testid="landuse-state-offer"]')`, 60_000);
    expect(await page.locator('plan-landuse-states [data-testid="landuse-state-offer"]').textContent()).toContain('规划用地_状态');
    expect((await page.locator('plan-landuse-panel h3').first().textContent())!.trim()).toBe(firstName);
    expect(await page.locator('plan-landuse-panel tr[data-class]').count()).toBe(firstClasses);
    expect(await page.evaluate('globalThis.__plan.store.getState().landuse.drawn.name')).toBe(firstName);
    await page.locator('plan-landuse-states button[data-choice="plan"]').click();
    await waitUntil(page, `${STATES}?.querySelector('[data-testid="landuse-states"]')?.dataset.status === 'ready'`, 120_000);
    expect(await page.locator('plan-landuse-states [data-testid="landuse-states"]').textContent()).toContain(`现状：${firstName}`);
  });

  it('the matrix by group equals a naive turf overlay, with totals, the definition and the CSV, in Chinese', async () => {
    const firstLayerName = (await app.page.locator('plan-landuse-panel h3').first().textContent())!.trim();
    const expected = naiveMatrix(current, plan, byGroup);
    expect(expected.size).toBeGreaterThan(3);
    expectSameCells(await cellsShown(app, 'group'), expected);
    const { page } = app;
    const total = Number(await page.locator('plan-stats plan-transition-matrix [data-total="all"]').getAttribute('data-area-m2'));
    const naiveTotal = [...expected.values()].reduce((sum, value) => sum + value, 0);
    expect(Math.abs(total - naiveTotal)).toBeLessThanOrEqual(Math.max(1, naiveTotal * 0.005));
    // the plan reaches past the current parcels: the common area is less than the plan's own
    expect(total).toBeLessThan(plan.reduce((sum, parcel) => sum + area(parcel.geometry), 0) - 1000);
    const row = Number(await page.locator('plan-stats plan-transition-matrix [data-total="row"][data-from="blue-green"]').getAttribute('data-area-m2'));
    const naiveRow = [...expected].filter(([key]) => key.startsWith('blue-green>')).reduce((sum, [, value]) => sum + value, 0);
    expect(Math.abs(row - naiveRow)).toBeLessThanOrEqual(Math.max(1, naiveRow * 0.005));
    expect(await page.locator('plan-stats plan-transition-matrix th[data-from="urban-construction"]').textContent()).toBe('城镇建设用地');
    expect(await page.locator('plan-stats plan-transition-matrix .definition').textContent()).toContain('两个状态都覆盖');
    // the CSV: one row per cell with its m², then the totals, both layers named on every row
    const csv = await page.evaluate("document.querySelector('plan-app').querySelector('plan-stats').shadowRoot.querySelector('plan-transition-matrix').csvText()") as string;
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1).map((line) => line.split(','));
    for (const [key, value] of expected) {
      const [from, to] = key.split('>');
      const line = lines.find((cells) => cells[0] === from && cells[2] === to);
      expect(Math.abs(Number(line?.[4]) - value), key).toBeLessThanOrEqual(Math.max(1, value * 0.005));
      expect(line?.slice(6)).toEqual([firstLayerName, '规划用地_状态']);
    }
    expect(Math.abs(Number(lines.find((cells) => cells[0] === 'total' && cells[2] === 'total')?.[4]) - naiveTotal)).toBeLessThanOrEqual(Math.max(1, naiveTotal * 0.005));
  });

  it('by first-level class on demand, and in English the same cells with English names', async () => {
    const { page } = app;
    await page.locator('plan-stats plan-transition-matrix [data-testid="transition-level"]').click();
    expectSameCells(await cellsShown(app, 'first-level'), naiveMatrix(current, plan, byFirstLevel));
    await page.locator('plan-stats plan-transition-matrix [data-testid="transition-level"]').click();
    await page.evaluate(`globalThis.__plan.store.update((state) => ({ ...state, lang: 'en' }))`);
    await waitUntil(page, `${MATRIX}?.querySelector('th[data-from="urban-construction"]')?.textContent === 'Urban construction land'`, 30_000);
    expectSameCells(await cellsShown(app, 'group'), naiveMatrix(current, plan, byGroup));
    expect(await page.locator('plan-stats plan-transition-matrix .definition').textContent()).toContain('both states cover');
    await page.evaluate(`globalThis.__plan.store.update((state) => ({ ...state, lang: 'zh' }))`);
  });

  it('compare shows 现状 | 规划 under a swipe, each side its own land-use layer, with the matrix beside it', async () => {
    const { page } = app;
    await page.locator('plan-landuse-states button[data-choice="compare"]').click();
    await page.waitForFunction(() => Boolean((globalThis as unknown as { __plan: { compareMap?: unknown } }).__plan.compareMap));
    const sides = await page.evaluate('(({ left, right, active }) => ({ left: left.landuse, right: right.landuse, active }))(globalThis.__plan.store.getState().compare)');
    expect(sides).toEqual({ left: 'first', right: 'second', active: true });
    const sources = `(() => { const { map, compareMap } = globalThis.__plan; const read = (m) => JSON.stringify(m.getSource('landuse')?.serialize?.() ?? null); return [read(map), read(compareMap)]; })()`;
    await waitUntil(page, `(${sources}).every((source) => source !== 'null')`, 60_000);
    const [left, right] = await page.evaluate(sources) as [string, string];
    expect(left).not.toBe(right);
    const beside = await page.locator('plan-compare-panel plan-transition-matrix td[data-from][data-to]').evaluateAll((items) =>
      items.map((cell) => [`${(cell as HTMLElement).dataset.from}>${(cell as HTMLElement).dataset.to}`, Number((cell as HTMLElement).dataset.areaM2)] as const));
    expect(beside.length).toBeGreaterThan(3);
    expectSameCells(new Map(beside), naiveMatrix(current, plan, byGroup));
    await page.locator('plan-compare-panel [data-testid="compare-stop"]').click();
  });

  it('a layer with no recognised classes is refused with a message; the first state and the matrix stay', async () => {
    const { page } = app;
    const firstName = (await page.locator('plan-landuse-panel h3').first().textContent())!.trim();
    await page.locator('plan-landuse-panel [data-testid="landuse-file"]').setInputFiles(NO_CLASSES);
    await waitUntil(page, "/没有可识别的用地分类代码/.test(document.querySelector('plan-app').shadowRoot?.querySelector('[data-testid=\"alert\"]')?.textContent ?? document.querySelector('[data-testid=\"alert\"]')?.textContent ?? '')", 60_000);
    expect(await page.locator('[data-testid="alert"]').textContent()).toContain(firstName);
    expect((await page.locator('plan-landuse-panel h3').first().textContent())!.trim()).toBe(firstName);
    expect(await page.locator('plan-landuse-states [data-testid="landuse-states"]').getAttribute('data-role')).toBe('plan');
    expectSameCells(await cellsShown(app, 'group'), naiveMatrix(current, plan, byGroup));
    expect(app.errors).toEqual([]);
  });

  it('the printed handout has the matrix page with the same cells, both layers named', async () => {
    const { page } = app;
    const firstName = (await page.locator('plan-landuse-panel h3').first().textContent())!.trim();
    await openDeckPanel(page);
    await printHandout(page);
    const sheet = page.locator('#plan-handout .handout-transition-page');
    expect(await sheet.count()).toBe(1);
    const printed = await sheet.locator('td[data-from][data-to]').evaluateAll((items) =>
      items.map((cell) => [`${(cell as HTMLElement).dataset.from}>${(cell as HTMLElement).dataset.to}`, Number((cell as HTMLElement).dataset.areaM2)] as const));
    expectSameCells(new Map(printed), naiveMatrix(current, plan, byGroup));
    const text = (await sheet.textContent())!;
    expect(text).toContain(firstName);
    expect(text).toContain('规划用地_状态');
    expect(app.errors).toEqual([]);
  });
});

/** A fresh page with the current state in force and the plan layer offered as the other state. */
async function openWithPlanOffered(chromium: ReturnType<typeof useBrowser>): Promise<AppPage> {
  const app = await chromium.open(`${inject('baseUrl')}#mode=analyse`, { reducedMotion: 'reduce', locale: 'zh-CN' });
  const { page } = app;
  await waitUntil(page, `!!(${PANEL})?.shadowRoot?.querySelector('[data-testid="landuse-file"]')`, 60_000);
  await page.locator('plan-landuse-panel [data-testid="landuse-file"]').setInputFiles(CURRENT);
  await waitUntil(page, `(${PANEL}).shadowRoot.querySelectorAll('tr[data-class]').length > 0`, 60_000);
  await page.locator('plan-landuse-panel [data-testid="landuse-file"]').setInputFiles(PLAN);
  await waitUntil(page, `!!${STATES}?.querySelector('[data-testid="landuse-state-offer"]')`, 60_000);
  return app;
}

describe('two land-use states across a reload', { timeout: 300_000 }, () => {
  const chromium = useBrowser();

  it('a saved second state that cannot be read is reported and kept; one whose first layer is no longer saved is forgotten', async () => {
    const app = await chromium.open(`${inject('baseUrl')}#mode=analyse`, { reducedMotion: 'reduce', locale: 'zh-CN' });
    const { page } = app;
    await waitUntil(page, `!!(${PANEL})?.shadowRoot?.querySelector('[data-testid="landuse-file"]')`, 60_000);
    await page.evaluate(putIn('plan-landuse-second', 'second', `{ version: 1, files: [{ name: 'plan.zip', data: new Blob(['x']) }], settings: {}, role: 'future', level: 'group', first: [{ name: 'a.zip', size: 1 }] }`));
    await page.reload();
    await waitUntil(page, "globalThis.__plan.store.getState().announcements.some((item) => item.level === 'error' && item.text.includes('上次保存的第二个状态无法读取'))", 60_000);
    expect(await page.evaluate("globalThis.__plan.store.getState().announcements.find((item) => item.level === 'error').text")).toContain('role future');
    expect(await page.evaluate(savedIn('plan-landuse-second', 'second'))).toBe(true);

    // a well-formed record, but no first layer is saved: it can never be paired, so it goes
    await page.evaluate(putIn('plan-landuse-second', 'second', `{ version: 1, files: [{ name: 'plan.zip', data: new Blob(['x']) }], settings: {}, role: 'plan', level: 'group', first: [{ name: 'a.zip', size: 1 }] }`));
    await page.reload();
    await waitUntil(page, `(async () => !(await ${savedIn('plan-landuse-second', 'second')}))()`, 60_000);
    expect(await page.evaluate('globalThis.__plan.store.getState().landuse.second ?? null')).toBeNull();
    expect(app.errors).toEqual([]);
  });

  it('the second state comes back with its role and level, and the same matrix cells; once removed, it stays gone', async () => {
    const app = await openWithPlanOffered(chromium);
    const { page } = app;
    // only offered: nothing of it is saved yet
    expect(await page.evaluate(savedIn('plan-landuse-second', 'second'))).toBe(false);
    await page.locator('plan-landuse-states button[data-choice="current"]').click();
    await waitUntil(page, `${STATES}?.querySelector('[data-testid="landuse-states"]')?.dataset.status === 'ready'`, 120_000);
    await cellsShown(app, 'group');
    await page.locator('plan-stats plan-transition-matrix [data-testid="transition-level"]').click();
    const before = await cellsShown(app, 'first-level');
    expect(before.size).toBeGreaterThan(3);
    await waitUntil(page, savedIn('plan-landuse-second', 'second'), 30_000);

    await page.reload();
    await waitUntil(page, "performance.getEntriesByName('map-idle', 'mark').length > 0", 60_000);
    await waitUntil(page, `${STATES}?.querySelector('[data-testid="landuse-states"]')?.dataset.status === 'ready'`, 120_000);
    expect(await page.locator('plan-landuse-states [data-testid="landuse-states"]').getAttribute('data-role')).toBe('current');
    expect(await page.evaluate('globalThis.__plan.store.getState().landuse.second.summary.name')).toBe('规划用地_状态');
    expect(await cellsShown(app, 'first-level')).toEqual(before);

    await page.locator('plan-landuse-states button[data-choice="drop"]').click();
    await waitUntil(page, 'globalThis.__plan.store.getState().landuse.second === null', 30_000);
    await waitUntil(page, `(async () => !(await ${savedIn('plan-landuse-second', 'second')}))()`, 30_000);

    await page.reload();
    await waitUntil(page, `(${PANEL})?.shadowRoot?.querySelectorAll('tr[data-class]').length > 0`, 120_000);
    expect(await page.evaluate(savedIn('plan-landuse-second', 'second'))).toBe(false);
    expect(await page.evaluate('globalThis.__plan.store.getState().landuse.second ?? null')).toBeNull();
    expect(app.errors).toEqual([]);
  });

  it('a layer that replaces the first takes the saved second state with it', async () => {
    const app = await openWithPlanOffered(chromium);
    const { page } = app;
    await page.locator('plan-landuse-states button[data-choice="plan"]').click();
    await waitUntil(page, `${STATES}?.querySelector('[data-testid="landuse-states"]')?.dataset.status === 'ready'`, 120_000);
    await waitUntil(page, savedIn('plan-landuse-second', 'second'), 30_000);

    // the plan layer read again is offered; the planner has it replace the current layer
    await page.locator('plan-landuse-panel [data-testid="landuse-file"]').setInputFiles(PLAN);
    await waitUntil(page, `!!${STATES}?.querySelector('[data-testid="landuse-state-offer"]')`, 60_000);
    await page.locator('plan-landuse-states button[data-choice="replace"]').click();
    await waitUntil(page, "globalThis.__plan.store.getState().landuse.drawn?.name === '规划用地_状态'", 120_000);
    expect(await page.evaluate('globalThis.__plan.store.getState().landuse.second ?? null')).toBeNull();
    await waitUntil(page, `(async () => !(await ${savedIn('plan-landuse-second', 'second')}))()`, 30_000);

    await page.reload();
    await waitUntil(page, "globalThis.__plan.store.getState().landuse.drawn?.name === '规划用地_状态'", 120_000);
    expect(await page.evaluate('globalThis.__plan.store.getState().landuse.second ?? null')).toBeNull();
    expect(app.errors).toEqual([]);
  });
});
