/**
 * Pan/zoom frame times, app vs bare MapLibre in the same run. Every catalog layer is switched on in
 * the app (globalThis.__plan.store); the baseline draws every geodata file anyway. A scripted camera path
 * (pan across the area at z11, zoom 9.6→13, zoom out to 9 while panning) sets one camera per
 * requestAnimationFrame with jumpTo and renders it at once with map.redraw(). Two figures per page:
 * - frame_ms: interval between consecutive animation frames (what the user sees: render + compositing);
 * - render_ms: main-thread time of the synchronous render of that camera (MapLibre's JS + GL calls).
 * Pages alternate A B A B … (BENCH_INTERACTION_RUNS each, default 2), each walks the 100-camera path once
 * (BENCH_INTERACTION_PASSES).
 * SwiftShader renders on the CPU here, so absolute numbers are slow; compare the ratios.
 * Then compare's divider: with an imported layer on the map, the divider is moved across the map one step per
 * animation frame (as a drag does); counted are the sources added to either map meanwhile (goal: none) and the
 * time of each step.
 */
import { buildAll } from './lib/builds.ts';
import { freshPage, launchChromium, markTime, serveDirectory } from './lib/browser.ts';
import { formatTable, printFigures } from './lib/report.ts';
import { ratio, round, summarize } from './lib/stats.ts';
import type { Browser } from 'playwright-core';

const RUNS = Number(process.env.BENCH_INTERACTION_RUNS ?? 2);
const GOAL = 1.1;

/** Runs in the page (a string, so the bundler's helpers never leak into it). */
const CAMERA_PATH = `(async () => {
  const PASSES = ${Number(process.env.BENCH_INTERACTION_PASSES ?? 1)};
  const map = (globalThis.__plan ?? globalThis.__baseline).map;
  const lerp = (a, b, t) => a + (b - a) * t;
  const steps = [];
  for (let i = 0; i < 40; i += 1) { const t = i / 39; steps.push({ center: [lerp(116.85, 117.35, t), lerp(36.80, 36.92, t)], zoom: 11 }); }
  for (let i = 0; i < 30; i += 1) { const t = i / 29; steps.push({ center: [117.05, 36.85], zoom: lerp(9.6, 13, t) }); }
  for (let i = 0; i < 30; i += 1) { const t = i / 29; steps.push({ center: [lerp(117.05, 117.2, t), lerp(36.85, 36.75, t)], zoom: lerp(13, 9, t) }); }
  const frames = [];
  const renders = [];
  for (let pass = 0; pass < PASSES; pass += 1) {
    let last = await new Promise((resolve) => requestAnimationFrame(resolve));
    for (const step of steps) {
      const now = await new Promise((resolve) => requestAnimationFrame(resolve));
      frames.push(now - last);
      last = now;
      const started = performance.now();
      map.jumpTo(step);
      map.redraw();
      renders.push(performance.now() - started);
    }
  }
  return { frames, renders };
})()`;

/** Switches every catalog layer on in the app and waits until the map is idle again. */
const ALL_LAYERS_ON = `(async () => {
  const plan = globalThis.__plan;
  if (!plan) return 0;
  const ids = Object.keys(plan.store.getState().layerVisibility);
  plan.store.update((state) => ({ ...state, layerVisibility: Object.fromEntries(ids.map((id) => [id, true])) }));
  await new Promise((resolve) => { plan.map.once('idle', resolve); plan.map.triggerRepaint(); });
  return ids.length;
})()`;

async function walk(browser: Browser, url: string): Promise<{ frames: number[]; renders: number[]; layers: number }> {
  const { context, page } = await freshPage(browser);
  try {
    await page.goto(url);
    await markTime(page, 'map-idle');
    const layers = (await page.evaluate(ALL_LAYERS_ON)) as number;
    const result = (await page.evaluate(CAMERA_PATH)) as { frames: number[]; renders: number[] };
    return { ...result, layers };
  } finally {
    await context.close();
  }
}

/** Runs in the page: moves compare's divider 0.1 → 0.9 and back, one step per frame, counting sources added. */
const DIVIDER_DRAG = `(async () => {
  const plan = globalThis.__plan;
  const added = [];
  for (const map of [plan.map, plan.compareMap]) {
    const add = map.addSource.bind(map);
    map.addSource = (id, spec) => { added.push(id); return add(id, spec); };
  }
  const steps = [];
  for (let i = 0; i <= 80; i += 1) steps.push(0.1 + 0.8 * (i <= 40 ? i / 40 : (80 - i) / 40));
  const times = [];
  for (const position of steps) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const started = performance.now();
    plan.store.update((state) => ({ ...state, compare: { ...state.compare, position } }));
    times.push(performance.now() - started);
  }
  return { added, times };
})()`;

const SQUARE = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { n: 1 }, geometry: { type: 'Polygon', coordinates: [[[117.0, 36.8], [117.2, 36.8], [117.2, 36.9], [117.0, 36.9], [117.0, 36.8]]] } }] };

async function dividerDrag(browser: Browser, url: string): Promise<{ added: string[]; times: number[] }> {
  const { context, page } = await freshPage(browser);
  try {
    await page.goto(`${url}#mode=analyse`);
    await markTime(page, 'map-idle');
    await page.locator('plan-import-panel input[type=file]').setInputFiles({ name: 'square.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(SQUARE)) });
    await page.waitForFunction('globalThis.__plan.store.getState().imports.length === 1', undefined, { timeout: 60_000 });
    await page.locator('plan-compare-panel button[data-preset=plan-whatif]').click();
    await page.waitForFunction(`(() => { const m = globalThis.__plan.compareMap; const id = globalThis.__plan.store.getState().imports[0].id;
      return !!m && !!m.getLayer(id + '-fill') && m.loaded(); })()`, undefined, { timeout: 60_000 });
    return (await page.evaluate(DIVIDER_DRAG)) as { added: string[]; times: number[] };
  } finally {
    await context.close();
  }
}

const builds = await buildAll();
const appServer = await serveDirectory(builds.app);
const baselineServer = await serveDirectory(builds.baseline);
const browser = await launchChromium();
const pooled = { app: { frames: [] as number[], renders: [] as number[] }, baseline: { frames: [] as number[], renders: [] as number[] } };
let catalogLayers = 0;
let drag: { added: string[]; times: number[] } = { added: [], times: [] };
try {
  drag = await dividerDrag(browser, appServer.url);
  for (let run = 0; run < RUNS; run += 1) {
    for (const [name, url] of [['app', appServer.url], ['baseline', baselineServer.url]] as const) {
      const started = Date.now();
      const result = await walk(browser, url);
      console.log(`${name} page ${run + 1}: ${result.frames.length} frames in ${((Date.now() - started) / 1000).toFixed(0)} s`);
      pooled[name].frames.push(...result.frames);
      pooled[name].renders.push(...result.renders);
      if (name === 'app') catalogLayers = result.layers;
    }
  }
} finally {
  await browser.close();
  await appServer.close();
  await baselineServer.close();
}

const summaries = {
  appFrames: summarize(pooled.app.frames),
  baselineFrames: summarize(pooled.baseline.frames),
  appRenders: summarize(pooled.app.renders),
  baselineRenders: summarize(pooled.baseline.renders),
};
console.log(`\npan/zoom, ${RUNS} pages each × 100 cameras; app with all ${catalogLayers} catalog layers on (ms):`);
console.log(formatTable(['series', 'n', 'p50', 'p95', 'max'], Object.entries(summaries).map(([name, s]) => [
  name, String(s.n), s.median.toFixed(1), s.p95.toFixed(1), s.max.toFixed(1),
])));

const frameRatio = ratio(summaries.appFrames.p95, summaries.baselineFrames.p95);
const renderRatio = ratio(summaries.appRenders.p95, summaries.baselineRenders.p95);
printFigures('pan/zoom frame times', [
  {
    bench: 'interaction.frame_ms', p50: round(summaries.appFrames.median), p95: round(summaries.appFrames.p95),
    baseline_p50: round(summaries.baselineFrames.median), baseline: round(summaries.baselineFrames.p95),
    ratio: round(frameRatio, 3), frames: summaries.appFrames.n, goal: `p95 ≤ ${GOAL.toFixed(2)}× baseline`, met: frameRatio <= GOAL,
    note: 'rAF interval while the camera moves; app and baseline are p95',
  },
  {
    bench: 'interaction.render_ms', p50: round(summaries.appRenders.median), p95: round(summaries.appRenders.p95),
    baseline_p50: round(summaries.baselineRenders.median), baseline: round(summaries.baselineRenders.p95),
    ratio: round(renderRatio, 3), note: 'main-thread time of map.redraw() per camera; p95',
  },
]);

const dragTimes = summarize(drag.times);
printFigures("compare's divider dragged with an imported layer", [
  {
    bench: 'interaction.divider_add_source', value: drag.added.length, goal: 'no source added while dragging',
    met: drag.added.length === 0, note: `sources added to either map over ${drag.times.length} divider steps`,
  },
  {
    bench: 'interaction.divider_step_ms', p50: round(dragTimes.median), p95: round(dragTimes.p95),
    note: 'main-thread time of one divider step (store update, layout, both scenes)',
  },
]);
