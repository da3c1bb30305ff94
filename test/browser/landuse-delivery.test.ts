/**
 * Real deliveries in real Chromium: a county's 三调 result zipped with several layers (written by
 * scripts/fixtures/sandiao-delivery.ts: GBK folder name, language-driver byte, no .cpg, touching holes, a
 * 100 000-vertex parcel, field-ridge deductions, a points layer with codes) is read from DLTB, and its shares
 * equal a naive turf computation with the deduction; a delivery with two classified layers asks which; a file
 * without .prj asks before it is used; a layer far from the Start-up Area changes nothing and says where it is.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { unzipSync, zipSync } from 'fflate';
import proj4 from 'proj4';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { area } from '@turf/area';
import { intersect } from '@turf/intersect';
import { featureCollection } from '@turf/helpers';
import { waitUntil, type AppPage } from '../helpers/app-page.ts';
import { useBrowser } from '../helpers/use-browser.ts';
import { sandiaoDeliveryParcels } from '../../scripts/fixtures/sandiao-delivery.ts';
import { EPSG_4527, PRJ_GK39 } from '../../scripts/fixtures/landuse-fixture-data.ts';
import { writeShapefile, type WriterField } from '../../scripts/fixtures/shapefile-writer.ts';

type Area = Feature<Polygon | MultiPolygon>;
const FIXTURE = resolve(__dirname, '../fixtures/landuse/sandiao-delivery.zip');
const boundary = (JSON.parse(readFileSync(resolve(__dirname, '../../geodata/boundary.geojson'), 'utf8')) as { features: Area[] }).features[0];

/**
 * The grouping rule the README states for the third survey, written out for the codes of the fixture: cropland,
 * woodland, grassland, water and parks are blue-green; urban housing, industry and town roads are urban
 * construction unless the parcel lies in a village (CZCSXM 203); rural homesteads and field ridges are other land.
 */
const BLUE_GREEN = new Set(['0101', '0102', '0103', '0301', '1101', '1104', '0404', '0810']);
const URBAN = new Set(['0701', '0601', '1004']);

/** Expected shares straight from the written parcels: turf area inside the boundary, cropland net of its ridges. */
function expectedShares(): { blueGreen: number; construction: number } {
  const toWgs84 = proj4(EPSG_4527, 'WGS84');
  let blueGreen = 0;
  let construction = 0;
  for (const parcel of sandiaoDeliveryParcels()) {
    const geometry: Polygon = { type: 'Polygon', coordinates: parcel.rings.map((ring) => ring.map((position) => toWgs84.forward(position))) };
    const clipped = intersect(featureCollection<Polygon | MultiPolygon>([{ type: 'Feature', properties: {}, geometry }, boundary]));
    const inside = clipped ? area(clipped) : 0;
    const { DLBM: code, CZCSXM: village, KCMJ: deducted, TBMJ: registered } = parcel.attributes as Record<string, string | number>;
    const net = inside * (1 - (Number(deducted) > 0 ? Number(deducted) / Number(registered) : 0));
    if (BLUE_GREEN.has(String(code))) blueGreen += net;
    if (URBAN.has(String(code)) && !String(village).startsWith('203')) construction += net;
  }
  return { blueGreen: blueGreen / area(boundary), construction: construction / area(boundary) };
}

const PANEL = "document.querySelector('plan-landuse-panel')";
const BAR = "document.querySelector('plan-indicator-bar')";
const barReady = (basis: string) => `${BAR}?.dataset.basis === '${basis}' && !!${BAR}.shadowRoot?.querySelector('[data-indicator="construction"]')?.getAttribute('data-value')`;
const FIELDS: WriterField[] = [{ name: 'DLBM', type: 'C', length: 5 }, { name: 'DLMC', type: 'C', length: 40 }];

/** A zip of small third-survey layers at the given zone-39 origin, each with the ArcGIS .prj (or none). */
function zipOf(layers: string[], origin: [number, number], prj = true): { name: string; mimeType: string; buffer: Buffer } {
  const [x, y] = origin;
  const files: Record<string, Uint8Array> = {};
  for (const name of layers) {
    const parts = writeShapefile([0, 1].map((i) => ({ type: 'Polygon' as const, coordinates: [[[x + i * 300, y], [x + i * 300 + 300, y], [x + i * 300 + 300, y + 300], [x + i * 300, y + 300], [x + i * 300, y]]] })),
      FIELDS, [{ DLBM: '0301', DLMC: '乔木林地' }, { DLBM: '0701', DLMC: '城镇住宅用地' }], 'gbk', 0x4d);
    Object.assign(files, { [`${name}.shp`]: parts.shp, [`${name}.shx`]: parts.shx, [`${name}.dbf`]: parts.dbf });
    if (prj) files[`${name}.prj`] = new TextEncoder().encode(PRJ_GK39);
  }
  return { name: `${layers.join('-')}.zip`, mimeType: 'application/zip', buffer: Buffer.from(zipSync(files)) };
}

async function openAnalyse(chromium: ReturnType<typeof useBrowser>): Promise<AppPage> {
  const app = await chromium.open(`${inject('baseUrl')}#mode=analyse`, { reducedMotion: 'reduce', locale: 'zh-CN' });
  await waitUntil(app.page, `!!${PANEL}?.shadowRoot?.querySelector('[data-testid="landuse-file"]')`, 60_000);
  return app;
}

describe('land-use deliveries as bureaus hand them over', { timeout: 240_000 }, () => {
  const chromium = useBrowser();

  it('a 三调 delivery zip uses DLTB, lists the other layers, and its shares equal turf with the ridges deducted', async () => {
    const { page, errors } = await openAnalyse(chromium);
    // How long it takes is measured in bench/delivery.bench.ts, not here.
    await page.locator('plan-landuse-panel [data-testid="landuse-file"]').setInputFiles(FIXTURE);
    await waitUntil(page, `(${PANEL}).shadowRoot.querySelector('h3')?.textContent.trim() === 'DLTB'`, 180_000);
    // every parcel was kept: touching holes, a repeated vertex and the 100 000-vertex parcel are valid
    expect(await page.locator('plan-landuse-panel .messages li.warning').allTextContents()).not.toContainEqual(expect.stringContaining('自相交'));
    const layers = await page.locator('plan-landuse-panel [data-testid="landuse-delivery"] tr[data-layer]').evaluateAll((rows) => rows.map((row) => [row.querySelector('td')?.textContent, (row as HTMLElement).dataset.geometry, (row as HTMLElement).dataset.classified]));
    expect(layers).toEqual([['CJDCQ', 'polygons', 'false'], ['CJDCQJX', 'lines', 'false'], ['DLTB', 'polygons', 'true'], ['LXDW', 'points', 'true'], ['XZQ', 'polygons', 'false']]);
    expect(Number(await page.locator('plan-landuse-panel [data-testid="landuse-deduction"]').getAttribute('data-parcels'))).toBeGreaterThan(0);
    expect(await page.locator('plan-landuse-panel tr[data-class="third-survey-2017:1203"]').count()).toBe(1);
    const samples = await page.locator('plan-landuse-panel [data-testid="landuse-samples"]').textContent();
    expect(samples).toContain('水田');
    await page.getByRole('button', { name: '用于指标计算' }).click();
    await waitUntil(page, barReady('landuse'), 60_000);
    const value = async (name: string) => Number(await page.locator(`plan-indicator-bar [data-indicator="${name}"]`).getAttribute('data-value'));
    const expected = expectedShares();
    expect(expected.blueGreen).toBeGreaterThan(0);
    expect(Math.abs((await value('blue-green')) - expected.blueGreen)).toBeLessThan(1e-6);
    expect(Math.abs((await value('construction')) - expected.construction)).toBeLessThan(1e-6);
    expect(errors).toEqual([]);
  });

  it('a delivery chosen as a folder reads the same layer', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'delivery-'));
    for (const [name, bytes] of Object.entries(unzipSync(new Uint8Array(readFileSync(FIXTURE))))) {
      const path = join(folder, name.split('/').pop()!);
      if (/(CJDCQ|DLTB|XZQ)\.(shp|shx|dbf|prj)$/.test(path)) writeFileSync(path, bytes);
    }
    const { page } = await openAnalyse(chromium);
    await page.locator('plan-landuse-panel [data-testid="landuse-folder"]').setInputFiles(folder);
    await waitUntil(page, `(${PANEL}).shadowRoot.querySelector('h3')?.textContent.trim() === 'DLTB'`, 60_000);
    expect(await page.locator('plan-landuse-panel [data-testid="landuse-delivery"] tr[data-layer]').count()).toBe(3);
  });

  it('two classified polygon layers: the planner is asked, the figures stay, and the chosen one is read', async () => {
    const { page } = await openAnalyse(chromium);
    await waitUntil(page, barReady('schematic'), 60_000);
    const before = await page.locator('plan-indicator-bar [data-indicator="construction"]').getAttribute('data-value');
    await page.locator('plan-landuse-panel [data-testid="landuse-file"]').setInputFiles(zipOf(['DLTB', 'GHYD'], [39_505_400, 4_079_500]));
    await waitUntil(page, `!!(${PANEL}).shadowRoot.querySelector('[data-testid="landuse-question"]')`, 60_000);
    expect(await page.locator('plan-landuse-panel [data-testid="landuse-question"]').getAttribute('data-reason')).toBe('several-classified');
    expect(await page.locator('plan-landuse-panel h3').count()).toBe(1); // only the question's heading: no layer read
    expect(await page.locator('plan-indicator-bar [data-indicator="construction"]').getAttribute('data-value')).toBe(before);
    await page.locator('plan-landuse-panel [data-testid="landuse-question"] tr[data-layer="GHYD"] button').click();
    await waitUntil(page, `(${PANEL}).shadowRoot.querySelector('h3')?.textContent.trim() === 'GHYD'`, 60_000);
    expect(await page.locator('plan-landuse-panel [data-testid="landuse-question"]').count()).toBe(0);
  });

  it('a file without .prj waits for the planner to confirm the guessed system; then it is used', async () => {
    const { page } = await openAnalyse(chromium);
    await page.locator('plan-landuse-panel [data-testid="landuse-file"]').setInputFiles(zipOf(['DLTB'], [39_505_400, 4_079_500], false));
    await waitUntil(page, `(${PANEL}).shadowRoot.querySelector('[data-testid="landuse-pending"]')?.dataset.reason === 'crs'`, 60_000);
    expect(await page.evaluate("!!globalThis.__plan.map.getLayer('landuse-fill')")).toBe(false);
    await page.locator('plan-landuse-panel [data-testid="landuse-confirm"]').click();
    await waitUntil(page, `(${PANEL}).shadowRoot.querySelector('h3')?.textContent.trim() === 'DLTB' && !(${PANEL}).shadowRoot.querySelector('[data-testid="landuse-pending"]')`, 60_000);
    await waitUntil(page, "!!globalThis.__plan.map.getLayer('landuse-fill')", 60_000);
  });

  it('a layer far from the Start-up Area says where it is and leaves the map and figures as they were', async () => {
    const { page } = await openAnalyse(chromium);
    await waitUntil(page, barReady('schematic'), 60_000);
    const before = await page.locator('plan-indicator-bar [data-indicator="blue-green"]').getAttribute('data-value');
    // 600 km further north in the same zone
    await page.locator('plan-landuse-panel [data-testid="landuse-file"]').setInputFiles(zipOf(['DLTB'], [39_505_400, 4_679_500]));
    await waitUntil(page, `(${PANEL}).shadowRoot.querySelector('[data-testid="landuse-pending"]')?.dataset.reason === 'outside'`, 60_000);
    // said in the live region that announces errors
    await waitUntil(page, "/以北约/.test(document.querySelector('plan-app').shadowRoot?.querySelector('[data-testid=\"alert\"]')?.textContent ?? document.querySelector('[data-testid=\"alert\"]')?.textContent ?? '')", 30_000);
    expect(await page.locator('[data-testid="alert"]').textContent()).toMatch(/以北约 \d{3} 千米/);
    expect(await page.evaluate("!!globalThis.__plan.map.getLayer('landuse-fill')")).toBe(false);
    expect(await page.locator('plan-indicator-bar [data-indicator="blue-green"]').getAttribute('data-value')).toBe(before);
  });
});
