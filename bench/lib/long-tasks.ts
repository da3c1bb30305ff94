/**
 * Main-thread long tasks in a benchmark page (Long Tasks API), and the waits around them: shared by the
 * benchmarks that load a layer into the app and into bare MapLibre (bench/import.bench.ts,
 * bench/landuse-app.bench.ts).
 */
import type { Page } from 'playwright-core';

/** Pass to `freshPage` as its init script: records every long task in `globalThis.__longTasks` from the page's start. */
export const LONG_TASK_OBSERVER = `
  globalThis.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) globalThis.__longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) { globalThis.__longTasks = null; }
`;

/** Polls `expression` in the page until it is truthy (no sleeping on a guess). */
export async function poll(page: Page, expression: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`timed out: ${expression}`);
    await page.waitForTimeout(20);
  }
}

/**
 * The longest task (ms) ending at or after `since` (a page time, or an expression giving one), and how many
 * were longer than `overMs`; nulls where the browser has no Long Tasks API.
 */
export async function longTasksSince(page: Page, since: number | string, overMs = 50): Promise<{ longest: number | null; over: number | null }> {
  return page.evaluate(`(() => {
    const tasks = globalThis.__longTasks;
    if (!tasks) return { longest: null, over: null };
    const start = ${typeof since === 'number' ? since : `(${since})`};
    const recent = tasks.filter((task) => task.start + task.duration >= start);
    return { longest: recent.reduce((max, task) => Math.max(max, task.duration), 0), over: recent.filter((task) => task.duration > ${overMs}).length };
  })()`);
}

/**
 * Waits until the page has had no long task for `quietMs` and its map (`globalThis[mapHolder].map`) is idle,
 * so what is measured next is not the end of the page's own start (features loading after the first frame).
 * Gives up quietly after `timeoutMs`.
 */
export async function settle(page: Page, mapHolder: '__plan' | '__baseline', quietMs = 1000, timeoutMs = 30_000): Promise<void> {
  const quiet = `(() => {
    const map = globalThis.${mapHolder}?.map;
    const last = (globalThis.__longTasks ?? []).reduce((end, task) => Math.max(end, task.start + task.duration), 0);
    return !!map && map.loaded() && !map.isMoving() && performance.now() - last >= ${quietMs};
  })()`;
  try {
    await poll(page, quiet, timeoutMs);
  } catch {
    // a page that never goes quiet is measured as it is
  }
}

/**
 * An expression for a bare MapLibre page (bench/baseline): adds a GeoJSON source `id` from `url` (fetched and
 * parsed in MapLibre's worker) with one fill layer in `paint`, and resolves to the ms until it is drawn.
 */
export function bareGeoJsonLayer(id: string, url: string, paint: Record<string, unknown>): string {
  return `(async () => {
    const map = globalThis.__baseline.map;
    const t0 = performance.now();
    globalThis.__layerStart = t0;
    map.addSource(${JSON.stringify(id)}, { type: 'geojson', data: ${JSON.stringify(url)} });
    map.addLayer({ id: ${JSON.stringify(`${id}-fill`)}, type: 'fill', source: ${JSON.stringify(id)}, paint: ${JSON.stringify(paint)} });
    await new Promise((resolve) => {
      const tick = () => (map.isSourceLoaded(${JSON.stringify(id)}) && map.areTilesLoaded() ? requestAnimationFrame(resolve) : setTimeout(tick, 20));
      setTimeout(tick, 20);
    });
    return performance.now() - t0;
  })()`;
}
