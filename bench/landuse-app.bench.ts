/**
 * The planner's land-use layer in the app (real Chromium): the generated 50 000-parcel CGCS2000 GK zone 39
 * Shapefile with GBK attributes (bench/landuse-parcels.ts) is chosen in the land-use panel's file input.
 * Figures:
 * - landuse_app.visible_ms: from choosing the zip to the layer drawn (read, reprojected and classified in
 *   the land-use worker, drawn by MapLibre's worker; at the whole-area zoom a large layer shows its overview);
 * - landuse_app.switch_basis_ms: from clicking "Use for indicators" to the indicator bar's figures;
 * - landuse_app.longest_task_ms: the longest main-thread task over both (Long Tasks API);
 * - landuse_app.reclassify_ms: from choosing another name field (a new classification of the same files) to the
 *   reclassified layer drawn and its figures shown; baseline: the full reading of the same run (visible_ms). The
 *   land-use worker keeps the read layer, so this classifies again without reading or reprojecting.
 * Baseline: bare MapLibre given the same parcels as a WGS84 GeoJSON source URL (parsed in its worker, which
 * sends the parsed parcels back to the main thread). Both pages are let settle (no long task for 1 s, map
 * idle) first, so the end of the page's own start is not counted.
 * If the app has no land-use panel, the figures say "not available yet".
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { BENCH_DIR, buildAll } from './lib/builds.ts';
import { freshPage, launchChromium, markTime, serveDirectory } from './lib/browser.ts';
import { printFigures, type Figure } from './lib/report.ts';
import { ratio, round } from './lib/stats.ts';
import { generateLandUseParcels } from './landuse-parcels.ts';
import { bareGeoJsonLayer, LONG_TASK_OBSERVER, longTasksSince, poll as pollUntil, settle } from './lib/long-tasks.ts';

const PARCELS = Number(process.env.BENCH_LANDUSE_PARCELS ?? 50_000);
const TIMEOUT_MS = 600_000;
const LONG_TASK_GOAL_MS = 200;
const ZIP = resolve(BENCH_DIR, `landuse-${PARCELS}.zip`);
const GEOJSON = `landuse-${PARCELS}.geojson`;
const INPUT = 'plan-landuse-panel [data-testid="landuse-file"]';
const poll = (page: Page, expression: string) => pollUntil(page, expression, TIMEOUT_MS);

// A large layer shows its overview at the whole-area zoom (src/map/landuse-layer.ts): that is what is drawn then.
const DRAWN = "(() => { const map = globalThis.__plan.map; const source = map.getSource('landuse-overview') ? 'landuse-overview' : 'landuse'; return !!map.getLayer('landuse-fill') && map.isSourceLoaded(source) && map.areTilesLoaded() && !map.isMoving(); })()";
// The bar shows the land-use figures once the basis is switched and every figure has been recomputed from it.
const FIGURES = "document.querySelector('plan-indicator-bar')?.dataset.basis === 'landuse' && !!document.querySelector('plan-indicator-bar').shadowRoot?.querySelector('[data-indicator=\"construction\"]')?.getAttribute('data-value')";
// The panel shows the planner's classification (no reading under way) and the reclassified layer is drawn.
const RECLASSIFIED = `(() => { const root = document.querySelector('plan-landuse-panel')?.shadowRoot; return root?.querySelector('[data-testid="landuse-choice"]')?.dataset.source === 'user' && !root.querySelector('[data-testid="landuse-progress"]'); })() && ${DRAWN} && ${FIGURES}`;
const NAME_FIELD = 'plan-landuse-panel [data-testid="landuse-name-field"]';

/** Chooses another name field (none ↔ the first field): a new classification of the same files. @returns ms to redrawn */
async function reclassify(page: Page): Promise<number> {
  const current = await page.locator(NAME_FIELD).inputValue();
  const other = current ? '' : await page.locator(`${NAME_FIELD} option:nth-child(2)`).getAttribute('value');
  const start = (await page.evaluate('performance.now()')) as number;
  await page.locator(NAME_FIELD).selectOption(other ?? '');
  await poll(page, RECLASSIFIED);
  return ((await page.evaluate('performance.now()')) as number) - start;
}

async function appRun(browser: Browser, url: string): Promise<{ visible: number; switchBasis: number; longestTask: number | null; whileSwitching: number | null; reclassify: number } | 'unavailable'> {
  const { context, page } = await freshPage(browser, LONG_TASK_OBSERVER);
  try {
    await page.goto(url);
    await markTime(page, 'map-idle');
    try {
      await page.locator(INPUT).waitFor({ state: 'attached', timeout: 15_000 });
    } catch {
      return 'unavailable';
    }
    await settle(page, '__plan');
    const start = (await page.evaluate('performance.now()')) as number;
    await page.locator(INPUT).setInputFiles(ZIP);
    await poll(page, DRAWN);
    const visible = ((await page.evaluate('performance.now()')) as number) - start;
    const before = (await page.evaluate('performance.now()')) as number;
    await page.locator('plan-landuse-panel [data-testid="landuse-use"]').click();
    await poll(page, FIGURES);
    const switchBasis = ((await page.evaluate('performance.now()')) as number) - before;
    const whileSwitching = (await longTasksSince(page, before)).longest;
    const longestTask = (await longTasksSince(page, start)).longest;
    return { visible, switchBasis, longestTask, whileSwitching, reclassify: await reclassify(page) };
  } finally {
    await context.close();
  }
}

async function bareRun(browser: Browser, pageUrl: string, dataUrl: string): Promise<{ visible: number; longestTask: number | null }> {
  const { context, page } = await freshPage(browser, LONG_TASK_OBSERVER);
  try {
    await page.goto(pageUrl);
    await markTime(page, 'map-idle');
    await settle(page, '__baseline');
    const visible = (await page.evaluate(bareGeoJsonLayer('bench-landuse', dataUrl, { 'fill-color': ['coalesce', ['get', 'colour'], '#888'] }))) as number;
    return { visible, longestTask: (await longTasksSince(page, 'globalThis.__layerStart')).longest };
  } finally {
    await context.close();
  }
}

const builds = await buildAll();
const generated = generateLandUseParcels(PARCELS);
writeFileSync(ZIP, generated.zip);
writeFileSync(resolve(BENCH_DIR, GEOJSON), generated.geojson);
console.log(`land-use layer: ${PARCELS} parcels, zip ${(generated.zip.length / 1e6).toFixed(1)} MB, GeoJSON ${(generated.geojson.length / 1e6).toFixed(1)} MB`);

const appServer = await serveDirectory(builds.app);
const benchServer = await serveDirectory(BENCH_DIR);
const browser = await launchChromium({ timeout: 60_000 });
let app: Awaited<ReturnType<typeof appRun>>;
let bare: Awaited<ReturnType<typeof bareRun>>;
try {
  bare = await bareRun(browser, `${benchServer.url}baseline/`, `${benchServer.url}${GEOJSON}`);
  // the land-use panel is an Analyse tool
  app = await appRun(browser, `${appServer.url}#mode=analyse`);
} finally {
  await browser.close();
  await appServer.close();
  await benchServer.close();
}

const figures: Figure[] = app === 'unavailable'
  ? [{ bench: 'landuse_app.visible_ms', value: null, baseline: round(bare.visible), met: null, note: 'not available yet: the app has no land-use panel' }]
  : [
    { bench: 'landuse_app.visible_ms', value: round(app.visible), baseline: round(bare.visible), ratio: round(ratio(app.visible, bare.visible), 3), note: `${PARCELS} parcels: zip → worker (read, reproject, classify) → drawn; baseline: bare MapLibre, same parcels as GeoJSON URL` },
    { bench: 'landuse_app.switch_basis_ms', value: round(app.switchBasis), note: '"Use for indicators" → figures over the boundary (worker)' },
    {
      bench: 'landuse_app.reclassify_ms', value: round(app.reclassify), baseline: round(app.visible), ratio: round(ratio(app.reclassify, app.visible), 3),
      note: 'another name field → reclassified in the worker that holds the layer (no reading, no reprojection), drawn, figures; baseline: the full reading above',
    },
    {
      bench: 'landuse_app.longest_task_ms', value: app.longestTask === null ? null : round(app.longestTask), baseline: bare.longestTask === null ? null : round(bare.longestTask),
      ratio: app.longestTask === null || bare.longestTask === null ? null : round(ratio(app.longestTask, bare.longestTask), 3),
      goal: `≤ ${LONG_TASK_GOAL_MS} ms and no worse than bare MapLibre`, met: app.longestTask === null ? null : app.longestTask <= LONG_TASK_GOAL_MS,
      note: `import and switch; the longest after the click alone: ${app.whileSwitching === null ? '—' : round(app.whileSwitching)} ms`,
    },
  ];
printFigures(`land-use layer of ${PARCELS} parcels in the app`, figures);
