/**
 * The planner's land-use layer in the app (real Chromium): the generated 50 000-parcel CGCS2000 GK zone 39
 * Shapefile with GBK attributes (bench/landuse-parcels.ts) is chosen in the land-use panel's file input.
 * Figures:
 * - landuse_app.visible_ms: from choosing the zip to the layer drawn (read, reprojected and classified in
 *   the land-use worker, drawn by MapLibre's worker; at the whole-area zoom a large layer shows its overview);
 * - landuse_app.switch_basis_ms: from clicking "Use for indicators" to the indicator bar's figures;
 * - landuse_app.longest_task_ms: the longest main-thread task over both (Long Tasks API).
 * Baseline: bare MapLibre given the same parcels as a WGS84 GeoJSON source URL (parsed in its worker).
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

const PARCELS = Number(process.env.BENCH_LANDUSE_PARCELS ?? 50_000);
const TIMEOUT_MS = 600_000;
const LONG_TASK_GOAL_MS = 200;
const ZIP = resolve(BENCH_DIR, `landuse-${PARCELS}.zip`);
const GEOJSON = `landuse-${PARCELS}.geojson`;
const INPUT = 'plan-landuse-panel [data-testid="landuse-file"]';

const LONG_TASK_OBSERVER = `
  globalThis.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) globalThis.__longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) { globalThis.__longTasks = null; }
`;

async function poll(page: Page, expression: string, timeout = TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`timed out: ${expression}`);
    await page.waitForTimeout(20);
  }
}

async function longestTaskSince(page: Page, start: number): Promise<number | null> {
  return page.evaluate(`(() => {
    const tasks = globalThis.__longTasks;
    if (!tasks) return null;
    return tasks.filter((task) => task.start + task.duration >= ${start}).reduce((max, task) => Math.max(max, task.duration), 0);
  })()`);
}

// A large layer shows its overview at the whole-area zoom (src/map/landuse-layer.ts): that is what is drawn then.
const DRAWN = "(() => { const map = globalThis.__plan.map; const source = map.getSource('landuse-overview') ? 'landuse-overview' : 'landuse'; return !!map.getLayer('landuse-fill') && map.isSourceLoaded(source) && map.areTilesLoaded() && !map.isMoving(); })()";
// The bar shows the land-use figures once the basis is switched and every figure has been recomputed from it.
const FIGURES = "document.querySelector('plan-indicator-bar')?.dataset.basis === 'landuse' && !!document.querySelector('plan-indicator-bar').shadowRoot?.querySelector('[data-indicator=\"construction\"]')?.getAttribute('data-value')";

async function appRun(browser: Browser, url: string): Promise<{ visible: number; switchBasis: number; longestTask: number | null } | 'unavailable'> {
  const { context, page } = await freshPage(browser, LONG_TASK_OBSERVER);
  try {
    await page.goto(url);
    await markTime(page, 'map-idle');
    try {
      await page.locator(INPUT).waitFor({ state: 'attached', timeout: 15_000 });
    } catch {
      return 'unavailable';
    }
    const start = (await page.evaluate('performance.now()')) as number;
    await page.locator(INPUT).setInputFiles(ZIP);
    await poll(page, DRAWN);
    const visible = ((await page.evaluate('performance.now()')) as number) - start;
    const before = (await page.evaluate('performance.now()')) as number;
    await page.locator('plan-landuse-panel [data-testid="landuse-use"]').click();
    await poll(page, FIGURES);
    const switchBasis = ((await page.evaluate('performance.now()')) as number) - before;
    return { visible, switchBasis, longestTask: await longestTaskSince(page, start) };
  } finally {
    await context.close();
  }
}

async function bareRun(browser: Browser, pageUrl: string, dataUrl: string): Promise<{ visible: number; longestTask: number | null }> {
  const { context, page } = await freshPage(browser, LONG_TASK_OBSERVER);
  try {
    await page.goto(pageUrl);
    await markTime(page, 'map-idle');
    const start = (await page.evaluate('performance.now()')) as number;
    const visible = (await page.evaluate(`(async () => {
      const map = globalThis.__baseline.map;
      const t0 = performance.now();
      map.addSource('bench-landuse', { type: 'geojson', data: ${JSON.stringify(dataUrl)} });
      map.addLayer({ id: 'bench-landuse-fill', type: 'fill', source: 'bench-landuse', paint: { 'fill-color': ['coalesce', ['get', 'colour'], '#888'] } });
      await new Promise((resolve) => {
        const tick = () => (map.isSourceLoaded('bench-landuse') && map.areTilesLoaded() ? requestAnimationFrame(resolve) : setTimeout(tick, 20));
        setTimeout(tick, 20);
      });
      return performance.now() - t0;
    })()`)) as number;
    return { visible, longestTask: await longestTaskSince(page, start) };
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
  app = await appRun(browser, appServer.url);
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
      bench: 'landuse_app.longest_task_ms', value: app.longestTask === null ? null : round(app.longestTask), baseline: bare.longestTask === null ? null : round(bare.longestTask),
      ratio: app.longestTask === null || bare.longestTask === null ? null : round(ratio(app.longestTask, bare.longestTask), 3),
      goal: `≤ ${LONG_TASK_GOAL_MS} ms and no worse than bare MapLibre`, met: app.longestTask === null ? null : app.longestTask <= LONG_TASK_GOAL_MS,
    },
  ];
printFigures(`land-use layer of ${PARCELS} parcels in the app`, figures);
