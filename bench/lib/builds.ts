/**
 * Builds for the benchmarks, all with the Vite JS API into .bench/ (gitignored):
 * - the app, with the project's own vite.config.ts (only outDir differs, so a bench run never
 *   rewrites the dist/ another process may be serving);
 * - the baseline page (bench/baseline): bare MapLibre drawing the same geodata;
 * - MapLibre alone (bench/maplibre-only), the reference for the JS size split.
 * When `npm run bench` runs several benchmark files, each build happens once per run (BENCH_RUN_ID).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'vite';
import type { InlineConfig } from 'vite';

export const BENCH_DIR = resolve('.bench');

export interface Builds {
  app: string;
  baseline: string;
  maplibreOnly: string;
}

function sharedBuild(outDir: string): InlineConfig['build'] {
  return {
    target: 'es2022',
    outDir,
    emptyOutDir: true,
    chunkSizeWarningLimit: 5000,
    assetsInlineLimit: (file: string) => (file.endsWith('.geojson') ? false : undefined),
  };
}

async function buildOnce(name: string, config: InlineConfig & { build: { outDir: string } }): Promise<string> {
  const outDir = config.build.outDir;
  const stamp = resolve(outDir, '.bench-run');
  const runId = process.env.BENCH_RUN_ID;
  if (runId && existsSync(stamp) && readFileSync(stamp, 'utf8') === runId) return outDir;
  if (process.env.BENCH_SKIP_BUILD === '1' && existsSync(resolve(outDir, 'index.html'))) return outDir;
  const started = performance.now();
  await build({ logLevel: 'error', ...config });
  if (runId) writeFileSync(stamp, runId);
  console.log(`built ${name} → ${outDir} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return outDir;
}

export async function buildAll(): Promise<Builds> {
  const app = await buildOnce('app', {
    configFile: resolve('vite.config.ts'),
    build: { outDir: resolve(BENCH_DIR, 'app'), emptyOutDir: true },
  });
  const baseline = await buildOnce('baseline', {
    configFile: false,
    root: resolve('bench/baseline'),
    base: './',
    build: sharedBuild(resolve(BENCH_DIR, 'baseline')) as { outDir: string },
  });
  const maplibreOnly = await buildOnce('maplibre-only', {
    configFile: false,
    root: resolve('bench/maplibre-only'),
    base: './',
    build: sharedBuild(resolve(BENCH_DIR, 'maplibre-only')) as { outDir: string },
  });
  return { app, baseline, maplibreOnly };
}
