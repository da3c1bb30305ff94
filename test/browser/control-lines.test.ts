/**
 * The three control lines (三区三线) in real Chromium, on the project's own fixtures (scripts/fixtures: the land-use
 * grid `ydyh-gk39-prj.zip` and the 三区三线 delivery of control-lines-fixture.ts, written to a temporary folder
 * here): the unnamed polygon layer is asked about; the lines are drawn; the three conflict figures — urban
 * construction land inside the red line, inside permanent basic farmland, outside the development boundary — for
 * the whole area and for a study area equal a naive turf computation (each urban parcel intersected with the line
 * polygons, or less them, inside the region), in Chinese and in English; a delivery whose only control line is a
 * line layer is refused with a message, and the lines and figures in force stay. Across a reload the lines come back
 * drawn with the same conflict figures, stay gone once removed, and a saved record that cannot be read is reported
 * and left in place.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Polygon } from 'geojson';
import proj4 from 'proj4';
import { unzipSync, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { openDeckPanel, printHandout, waitUntil, type AppPage } from '../helpers/app-page.ts';
import { useBrowser } from '../helpers/use-browser.ts';
import { putIn, savedIn } from '../helpers/saved-records.ts';
import { CONFLICT_KINDS, clipTo, naiveConflicts, type Area, type ConflictKind } from '../helpers/landuse-oracles.ts';
import { CONTROL_LINES_ORIGIN, controlLinesOnlyLinesZip, controlLinesZip } from '../../scripts/fixtures/control-lines-fixture.ts';
import { EPSG_4527 } from '../../scripts/fixtures/landuse-fixture-data.ts';

type Kind = ConflictKind;
const KINDS = CONFLICT_KINDS;
const LAND_USE = resolve(__dirname, '../fixtures/landuse/ydyh-gk39-prj.zip');
const boundary = (JSON.parse(readFileSync(resolve(__dirname, '../../geodata/boundary.geojson'), 'utf8')) as { features: Area[] }).features[0];

const folder = mkdtempSync(join(tmpdir(), 'control-lines-'));
const DELIVERY = join(folder, '三区三线.zip');
const ONLY_LINES = join(folder, 'CZKFBJ-lines.zip');
writeFileSync(DELIVERY, controlLinesZip());
writeFileSync(ONLY_LINES, controlLinesOnlyLinesZip());

const expectedConflicts = (region: Area) => naiveConflicts(LAND_USE, controlLinesZip(), region);


const toWgs84 = proj4(EPSG_4527, 'WGS84');
/** A study area over the fixture's eastern columns: across the red line, a farmland block and the development boundary. */
function studyPolygon(): Polygon {
  const [x0, y0] = CONTROL_LINES_ORIGIN;
  const ring = [[x0 + 450, y0 + 30], [x0 + 1400, y0 + 30], [x0 + 1400, y0 + 520], [x0 + 450, y0 + 520], [x0 + 450, y0 + 30]];
  return { type: 'Polygon', coordinates: [ring.map((point) => toWgs84.forward(point))] };
}

const STATE = 'globalThis.__plan.store.getState()';

/** A fresh page with the land-use fixture read and in use for the figures. */
async function openWithLandUseInUse(chromium: ReturnType<typeof useBrowser>): Promise<AppPage> {
  const app = await chromium.open(`${inject('baseUrl')}#mode=analyse`, { reducedMotion: 'reduce', locale: 'zh-CN' });
  const { page } = app;
  await page.locator('plan-landuse-panel [data-testid="landuse-file"]').waitFor({ state: 'attached', timeout: 60_000 });
  await page.locator('plan-landuse-panel [data-testid="landuse-file"]').setInputFiles(LAND_USE);
  await waitUntil(page, `${STATE}.landuse.summary !== null`, 60_000);
  await page.getByRole('button', { name: '用于指标计算' }).click();
  await waitUntil(page, `${STATE}.analysis.status === 'ready' && ${STATE}.analysis.basis.kind === 'landuse'`, 120_000);
  return app;
}

/** Drops a file on the map's canvas container as a browser would (a DataTransfer with a File). */
async function dropOnMap(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.evaluate(({ name: fileName, base64 }) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))], fileName, { type: 'application/zip' }));
    const target = document.querySelector('#map .maplibregl-canvas-container') ?? document.querySelector('#map')!;
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, { name, base64: Buffer.from(bytes).toString('base64') });
}
const STATS_CONFLICTS = "plan-stats plan-control-line-conflicts[data-region='whole']";
const STUDY_CONFLICTS = "plan-study-figures[data-testid='study-figures-element'] plan-control-line-conflicts";

async function shown(app: AppPage, selector: string): Promise<Record<Kind, string | null>> {
  const values = await Promise.all(KINDS.map((kind) => app.page.locator(`${selector} dd[data-conflict='${kind}']`).getAttribute('data-value')));
  return Object.fromEntries(KINDS.map((kind, index) => [kind, values[index]])) as Record<Kind, string | null>;
}

function expectNear(values: Record<Kind, string | null>, expected: Record<Kind, number>): void {
  for (const kind of KINDS) {
    expect(values[kind], kind).not.toBe('');
    expect(Math.abs(Number(values[kind]) - expected[kind]), kind).toBeLessThanOrEqual(Math.max(5, expected[kind] * 1e-5));
  }
}

describe('the three control lines', { timeout: 300_000 }, () => {
  const chromium = useBrowser();
  let app: AppPage;

  beforeAll(async () => {
    app = await openWithLandUseInUse(chromium);
  });

  it('before any line is loaded, each conflict figure says so (never 0)', async () => {
    const values = await shown(app, STATS_CONFLICTS);
    expect(values).toEqual({ 'ecological-red-line': '', 'permanent-farmland': '', 'outside-development-boundary': '' });
    expect(await app.page.locator(`${STATS_CONFLICTS} dd[data-conflict='ecological-red-line']`).textContent()).toContain('未载入生态保护红线图层');
  });

  it('asks about the layer no name tells, reads the three lines and draws them', async () => {
    const { page } = app;
    await page.locator('plan-control-lines-panel [data-testid="control-lines-file"]').setInputFiles(DELIVERY);
    await waitUntil(page, `${STATE}.controlLines.question !== null`, 60_000);
    expect(await page.locator('plan-control-lines-panel [data-testid="control-lines-question"] label').textContent()).toContain('XZQ');
    await page.locator('plan-control-lines-panel [data-testid="control-line-role"]').selectOption('ignore');
    await waitUntil(page, `${STATE}.controlLines.lines.length === 3 && ${STATE}.controlLines.question === null && !${STATE}.controlLines.reading`, 60_000);
    const roles = await page.locator('plan-control-lines-panel [data-testid="control-lines-list"] li').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.role).sort());
    expect(roles).toEqual(['development-boundary', 'ecological-red-line', 'permanent-farmland']);
    // the line layer named 城镇开发边界线 is reported, not used
    expect(await page.locator('plan-control-lines-panel [data-testid="control-lines-messages"]').textContent()).toContain('城镇开发边界线');
    await waitUntil(page, `(() => { const map = globalThis.__plan.map; return ['ecological-red-line', 'permanent-farmland', 'development-boundary'].every((role) => map.getLayer('control-lines-' + role)); })()`, 30_000);
    const legend = await page.evaluate(`${STATE}.legend.filter((row) => row.id.startsWith('control-line:')).map((row) => row.label)`) as string[];
    expect(legend.sort()).toEqual(['城镇开发边界', '永久基本农田', '生态保护红线'].sort());
  });

  it('whole area: the three conflict figures equal turf, with the published rules and in the CSV', async () => {
    const { page } = app;
    await waitUntil(page, `document.querySelector('plan-app').querySelector('plan-stats')?.shadowRoot?.querySelector("plan-control-line-conflicts")?.shadowRoot?.querySelector("dd[data-conflict='ecological-red-line']")?.dataset.value !== ''`, 120_000);
    const expected = expectedConflicts(boundary);
    expect(expected['ecological-red-line']).toBeGreaterThan(0);
    expect(expected['outside-development-boundary']).toBeGreaterThan(0);
    expectNear(await shown(app, STATS_CONFLICTS), expected);
    expect(await page.locator(`${STATS_CONFLICTS} [data-rule='ecological-red-line']`).textContent()).toContain('严格禁止开发性、生产性建设活动');
    const csv = await page.evaluate(`document.querySelector('plan-app').querySelector('plan-stats').csvText()`) as string;
    expect(csv).toContain('outside-development-boundary');
    expect(csv).toContain('城镇开发边界外的城镇建设用地');
  });

  it('a study area: the conflicts equal turf over the region, and crossing the red line says so with km²', async () => {
    const { page } = app;
    const polygon = studyPolygon();
    await page.evaluate(`document.querySelector('plan-app').dispatchEvent(new CustomEvent('plan-study-command', { detail: { command: 'set-polygon', polygon: ${JSON.stringify(polygon)} }, bubbles: true, composed: true }))`);
    await waitUntil(page, `(() => { const figures = ${STATE}.study.study.figures; return !!figures?.landUse?.conflicts; })()`, 60_000);
    const region = clipTo(polygon, boundary)!;
    const expected = expectedConflicts(region);
    expect(expected['ecological-red-line']).toBeGreaterThan(0);
    await page.locator(`${STUDY_CONFLICTS} dd[data-conflict='ecological-red-line']`).waitFor({ timeout: 30_000 });
    expectNear(await shown(app, STUDY_CONFLICTS), expected);
    expect(await page.locator(`${STUDY_CONFLICTS} [data-crosses='ecological-red-line']`).textContent()).toContain('跨越生态保护红线');
  });

  it('in English the same figures carry English names', async () => {
    const { page } = app;
    await page.evaluate(`globalThis.__plan.store.update((state) => ({ ...state, lang: 'en' }))`);
    await waitUntil(page, `document.querySelector('plan-app').querySelector('plan-stats')?.shadowRoot?.querySelector("plan-control-line-conflicts")?.shadowRoot?.textContent.includes('Urban construction land inside the ecological red line')`, 30_000);
    expectNear(await shown(app, STATS_CONFLICTS), expectedConflicts(boundary));
    expect(await page.locator(`${STUDY_CONFLICTS} [data-crosses='ecological-red-line']`).textContent()).toContain('Crosses the Ecological protection red line');
    expectNear(await shown(app, STUDY_CONFLICTS), expectedConflicts(clipTo(studyPolygon(), boundary)!));
  });

  it('the layer tree hides and shows the lines; a delivery dropped on the map goes to the control lines, not the land-use layer', async () => {
    const { page } = app;
    await page.evaluate(`document.querySelector('plan-app').dispatchEvent(new CustomEvent('plan-control-lines-display', { detail: { visible: false }, bubbles: true, composed: true }))`);
    await waitUntil(page, `globalThis.__plan.map.getLayoutProperty('control-lines-ecological-red-line', 'visibility') === 'none'`, 30_000);
    expect(await page.locator('plan-layer-tree [data-layer="control-lines"]').isChecked()).toBe(false);
    await page.locator('plan-layer-tree [data-layer="control-lines"]').check({ force: true });
    await waitUntil(page, `globalThis.__plan.map.getLayoutProperty('control-lines-ecological-red-line', 'visibility') === 'visible'`, 30_000);
    const landUse = await page.evaluate(`${STATE}.landuse.summary.name`);
    await dropOnMap(page, '三区三线.zip', controlLinesZip());
    await waitUntil(page, `${STATE}.controlLines.question !== null`, 60_000);
    await page.locator('plan-control-lines-panel [data-testid="control-line-role"]').selectOption('ignore');
    await waitUntil(page, `${STATE}.controlLines.question === null && !${STATE}.controlLines.reading && ${STATE}.controlLines.lines.length === 3`, 60_000);
    expect(await page.evaluate(`${STATE}.landuse.summary.name`)).toBe(landUse);
  });

  it('a dropped delivery holding both control lines and a land-use layer asks which to read', async () => {
    const { page } = app;
    const landUse = await page.evaluate(`${STATE}.landuse.summary.name`);
    const both = zipSync({ ...unzipSync(controlLinesZip()), ...unzipSync(new Uint8Array(readFileSync(LAND_USE))) });
    await dropOnMap(page, '成果.zip', both);
    await waitUntil(page, `${STATE}.controlLines.mixed !== null`, 60_000);
    expect(await page.locator('plan-control-lines-panel [data-testid="control-lines-mixed"]').textContent()).toContain('成果.zip');
    await page.locator('plan-control-lines-panel [data-kind="control-lines"]').click();
    await waitUntil(page, `${STATE}.controlLines.question !== null`, 60_000);
    // XZQ and the land-use layer: no name tells their role
    const asked = page.locator('plan-control-lines-panel [data-testid="control-line-role"]');
    expect(await asked.count()).toBe(2);
    for (let index = 0; index < 2; index++) await asked.nth(index).selectOption('ignore');
    await waitUntil(page, `${STATE}.controlLines.question === null && ${STATE}.controlLines.mixed === null && !${STATE}.controlLines.reading && ${STATE}.controlLines.lines.length === 3`, 60_000);
    expect(await page.evaluate(`${STATE}.landuse.summary.name`)).toBe(landUse);
  });

  it('a delivery whose only control line is a line layer is refused with a message; the lines and figures stay', async () => {
    const { page } = app;
    const before = await shown(app, STATS_CONFLICTS);
    const lines = await page.evaluate(`${STATE}.controlLines.lines.length`);
    const count = await page.evaluate(`${STATE}.announcements.at(-1)?.id ?? 0`) as number;
    await page.locator('plan-control-lines-panel [data-testid="control-lines-file"]').setInputFiles(ONLY_LINES);
    await waitUntil(page, `${STATE}.announcements.some((item) => item.id > ${count} && item.level === 'error')`, 60_000);
    const error = await page.evaluate(`${STATE}.announcements.filter((item) => item.id > ${count} && item.level === 'error').map((item) => item.text).join(' ')`) as string;
    expect(error).toContain('CZKFBJ');
    expect(error).toContain('not polygons');
    expect(await page.evaluate(`${STATE}.controlLines.lines.length`)).toBe(lines);
    expect(await shown(app, STATS_CONFLICTS)).toEqual(before);
    expect(app.errors).toEqual([]);
  });

  it('the printed handout carries each cluster\'s conflict figures', async () => {
    const { page } = app;
    await openDeckPanel(page);
    await printHandout(page);
    const cluster = page.locator('#plan-handout .handout-cluster').first();
    const expected = await page.evaluate(`Object.entries(${STATE}.analysis.clusters[0].result.figures.landUse.conflicts).map(([kind, value]) => [kind, String(value)])`) as [string, string][];
    const printed = await cluster.locator('dd[data-conflict]').evaluateAll((items) => items.map((item) => [(item as HTMLElement).dataset.conflict, (item as HTMLElement).dataset.value]));
    expect(printed).toEqual(expected);
    expect(printed.length).toBe(3);
    expect(app.errors).toEqual([]);
  });
});

describe('the control lines across a reload', { timeout: 300_000 }, () => {
  const chromium = useBrowser();

  it('a saved record that cannot be read is reported in the live region and left in place; nothing breaks', async () => {
    const app = await chromium.open(`${inject('baseUrl')}#mode=analyse`, { reducedMotion: 'reduce', locale: 'zh-CN' });
    const { page } = app;
    await page.locator('plan-control-lines-panel [data-testid="control-lines-file"]').waitFor({ state: 'attached', timeout: 60_000 });
    await page.evaluate(putIn('plan-control-lines', 'lines', `{ version: 1, files: [{ name: '三区三线.zip', data: new Blob(['x']) }], roles: { XZQ: 'red-line' } }`));
    await page.reload();
    await waitUntil(page, `${STATE}.announcements.some((item) => item.level === 'error' && item.text.includes('上次保存的管控线无法读取'))`, 60_000);
    expect(await page.evaluate(`${STATE}.announcements.find((item) => item.level === 'error').text`)).toContain('role red-line of layer XZQ');
    expect(await page.evaluate(savedIn('plan-control-lines', 'lines'))).toBe(true);
    expect(await page.evaluate(`${STATE}.controlLines.lines.length`)).toBe(0);
    // the panel still reads a delivery
    await page.locator('plan-control-lines-panel [data-testid="control-lines-file"]').setInputFiles(DELIVERY);
    await waitUntil(page, `${STATE}.controlLines.question !== null`, 60_000);
    expect(app.errors).toEqual([]);
  });

  it('come back drawn and cut into the restored land-use layer (the same conflict figures); once removed, they stay gone', async () => {
    const app = await openWithLandUseInUse(chromium);
    const { page } = app;
    await page.locator('plan-control-lines-panel [data-testid="control-lines-file"]').setInputFiles(DELIVERY);
    await waitUntil(page, `${STATE}.controlLines.question !== null`, 60_000);
    await page.locator('plan-control-lines-panel [data-testid="control-line-role"]').selectOption('ignore');
    await waitUntil(page, `${STATE}.controlLines.lines.length === 3 && !${STATE}.controlLines.reading`, 60_000);
    const conflictShown = `document.querySelector('plan-app').querySelector('plan-stats')?.shadowRoot?.querySelector("plan-control-line-conflicts")?.shadowRoot?.querySelector("dd[data-conflict='ecological-red-line']")?.dataset.value`;
    await waitUntil(page, `!!${conflictShown}`, 120_000);
    const before = await shown(app, STATS_CONFLICTS);
    expect(Number(before['ecological-red-line'])).toBeGreaterThan(0);
    const lines = () => page.evaluate(`${STATE}.controlLines.lines.map((line) => [line.name, line.role, line.by, line.parcelCount]).sort()`);
    const linesBefore = await lines();
    await waitUntil(page, savedIn('plan-control-lines', 'lines'), 30_000);

    await page.reload();
    await waitUntil(page, "performance.getEntriesByName('map-idle', 'mark').length > 0", 60_000);
    await waitUntil(page, `${STATE}.controlLines.lines.length === 3 && !${STATE}.controlLines.reading`, 120_000);
    expect(await lines()).toEqual(linesBefore);
    await waitUntil(page, `['ecological-red-line', 'permanent-farmland', 'development-boundary'].every((role) => globalThis.__plan.map.getLayer('control-lines-' + role))`, 30_000);
    // the conflicts exist only once the lines are cut into the land-use layer's worker
    await waitUntil(page, `!!${conflictShown}`, 120_000);
    expect(await shown(app, STATS_CONFLICTS)).toEqual(before);

    await page.locator('plan-control-lines-panel [data-testid="control-lines-remove"]').click();
    await waitUntil(page, `${STATE}.controlLines.lines.length === 0 && !globalThis.__plan.map.getLayer('control-lines-ecological-red-line')`, 30_000);
    await waitUntil(page, `${conflictShown} === ''`, 60_000);
    await waitUntil(page, `(async () => !(await ${savedIn('plan-control-lines', 'lines')}))()`, 30_000);

    await page.reload();
    await waitUntil(page, `${STATE}.analysis.status === 'ready' && ${STATE}.analysis.basis.kind === 'landuse'`, 120_000);
    await waitUntil(page, `${conflictShown} === ''`, 60_000);
    expect(await page.evaluate(savedIn('plan-control-lines', 'lines'))).toBe(false);
    expect(await page.evaluate(`${STATE}.controlLines.lines.length`)).toBe(0);
    expect(await shown(app, STATS_CONFLICTS)).toEqual({ 'ecological-red-line': '', 'permanent-farmland': '', 'outside-development-boundary': '' });
    expect(app.errors).toEqual([]);
  });
});
