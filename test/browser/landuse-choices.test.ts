/**
 * What the planner can change about the classification of a land-use layer, in real Chromium:
 * choices-gk39.zip (scripts/fixtures/make-landuse-fixtures.ts) carries planned use in 2023 codes, three parcels
 * with the local code Z1, beside the current land of the third survey (which detection picks). Through the
 * panel the planner switches to the planned-use fields, then changes the name field and the system, and the
 * class table follows; then gives Z1 to urban construction, and the indicator bar's construction share grows by
 * exactly Z1's share of the boundary, computed independently here with turf, and keeps it across a reload.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { area } from '@turf/area';
import { intersect } from '@turf/intersect';
import { union } from '@turf/union';
import { featureCollection } from '@turf/helpers';
import { launchChromium } from '../helpers/chromium.ts';
import { openApp, waitUntil, type AppPage } from '../helpers/app-page.ts';
import { readLandUseFiles } from '../../src/data/landuse/read-landuse-files.ts';
import { classifyLayer } from '../../src/core/landuse/classify-layer.ts';

type Area = Feature<Polygon | MultiPolygon>;
const FIXTURE = resolve(__dirname, '../fixtures/landuse/choices-gk39.zip');
const boundary = (JSON.parse(readFileSync(resolve(__dirname, '../../geodata/boundary.geojson'), 'utf8')) as { features: Area[] }).features[0];
const PLANNED = { system: 'land-sea-use-2023', codeField: 'YDYHFLDM', nameField: 'YDYHFLMC' } as const;

function fixtureLayer() {
  const read = readLandUseFiles([{ name: 'choices-gk39.zip', bytes: new Uint8Array(readFileSync(FIXTURE)) }]);
  if (!read.ok) throw new Error('fixture did not read');
  return read.layer;
}

/** Share of the boundary covered by the union of these polygons (turf). */
function shareOf(geometries: readonly (Polygon | MultiPolygon)[]): number {
  if (geometries.length === 0) return 0;
  const features = geometries.map((geometry): Area => ({ type: 'Feature', properties: {}, geometry }));
  const merged = features.length === 1 ? features[0] : union(featureCollection(features));
  const clipped = merged ? intersect(featureCollection([merged, boundary])) : null;
  return (clipped ? area(clipped) : 0) / area(boundary);
}

/** Construction share on the planned-use fields with the default rule (Z1 in no group). */
function plannedConstructionShare(): number {
  const layer = fixtureLayer();
  const { parcels } = classifyLayer(layer.features, layer.fields, { choice: { ...PLANNED } });
  return shareOf(parcels.filter((parcel) => parcel.group === 'urban-construction').map((parcel) => parcel.geometry));
}

/** Z1's share, found from the raw attribute, not from the app's classification. */
function z1Share(): number {
  const layer = fixtureLayer();
  const z1 = layer.features.filter((feature) => feature.properties?.YDYHFLDM === 'Z1').map((feature) => feature.geometry as Polygon);
  expect(z1).toHaveLength(3);
  return shareOf(z1);
}

const PANEL = "(document.querySelector('plan-app').querySelector('plan-landuse-panel') ?? document.querySelector('plan-landuse-panel'))";
const ROOT = `${PANEL}?.shadowRoot`;
const row = (key: string) => `${ROOT}?.querySelector('tr[data-class="${key}"]')`;
const BAR = "document.querySelector('plan-indicator-bar')";
const construction = `Number(${BAR}?.shadowRoot?.querySelector('[data-indicator="construction"]')?.getAttribute('data-value') || NaN)`;
const barNear = (value: number) => `${BAR}?.dataset.basis === 'landuse' && Math.abs(${construction} - ${value}) < 1e-6`;

/** Chooses the fixture afresh (default settings) and waits for its class table, not busy. */
async function chooseFixture(page: Page): Promise<void> {
  await waitUntil(page, `!!${PANEL}?.shadowRoot?.querySelector('[data-testid="landuse-file"]')`, 60_000);
  await page.locator('plan-landuse-panel [data-testid="landuse-file"]').setInputFiles(FIXTURE);
  await waitUntil(page, `!${PANEL}?.busy && ${ROOT}?.querySelector('[data-testid="landuse-choice"]')?.dataset.source === 'detected' && !!${row('third-survey-2017:1001')}`, 60_000);
}

/** Picks the detected candidate whose code field is `codeField` and waits for the table to follow. */
async function chooseCandidate(page: Page, codeField: string, until: string): Promise<void> {
  const select = page.locator('plan-landuse-panel [data-testid="landuse-candidate"]');
  const options = await select.locator('option').allTextContents();
  const index = options.findIndex((text) => text.includes(codeField));
  expect(index, options.join(' | ')).toBeGreaterThanOrEqual(0);
  await select.selectOption({ index });
  await waitUntil(page, `!${PANEL}?.busy && ${until}`, 60_000);
}

describe('land-use classification: the planner chooses the fields and system, and groups unknown codes', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchChromium();
    app = await openApp(browser, `${inject('baseUrl')}#mode=analyse`, { reducedMotion: 'reduce', locale: 'zh-CN' });
  });

  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('shows the classification in force and its candidates; a change of fields or system reclassifies the parcels', async () => {
    const { page } = app;
    await chooseFixture(page);
    const choice = page.locator('plan-landuse-panel [data-testid="landuse-choice"]');
    expect(await choice.textContent()).toContain('三调（GB/T 21010-2017），代码字段 DLBM，名称字段 DLMC');
    expect(await choice.textContent()).toContain('自动识别');
    const candidates = await page.locator('plan-landuse-panel [data-testid="landuse-candidate"] option').allTextContents();
    expect(candidates).toEqual(['三调（GB/T 21010-2017）：DLBM / DLMC（20/20 条相符）', '用地用海分类（2023）：YDYHFLDM / YDYHFLMC（17/20 条相符）']);
    expect(await page.locator('plan-landuse-panel tr[data-class="third-survey-2017:1001"] td:nth-child(3)').textContent()).toBe('铁路用地');

    // the planned-use fields: 1001 is industrial land, and Z1 has its own row
    await chooseCandidate(page, 'YDYHFLDM', `!!${row('land-sea-use-2023:1001')} && !!${row('unknown:Z1')}`);
    expect(await choice.textContent()).toContain('用地用海分类（2023），代码字段 YDYHFLDM，名称字段 YDYHFLMC');
    expect(await choice.textContent()).toContain('您的选择');
    expect(await page.locator('plan-landuse-panel tr[data-class="land-sea-use-2023:1001"] td:nth-child(3)').textContent()).toBe('工业用地');
    const z1 = page.locator('plan-landuse-panel tr[data-class="unknown:Z1"]');
    expect(await z1.locator('td:nth-child(2)').textContent()).toBe('Z1');
    expect(await z1.locator('td:nth-child(3)').textContent()).toContain('临时建设用地');
    expect(await z1.locator('td:nth-child(5)').textContent()).toBe('3');
    expect(await z1.locator('select').inputValue()).toBe('');
    expect(await page.locator('plan-landuse-panel [data-testid="landuse-rule"] summary').textContent()).toBe('归类规则：用地用海分类（2023）的默认规则');

    // no name field, then the third survey: the code alone decides, and 1001 is railway land again
    await page.locator('plan-landuse-panel [data-testid="landuse-name-field"]').selectOption('');
    await waitUntil(page, `!${PANEL}?.busy && ${ROOT}?.querySelector('[data-testid="landuse-choice"]').textContent.includes('名称字段 （无）')`, 60_000);
    await page.locator('plan-landuse-panel [data-testid="landuse-system"]').selectOption('third-survey-2017');
    await waitUntil(page, `!${PANEL}?.busy && !!${row('third-survey-2017:1001')} && !${row('land-sea-use-2023:1001')}`, 60_000);
    expect(await choice.textContent()).toContain('三调（GB/T 21010-2017），代码字段 YDYHFLDM，名称字段 （无）');
    expect(await page.locator('plan-landuse-panel [data-testid="landuse-candidate"]').inputValue()).toBe('');

    // back to detection in one click
    await page.locator('plan-landuse-panel [data-testid="landuse-choice-auto"]').click();
    await waitUntil(page, `!${PANEL}?.busy && ${ROOT}?.querySelector('[data-testid="landuse-choice"]').dataset.source === 'detected'`, 60_000);
    expect(await choice.textContent()).toContain('代码字段 DLBM');
    expect(app.errors).toEqual([]);
  }, 120_000);

  it('an unknown code given to urban construction adds exactly its share of the area to the construction figure', async () => {
    const { page } = app;
    await chooseFixture(page);
    await chooseCandidate(page, 'YDYHFLDM', `!!${row('unknown:Z1')}`);
    const use = page.locator('plan-landuse-panel [data-testid="landuse-use"]');
    if ((await use.getAttribute('aria-pressed')) !== 'true') await use.click();
    const before = plannedConstructionShare();
    const added = z1Share();
    expect(added).toBeGreaterThan(0);
    await waitUntil(page, barNear(before), 60_000);

    await page.locator('plan-landuse-panel tr[data-class="unknown:Z1"] select').selectOption('urban-construction');
    await waitUntil(page, `!${PANEL}?.busy && ${row('unknown:Z1')}?.dataset.group === 'urban-construction'`, 60_000);
    await waitUntil(page, barNear(before + added), 60_000);
    const value = Number(await page.locator('plan-indicator-bar [data-indicator="construction"]').getAttribute('data-value'));
    expect(Math.abs(value - before - added)).toBeLessThan(1e-6);
    expect(await page.locator('plan-landuse-panel [data-testid="landuse-rule"] summary').textContent()).toContain('其中 1 行由您调整');

    // the row shows Z1's area inside the boundary in km², written by format.ts in the page's language
    await waitUntil(page, `!!${row('unknown:Z1')}?.querySelector('[data-area-km2]')?.dataset.areaKm2`, 60_000);
    const areaCell = page.locator('plan-landuse-panel tr[data-class="unknown:Z1"] td[data-area-km2]');
    expect(Math.abs(Number(await areaCell.getAttribute('data-area-km2')) - (added * area(boundary)) / 1e6)).toBeLessThan(1e-6);
    expect(await areaCell.textContent()).toBe(((added * area(boundary)) / 1e6).toFixed(2));

    // saved with the layer: after a reload the same choice, group and figure come back
    await page.reload();
    await waitUntil(page, `!!${row('unknown:Z1')} && !${PANEL}?.busy`, 60_000);
    expect(await page.locator('plan-landuse-panel [data-testid="landuse-choice"]').getAttribute('data-source')).toBe('user');
    expect(await page.locator('plan-landuse-panel tr[data-class="unknown:Z1"] select').inputValue()).toBe('urban-construction');
    await waitUntil(page, barNear(before + added), 60_000);

    // and back to no group: the figure is the one before
    await page.locator('plan-landuse-panel tr[data-class="unknown:Z1"] select').selectOption('');
    await waitUntil(page, `!${PANEL}?.busy && ${row('unknown:Z1')}?.dataset.group === 'none'`, 60_000);
    await waitUntil(page, barNear(before), 60_000);
    expect(app.errors).toEqual([]);
  }, 120_000);
});
