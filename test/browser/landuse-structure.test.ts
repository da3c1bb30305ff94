/**
 * The land-use structure table (用地结构表) in real Chromium, on the project's own fixture (a zipped GBK Shapefile in
 * 2023 land/sea-use classes, written by scripts/fixtures/make-landuse-fixtures.ts): after "用于指标计算" the
 * statistics panel shows, for the whole area and for a chosen cluster, one row per class whose `data-area-m2` equals
 * a naive turf computation (each parcel clipped to the region, summed by class), the development intensity from
 * the construction classes, and the same rows in English; the CSV carries every row.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { area } from '@turf/area';
import { intersect } from '@turf/intersect';
import { featureCollection } from '@turf/helpers';
import { openDeckPanel, printHandout, waitUntil, type AppPage } from '../helpers/app-page.ts';
import { useBrowser } from '../helpers/use-browser.ts';
import { naiveAreaByCode, type Area } from '../helpers/landuse-oracles.ts';

const FIXTURE = resolve(__dirname, '../fixtures/landuse/ydyh-gk39-prj.zip');
const geodata = (name: string) => JSON.parse(readFileSync(resolve(__dirname, `../../geodata/${name}.geojson`), 'utf8')) as { features: Area[] };
const boundary = geodata('boundary').features[0];
/** 2023 classes that are construction land (建设用地) among the fixture's: residential 07, commerce 09, industry 10, transport 12, green space 14. */
const expectedByCode = (region: Area) => naiveAreaByCode(FIXTURE, region);
const CONSTRUCTION_FIRST_LEVEL = new Set(['07', '08', '09', '10', '11', '12', '13', '14', '15', '16']);


const PANEL = "document.querySelector('plan-landuse-panel')";
const STATS = "document.querySelector('plan-app').querySelector('plan-stats')";
const TABLE = `${STATS}?.shadowRoot?.querySelector('plan-landuse-structure')`;

async function rowsShown(app: AppPage): Promise<Map<string, number>> {
  const rows = await app.page.locator('plan-stats plan-landuse-structure tr[data-class-code]').evaluateAll((items) =>
    items.map((row) => [(row as HTMLElement).dataset.classCode!, Number((row as HTMLElement).dataset.areaM2)] as const));
  return new Map(rows);
}

function expectSameAreas(shown: Map<string, number>, expected: Map<string, number>): void {
  expect([...shown.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [code, value] of expected) expect(Math.abs(shown.get(code)! - value), code).toBeLessThanOrEqual(Math.max(10, value * 1e-5));
}

describe('land-use structure table in the statistics panel', { timeout: 240_000 }, () => {
  const chromium = useBrowser();
  let app: AppPage;

  beforeAll(async () => {
    app = await chromium.open(`${inject('baseUrl')}#mode=analyse`, { reducedMotion: 'reduce', locale: 'zh-CN' });
    const { page } = app;
    await waitUntil(page, `!!(${PANEL})?.shadowRoot?.querySelector('[data-testid="landuse-file"]')`, 60_000);
    await page.locator('plan-landuse-panel [data-testid="landuse-file"]').setInputFiles(FIXTURE);
    await waitUntil(page, `(${PANEL}).shadowRoot.querySelectorAll('tr[data-class]').length > 0`, 60_000);
    await page.getByRole('button', { name: '用于指标计算' }).click();
    await waitUntil(page, `!!${TABLE}?.shadowRoot?.querySelector('tr[data-class-code]')`, 120_000);
  });

  it('whole area: a row per class with its m² equal to turf, subtotals, and the development intensity', async () => {
    const { page } = app;
    const expected = expectedByCode(boundary);
    expectSameAreas(await rowsShown(app), expected);
    const names = await page.locator('plan-stats plan-landuse-structure tr[data-class-code="1001"] th').textContent();
    expect(names).toBe('工业用地');
    const firstLevel = Number(await page.locator('plan-stats plan-landuse-structure tr[data-first-level="07"]').getAttribute('data-area-m2'));
    expect(Math.abs(firstLevel - [...expected].filter(([code]) => code.startsWith('07')).reduce((sum, [, value]) => sum + value, 0))).toBeLessThan(10);
    const intensity = page.locator('plan-stats plan-landuse-structure [data-indicator="development-intensity"]');
    const construction = [...expected].filter(([code]) => CONSTRUCTION_FIRST_LEVEL.has(code.slice(0, 2))).reduce((sum, [, value]) => sum + value, 0);
    expect(Math.abs(Number(await intensity.getAttribute('data-value')) - construction / area(boundary))).toBeLessThan(1e-6);
    // the fixture covers a small part of the area: the intensity is a range, not a verdict
    expect(await intensity.getAttribute('data-decided')).toBe('false');
    expect(await intensity.textContent()).toContain('国土开发强度');
    expect(await page.locator('plan-stats plan-landuse-structure tr[data-group="not-covered"]').count()).toBe(1);
    const csv = await page.evaluate(`${TABLE}.csvText()`) as string;
    for (const code of expected.keys()) expect(csv).toContain(`,${code},`);
    expect(csv).toContain('国土开发强度');
  });

  it('a chosen cluster shows its own rows, equal to turf over the cluster inside the boundary', async () => {
    const { page } = app;
    const clusters = geodata('structure').features.filter((feature) => feature.properties?.['kind'] === 'cluster');
    const ids = clusters.map((feature) => String(feature.properties?.['id']));
    const expectedOf = new Map(clusters.map((feature, index) => [ids[index], expectedByCode(intersect(featureCollection([feature, boundary]))!)]));
    const id = ids.find((key) => expectedOf.get(key)!.size > 0)!;
    expect(id).toBeDefined();
    await page.locator('plan-stats [data-testid="structure-region"]').selectOption(`cluster:${id}`);
    await waitUntil(page, `${TABLE}?.dataset.region === 'cluster:${id}'`, 30_000);
    expectSameAreas(await rowsShown(app), expectedOf.get(id)!);
  });

  it('in English the same rows carry the English class names', async () => {
    const { page } = app;
    await page.locator('plan-stats [data-testid="structure-region"]').selectOption('whole');
    await page.evaluate(`globalThis.__plan.store.update((state) => ({ ...state, lang: 'en' }))`);
    await waitUntil(page, `${TABLE}?.shadowRoot?.querySelector('tr[data-class-code="1001"] th')?.textContent === 'Industrial land'`, 30_000);
    expectSameAreas(await rowsShown(app), expectedByCode(boundary));
    expect(await page.locator('plan-stats plan-landuse-structure [data-indicator="development-intensity"]').textContent()).toContain('Development intensity');
    expect(app.errors).toEqual([]);
  });

  it('the printed handout carries each cluster\'s first-level structure and development intensity', async () => {
    const { page } = app;
    await openDeckPanel(page);
    await printHandout(page);
    const cluster = page.locator('#plan-handout .handout-cluster').first();
    expect(await cluster.locator('[data-indicator="development-intensity"]').count()).toBe(1);
    const shown = await page.evaluate(`globalThis.__plan.store.getState().analysis.clusters[0].result.figures.landUse.structure.firstLevel.map((level) => [level.code, level.areaSquareMeters])`) as [string, number][];
    const printed = await cluster.locator('tr[data-first-level]').evaluateAll((rows) => rows.map((row) => [(row as HTMLElement).dataset.firstLevel, Number((row as HTMLElement).dataset.areaM2)]));
    expect(printed).toEqual(shown);
    expect(app.errors).toEqual([]);
  });
});
