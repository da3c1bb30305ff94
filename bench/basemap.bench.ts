/**
 * A 200 MB basemap opened from disk (real Chromium): a PMTiles archive generated here (.bench/, gitignored) — a
 * small pyramid of PNG tiles over the Start-up Area (zoom 6–12) and, to make up the size, 1 MB tiles of random
 * bytes at zoom 13–14 over the area — is chosen in the layer tree's basemap entry, as a planner does. The page's
 * memory is read before and after, once the basemap is drawn at the whole-area view:
 * - basemap.open_200mb_rss_mb: the growth of the renderer processes' resident memory (/proc, by the pids CDP's
 *   SystemInfo.getProcessInfo gives: the page, its workers and MapLibre's). The JS heap's growth after a forced
 *   garbage collection (CDP Runtime.getHeapUsage) is printed in the note; it cannot show a whole-file read (an
 *   ArrayBuffer's bytes live outside the heap), which the control makes visible.
 * Baselines from the same run: the same page left alone for the same steps (no file opened), and a control page
 * that reads the same file whole into an ArrayBuffer (what a reader that is not by ranges would cost). Goal: the
 * growth within a few tens of MB (≤ 50 MB) above the baseline.
 *
 *   npx tsx bench/basemap.bench.ts     (BENCH_BASEMAP_MB to change the size)
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { randomFillSync } from 'node:crypto';
import { resolve } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { zxyToTileId } from 'pmtiles';
import { BENCH_DIR, buildAll } from './lib/builds.ts';
import { freshPage, launchChromium, markTime, serveDirectory } from './lib/browser.ts';
import { printFigures } from './lib/report.ts';
import { round } from './lib/stats.ts';
import { poll as pollUntil } from './lib/long-tasks.ts';
import { pmtilesHead, pngTile, tilesCovering } from '../scripts/fixtures/tile-archive-writer.ts';

const TARGET_MB = Number(process.env.BENCH_BASEMAP_MB ?? 200);
const FILE = resolve(BENCH_DIR, `basemap-${TARGET_MB}mb.pmtiles`);
const GOAL_MB = 50;
const AREA: [number, number, number, number] = [116.86, 36.72, 117.39, 37.07];
const TIMEOUT_MS = 300_000;

function writeArchive(): void {
  if (existsSync(FILE) && statSync(FILE).size >= TARGET_MB * 1e6) return;
  const png = pngTile(256, (x, y) => [40 + (x % 64), 120, 160 + (y % 64)]);
  const tiles: { id: number; size: number; fill: 'png' | 'random' }[] = [];
  for (let z = 6; z <= 12; z++) for (const { x, y } of tilesCovering(AREA, z)) tiles.push({ id: zxyToTileId(z, x, y), size: png.length, fill: 'png' });
  const filler = 1 << 20;
  let total = tiles.reduce((sum, tile) => sum + tile.size, 0);
  outer: for (let z = 13; z <= 14; z++) {
    for (const { x, y } of tilesCovering(AREA, z)) {
      if (total >= TARGET_MB * 1e6) break outer;
      tiles.push({ id: zxyToTileId(z, x, y), size: filler, fill: 'random' });
      total += filler;
    }
  }
  tiles.sort((a, b) => a.id - b.id);
  const head = pmtilesHead(tiles.map((tile) => ({ id: tile.id, length: tile.size })), {
    tileType: 'png', bounds: AREA, metadata: { name: 'bench basemap', attribution: 'generated for the benchmark' }, minZoom: 6, maxZoom: 14,
  });
  mkdirSync(BENCH_DIR, { recursive: true });
  const fd = openSync(FILE, 'w');
  try {
    writeSync(fd, head);
    const random = Buffer.alloc(filler);
    for (const tile of tiles) writeSync(fd, tile.fill === 'png' ? png : randomFillSync(random));
  } finally {
    closeSync(fd);
  }
  console.log(`wrote ${FILE}: ${(statSync(FILE).size / 1e6).toFixed(0)} MB, ${tiles.length} tiles`);
}

/** Resident memory (MB) of the renderer processes (the page, its workers), read from /proc. */
async function rendererRssMb(browserSession: CDPSession): Promise<number> {
  const { processInfo } = await browserSession.send('SystemInfo.getProcessInfo') as { processInfo: { type: string; id: number }[] };
  let kb = 0;
  for (const { type, id } of processInfo) {
    if (type !== 'renderer') continue;
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${id}/status`, 'utf8'));
      kb += match ? Number(match[1]) : 0;
    } catch {
      // the process ended meanwhile
    }
  }
  return kb / 1024;
}

async function heapMb(session: CDPSession): Promise<number> {
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send('Runtime.getHeapUsage') as { usedSize: number };
  return usedSize / 1048576;
}

const poll = (page: Page, expression: string) => pollUntil(page, expression, TIMEOUT_MS);

const DRAWN = "(() => { const map = globalThis.__plan.map; return !!map.getLayer('basemap-raster') && map.isSourceLoaded('basemap') && map.areTilesLoaded() && !map.isMoving(); })()";
const IDLE = '(() => { const map = globalThis.__plan.map; return map.loaded() && map.areTilesLoaded() && !map.isMoving(); })()';

type Scenario = 'baseline' | 'open' | 'whole-read';

/** One fresh page: memory before and after the scenario's step. @returns the growth in MB */
async function measure(browser: Browser, url: string, scenario: Scenario): Promise<{ heap: number; rss: number; errors: string[] }> {
  const { context, page, errors } = await freshPage(browser);
  const browserSession = await browser.newBrowserCDPSession();
  try {
    const session = await context.newCDPSession(page);
    await page.goto(url);
    await markTime(page);
    await page.locator('plan-basemap-entry input[data-basemap-file]').waitFor({ state: 'attached', timeout: TIMEOUT_MS });
    await poll(page, IDLE);
    const before = { heap: await heapMb(session), rss: await rendererRssMb(browserSession) };
    if (scenario === 'open') {
      await page.locator('plan-basemap-entry input[data-basemap-file]').setInputFiles(FILE);
      await poll(page, DRAWN);
    } else if (scenario === 'whole-read') {
      await page.evaluate(() => {
        const input = document.createElement('input');
        input.type = 'file';
        input.id = 'bench-whole-read';
        document.body.append(input);
      });
      await page.locator('#bench-whole-read').setInputFiles(FILE);
      await page.evaluate(async () => {
        const file = (document.querySelector('#bench-whole-read') as HTMLInputElement).files![0]!;
        Object.assign(globalThis, { __wholeFile: new Uint8Array(await file.arrayBuffer()) });
      });
    }
    await poll(page, IDLE);
    const after = { heap: await heapMb(session), rss: await rendererRssMb(browserSession) };
    return { heap: after.heap - before.heap, rss: after.rss - before.rss, errors };
  } finally {
    await browserSession.detach();
    await context.close();
  }
}

writeArchive();
const builds = await buildAll();
const server = await serveDirectory(builds.app);
const browser = await launchChromium();
const sizeMb = statSync(FILE).size / 1e6;
let results: Record<Scenario, { heap: number; rss: number; errors: string[] }>;
try {
  results = {
    baseline: await measure(browser, server.url, 'baseline'),
    open: await measure(browser, server.url, 'open'),
    'whole-read': await measure(browser, server.url, 'whole-read'),
  };
} finally {
  await browser.close();
  await server.close();
}
const problems = Object.entries(results).flatMap(([name, result]) => result.errors.map((error) => `${name}: ${error}`));
const open = results.open.rss;
const baseline = results.baseline.rss;
printFigures(`Basemap: a ${sizeMb.toFixed(0)} MB PMTiles opened from disk`, [{
  bench: `basemap.open_${TARGET_MB}mb_rss_mb`, value: round(open), baseline: round(baseline),
  goal: `≤ ${GOAL_MB} MB above the baseline`, met: open - baseline <= GOAL_MB,
  note: `renderer processes' resident memory growth (/proc VmRSS), ${sizeMb.toFixed(0)} MB PMTiles chosen in the basemap entry and drawn; `
    + `baseline: the same page, no file; control, the file read whole: ${round(results['whole-read'].rss)} MB; `
    + `JS heap after GC ${round(results.open.heap)} MB (baseline ${round(results.baseline.heap)}, control ${round(results['whole-read'].heap)}: file bytes are outside the JS heap, so it cannot show a whole read)`
    + `${problems.length ? `; errors: ${problems.join('; ')}` : ''}`,
}]);
