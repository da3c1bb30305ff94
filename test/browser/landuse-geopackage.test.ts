/**
 * A GeoPackage delivery in real Chromium (test/fixtures/landuse/gpkg-delivery.gpkg, written by
 * scripts/fixtures/make-geopackage-fixture.ts: a polygon layer with 2023 land/sea-use codes, one parcel with a
 * hole and one multipolygon, a points layer with codes and an attribute table, CGCS2000 GK zone 39). sql.js is
 * loaded in the land-use worker from the app's own origin; the polygon layer is used, the others are listed, and
 * the figures equal a naive turf computation over the written parcels. A zipped File Geodatabase is refused
 * with how to export it, and the figures stay.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { zipSync } from 'fflate';
import proj4 from 'proj4';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { area } from '@turf/area';
import { intersect } from '@turf/intersect';
import { featureCollection } from '@turf/helpers';
import { waitUntil, type AppPage } from '../helpers/app-page.ts';
import { useBrowser } from '../helpers/use-browser.ts';
import { DELIVERY_POLYGON_TABLE, deliveryParcels } from '../../scripts/fixtures/make-geopackage-fixture.ts';
import { EPSG_4527, LAND_SEA_USE_CLASSES } from '../../scripts/fixtures/landuse-fixture-data.ts';

type Area = Feature<Polygon | MultiPolygon>;
const FIXTURE = resolve(__dirname, '../fixtures/landuse/gpkg-delivery.gpkg');
const boundary = (JSON.parse(readFileSync(resolve(__dirname, '../../geodata/boundary.geojson'), 'utf8')) as { features: Area[] }).features[0];

/** The README's grouping rule for the 2023 codes the fixture uses (land-sea-use-2023.json `groupRule`). */
const BLUE_GREEN = new Set(['0103', '0301', '1701', '1401', '1402']);
const URBAN = new Set(['070102', '1001', '1207', '0901']);

/** Expected shares straight from the written parcels: each projected with proj4, cut to the boundary, turf area. */
function expectedShares(): { blueGreen: number; construction: number } {
  const toWgs84 = proj4(EPSG_4527, 'WGS84');
  let blueGreen = 0;
  let construction = 0;
  deliveryParcels().forEach((parcel, index) => {
    if (parcel.type !== 'MultiPolygon') throw new Error('fixture parcels are multipolygons');
    const geometry: MultiPolygon = { type: 'MultiPolygon', coordinates: parcel.coordinates.map((rings) => rings.map((ring) => ring.map((position) => toWgs84.forward(position)))) };
    const clipped = intersect(featureCollection<Polygon | MultiPolygon>([{ type: 'Feature', properties: {}, geometry }, boundary]));
    const inside = clipped ? area(clipped) : 0;
    const [code] = LAND_SEA_USE_CLASSES[index % LAND_SEA_USE_CLASSES.length];
    if (BLUE_GREEN.has(code)) blueGreen += inside;
    if (URBAN.has(code)) construction += inside;
  });
  return { blueGreen: blueGreen / area(boundary), construction: construction / area(boundary) };
}

const PANEL = "document.querySelector('plan-landuse-panel')";
const BAR = "document.querySelector('plan-indicator-bar')";
const barReady = (basis: string) => `${BAR}?.dataset.basis === '${basis}' && !!${BAR}.shadowRoot?.querySelector('[data-indicator="construction"]')?.getAttribute('data-value')`;

async function openAnalyse(chromium: ReturnType<typeof useBrowser>): Promise<AppPage> {
  const app = await chromium.open(`${inject('baseUrl')}#mode=analyse`, { reducedMotion: 'reduce', locale: 'zh-CN' });
  await waitUntil(app.page, `!!${PANEL}?.shadowRoot?.querySelector('[data-testid="landuse-file"]')`, 60_000);
  return app;
}

describe('GeoPackage land-use layers', () => {
  const chromium = useBrowser();

  it('a GeoPackage uses its classified polygon layer, lists the others, and its shares equal turf', async () => {
    const { page, errors } = await openAnalyse(chromium);
    const wasm: string[] = [];
    page.on('request', (request) => { if (request.url().endsWith('.wasm')) wasm.push(new URL(request.url()).origin); });
    await page.locator('plan-landuse-panel [data-testid="landuse-file"]').setInputFiles(FIXTURE);
    await waitUntil(page, `(${PANEL}).shadowRoot.querySelector('h3')?.textContent.trim() === '${DELIVERY_POLYGON_TABLE}'`, 60_000);
    // sql.js's wasm came from the app's own origin
    expect(wasm).toEqual([new URL(inject('baseUrl')).origin]);
    const layers = await page.locator('plan-landuse-panel [data-testid="landuse-delivery"] tr[data-layer]').evaluateAll((rows) => rows.map((row) => [row.querySelector('td')?.textContent, (row as HTMLElement).dataset.geometry, (row as HTMLElement).dataset.classified]));
    expect(layers).toEqual([['LXDW', 'points', 'true'], ['QSDW', 'none', 'false'], [DELIVERY_POLYGON_TABLE, 'polygons', 'true']]);
    // UTF-8 class names as written (a GeoPackage's text is always UTF-8: no encoding to choose)
    const names = await page.locator('plan-landuse-panel tr[data-class] td:nth-child(3)').allTextContents();
    expect(names).toContain('公园绿地');
    expect(names).toContain('二类城镇住宅用地');
    await page.getByRole('button', { name: '用于指标计算' }).click();
    await waitUntil(page, barReady('landuse'), 60_000);
    const value = async (name: string) => Number(await page.locator(`plan-indicator-bar [data-indicator="${name}"]`).getAttribute('data-value'));
    const expected = expectedShares();
    expect(expected.blueGreen).toBeGreaterThan(0);
    expect(expected.construction).toBeGreaterThan(0);
    expect(Math.abs((await value('blue-green')) - expected.blueGreen)).toBeLessThan(1e-6);
    expect(Math.abs((await value('construction')) - expected.construction)).toBeLessThan(1e-6);
    expect(errors).toEqual([]);
  });

  it('a zipped File Geodatabase says how to export it, and the figures stay', async () => {
    const { page } = await openAnalyse(chromium);
    await waitUntil(page, barReady('schematic'), 60_000);
    const before = await page.locator('plan-indicator-bar [data-indicator="construction"]').getAttribute('data-value');
    const gdb = zipSync({ '三调成果.gdb/a00000001.gdbtable': new Uint8Array(40), '三调成果.gdb/a00000001.gdbtablx': new Uint8Array(16), '三调成果.gdb/gdb': new Uint8Array(8) });
    await page.locator('plan-landuse-panel [data-testid="landuse-file"]').setInputFiles({ name: '三调成果.zip', mimeType: 'application/zip', buffer: Buffer.from(gdb) });
    await waitUntil(page, `(${PANEL}).shadowRoot.textContent.includes('要素另存为')`, 60_000);
    const text = await page.evaluate(`(${PANEL}).shadowRoot.textContent`);
    expect(text).toContain('三调成果.gdb');
    expect(text).toContain('GeoPackage');
    expect(await page.locator('plan-indicator-bar [data-indicator="construction"]').getAttribute('data-value')).toBe(before);
  });
});
