/**
 * Load and JS weight, app vs bare MapLibre in the same run.
 * - js.*: gzip bytes of the JS each build ships (see bench/lib/js-size.ts); the first view's share and its
 *   budget: bench/js-size.bench.ts.
 * - load.app_idle_ms: time from navigation start to `performance.mark('map-idle')`, app and baseline
 *   loaded alternately (A B C A B C …, fresh context each, 1280×800) after one discarded warm-up each.
 * - load.bare_plan_style_idle_ms (diagnostic, page C): the baseline page drawing with the app's own style,
 *   which splits the app's gap into "the style" and "the app's code".
 * BENCH_LOAD_RUNS (default 7) sets the number of loads of each.
 */
import { buildAll } from './lib/builds.ts';
import { freshPage, launchChromium, markTime, serveDirectory } from './lib/browser.ts';
import { buildAppWithoutMaplibre, firstView, jsFiles, totalGzip } from './lib/js-size.ts';
import { printFigures } from './lib/report.ts';
import type { Figure } from './lib/report.ts';
import { ratio, round, summarize } from './lib/stats.ts';
import { formatTable } from './lib/report.ts';
import type { Browser } from 'playwright-core';

const RUNS = Number(process.env.BENCH_LOAD_RUNS ?? 7);
const LOAD_RATIO_GOAL = 1.1;
const kb = (bytes: number) => bytes / 1024;

const builds = await buildAll();

// --- JS shipped -------------------------------------------------------------------------------------
const appFiles = jsFiles(builds.app);
const fullMaplibre = totalGzip(jsFiles(builds.maplibreOnly));
const own = await buildAppWithoutMaplibre();
const appTotal = totalGzip(appFiles);
const appOwnAll = totalGzip(own.ownFiles);
const initialFiles = new Set(firstView(own).files.map((file) => file.file));
console.log(formatTable(['JS file (app build)', 'bytes', 'gzip'], appFiles.map((file) => [file.file, String(file.bytes), String(file.gzip)])));
console.log('\nthe app\'s own JS (built with maplibre-gl external); first view = entry chunk + its static imports:');
console.log(formatTable(['file', 'first view', 'gzip', 'largest modules (bytes before minification)'], own.ownFiles.map((file) => {
  const chunk = own.chunks.find((item) => item.file === file.file);
  const top = chunk ? chunk.modules.slice(0, 4).map((module) => `${module.id} ${module.renderedBytes}`).join(', ') : '(worker)';
  return [file.file, initialFiles.has(file.file) ? 'yes' : '', String(file.gzip), top];
})));
const jsFigures: Figure[] = [
  { bench: 'js.total_kb', value: round(kb(appTotal)), note: 'gzip -9 of every .js in the app build (chunks, workers, MapLibre worker)' },
  {
    bench: 'js.maplibre_kb', value: round(kb(appTotal - appOwnAll)), baseline: round(kb(fullMaplibre)),
    note: 'MapLibre as the app bundles it (total − app own); baseline: MapLibre, every export + worker',
  },
  { bench: 'js.app_all_kb', value: round(kb(appOwnAll)), note: 'all app JS incl. lazy chunks and workers' },
];

// --- Load to map-idle --------------------------------------------------------------------------------
async function loadOnce(browser: Browser, url: string): Promise<{ ms: number; errors: string[] }> {
  const { context, page, errors } = await freshPage(browser);
  try {
    await page.goto(url);
    const ms = await markTime(page, 'map-idle');
    return { ms, errors };
  } finally {
    await context.close();
  }
}

const appServer = await serveDirectory(builds.app);
const baselineServer = await serveDirectory(builds.baseline);
const browser = await launchChromium();
const times = { app: [] as number[], baseline: [] as number[], planStyle: [] as number[] };
const problems: string[] = [];
try {
  const pages = [['app', appServer.url], ['baseline', baselineServer.url], ['planStyle', `${baselineServer.url}?style=plan`]] as const;
  for (const [, url] of pages) await loadOnce(browser, url);
  for (let run = 0; run < RUNS; run += 1) {
    for (const [name, url] of pages) {
      const { ms, errors } = await loadOnce(browser, url);
      times[name].push(ms);
      if (errors.length) problems.push(`${name}: ${errors.join('; ')}`);
    }
  }
} finally {
  await browser.close();
  await appServer.close();
  await baselineServer.close();
}

const app = summarize(times.app);
const baseline = summarize(times.baseline);
const planStyle = summarize(times.planStyle);
console.log(`\nload to map-idle, ms (${RUNS} each, alternating):`);
console.log(formatTable(['page', 'runs', 'p25', 'median', 'p75'], [
  ['app', times.app.map((ms) => ms.toFixed(0)).join(' '), app.p25.toFixed(0), app.median.toFixed(0), app.p75.toFixed(0)],
  ['baseline', times.baseline.map((ms) => ms.toFixed(0)).join(' '), baseline.p25.toFixed(0), baseline.median.toFixed(0), baseline.p75.toFixed(0)],
  ['bare + plan style', times.planStyle.map((ms) => ms.toFixed(0)).join(' '), planStyle.p25.toFixed(0), planStyle.median.toFixed(0), planStyle.p75.toFixed(0)],
]));
if (problems.length) console.log(`console errors during loads: ${[...new Set(problems)].join(' | ')}`);

const loadRatio = ratio(app.median, baseline.median);
printFigures('load and JS weight', [
  {
    bench: 'load.app_idle_ms', median: round(app.median), p25: round(app.p25), p75: round(app.p75),
    baseline: round(baseline.median), baseline_p25: round(baseline.p25), baseline_p75: round(baseline.p75),
    ratio: round(loadRatio, 3), runs: RUNS, goal: `≤ ${LOAD_RATIO_GOAL.toFixed(2)}× baseline`, met: loadRatio <= LOAD_RATIO_GOAL,
  },
  {
    bench: 'load.bare_plan_style_idle_ms', median: round(planStyle.median), p25: round(planStyle.p25), p75: round(planStyle.p75),
    baseline: round(baseline.median), ratio: round(ratio(planStyle.median, baseline.median), 3),
    note: 'diagnostic: bare MapLibre drawing the data with the app\'s style (labels, dashes, per-class layers), no app code',
  },
  ...jsFigures,
]);
