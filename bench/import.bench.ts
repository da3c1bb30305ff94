/**
 * 50 MB GeoJSON import: a generated file (bench/lib/generate-import.ts, written to
 * .bench/ at bench time) is chosen in the app's file picker (`input[data-testid="import-file"]`, through
 * Playwright's setInputFiles). Figures:
 * - import.visible_ms: from choosing the file to the imported layer drawn (its source loaded, map idle);
 * - import.longest_task_ms: the longest main-thread task (Long Tasks API, observer installed before load)
 *   from choosing the file until the layer is drawn.
 * Baseline: bare MapLibre given the same file's URL as a GeoJSON source (fetched and parsed in its worker),
 * the floor for "a 50 MB layer appears". If the app has no file input, the figures say "not available yet".
 */
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { BENCH_DIR, buildAll } from './lib/builds.ts';
import { freshPage, launchChromium, markTime, serveDirectory } from './lib/browser.ts';
import { generateImportFile } from './lib/generate-import.ts';
import { formatTable, printFigures } from './lib/report.ts';
import type { Figure } from './lib/report.ts';
import { ratio, round } from './lib/stats.ts';
import { selfTimes, startProfiler, stopProfiler } from './lib/profile.ts';
import { bareGeoJsonLayer, LONG_TASK_OBSERVER, longTasksSince, settle } from './lib/long-tasks.ts';

const TARGET_MB = Number(process.env.BENCH_IMPORT_MB ?? 50);
const TIMEOUT_MS = Number(process.env.BENCH_IMPORT_TIMEOUT_S ?? 900) * 1000;
const LONG_TASK_GOAL_MS = 100;
const FILE = resolve(BENCH_DIR, `import-${TARGET_MB}mb.geojson`);
const PROFILE = process.env.BENCH_PROFILE === '1';
const INPUT = 'input[data-testid="import-file"], input[type="file"]';

/** Starts watching for a new imported layer to be drawn; records t0 now. */
const WATCH_APP_IMPORT = `(() => {
  const { map, store } = globalThis.__plan;
  const before = new Set(Object.keys(map.getStyle().sources));
  const t0 = performance.now();
  globalThis.__importStart = t0;
  const tick = () => {
    const state = store.getState();
    const fresh = Object.keys(map.getStyle().sources).filter((id) => !before.has(id));
    const drawn = fresh.find((id) => map.getLayer(id + '-fill') && map.getLayoutProperty(id + '-fill', 'visibility') !== 'none'
      && map.isSourceLoaded(id) && map.areTilesLoaded() && !map.isMoving());
    if (drawn) {
      requestAnimationFrame(() => { globalThis.__importDone = { ms: performance.now() - t0, features: state.imports?.at(-1)?.summary?.featureCount ?? null }; });
      return;
    }
    const alert = [...document.querySelectorAll('*')].flatMap((el) => el.shadowRoot ? [...el.shadowRoot.querySelectorAll('[role=alert]')] : [])
      .map((el) => el.textContent.trim()).find((text) => text.length > 0);
    if (alert && !state.importSession?.progress && !fresh.length) { globalThis.__importDone = { error: alert }; return; }
    setTimeout(tick, 20);
  };
  setTimeout(tick, 20);
  return t0;
})()`;

interface ImportResult { ms: number | null; longestTask: number | null; tasksOver100: number | null; error?: string }

async function appImport(browser: Browser, url: string): Promise<ImportResult | 'unavailable'> {
  const { context, page } = await freshPage(browser, LONG_TASK_OBSERVER);
  try {
    await page.goto(url);
    await markTime(page, 'map-idle');
    const input = page.locator(INPUT).first();
    try {
      await input.waitFor({ state: 'attached', timeout: 10_000 });
    } catch {
      return 'unavailable';
    }
    await settle(page, '__plan');
    const cdp = PROFILE ? await context.newCDPSession(page) : null;
    if (cdp) await startProfiler(cdp);
    await page.evaluate(WATCH_APP_IMPORT);
    await input.setInputFiles(FILE);
    const handle = await page.waitForFunction(() => (globalThis as { __importDone?: unknown }).__importDone, undefined, { timeout: TIMEOUT_MS, polling: 100 });
    if (cdp) {
      const { functions, scripts } = selfTimes(await stopProfiler(cdp), new URL(url).origin);
      console.log('app import, main-thread self time (BENCH_PROFILE=1):');
      console.log(formatTable(['script', 'ms'], scripts.slice(0, 8).map(([name, ms]) => [name, ms.toFixed(0)])));
      console.log(formatTable(['function', 'ms'], functions.slice(0, 25).map(([name, ms]) => [name.slice(0, 110), ms.toFixed(0)])));
    }
    const done = (await handle.jsonValue()) as { ms?: number; error?: string };
    const tasks = await longTasksSince(page, 'globalThis.__importStart', LONG_TASK_GOAL_MS);
    return { ms: done.ms ?? null, longestTask: tasks.longest, tasksOver100: tasks.over, ...(done.error ? { error: done.error } : {}) };
  } finally {
    await context.close();
  }
}

async function bareImport(browser: Browser, pageUrl: string, fileUrl: string): Promise<ImportResult> {
  const { context, page } = await freshPage(browser, LONG_TASK_OBSERVER);
  try {
    await page.goto(pageUrl);
    await markTime(page, 'map-idle');
    await settle(page, '__baseline');
    const ms = (await page.evaluate(bareGeoJsonLayer('bench-import', fileUrl, { 'fill-color': '#d6336c', 'fill-opacity': 0.35 }))) as number;
    const tasks = await longTasksSince(page, 'globalThis.__layerStart', LONG_TASK_GOAL_MS);
    return { ms, longestTask: tasks.longest, tasksOver100: tasks.over };
  } finally {
    await context.close();
  }
}

const builds = await buildAll();
const generated = await generateImportFile(FILE, TARGET_MB * 1024 * 1024);
console.log(`import file: ${FILE} (${(generated.bytes / 1048576).toFixed(1)} MB${generated.features >= 0 ? `, ${generated.features} polygons` : ', reused'})`);

const appServer = await serveDirectory(builds.app);
const benchServer = await serveDirectory(BENCH_DIR); // serves /baseline/ and the generated file, same origin
const browser = await launchChromium({ timeout: 60_000 });
let app: ImportResult | 'unavailable';
let bare: ImportResult;
try {
  bare = await bareImport(browser, `${benchServer.url}baseline/`, `${benchServer.url}import-${TARGET_MB}mb.geojson`);
  app = await appImport(browser, appServer.url);
} finally {
  await browser.close();
  await appServer.close();
  await benchServer.close();
}

const figures: Figure[] = [];
if (app === 'unavailable') {
  figures.push(
    { bench: 'import.visible_ms', value: null, baseline: round(bare.ms ?? Number.NaN), met: null, goal: 'layer visible', note: 'not available yet: the app has no file input' },
    { bench: 'import.longest_task_ms', value: null, baseline: round(bare.longestTask ?? Number.NaN), met: null, goal: `no task > ${LONG_TASK_GOAL_MS} ms`, note: 'not available yet' },
  );
} else {
  console.log(formatTable(['page', 'visible ms', 'longest task ms', 'tasks > 100 ms', 'error'], [
    ['app', String(round(app.ms ?? Number.NaN)), String(round(app.longestTask ?? Number.NaN)), String(app.tasksOver100), app.error ?? ''],
    ['baseline', String(round(bare.ms ?? Number.NaN)), String(round(bare.longestTask ?? Number.NaN)), String(bare.tasksOver100), ''],
  ]));
  figures.push(
    {
      bench: 'import.visible_ms', value: round(app.ms ?? Number.NaN), baseline: round(bare.ms ?? Number.NaN),
      ratio: round(ratio(app.ms ?? Number.NaN, bare.ms ?? Number.NaN), 3), mb: round(generated.bytes / 1048576),
      goal: 'layer visible', met: app.ms !== null && !app.error, ...(app.error ? { note: `import failed: ${app.error}` } : {}),
    },
    {
      bench: 'import.longest_task_ms', value: round(app.longestTask ?? Number.NaN), baseline: round(bare.longestTask ?? Number.NaN),
      ratio: round(ratio(app.longestTask ?? Number.NaN, bare.longestTask ?? Number.NaN), 3),
      tasks_over_100: app.tasksOver100, goal: `no task > ${LONG_TASK_GOAL_MS} ms`,
      met: app.longestTask === null ? null : app.longestTask <= LONG_TASK_GOAL_MS,
    },
  );
}
printFigures(`import of a ${TARGET_MB} MB GeoJSON`, figures);
