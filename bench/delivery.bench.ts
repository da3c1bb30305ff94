/**
 * A whole 三调 delivery (scripts/fixtures/sandiao-delivery.ts: five layers in a GBK-named folder, a 100 000-vertex
 * parcel, touching holes, field-ridge deductions) prepared as the land-use worker prepares it: every layer
 * described, DLTB chosen, read, reprojected, checked and classified. Median of the runs, node, one core. Baseline in
 * the same run: JSON.parse of the prepared parcels as GeoJSON. The goal from the delivery's point of view: the
 * planner sees the figures within a minute of choosing the file (the browser adds the drawing and the figures).
 *
 *   npx tsx bench/delivery.bench.ts     (BENCH_DELIVERY_RUNS to change the number of runs)
 */
import { performance } from 'node:perf_hooks';
import { prepareLandUseLayer } from '../src/data/landuse/prepare-landuse-layer.ts';
import { sandiaoDeliveryZip } from '../scripts/fixtures/sandiao-delivery.ts';
import { printFigures } from './lib/report.ts';
import { median } from './lib/stats.ts';

const RUNS = Number(process.env.BENCH_DELIVERY_RUNS ?? 5);
const file = { name: '370112历城区三调成果.zip', bytes: sandiaoDeliveryZip() };

const prepared: number[] = [];
const parsed: number[] = [];
let chosen = '';
for (let run = 0; run < RUNS; run++) {
  const start = performance.now();
  const result = prepareLandUseLayer([file]);
  prepared.push(performance.now() - start);
  if (!result.ok) throw new Error(`the delivery did not read: ${result.issues.map((issue) => issue.code).join(', ')}`);
  chosen = result.layer.name;
  const text = JSON.stringify(result.layer.collection);
  const parseStart = performance.now();
  JSON.parse(text);
  parsed.push(performance.now() - parseStart);
}
const value = median(prepared);
const baseline = median(parsed);
printFigures(`三调 delivery: layer chosen ${chosen}, ${RUNS} runs`, [
  { bench: 'landuse.delivery_prepare_ms', value, baseline, ratio: value / baseline, goal: '< 60 000 ms (figures within a minute)', met: value < 60_000 },
]);
