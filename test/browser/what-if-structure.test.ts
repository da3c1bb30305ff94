/**
 * The land-use structure table of every saved what-if outline, in real Chromium, on the project's own fixture (a
 * zipped GBK Shapefile in 2023 land/sea-use classes, written by scripts/fixtures/make-landuse-fixtures.ts). Two
 * clusters have edited outlines saved on this device; after "用于指标计算" the study panel lists both, each with its
 * own structure table (`data-what-if` = the cluster id) whose rows' `data-area-m2` equal a naive turf computation
 * (each parcel clipped to the outline inside the boundary, summed by class), in Chinese and in English; the
 * statistics panel offers each as a region; with the control lines loaded each carries its three conflict figures,
 * equal to turf (scripts/fixtures/control-lines-fixture.ts, the 三区三线 delivery); dragging a vertex of one updates its table while the other's figures
 * stay as they were (not recomputed); resetting one removes its table and leaves the other's as it was.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Polygon } from 'geojson';
import { waitUntil, type AppPage } from '../helpers/app-page.ts';
import { useBrowser } from '../helpers/use-browser.ts';
import { seriousViolations } from '../helpers/axe.ts';
import { CONFLICT_KINDS, clipTo, naiveAreaByCode, naiveConflicts, type Area } from '../helpers/landuse-oracles.ts';
import { controlLinesZip } from '../../scripts/fixtures/control-lines-fixture.ts';

const FIXTURE = resolve(__dirname, '../fixtures/landuse/ydyh-gk39-prj.zip');
const geodata = (name: string) => JSON.parse(readFileSync(resolve(__dirname, `../../geodata/${name}.geojson`), 'utf8')) as { features: Area[] };
const boundary = geodata('boundary').features[0];
const clusterIds = geodata('structure').features.filter((feature) => feature.properties?.['kind'] === 'cluster').map((feature) => String(feature.properties?.['id']));

/**
 * Two edited outlines over the fixture's parcels (a 5 × 4 grid, about 117.050–117.067 E, 36.850–36.861 N), each cutting
 * parcels across: a rectangle reaching past the grid's south-west corner and a pentagon over its north-east.
 */
const OUTLINES: Record<string, Polygon> = {
  [clusterIds[0]]: { type: 'Polygon', coordinates: [[[117.049, 36.849], [117.0582, 36.849], [117.0582, 36.8563], [117.049, 36.8563], [117.049, 36.849]]] },
  [clusterIds[1]]: { type: 'Polygon', coordinates: [[[117.0551, 36.8541], [117.0662, 36.8522], [117.0689, 36.8579], [117.0611, 36.8623], [117.0547, 36.8596], [117.0551, 36.8541]]] },
};
const [FIRST, SECOND] = Object.keys(OUTLINES);


/** What the app computes for a what-if: the outline inside the Start-up Area boundary. */
const expectedByCode = (region: Area) => naiveAreaByCode(FIXTURE, region);
const expectedConflicts = (region: Area) => naiveConflicts(FIXTURE, controlLinesZip(), region);
const expectedOf = (id: string) => expectedByCode(clipTo(OUTLINES[id], boundary)!);

const KINDS = CONFLICT_KINDS;
const LINES = join(mkdtempSync(join(tmpdir(), 'what-if-lines-')), '三区三线.zip');
writeFileSync(LINES, controlLinesZip());


const PANEL = "document.querySelector('plan-landuse-panel')";
const STUDY = "document.querySelector('plan-app').querySelector('plan-study-panel')";
const whatIfItem = (id: string) => `${STUDY}?.shadowRoot?.querySelector('li[data-what-if="${id}"]')`;
const whatIfRows = (id: string) => `plan-study-panel li[data-what-if="${id}"] plan-landuse-structure tr[data-class-code]`;

/** Page coordinates of a lon/lat, from the map's own projection. */
async function screenPoint(app: AppPage, [lng, lat]: number[]): Promise<{ x: number; y: number }> {
  return app.page.evaluate(`(() => {
    const { map } = globalThis.__plan;
    const point = map.project([${lng}, ${lat}]);
    const rect = map.getCanvas().getBoundingClientRect();
    return { x: rect.left + point.x, y: rect.top + point.y };
  })()`);
}

async function rowsOf(app: AppPage, selector: string): Promise<Map<string, number>> {
  const rows = await app.page.locator(selector).evaluateAll((items) =>
    items.map((row) => [(row as HTMLElement).dataset.classCode!, Number((row as HTMLElement).dataset.areaM2)] as const));
  return new Map(rows);
}

function expectSameAreas(shown: Map<string, number>, expected: Map<string, number>): void {
  expect(expected.size).toBeGreaterThan(1);
  expect([...shown.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [code, value] of expected) expect(Math.abs(shown.get(code)! - value), code).toBeLessThanOrEqual(Math.max(10, value * 1e-5));
}

describe('the land-use structure of every saved what-if outline', { timeout: 240_000 }, () => {
  const chromium = useBrowser();
  let app: AppPage;

  beforeAll(async () => {
    const base = inject('baseUrl');
    // the two edited outlines, saved on this device before the app opens (restored like any saved work)
    const saved = JSON.stringify({ version: 1, value: { polygon: null, whatIf: OUTLINES } });
    app = await chromium.open(`${base}#mode=analyse`, {
      reducedMotion: 'reduce', locale: 'zh-CN', bypassCSP: true,
      storageState: { cookies: [], origins: [{ origin: new URL(base).origin, localStorage: [{ name: 'jinan-plan:study', value: saved }] }] },
    });
    const { page } = app;
    await waitUntil(page, `!!(${PANEL})?.shadowRoot?.querySelector('[data-testid="landuse-file"]')`, 60_000);
    await page.locator('plan-landuse-panel [data-testid="landuse-file"]').setInputFiles(FIXTURE);
    await waitUntil(page, `(${PANEL}).shadowRoot.querySelectorAll('tr[data-class]').length > 0`, 60_000);
    await page.getByRole('button', { name: '用于指标计算' }).click();
    await page.evaluate(() => document.querySelector('plan-side-panel')?.reveal('study'));
    for (const id of [FIRST, SECOND]) await waitUntil(page, `!!${whatIfItem(id)}?.querySelector('plan-landuse-structure')?.shadowRoot?.querySelector('tr[data-class-code]')`, 120_000);
  });

  it('lists both edited outlines, each with its own rows equal to turf over that outline', async () => {
    const { page } = app;
    expect(await page.locator('plan-study-panel [data-testid="what-if-saved"] li[data-what-if]').count()).toBe(2);
    const first = expectedOf(FIRST);
    const second = expectedOf(SECOND);
    expectSameAreas(await rowsOf(app, whatIfRows(FIRST)), first);
    expectSameAreas(await rowsOf(app, whatIfRows(SECOND)), second);
    // the two outlines cut different parcels: the tables are not the same table twice
    expect([...first.entries()]).not.toEqual([...second.entries()]);
    // collapsed until the planner opens one; the summary names the cluster and its area
    const item = page.locator(`plan-study-panel li[data-what-if="${FIRST}"]`);
    expect(await item.locator('details.what-if').evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
    await item.locator('details.what-if > summary').click();
    expect(await item.locator('details.what-if').evaluate((details) => (details as HTMLDetailsElement).open)).toBe(true);
    expect(await item.locator('details.what-if > summary').textContent()).toContain('平方公里');
    // the open list with its tables and the conflicts under them: no serious accessibility violation
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.locator(`plan-study-panel li[data-what-if="${SECOND}"] plan-landuse-structure tr[data-class-code] th`).allTextContents()).toContain('工业用地');
    // the CSV of one what-if names it on every row
    const csv = await item.locator('plan-landuse-structure').evaluate((element) => (element as HTMLElement & { csvText(): string }).csvText());
    for (const code of first.keys()) expect(csv).toContain(`,${code},`);
    expect(csv.split('\r\n').slice(1).filter(Boolean).every((line) => line.startsWith('方案推演：'))).toBe(true);
  });

  it('the statistics panel offers each what-if as a region, with the same rows', async () => {
    const { page } = app;
    const select = page.locator('plan-stats [data-testid="structure-region"]');
    const values = await select.locator('option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(values).toEqual(expect.arrayContaining([`what-if:${FIRST}`, `what-if:${SECOND}`]));
    await select.selectOption(`what-if:${SECOND}`);
    await waitUntil(page, `document.querySelector('plan-app').querySelector('plan-stats').shadowRoot.querySelector('plan-landuse-structure')?.dataset.whatIf === '${SECOND}'`, 30_000);
    expectSameAreas(await rowsOf(app, 'plan-stats plan-landuse-structure tr[data-class-code]'), expectedOf(SECOND));
  });

  it('with the control lines loaded, each what-if\'s three conflict figures equal turf over its outline', async () => {
    const { page } = app;
    await page.locator('plan-control-lines-panel [data-testid="control-lines-file"]').setInputFiles(LINES);
    await waitUntil(page, 'globalThis.__plan.store.getState().controlLines.question !== null', 60_000);
    await page.locator('plan-control-lines-panel [data-testid="control-line-role"]').selectOption('ignore');
    const known = (id: string) => `${whatIfItem(id)}?.querySelector('plan-control-line-conflicts')?.shadowRoot?.querySelector("dd[data-conflict='permanent-farmland']")?.dataset.value`;
    for (const id of [FIRST, SECOND]) await waitUntil(page, `!!${known(id)}`, 120_000);
    let crossing = 0;
    for (const id of [FIRST, SECOND]) {
      const expected = expectedConflicts(clipTo(OUTLINES[id], boundary)!);
      const values = await Promise.all(KINDS.map((kind) => page.locator(`plan-study-panel li[data-what-if="${id}"] dd[data-conflict='${kind}']`).getAttribute('data-value')));
      KINDS.forEach((kind, index) => {
        expect(values[index], `${id} ${kind}`).not.toBe('');
        expect(Math.abs(Number(values[index]) - expected[kind]), `${id} ${kind}`).toBeLessThanOrEqual(Math.max(5, expected[kind] * 1e-5));
      });
      crossing += KINDS.reduce((sum, kind) => sum + expected[kind], 0);
    }
    // the outlines do reach urban land inside or outside the lines: the figures are not all zero
    expect(crossing).toBeGreaterThan(0);
    // the structure rows stay those of each outline
    expectSameAreas(await rowsOf(app, whatIfRows(FIRST)), expectedOf(FIRST));
  });

  it('in English the same rows carry the English class names', async () => {
    const { page } = app;
    await page.evaluate(`globalThis.__plan.store.update((state) => ({ ...state, lang: 'en' }))`);
    await waitUntil(page, `${whatIfItem(FIRST)}?.querySelector('summary')?.textContent.includes('km²')`, 30_000);
    expectSameAreas(await rowsOf(app, whatIfRows(FIRST)), expectedOf(FIRST));
    expectSameAreas(await rowsOf(app, whatIfRows(SECOND)), expectedOf(SECOND));
    const names = await page.locator(`plan-study-panel li[data-what-if="${SECOND}"] plan-landuse-structure tr[data-class-code] th`).allTextContents();
    expect(names).toContain('Industrial land');
    expect(app.errors).toEqual([]);
  });

  it('dragging a vertex of one outline updates its table live; the other keeps its figures, not recomputed', async () => {
    const { page } = app;
    const before = await rowsOf(app, whatIfRows(FIRST));
    // the figures object of the outline not dragged, kept in the page to compare with after the drag
    await page.evaluate(`globalThis.__untouched = globalThis.__plan.store.getState().study.whatIfFigures['${FIRST}'].figures`);
    const ring = OUTLINES[SECOND].coordinates[0];
    await page.evaluate(`globalThis.__plan.map.jumpTo({ center: [117.0618, 36.857], zoom: 15 })`);
    await page.locator('plan-study-panel [data-testid="what-if-cluster"]').selectOption(SECOND);
    await page.locator('plan-study-panel [data-testid="what-if-edit"]').click();
    await waitUntil(page, `globalThis.__plan.store.getState().study.target.id === '${SECOND}'`, 30_000);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    // the pentagon's east vertex, pulled further east across the industrial column and off the grid
    const from = await screenPoint(app, ring[2]);
    const to = await screenPoint(app, [117.0712, 36.8566]);
    await page.mouse.move(from.x, from.y, { steps: 2 });
    await page.mouse.down();
    for (let step = 1; step <= 4; step++) await page.mouse.move(from.x + ((to.x - from.x) * step) / 4, from.y + ((to.y - from.y) * step) / 4, { steps: 2 });
    await page.mouse.up();
    await page.locator('plan-study-panel [data-testid="what-if-done"]').click();
    const outline = async () => page.evaluate(`globalThis.__plan.store.getState().study.whatIf['${SECOND}']`) as Promise<Polygon>;
    await waitUntil(page, `JSON.stringify(globalThis.__plan.store.getState().study.whatIf['${SECOND}']) !== '${JSON.stringify(OUTLINES[SECOND])}'`, 30_000);
    // the table follows the dragged outline: its rows equal turf over the outline now saved
    await expect.poll(async () => {
      const expected = expectedByCode(clipTo(await outline(), boundary)!);
      const shown = await rowsOf(app, whatIfRows(SECOND));
      return [...expected].every(([code, value]) => Math.abs((shown.get(code) ?? -1) - value) <= Math.max(10, value * 1e-5)) && shown.size === expected.size;
    }, { timeout: 30_000 }).toBe(true);
    expect(await rowsOf(app, whatIfRows(SECOND))).not.toEqual(expectedOf(SECOND));
    expect(await rowsOf(app, whatIfRows(FIRST))).toEqual(before);
    expect(await page.evaluate(`globalThis.__untouched === globalThis.__plan.store.getState().study.whatIfFigures['${FIRST}'].figures`)).toBe(true);
  });

  it('resetting one outline removes its table; the other stays as it was', async () => {
    const { page } = app;
    const before = await rowsOf(app, whatIfRows(SECOND));
    await page.locator('plan-study-panel [data-testid="what-if-cluster"]').selectOption(FIRST);
    await page.locator('plan-study-panel [data-testid="what-if-reset"]').click();
    await waitUntil(page, `!${whatIfItem(FIRST)}`, 30_000);
    expect(await page.locator('plan-study-panel li[data-what-if]').count()).toBe(1);
    expect(await rowsOf(app, whatIfRows(SECOND))).toEqual(before);
    expect(app.errors).toEqual([]);
  });
});
