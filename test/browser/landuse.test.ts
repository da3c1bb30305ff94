/**
 * The planner's land-use layer in real Chromium: a zipped GBK Shapefile in CGCS2000 GK zone 39 (no .cpg,
 * with .prj; made by scripts/fixtures/make-landuse-fixtures.ts) is chosen through the panel's file input,
 * its classes appear in Chinese in the standard colours, "用于指标计算" is clicked, and the figures'
 * `data-value` equal an independent node computation with turf (union of each group's parcels clipped to
 * the same boundary). A bad file afterwards leaves the layer and its figures as they were.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { area } from '@turf/area';
import { intersect } from '@turf/intersect';
import { union } from '@turf/union';
import { featureCollection } from '@turf/helpers';
import { waitUntil, type AppPage } from '../helpers/app-page.ts';
import { useBrowser } from '../helpers/use-browser.ts';
import { readLandUseFiles } from '../../src/data/landuse/read-landuse-files.ts';
import { classifyLayer } from '../../src/core/landuse/classify-layer.ts';

type Area = Feature<Polygon | MultiPolygon>;
const FIXTURE = resolve(__dirname, '../fixtures/landuse/ydyh-gk39-prj.zip');
const boundary = (JSON.parse(readFileSync(resolve(__dirname, '../../geodata/boundary.geojson'), 'utf8')) as { features: Area[] }).features[0];

/** Independent figures: turf union of each group's parcels, clipped to the region, over the region's area. */
function expectedShares(region: Area = boundary): { blueGreen: number; construction: number } {
  const read = readLandUseFiles([{ name: 'ydyh-gk39-prj.zip', bytes: new Uint8Array(readFileSync(FIXTURE)) }]);
  if (!read.ok) throw new Error('fixture did not read');
  const { parcels } = classifyLayer(read.layer.features, read.layer.fields);
  const groupArea = (group: string) => {
    const features = parcels.filter((parcel) => parcel.group === group).map((parcel): Area => ({ type: 'Feature', properties: {}, geometry: parcel.geometry }));
    const merged = features.length === 1 ? features[0] : union(featureCollection(features));
    const clipped = merged ? intersect(featureCollection([merged, region])) : null;
    return clipped ? area(clipped) : 0;
  };
  return { blueGreen: groupArea('blue-green') / area(region), construction: groupArea('urban-construction') / area(region) };
}

const PANEL = "document.querySelector('plan-app').querySelector('plan-landuse-panel') ?? document.querySelector('plan-landuse-panel')";
const BAR = "document.querySelector('plan-indicator-bar')";
/** The bar shows figures of the given basis (data-value is empty while they are computed). */
const barReady = (basis: string) => `${BAR}?.dataset.basis === '${basis}' && !!${BAR}.shadowRoot?.querySelector('[data-indicator="construction"]')?.getAttribute('data-value')`;

describe('land-use layer: import a zipped Shapefile and use it for the indicators', () => {
  const chromium = useBrowser();
  let app: AppPage;

  beforeAll(async () => {
    // the land-use layer is an Analyse tool
    app = await chromium.open(`${inject('baseUrl')}#mode=analyse`, { reducedMotion: 'reduce', locale: 'zh-CN' });
  });

  it('reads the GBK classes, draws them, and the figures equal turf over the same boundary', async () => {
    const { page } = app;
    await waitUntil(page, `!!(${PANEL})?.shadowRoot?.querySelector('[data-testid="landuse-file"]')`, 60_000);
    await page.locator('plan-landuse-panel [data-testid="landuse-file"]').setInputFiles(FIXTURE);
    await waitUntil(page, `(${PANEL}).shadowRoot.querySelectorAll('tr[data-class]').length > 0`, 60_000);
    const names = await page.locator('plan-landuse-panel tr[data-class] td:nth-child(3)').allTextContents();
    expect(names).toContain('公园绿地');
    expect(names).toContain('工业用地');
    const samples = await page.locator('plan-landuse-panel [data-testid="landuse-samples"]').textContent();
    expect(samples).toContain('旱地');
    await waitUntil(page, "!!globalThis.__plan.map.getLayer('landuse-fill') && globalThis.__plan.map.isSourceLoaded('landuse')", 60_000);

    await waitUntil(page, barReady('schematic'), 60_000);
    const schematic = Number(await page.locator('plan-indicator-bar [data-indicator="construction"]').getAttribute('data-value'));
    await page.getByRole('button', { name: '用于指标计算' }).click();
    await waitUntil(page, barReady('landuse'), 60_000);
    const value = async (name: string) => Number(await page.locator(`plan-indicator-bar [data-indicator="${name}"]`).getAttribute('data-value'));
    const expected = expectedShares();
    expect(Math.abs((await value('blue-green')) - expected.blueGreen)).toBeLessThan(1e-6);
    expect(Math.abs((await value('construction')) - expected.construction)).toBeLessThan(1e-6);
    expect(expected.blueGreen).toBeGreaterThan(0);
    // the basis is named in the bar, and the statistics panel shows the same figures from the same basis
    const layerName = (await page.locator('plan-landuse-panel h3').first().textContent())!.trim();
    expect(layerName.length).toBeGreaterThan(0);
    expect(await page.locator('plan-indicator-bar .basis').textContent()).toContain(layerName);
    await waitUntil(page, `!!document.querySelector('plan-app').querySelector('plan-stats')?.shadowRoot?.querySelector('[data-basis="landuse"]')`, 60_000);
    const gauge = Number(await page.locator('plan-stats .gauge[data-figure="construction"]').getAttribute('data-value'));
    expect(Math.abs(gauge - expected.construction)).toBeLessThan(1e-6);
    expect(await page.locator('plan-stats [data-testid="landuse-coverage"] [data-group="not-covered"]').count()).toBe(1);
    const csv = await page.evaluate("document.querySelector('plan-app').querySelector('plan-stats').csvText()") as string;
    expect(csv.split('\r\n')[1]).toContain(layerName);

    // A bad file: explained, and the layer and its figures stay.
    await page.locator('plan-landuse-panel [data-testid="landuse-file"]').setInputFiles(resolve(__dirname, '../fixtures/landuse/bad-points.zip'));
    await waitUntil(page, `(${PANEL}).shadowRoot.querySelectorAll('.messages li.error').length > 0`, 60_000);
    expect(await page.locator('plan-landuse-panel .messages li.error').first().textContent()).toContain('面（polygon）');
    expect(Math.abs((await value('blue-green')) - expected.blueGreen)).toBeLessThan(1e-6);

    // one click back to the plan's schematic layers: the figures are the schematic ones again
    await page.getByRole('button', { name: '改回规划示意图层' }).click();
    await waitUntil(page, barReady('schematic'), 60_000);
    expect(await value('construction')).toBe(schematic);
    await page.getByRole('button', { name: '用于指标计算' }).click();
    await waitUntil(page, barReady('landuse'), 60_000);
    expect(app.errors).toEqual([]);
  });

  it('survives a reload: the layer, its choices and the figures come back (not the bad file chosen after it)', async () => {
    const { page } = app;
    await page.reload();
    await waitUntil(page, "performance.getEntriesByName('map-idle', 'mark').length > 0", 60_000);
    await waitUntil(page, barReady('landuse'), 60_000);
    const value = Number(await page.locator('plan-indicator-bar [data-indicator="construction"]').getAttribute('data-value'));
    expect(Math.abs(value - expectedShares().construction)).toBeLessThan(1e-6);
    expect(await page.locator('plan-landuse-panel tr[data-class]').count()).toBeGreaterThan(5);
  });

  it('follows the study polygon: its figures equal turf over the same polygon', async () => {
    const { page } = app;
    const polygon: Polygon = { type: 'Polygon', coordinates: [[[117.051, 36.851], [117.068, 36.852], [117.06, 36.866], [117.045, 36.86], [117.051, 36.851]]] };
    await waitUntil(page, `!!(${PANEL})`, 60_000);
    await page.evaluate(`document.querySelector('plan-app').dispatchEvent(new CustomEvent('plan-study-command', { detail: { command: 'set-polygon', polygon: ${JSON.stringify(polygon)} }, bubbles: true, composed: true }))`);
    await waitUntil(page, barReady('landuse'), 60_000);
    await waitUntil(page, `!!${BAR}.shadowRoot?.querySelector('[data-indicator="study"]')`, 60_000);
    const study = page.locator('plan-indicator-bar [data-indicator="study"]');
    const expected = expectedShares({ type: 'Feature', properties: {}, geometry: polygon });
    expect(Math.abs(Number(await study.getAttribute('data-blue-green')) - expected.blueGreen)).toBeLessThan(1e-5);
    expect(Math.abs(Number(await study.getAttribute('data-construction')) - expected.construction)).toBeLessThan(1e-5);
    expect(expected.blueGreen).toBeGreaterThan(0.1);
  });
});
