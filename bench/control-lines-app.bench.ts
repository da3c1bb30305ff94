/**
 * The three control lines in the app (real Chromium): with the generated 50 000-parcel land-use layer
 * (bench/landuse-parcels.ts) read and used for the indicators, a 三区三线 delivery (STBHHX, YJJBNTBHTB, CZKFBJ in
 * CGCS2000 GK zone 39, over the layer: the same lines as bench/indicator-suite.bench.ts) is chosen in the
 * control-lines panel. Figures:
 * - control_lines_app.longest_task_ms: the longest main-thread task from choosing the files to the whole-area
 *   figures carrying the conflicts (Long Tasks API), goal ≤ 200 ms; baseline: the longest task while the land-use
 *   layer itself was read and switched to, same run;
 * - control_lines_app.figures_ms: from choosing the files to those figures (read, cut into the parcels once in the
 *   land-use worker, every figure asked again).
 * BENCH_CONTROL_LINES_PARCELS sets the layer size.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { zipSync } from 'fflate';
import proj4 from 'proj4';
import { BENCH_DIR, buildAll } from './lib/builds.ts';
import { freshPage, launchChromium, markTime, serveDirectory } from './lib/browser.ts';
import { printFigures, type Figure } from './lib/report.ts';
import { ratio, round } from './lib/stats.ts';
import { generateLandUseParcels } from './landuse-parcels.ts';
import { LONG_TASK_OBSERVER, longTasksSince, poll as pollUntil, settle } from './lib/long-tasks.ts';
import { writeShapefile } from '../scripts/fixtures/shapefile-writer.ts';
import { EPSG_4527, PRJ_GK39 } from '../scripts/fixtures/landuse-fixture-data.ts';

const PARCELS = Number(process.env.BENCH_CONTROL_LINES_PARCELS ?? 50_000);
const TIMEOUT_MS = 900_000;
const GOAL_MS = 200;
const LAND_USE_ZIP = resolve(BENCH_DIR, `landuse-${PARCELS}.zip`);
const LINES_ZIP = resolve(BENCH_DIR, 'control-lines.zip');
const STATE = 'globalThis.__plan.store.getState()';
const DRAWN = "(() => { const map = globalThis.__plan.map; const source = map.getSource('landuse-overview') ? 'landuse-overview' : 'landuse'; return !!map.getLayer('landuse-fill') && map.isSourceLoaded(source) && map.areTilesLoaded() && !map.isMoving(); })()";
const IN_USE = `${STATE}.analysis.status === 'ready' && ${STATE}.analysis.basis.kind === 'landuse'`;
const CONFLICTS = `${IN_USE} && ${STATE}.controlLines.lines.length === 3 && !!${STATE}.analysis.whole?.landUse?.conflicts`;

/** The lines of bench/indicator-suite.bench.ts (WGS84 rectangles), in zone 39 metres. */
function linesZip(): Uint8Array {
  const toZone = proj4('WGS84', EPSG_4527);
  const rectangle = (west: number, south: number, width: number, height: number) => ({
    type: 'Polygon' as const,
    coordinates: [[[west, south], [west, south + height], [west + width, south + height], [west + width, south], [west, south]].map((point) => toZone.forward(point))],
  });
  const layers = {
    STBHHX: [rectangle(117.0213, 36.8007, 0.0101, 0.105), rectangle(117.0807, 36.8503, 0.0302, 0.0071)],
    YJJBNTBHTB: Array.from({ length: 24 }, (_, i) => rectangle(116.9851 + (i % 6) * 0.0273, 36.8051 + Math.floor(i / 6) * 0.0259, 0.0061, 0.0053)),
    CZKFBJ: [rectangle(117.0007, 36.8209, 0.1101, 0.0703)],
  };
  const files: Record<string, Uint8Array> = {};
  for (const [name, polygons] of Object.entries(layers)) {
    const parts = writeShapefile(polygons, [{ name: 'BSM', type: 'N', length: 10 }], polygons.map((_, index) => ({ BSM: index + 1 })), 'gbk', 0x4d);
    Object.assign(files, { [`${name}.shp`]: parts.shp, [`${name}.shx`]: parts.shx, [`${name}.dbf`]: parts.dbf, [`${name}.prj`]: new TextEncoder().encode(PRJ_GK39) });
  }
  return zipSync(files);
}

const builds = await buildAll();
writeFileSync(LAND_USE_ZIP, generateLandUseParcels(PARCELS).zip);
writeFileSync(LINES_ZIP, linesZip());
const server = await serveDirectory(builds.app);
const browser = await launchChromium({ timeout: 60_000 });
let measured: { landUseLongest: number | null; longest: number | null; figures: number };
try {
  const { context, page } = await freshPage(browser, LONG_TASK_OBSERVER);
  const poll = (expression: string) => pollUntil(page, expression, TIMEOUT_MS);
  await page.goto(`${server.url}#mode=analyse`);
  await markTime(page, 'map-idle');
  await page.locator('plan-landuse-panel [data-testid="landuse-file"]').waitFor({ state: 'attached', timeout: 60_000 });
  await settle(page, '__plan');
  const landUseStart = (await page.evaluate('performance.now()')) as number;
  await page.locator('plan-landuse-panel [data-testid="landuse-file"]').setInputFiles(LAND_USE_ZIP);
  await poll(DRAWN);
  await page.locator('plan-landuse-panel [data-testid="landuse-use"]').click();
  await poll(IN_USE);
  const landUseLongest = (await longTasksSince(page, landUseStart)).longest;
  await settle(page, '__plan');
  const start = (await page.evaluate('performance.now()')) as number;
  await page.locator('plan-control-lines-panel [data-testid="control-lines-file"]').setInputFiles(LINES_ZIP);
  await poll(CONFLICTS);
  const figures = ((await page.evaluate('performance.now()')) as number) - start;
  measured = { landUseLongest, longest: (await longTasksSince(page, start)).longest, figures };
  const conflicts = await page.evaluate(`JSON.stringify(${STATE}.analysis.whole.landUse.conflicts)`);
  console.log(`whole-area conflicts (m²): ${String(conflicts)}`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}

const figures: Figure[] = [
  {
    bench: 'control_lines_app.longest_task_ms', value: measured.longest === null ? 0 : round(measured.longest),
    baseline: measured.landUseLongest === null ? null : round(measured.landUseLongest),
    ratio: measured.longest === null || measured.landUseLongest === null ? null : round(ratio(measured.longest, measured.landUseLongest), 3),
    goal: `≤ ${GOAL_MS} ms`, met: (measured.longest ?? 0) <= GOAL_MS,
    note: `choosing the control lines → whole-area conflicts shown, ${PARCELS} parcels in use (no task over 50 ms counts as 0); baseline: longest task reading that land-use layer, same run`,
  },
  { bench: 'control_lines_app.figures_ms', value: round(measured.figures), note: 'read in the land-use worker, cut into the parcels once, every figure asked again' },
];
printFigures(`control lines over a land-use layer of ${PARCELS} parcels in the app`, figures);
