/**
 * Where does load time go? `npx tsx bench/profile-load.ts [app|baseline] [runs]` builds (like the
 * benchmarks), loads the page with the V8 sampling profiler on (CDP Profiler, 100 µs) from navigation to
 * `map-idle`, and prints the top functions by self time, grouped by script, plus the page's own marks
 * and resource timings. Also writes .bench/<page>.cpuprofile (open it in Chromium DevTools).
 * Not a benchmark file (run.ts runs only *.bench.ts): a diagnosis tool for goals that are not met.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BENCH_DIR, buildAll } from './lib/builds.ts';
import { freshPage, launchChromium, markTime, serveDirectory } from './lib/browser.ts';
import { formatTable } from './lib/report.ts';
import { selfTimes, startProfiler, stopProfiler } from './lib/profile.ts';

const which = process.argv[2] === 'baseline' ? 'baseline' : 'app';
const builds = await buildAll();
const server = await serveDirectory(which === 'app' ? builds.app : builds.baseline);
const browser = await launchChromium();
try {
  const { context, page } = await freshPage(browser);
  const cdp = await context.newCDPSession(page);
  await startProfiler(cdp, 100);
  await page.goto(server.url);
  const idle = await markTime(page, 'map-idle');
  const profile = await stopProfiler(cdp);
  writeFileSync(resolve(BENCH_DIR, `${which}.cpuprofile`), JSON.stringify(profile));

  const { functions, scripts } = selfTimes(profile, server.url.replace(/\/$/, ''));
  const top = (rows: [string, number][], n: number) => rows.slice(0, n).map(([k, v]) => [k.slice(0, 110), v.toFixed(1)]);
  console.log(`${which}: map-idle at ${idle.toFixed(0)} ms; main-thread profile ${((profile.endTime - profile.startTime) / 1000).toFixed(0)} ms`);
  console.log(formatTable(['script', 'self ms'], top(scripts, 10)));
  console.log();
  console.log(formatTable(['function', 'self ms'], top(functions, 30)));
  const timeline = (await page.evaluate(`performance.getEntries().filter((e) => e.entryType === 'mark' || e.entryType === 'resource' || e.entryType === 'navigation' || e.entryType === 'paint')
    .map((e) => [e.entryType, e.name.replace(location.origin, ''), Math.round(e.startTime), Math.round(e.responseEnd ?? e.startTime), Math.round(e.duration)])`)) as (string | number)[][];
  console.log();
  console.log(formatTable(['type', 'name', 'start', 'responseEnd', 'duration'], timeline.map((row) => row.map(String))));
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
