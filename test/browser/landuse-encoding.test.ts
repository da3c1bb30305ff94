/**
 * Attribute encodings in real Chromium: a GBK Shapefile whose .dbf declares code page 936 only by its language
 * driver byte (0x4D, no .cpg), with Chinese field names, written by the project's fixture writer. The panel
 * shows GBK as chosen, Chinese sample names and the Chinese field names; the planner switches to Big5 and the
 * samples and field names are read again in it (garbled), then back to GBK.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import proj4 from 'proj4';
import { waitUntil, type AppPage } from '../helpers/app-page.ts';
import { useBrowser } from '../helpers/use-browser.ts';
import { writeShapefile, type WriterGeometry } from '../../scripts/fixtures/shapefile-writer.ts';
import { EPSG_4527, PRJ_GK39 } from '../../scripts/fixtures/landuse-fixture-data.ts';

const PANEL = "document.querySelector('plan-landuse-panel')";

/** A zipped GBK Shapefile in GK zone 39 over the Start-up Area, code page declared by byte 0x4D only. */
function writeFixture(): string {
  const rows = [['1401', '公园绿地'], ['1001', '工业用地'], ['0103', '旱地']];
  const geometries = rows.map((_, index): WriterGeometry => {
    const [x, y] = proj4('WGS84', EPSG_4527).forward([117.05 + index * 0.01, 36.9]);
    return { type: 'Polygon', coordinates: [[[x, y], [x + 300, y], [x + 300, y + 300], [x, y + 300], [x, y]]] };
  });
  const fields = [{ name: '用地代码', type: 'C' as const, length: 10 }, { name: '用地名称', type: 'C' as const, length: 40 }];
  const written = writeShapefile(geometries, fields, rows.map(([code, name]) => ({ 用地代码: code, 用地名称: name })), 'gbk', { languageDriver: 0x4d });
  const path = join(mkdtempSync(join(tmpdir(), 'landuse-encoding-')), 'parcels.zip');
  writeFileSync(path, zipSync({ 'parcels.shp': written.shp, 'parcels.shx': written.shx, 'parcels.dbf': written.dbf, 'parcels.prj': new TextEncoder().encode(PRJ_GK39) }));
  return path;
}

describe('land-use layer: attribute encodings', () => {
  const chromium = useBrowser();
  let app: AppPage;

  beforeAll(async () => {
    app = await chromium.open(`${inject('baseUrl')}#mode=analyse`, { reducedMotion: 'reduce', locale: 'zh-CN' });
  });

  it('reads GBK from the language driver byte, field names included, and the planner can switch to Big5 and back', async () => {
    const { page } = app;
    const fixture = writeFixture();
    await waitUntil(page, `!!(${PANEL})?.shadowRoot?.querySelector('[data-testid="landuse-file"]')`, 60_000);
    await page.locator('plan-landuse-panel [data-testid="landuse-file"]').setInputFiles(fixture);
    await waitUntil(page, `(${PANEL}).shadowRoot.querySelector('[data-testid="landuse-encoding"]')?.value === 'gbk'`, 60_000);
    const samples = () => page.locator('plan-landuse-panel [data-testid="landuse-samples"]').textContent();
    expect(await samples()).toContain('公园绿地');
    const codeFields = () => page.locator('plan-landuse-panel [data-testid="landuse-code-field"] option').allTextContents();
    expect(await codeFields()).toEqual(expect.arrayContaining(['用地代码', '用地名称']));
    const options = await page.locator('plan-landuse-panel [data-testid="landuse-encoding"] option').evaluateAll((nodes) => nodes.map((node) => (node as HTMLOptionElement).value));
    expect(options).toEqual(expect.arrayContaining(['utf-8', 'gbk', 'big5', 'shift_jis', 'euc-kr', 'windows-1252', 'windows-1251', 'ibm437']));

    await page.locator('plan-landuse-panel [data-testid="landuse-encoding"]').selectOption('big5');
    await waitUntil(page, `(${PANEL}).shadowRoot.querySelector('[data-testid="landuse-encoding"]')?.value === 'big5' && !(${PANEL}).shadowRoot.querySelector('[data-testid="landuse-samples"]').textContent.includes('公园绿地')`, 60_000);
    expect(await codeFields()).not.toContain('用地名称');

    await page.locator('plan-landuse-panel [data-testid="landuse-encoding"]').selectOption('gbk');
    await waitUntil(page, `(${PANEL}).shadowRoot.querySelector('[data-testid="landuse-samples"]').textContent.includes('公园绿地')`, 60_000);
    expect(await codeFields()).toEqual(expect.arrayContaining(['用地代码', '用地名称']));
    rmSync(dirname(fixture), { recursive: true, force: true });
  });
});
