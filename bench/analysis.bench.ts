/**
 * Live-analysis benchmark: `npx tsx bench/analysis.bench.ts`.
 * On the real geodata (or, clearly labelled, a synthetic plan when geodata/ is missing): p50 / p95 in ms of
 * the prepared path beside the naive turf path (intersect with every feature, union, area), same run.
 * Prints a table, then one JSON line per figure.
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import {
  createStudyPolygon,
  movePolygonVertex,
  prepareAnalysis,
  ratioForRegion,
  regionTable,
  wholeAreaFigures,
} from '../src/core/analysis/index.js';
import { naiveRegionAreas } from '../test/helpers/analysis-naive.js';
import { createSyntheticPlan } from '../test/fixtures/core/analysis/synthetic-plan.js';

const root = resolve(import.meta.dirname, '..');
const names = ['boundary', 'blue-green', 'construction', 'structure'] as const;
const real = names.every((name) => existsSync(resolve(root, `geodata/${name}.geojson`)));
const load = (name: string): FeatureCollection => JSON.parse(readFileSync(resolve(root, `geodata/${name}.geojson`), 'utf8'));

let layers: { boundary: FeatureCollection; blueGreen: FeatureCollection; construction: FeatureCollection };
let clusters: Feature[];
if (real) {
  layers = { boundary: load('boundary'), blueGreen: load('blue-green'), construction: load('construction') };
  clusters = load('structure').features.filter((feature) => feature.properties?.kind === 'cluster');
} else {
  const plan = createSyntheticPlan(7, 2);
  layers = plan;
  clusters = plan.clusters.features;
}
const CLASSES = ['water', 'wetland', 'forest', 'park', 'farmland'];
const DATASET = real ? 'real geodata/' : 'SYNTHETIC plan (geodata/ missing)';

// A full GC between sections so one section's garbage (the naive path makes a lot) is not collected
// inside another section's timed loop. Never called inside a timed loop.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function quantile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function time(iterations: number, run: (i: number) => void, warmup = Math.min(20, iterations)): number[] {
  for (let i = 0; i < warmup; i++) run(i);
  collectGarbage();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    run(i);
    samples.push(performance.now() - started);
  }
  return samples;
}

interface Row { bench: string; p50: number; p95: number; naive_p50: number; naive_p95: number; speedup: number; iterations: number }
const rows: Row[] = [];
function record(bench: string, ours: number[], naive: number[]): void {
  const p95 = quantile(ours, 0.95);
  const naiveP95 = quantile(naive, 0.95);
  rows.push({ bench, p50: quantile(ours, 0.5), p95, naive_p50: quantile(naive, 0.5), naive_p95: naiveP95, speedup: naiveP95 / p95, iterations: ours.length });
}

const boundaryFeature = layers.boundary.features[0] as Feature<Polygon | MultiPolygon>;
let sink = 0;

// Whole area, cold: prepare (no cache) + compute. Naive: intersect boundary with every feature, union, area.
record(
  'analysis.whole.cold',
  time(5, () => { sink += wholeAreaFigures(prepareAnalysis(layers)).blueGreenKm2; }, 1),
  time(5, () => { sink += naiveRegionAreas(layers, boundaryFeature, CLASSES).blueGreenKm2; }, 1),
);
const prepared = prepareAnalysis(layers);
// Whole area, warm: a lookup after preparation (class set alternates to include the toggle path once cached).
record(
  'analysis.whole.warm',
  time(500, (i) => { sink += wholeAreaFigures(prepared, { classes: i % 2 ? CLASSES : CLASSES.slice(0, 4) }).blueGreenKm2; }),
  time(10, () => { sink += naiveRegionAreas(layers, boundaryFeature, CLASSES).blueGreenKm2; }, 1),
);

// The dragged study polygon: ~50 vertices, ~100 km², one vertex moved per iteration (a new object each time).
const bbox = (() => {
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of boundaryFeature.geometry.type === 'Polygon' ? [boundaryFeature.geometry.coordinates] : boundaryFeature.geometry.coordinates) {
    for (const [lng, lat] of polygon[0]) {
      box[0] = Math.min(box[0], lng); box[1] = Math.min(box[1], lat); box[2] = Math.max(box[2], lng); box[3] = Math.max(box[3], lat);
    }
  }
  return box;
})();
// The candidate centre (on a coarse lattice over the bbox) whose 100 km² polygon lies most inside the area.
let study = createStudyPolygon({ center: [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2], areaKm2: 100, vertexCount: 50 });
let bestInside = -1;
for (let i = 1; i < 8; i++) {
  for (let j = 1; j < 8; j++) {
    const candidate = createStudyPolygon({ center: [bbox[0] + ((bbox[2] - bbox[0]) * i) / 8, bbox[1] + ((bbox[3] - bbox[1]) * j) / 8], areaKm2: 100, vertexCount: 50 });
    const result = ratioForRegion(prepared, candidate);
    if (result.ok && result.figures.insideAreaKm2 > bestInside + 0.01) {
      bestInside = result.figures.insideAreaKm2;
      study = candidate;
    }
  }
}
const frames: Feature<Polygon>[] = [];
let current = study;
for (let i = 0; i < 260; i++) {
  // Drag vertex i % 50 outwards and back in small steps, like a hand on a trackpad.
  const angle = (2 * Math.PI * (i % 50)) / 50;
  const step = 0.002 * (i % 2 ? -0.5 : 1);
  current = movePolygonVertex(current, i % 50, [step * Math.cos(angle), step * Math.sin(angle)]);
  frames.push(current);
}
const insideCheck = ratioForRegion(prepared, study);
const dragOurs = time(240, (i) => {
  const result = ratioForRegion(prepared, frames[20 + i], { classes: CLASSES });
  if (result.ok) sink += result.figures.blueGreenKm2;
});
const dragNaive = time(30, (i) => { sink += naiveRegionAreas(layers, frames[20 + i], CLASSES).blueGreenKm2; }, 2);
record('analysis.drag', dragOurs, dragNaive);

// All clusters' table, cold per call (fresh feature objects, so no memo hits) vs naive per cluster.
record(
  'analysis.clusters',
  time(100, () => {
    const fresh = clusters.map((feature) => ({ ...feature }));
    sink += regionTable(prepared, fresh, { classes: CLASSES }).length;
  }),
  time(10, () => { for (const cluster of clusters) sink += naiveRegionAreas(layers, cluster as Feature<Polygon>, CLASSES).blueGreenKm2; }, 1),
);

const format = (value: number): string => value.toFixed(value < 10 ? 3 : 1).padStart(9);
console.log(`\nLive analysis benchmark — dataset: ${DATASET}; prepare ${prepared.prepareMilliseconds.toFixed(0)} ms, grid ${prepared.grid.cols}×${prepared.grid.rows}`);
console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((value) => value.toFixed(1)).join(' / ')} (p95 is sensitive to other processes)`);
console.log(`study polygon: ${study.geometry.coordinates[0].length - 1} vertices, ${insideCheck.ok ? insideCheck.figures.areaKm2.toFixed(1) : '?'} km², ${insideCheck.ok ? insideCheck.figures.insideAreaKm2.toFixed(1) : '?'} km² inside`);
console.log('figure                  p50 ms    p95 ms  naive p50 naive p95  speedup(p95)  n');
for (const row of rows) {
  console.log(`${row.bench.padEnd(20)}${format(row.p50)} ${format(row.p95)} ${format(row.naive_p50)} ${format(row.naive_p95)} ${(row.speedup.toFixed(1) + '×').padStart(12)}  ${row.iterations}`);
}
for (const row of rows) {
  const round = (value: number): number => Math.round(value * 1000) / 1000;
  console.log(JSON.stringify({ bench: row.bench, dataset: real ? 'real' : 'synthetic', p50: round(row.p50), p95: round(row.p95), naive_p50: round(row.naive_p50), naive_p95: round(row.naive_p95), speedup: round(row.speedup) }));
}
if (!Number.isFinite(sink)) console.log('unreachable');
