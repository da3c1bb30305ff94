/**
 * Where do the land-use layer's long main-thread tasks come from? `npx tsx bench/profile-landuse.ts`
 * builds (like the benchmarks), opens the app in Analyse, chooses the 50 000-parcel zip of
 * bench/landuse-app.bench.ts with a Chromium trace running, and prints every main-thread task over 50 ms
 * with what ran inside it (trace events, and the JavaScript functions sampled in it by self time).
 * Also writes .bench/landuse.trace.json (open it in Chromium DevTools' Performance panel).
 * Not a benchmark file (run.ts runs only *.bench.ts): a diagnosis tool for goals that are not met.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BENCH_DIR, buildAll } from './lib/builds.ts';
import { freshPage, launchChromium, markTime, serveDirectory } from './lib/browser.ts';
import { generateLandUseParcels } from './landuse-parcels.ts';
import { formatTable } from './lib/report.ts';
import { LONG_TASK_OBSERVER, settle } from './lib/long-tasks.ts';

const PARCELS = Number(process.env.BENCH_LANDUSE_PARCELS ?? 50_000);
const ZIP = resolve(BENCH_DIR, `landuse-${PARCELS}.zip`);
const INPUT = 'plan-landuse-panel [data-testid="landuse-file"]';
const DRAWN = "(() => { const map = globalThis.__plan.map; const source = map.getSource('landuse-overview') ? 'landuse-overview' : 'landuse'; return !!map.getLayer('landuse-fill') && map.isSourceLoaded(source) && map.areTilesLoaded() && !map.isMoving(); })()";
const FIGURES = "document.querySelector('plan-indicator-bar')?.dataset.basis === 'landuse' && !!document.querySelector('plan-indicator-bar').shadowRoot?.querySelector('[data-indicator=\"construction\"]')?.getAttribute('data-value')";

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: Record<string, unknown>; cat?: string; id?: string }

const builds = await buildAll();
if (!existsSync(ZIP)) writeFileSync(ZIP, generateLandUseParcels(PARCELS).zip);
const server = await serveDirectory(builds.app);
const browser = await launchChromium({ timeout: 60_000 });
try {
  const { context, page } = await freshPage(browser, LONG_TASK_OBSERVER);
  await page.goto(`${server.url}#mode=analyse`);
  await markTime(page, 'map-idle');
  await page.locator(INPUT).waitFor({ state: 'attached' });
  await settle(page, '__plan');
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'disabled-by-default-v8.cpu_profiler'] });
  const poll = async (expression: string) => {
    while (!(await page.evaluate(expression))) await page.waitForTimeout(50);
  };
  await page.locator(INPUT).setInputFiles(ZIP);
  await poll(DRAWN);
  await page.locator('plan-landuse-panel [data-testid="landuse-use"]').click();
  await poll(FIGURES);
  await page.waitForTimeout(500);
  const buffer = await browser.stopTracing();
  writeFileSync(resolve(BENCH_DIR, 'landuse.trace.json'), buffer);
  const events = (JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = events.find((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain' && events.some((e) => e.pid === event.pid && e.name === 'FunctionCall'));
  if (!main) throw new Error('no renderer main thread in the trace');
  const onMain = events.filter((event) => event.pid === main.pid && event.tid === main.tid);
  // samples: ProfileChunk events carry nodes and samples with time deltas
  const nodes = new Map<number, { name: string; url: string; line: number; parent?: number }>();
  const samples: { ts: number; node: number }[] = [];
  // the main thread's samples: the chunks of the profile started on it (the chunks are written by another thread)
  const profile = events.find((e) => e.name === 'Profile' && e.pid === main.pid && e.tid === main.tid);
  for (const event of events.filter((e) => e.name === 'ProfileChunk' && e.pid === main.pid && e.id === profile?.id)) {
    const data = (event.args?.data ?? {}) as { cpuProfile?: { nodes?: { id: number; parent?: number; callFrame: { functionName: string; url?: string; lineNumber: number } }[]; samples?: number[] }; timeDeltas?: number[] };
    for (const node of data.cpuProfile?.nodes ?? []) nodes.set(node.id, { name: node.callFrame.functionName || '(anonymous)', url: (node.callFrame.url ?? '').replace(server.url, ''), line: node.callFrame.lineNumber, parent: node.parent });
    let ts = samples.at(-1)?.ts ?? (profile?.args as { data?: { startTime?: number } } | undefined)?.data?.startTime ?? 0;
    (data.cpuProfile?.samples ?? []).forEach((node, index) => {
      ts += data.timeDeltas?.[index] ?? 0;
      samples.push({ ts, node });
    });
  }
  const tasks = onMain.filter((event) => event.name === 'RunTask' && (event.dur ?? 0) > 50_000).sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0));
  for (const task of tasks.slice(0, 8)) {
    const end = task.ts + (task.dur ?? 0);
    const inside = onMain.filter((event) => event !== task && event.ph === 'X' && event.ts >= task.ts && event.ts < end && (event.dur ?? 0) > 5_000);
    console.log(`\n=== task ${((task.dur ?? 0) / 1000).toFixed(0)} ms at ${((task.ts - tasks[0]!.ts) / 1000).toFixed(0)} ===`);
    console.log(formatTable(['event', 'ms', 'detail'], inside.slice(0, 25).map((event) => [event.name, ((event.dur ?? 0) / 1000).toFixed(1), JSON.stringify(event.args?.data ?? event.args ?? {}).slice(0, 140)])));
    const self = new Map<string, number>();
    const stacks = new Map<string, number>();
    samples.filter((sample) => sample.ts >= task.ts && sample.ts < end).forEach((sample, index, all) => {
      const ms = ((all[index + 1]?.ts ?? sample.ts) - sample.ts) / 1000;
      const node = nodes.get(sample.node);
      if (!node) return;
      const key = `${node.name} ${node.url}:${node.line}`;
      self.set(key, (self.get(key) ?? 0) + ms);
      const chain: string[] = [];
      for (let id: number | undefined = sample.node; id !== undefined && chain.length < 12; id = nodes.get(id)?.parent) {
        const n = nodes.get(id);
        if (n && n.name !== '(root)' && n.name !== '(program)') chain.push(`${n.name}@${n.url.split('/').pop()}:${n.line}`);
      }
      const stack = chain.reverse().join(' > ');
      stacks.set(stack, (stacks.get(stack) ?? 0) + ms);
    });
    console.log(formatTable(['function (self)', 'ms'], [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => [k.slice(0, 120), v.toFixed(1)])));
    console.log(formatTable(['stack', 'ms'], [...stacks.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => [k.slice(-230), v.toFixed(1)])));
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
