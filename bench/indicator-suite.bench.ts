/**
 * The planner's indicator suite on 50 000 parcels: `npx tsx bench/indicator-suite.bench.ts` (part of `npm run bench`).
 * - a dragged what-if outline (2 km × 2 km, 60 positions): its land-use structure table (landUseRegionFigures, which
 *   carries it) and its three control-line conflict figures, p95 (goal ≤ 16 ms), beside a naive turf computation of
 *   the same structure (every parcel near the outline clipped with turf, summed by class) in the same run;
 * - three saved what-if outlines, one dragged over the same positions: the cluster table the app asks for each
 *   frame (every edited outline's structure + conflicts) through the land-use figures client, p95 (goal ≤ 16 ms),
 *   beside the same table with a new region object per edited outline each frame (all three computed), same run;
 * - the control lines cut into the parcels once (per layer);
 * - the whole-area transition matrix between the layer and a second state of the same size whose parcels are offset
 *   by half a parcel (so no outline is shared), goal ≤ 500 ms, beside a plain turf area sum of the second state's
 *   parcels and JSON.parse of them, same run; the first state projected once beforehand (the worker keeps it with
 *   the accepted layer), the second projected inside the measured time. Also a second state drawn on the first's
 *   parcels (every other pair merged into one parcel along their shared edge, the rest kept as they are: shared
 *   vertices and edges everywhere).
 * Prints a table, then one JSON line per figure. BENCH_SUITE_PARCELS sets the layer size.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { area } from '@turf/area';
import { intersect } from '@turf/intersect';
import { featureCollection } from '@turf/helpers';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { readLandUseFiles } from '../src/data/landuse/read-landuse-files.ts';
import { classifyLayer } from '../src/core/landuse/classify-layer.ts';
import { prepareLandUseParcels, type IndicatorParcel } from '../src/core/landuse/landuse-indicators.ts';
import { landUseRegionFigures } from '../src/core/landuse/landuse-figures.ts';
import { controlLineConflicts, prepareControlLineConflicts, type ControlLineLayer } from '../src/core/landuse/control-lines.ts';
import { prepareTransitionState, transitionMatrix } from '../src/core/landuse/transition-matrix.ts';
import { LAND_USE_GROUPS } from '../src/core/landuse/classes.ts';
import { generateLandUseParcels } from './landuse-parcels.ts';
import { DEFAULT_TARGETS } from '../src/core/analysis/target-check.ts';
import { landUseFiguresClient } from '../src/app/landuse/landuse-figures-client.ts';
import type { LandUseClient } from '../src/data/landuse/landuse-client.ts';
import { clusterFeatures, featureId } from '../src/state/study-state.ts';
import { clustersWithWhatIf } from '../src/state/what-if-figures.ts';
import { figureLine, formatTable, type Figure } from './lib/report.ts';
import { median, percentile } from './lib/stats.ts';

const PARCELS = Number(process.env.BENCH_SUITE_PARCELS ?? 50_000);
const POSITIONS = 60;
const MATRIX_RUNS = 3;

/** Wall time, and the process's CPU time over the same span (the machine may be shared: CPU time is what the work cost). */
function time<T>(run: () => T): { ms: number; cpuMs: number; result: T } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = run();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, result };
}

type Area = Feature<Polygon | MultiPolygon>;
const rectangle = (west: number, south: number, width: number, height: number): Feature<Polygon> => ({
  type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[west, south], [west + width, south], [west + width, south + height], [west, south + height], [west, south]]] },
});
const boundary = (JSON.parse(readFileSync(new URL('../geodata/boundary.geojson', import.meta.url), 'utf8')) as { features: Area[] }).features[0];

const generated = generateLandUseParcels(PARCELS);
const read = readLandUseFiles([{ name: 'parcels.zip', bytes: generated.zip }]);
if (!read.ok) throw new Error(`read failed: ${JSON.stringify(read.issues)}`);
const parcels = classifyLayer(read.layer.features, read.layer.fields).parcels;
const prepared = prepareLandUseParcels(parcels);

// The layer spans about 116.98–117.15 E, 36.80–36.91 N: a red-line band, farmland blocks and a development boundary over it.
const lines: ControlLineLayer[] = [
  { role: 'ecological-red-line', name: 'STBHHX', features: [rectangle(117.0213, 36.8007, 0.0101, 0.105), rectangle(117.0807, 36.8503, 0.0302, 0.0071)] },
  { role: 'permanent-farmland', name: 'YJJBNTBHTB', features: Array.from({ length: 24 }, (_, i) => rectangle(116.9851 + (i % 6) * 0.0273, 36.8051 + Math.floor(i / 6) * 0.0259, 0.0061, 0.0053)) },
  { role: 'development-boundary', name: 'CZKFBJ', features: [rectangle(117.0007, 36.8209, 0.1101, 0.0703)] },
];
const conflictsPrepared = time(() => prepareControlLineConflicts(parcels, lines));

/** Naive structure of a region: every parcel whose box meets the region clipped with turf, summed by class. */
function naiveStructure(region: Area): Map<string, number> {
  const [w, s, e, n] = [region.geometry.coordinates.flat(2)].map((points) => {
    const xs = (points as unknown as number[][]).map((p) => p[0]);
    const ys = (points as unknown as number[][]).map((p) => p[1]);
    return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  })[0];
  const byClass = new Map<string, number>();
  for (const parcel of parcels) {
    const ring = (parcel.geometry as Polygon).coordinates[0];
    if (ring.every((p) => p[0] < w) || ring.every((p) => p[0] > e) || ring.every((p) => p[1] < s) || ring.every((p) => p[1] > n)) continue;
    const clipped = intersect(featureCollection<Polygon | MultiPolygon>([{ type: 'Feature', properties: {}, geometry: parcel.geometry }, region]));
    if (!clipped) continue;
    const key = parcel.key ?? parcel.landUseClass?.code ?? 'unclassified';
    byClass.set(key, (byClass.get(key) ?? 0) + area(clipped));
  }
  return byClass;
}

const drag: number[] = [];
const dragCpu: number[] = [];
const naive: number[] = [];
/** the three conflict figures alone, and their CPU time (where the dragged what-if's time goes) */
const conflictsOnly: number[] = [];
const conflictsOnlyCpu: number[] = [];
let conflictText = '';
for (let step = 0; step < POSITIONS; step++) {
  const [west, south] = [117.0 + step * 0.0015, 36.83 + step * 0.0005];
  const whatIf = rectangle(west, south, 0.0224, 0.018);
  const measured = time(() => {
    const figures = landUseRegionFigures(prepared, whatIf, boundary);
    const conflicts = controlLineConflicts(conflictsPrepared.result, whatIf);
    return { figures, conflicts };
  });
  drag.push(measured.ms);
  dragCpu.push(measured.cpuMs);
  const alone = time(() => controlLineConflicts(conflictsPrepared.result, whatIf));
  conflictsOnly.push(alone.ms);
  conflictsOnlyCpu.push(alone.cpuMs);
  if (step % 12 === 0) naive.push(time(() => naiveStructure(whatIf)).ms);
  if (step === POSITIONS - 1) {
    const rows = measured.result.figures.ok ? measured.result.figures.figures.landUse?.structure?.rows.length : 0;
    conflictText = `last position: ${rows} structure rows; conflicts ${Object.entries(measured.result.conflicts).map(([kind, m2]) => `${kind} ${m2 === null ? '—' : (m2 / 1e6).toFixed(3)} km²`).join(', ')}`;
  }
}

// Three saved what-if outlines, one dragged, as the app asks for them each frame: one cluster table (the plan's
// clusters with every edited outline swapped in) through the land-use figures client, here over an in-process
// worker stand-in that answers as the land-use worker does (structure + conflicts per region). The saved outlines
// keep their region objects (clustersWithWhatIf), so the client computes only the dragged one; baseline, same run:
// the same table with a fresh object for every edited outline each frame (all three computed per frame).
const inProcess = { figures: async (_layer: number, clipTo: Area, regions: { region: unknown; clip: boolean }[]) =>
  regions.map(({ region, clip }) => landUseRegionFigures(prepared, region, clip ? clipTo : null, DEFAULT_TARGETS, conflictsPrepared.result)) } as unknown as LandUseClient;
const plan = clusterFeatures(JSON.parse(readFileSync(new URL('../geodata/structure.geojson', import.meta.url), 'utf8')) as FeatureCollection);
const savedIds = plan.slice(0, 3).map(featureId);
const savedOutlines = { [savedIds[1]]: rectangle(117.03, 36.86, 0.0224, 0.018).geometry, [savedIds[2]]: rectangle(117.09, 36.82, 0.0224, 0.018).geometry };
async function savedWhatIfFrames(reuse: boolean): Promise<{ ms: number[]; cpu: number[] }> {
  const client = landUseFiguresClient(inProcess, 1, boundary);
  const fresh = (whatIf: Record<string, Polygon>) => plan.map((feature) => (whatIf[featureId(feature)] ? { ...feature, properties: { ...feature.properties }, geometry: whatIf[featureId(feature)] } : feature));
  const ms: number[] = [];
  const cpu: number[] = [];
  await client.table(plan, []); // the plan's clusters, computed once before the drag (as the statistics do)
  for (let step = 0; step < POSITIONS; step++) {
    const whatIf = { ...savedOutlines, [savedIds[0]]: rectangle(117.0 + step * 0.0015, 36.83 + step * 0.0005, 0.0224, 0.018).geometry };
    const regions = reuse ? clustersWithWhatIf(plan, whatIf) : fresh(whatIf);
    const startCpu = process.cpuUsage();
    const start = performance.now();
    const rows = await client.table(regions, []);
    ms.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
    if (rows.filter((row) => row.result.ok && row.result.figures.landUse?.structure).length !== plan.length) throw new Error('a what-if row has no structure');
  }
  return { ms, cpu };
}
const savedDrag = await savedWhatIfFrames(true);
const savedDragFresh = await savedWhatIfFrames(false);

// A second state: the same grid offset by half a parcel, classes taken from a neighbour (no shared outline or id).
const offset = (parcel: IndicatorParcel): IndicatorParcel['geometry'] => ({
  type: 'Polygon', coordinates: (parcel.geometry as Polygon).coordinates.map((ring) => ring.map(([x, y]) => [x + 0.00034, y + 0.00027])),
});
const second: IndicatorParcel[] = parcels.map((parcel, index) => ({ ...parcels[(index * 7 + 3) % parcels.length], geometry: offset(parcel) }));
const secondText = JSON.stringify({ type: 'FeatureCollection', features: second.map((parcel) => ({ type: 'Feature', properties: {}, geometry: parcel.geometry })) });
// A plan drawn on the current parcels: pairs of neighbours in a row merged (their outer edges, vertex for vertex),
// every other parcel kept as it is.
const merged: IndicatorParcel[] = [];
for (let index = 0; index < parcels.length; index++) {
  const ring = (parcels[index].geometry as Polygon).coordinates[0];
  const next = parcels[index + 1];
  if (index % 4 === 0 && next && (index + 1) % 250 !== 0) {
    const right = (next.geometry as Polygon).coordinates[0];
    // 9-point rings a, ab, b, bc, c, cd, d, da, a: the merged ring runs a → b(=next a) → next b → next c → c(=next d) → d
    merged.push({ ...parcels[(index * 7 + 3) % parcels.length], geometry: { type: 'Polygon', coordinates: [[ring[0], ring[1], ring[2], right[1], right[2], right[3], right[4], right[5], ring[4], ring[5], ring[6], ring[7], ring[0]]] } });
    index++;
  } else merged.push({ ...parcels[(index * 7 + 3) % parcels.length], geometry: parcels[index].geometry });
}
const firstState = prepareTransitionState(parcels);
const matrix: number[] = [];
const sharedMatrix: number[] = [];
const sharedCpu: number[] = [];
const matrixCpu: number[] = [];
const areaSum: number[] = [];
const parse: number[] = [];
let matrixText = '';
for (let run = 0; run < MATRIX_RUNS; run++) {
  parse.push(time(() => JSON.parse(secondText)).ms);
  areaSum.push(time(() => second.reduce((sum, parcel) => sum + area(parcel.geometry), 0)).ms);
  const result = time(() => transitionMatrix(firstState, second));
  const onShared = time(() => transitionMatrix(firstState, merged));
  sharedMatrix.push(onShared.ms);
  sharedCpu.push(onShared.cpuMs);
  matrix.push(result.ms);
  matrixCpu.push(result.cpuMs);
  matrixText = `matrix: common ${(result.result.commonSquareMeters / 1e6).toFixed(2)} km²; ${LAND_USE_GROUPS.map((from) => LAND_USE_GROUPS.map((to) => `${from}→${to} ${((result.result.cells.find((c) => c.from === from && c.to === to)?.areaSquareMeters ?? 0) / 1e6).toFixed(2)}`).join(', ')).join('; ')} km²`;
}

const dragP95 = percentile(drag, 95);
const naiveP95 = percentile(naive, 95);
const matrixMedian = median(matrix);
const areaSumMedian = median(areaSum);
const load = loadavg()[0];
const figures: Figure[] = [
  { bench: 'suite.whatif_structure_conflicts_p95_ms', p95: dragP95, median: median(drag), baseline: naiveP95, ratio: dragP95 / naiveP95, goal: '≤ 16 ms', met: dragP95 <= 16, cpu_p95: percentile(dragCpu, 95), load,
    note: `${PARCELS} parcels, 2 km × 2 km what-if, ${POSITIONS} positions: structure table + 3 conflict figures; baseline naive turf structure p95 (${naive.length} positions)` },
  { bench: 'suite.whatif_three_saved_table_p95_ms', p95: percentile(savedDrag.ms, 95), median: median(savedDrag.ms), baseline: percentile(savedDragFresh.ms, 95), ratio: percentile(savedDrag.ms, 95) / percentile(savedDragFresh.ms, 95), goal: '≤ 16 ms', met: percentile(savedDrag.ms, 95) <= 16, cpu_p95: percentile(savedDrag.cpu, 95), load,
    note: `the cluster table per drag frame with three saved what-ifs (one dragged, same positions) through the land-use figures client: structure + conflicts of every edited outline; baseline: the same with a new object per edited outline each frame (all three computed)` },
  { bench: 'suite.whatif_conflicts_only_p95_ms', p95: percentile(conflictsOnly, 95), median: median(conflictsOnly), baseline: dragP95, ratio: percentile(conflictsOnly, 95) / dragP95, cpu_p95: percentile(conflictsOnlyCpu, 95), load,
    note: 'the three conflict figures alone over the same positions (pieces cut once, clipped where the outline touches them); baseline: structure + conflicts p95' },
  { bench: 'suite.control_lines_prepare_ms', value: conflictsPrepared.ms, cpu: conflictsPrepared.cpuMs, load, note: 'once per control-line load: urban construction parcels cut by the three lines and indexed' },
  { bench: 'suite.transition_matrix_ms', median: matrixMedian, baseline: areaSumMedian, ratio: matrixMedian / areaSumMedian, goal: '≤ 500 ms', met: matrixMedian <= 500, cpu_median: median(matrixCpu), load,
    note: `${PARCELS} × ${second.length} parcels overlaid, no shared outline; baseline turf area sum of the second state; JSON.parse of it ${median(parse).toFixed(0)} ms` },
  { bench: 'suite.transition_matrix_shared_outlines_ms', median: median(sharedMatrix), baseline: areaSumMedian, ratio: median(sharedMatrix) / areaSumMedian, goal: '≤ 500 ms', met: median(sharedMatrix) <= 500, cpu_median: median(sharedCpu), load,
    note: `${PARCELS} × ${merged.length} parcels, the second drawn on the first's (pairs merged along shared edges, the rest identical); baseline turf area sum of the offset state` },
];
console.log(formatTable(['figure', 'median ms', 'p95 ms', 'baseline ms', 'ratio', 'goal', 'met'], figures.map((figure) => [
  figure.bench, figure.median == null ? (figure.value as number).toFixed(1) : (figure.median as number).toFixed(1), figure.p95 == null ? '—' : (figure.p95 as number).toFixed(1),
  figure.baseline == null ? '—' : (figure.baseline as number).toFixed(1), figure.ratio == null ? '—' : `${(figure.ratio as number).toFixed(3)}×`, figure.goal ?? '', figure.met == null ? '' : String(figure.met),
])));
console.log(`load average ${load.toFixed(1)} on ${cpus().length} cores; CPU time: what-if p95 ${percentile(dragCpu, 95).toFixed(1)} ms (conflicts alone ${percentile(conflictsOnlyCpu, 95).toFixed(1)} ms), control lines ${conflictsPrepared.cpuMs.toFixed(0)} ms, matrix median ${median(matrixCpu).toFixed(0)} ms, on shared outlines ${median(sharedCpu).toFixed(0)} ms`);
console.log(conflictText);
console.log(matrixText);
for (const figure of figures) console.log(figureLine(figure));
