/**
 * Land-use layer in the planner's own format: a generated 50 000-parcel Shapefile in CGCS2000 3-degree
 * Gauss-Krüger zone 39 with GBK attributes (2023 land/sea-use codes and names), zipped, no .cpg, with .prj.
 * Figures (median of the runs, node, one core):
 * - landuse.read_ms: unzip + read .shp/.dbf + detect encoding + reproject (proj4, through a checked quadratic model
 *   per 256 m tile for a dense layer) + self-intersection check;
 * - landuse.classify_ms: detect the classification and classify every parcel;
 * - landuse.prepare_parcels_ms: project the parcels once and index them (reused by every region);
 * - landuse.indicators_boundary_ms: blue-green / construction shares over the Start-up Area boundary;
 * - landuse.study_drag_p95_ms: a 2 km × 2 km study polygon dragged in 60 steps over the parcels, as the app asks
 *   for it (validated, cut to the boundary, figures; goal ≤ 16 ms);
 * - landuse.whatif_recompute_ms: after a what-if edit of one cluster outline, what the app computes again: the
 *   edited cluster, cut to the boundary (the land-use figures client remembers every unchanged region and the whole
 *   area per layer; goal ≤ 200 ms);
 * - landuse.all_regions_ms: every region figure the app shows, none remembered: the whole area, the five clusters
 *   and the subdistricts (what a new layer or a changed class grouping costs);
 * - landuse.read_large_layer_ms: reading alone on a larger layer (200 000 parcels by default; goal ≤ 1.5× the
 *   baseline), runs alternating with the baseline;
 * - landuse.read_large_parcel_ms: one parcel of 100 000 vertices with four holes (one touching the outline, two
 *   touching each other) read and checked (goal < 1000 ms; it must be kept: it is valid).
 * Baseline in the same run: JSON.parse of the same parcels written as WGS84 GeoJSON (what the app's
 * GeoJSON import must do at least), and the unzip alone.
 *
 *   npx tsx bench/landuse.bench.ts        (BENCH_LANDUSE_PARCELS, BENCH_LANDUSE_RUNS, BENCH_LANDUSE_READ_PARCELS,
 *                                          BENCH_LANDUSE_VERTICES to change the sizes)
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { unzipSync } from 'fflate';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { readLandUseFiles } from '../src/data/landuse/read-landuse-files.ts';
import { classifyLayer } from '../src/core/landuse/classify-layer.ts';
import { landUseIndicators, prepareLandUseParcels } from '../src/core/landuse/landuse-indicators.ts';
import { landUseRegionFigures } from '../src/core/landuse/landuse-figures.ts';
import { generateLandUseParcels, generateLargeParcel } from './landuse-parcels.ts';
import { figureLine, formatTable, type Figure } from './lib/report.ts';
import { median, percentile } from './lib/stats.ts';

const PARCELS = Number(process.env.BENCH_LANDUSE_PARCELS ?? 50_000);
const RUNS = Number(process.env.BENCH_LANDUSE_RUNS ?? 5);
const READ_PARCELS = Number(process.env.BENCH_LANDUSE_READ_PARCELS ?? 200_000);
const VERTICES = Number(process.env.BENCH_LANDUSE_VERTICES ?? 100_000);

function time<T>(run: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = run();
  return { ms: performance.now() - start, result };
}

const generated = time(() => generateLandUseParcels(PARCELS));
console.log(`generated ${PARCELS} parcels in ${generated.ms.toFixed(0)} ms: zip ${(generated.result.zip.length / 1e6).toFixed(1)} MB, same parcels as GeoJSON ${(generated.result.geojson.length / 1e6).toFixed(1)} MB`);
const geodata = (name: string) => (JSON.parse(readFileSync(new URL(`../geodata/${name}.geojson`, import.meta.url), 'utf8')) as { features: Feature<Polygon | MultiPolygon>[] }).features;
const boundary = geodata('boundary')[0];
const clusters = geodata('structure').filter((feature) => feature.properties?.kind === 'cluster');
const subdistricts = geodata('subdistricts');
/** One cluster's outline moved 1 km east: a what-if edit. */
function edited(cluster: Feature<Polygon | MultiPolygon>): Feature<Polygon | MultiPolygon> {
  const shift = (ring: number[][]) => ring.map(([x, y]) => [x + 0.0112, y]);
  const geometry = cluster.geometry.type === 'Polygon'
    ? { type: 'Polygon' as const, coordinates: cluster.geometry.coordinates.map(shift) }
    : { type: 'MultiPolygon' as const, coordinates: cluster.geometry.coordinates.map((polygon) => polygon.map(shift)) };
  return { ...cluster, geometry };
}

const samples = { read: [] as number[], classify: [] as number[], prepare: [] as number[], indicators: [] as number[], parse: [] as number[], unzip: [] as number[], drag: [] as number[], whatIf: [] as number[], allRegions: [] as number[] };
let shares = '';
for (let run = 0; run < RUNS; run++) {
  samples.parse.push(time(() => JSON.parse(generated.result.geojson)).ms);
  samples.unzip.push(time(() => unzipSync(generated.result.zip)).ms);
  const read = time(() => readLandUseFiles([{ name: 'parcels.zip', bytes: generated.result.zip }]));
  samples.read.push(read.ms);
  if (!read.result.ok) throw new Error(`read failed: ${JSON.stringify(read.result.issues)}`);
  const layer = read.result.layer;
  const classified = time(() => classifyLayer(layer.features, layer.fields));
  samples.classify.push(classified.ms);
  const preparedParcels = time(() => prepareLandUseParcels(classified.result.parcels));
  samples.prepare.push(preparedParcels.ms);
  const indicators = time(() => landUseIndicators(preparedParcels.result, boundary));
  samples.indicators.push(indicators.ms);
  for (let step = 0; step < 60; step++) {
    const [west, south] = [117.0 + step * 0.0015, 36.83 + step * 0.0005];
    const study: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[west, south], [west + 0.0224, south], [west + 0.0224, south + 0.018], [west, south + 0.018], [west, south]]] } };
    samples.drag.push(time(() => landUseRegionFigures(preparedParcels.result, study, boundary)).ms);
  }
  samples.whatIf.push(time(() => landUseRegionFigures(preparedParcels.result, edited(clusters[0]), boundary)).ms);
  samples.allRegions.push(time(() => {
    landUseRegionFigures(preparedParcels.result, boundary, null);
    for (const region of [...clusters, ...subdistricts]) landUseRegionFigures(preparedParcels.result, region, boundary);
  }).ms);
  const result = indicators.result;
  shares = `blue-green ${((result.blueGreenShare ?? 0) * 100).toFixed(2)} %, construction ${((result.constructionShare ?? 0) * 100).toFixed(2)} %, not covered ${(result.notCoveredSquareMeters / 1e6).toFixed(1)} km², parcels inside/across/outside ${result.parcelsInside}/${result.parcelsAcrossBoundary}/${result.parcelsOutside}`;
}

// Reading alone: a larger layer, and one very large parcel; each run alternates reader and baseline.
const large = { read: [] as number[], parse: [] as number[], parcelRead: [] as number[], parcelParse: [] as number[] };
{
  const layer = time(() => generateLandUseParcels(READ_PARCELS)).result;
  const parcel = generateLargeParcel(VERTICES);
  let kept = '';
  for (let run = 0; run < RUNS; run++) {
    large.parse.push(time(() => JSON.parse(layer.geojson)).ms);
    const read = time(() => readLandUseFiles([{ name: 'parcels.zip', bytes: layer.zip }]));
    large.read.push(read.ms);
    if (!read.result.ok || read.result.layer.features.length !== READ_PARCELS) throw new Error('large layer not read whole');
    large.parcelParse.push(time(() => JSON.parse(parcel.geojson)).ms);
    const one = time(() => readLandUseFiles([{ name: 'large.zip', bytes: parcel.zip }]));
    large.parcelRead.push(one.ms);
    if (!one.result.ok || one.result.layer.features.length !== 1) throw new Error(`large parcel dropped: ${JSON.stringify(one.result.issues)}`);
    const geometry = one.result.layer.features[0].geometry;
    kept = `large parcel kept: ${geometry.type}, ${geometry.type === 'Polygon' ? geometry.coordinates.length - 1 : '?'} holes of ${parcel.holes}`;
  }
  console.log(kept);
}

const parseMedian = median(samples.parse);
const largeParse = median(large.parse);
const parcelParse = median(large.parcelParse);
const figures: Figure[] = [
  { bench: 'landuse.read_ms', median: median(samples.read), baseline: parseMedian, ratio: median(samples.read) / parseMedian, note: `${PARCELS} GBK parcels, GK zone 39 → WGS84; baseline JSON.parse of the same parcels as GeoJSON` },
  { bench: 'landuse.read_large_layer_ms', median: median(large.read), baseline: largeParse, ratio: median(large.read) / largeParse, goal: '≤ 1.5× baseline', met: median(large.read) <= 1.5 * largeParse, note: `${READ_PARCELS} parcels read alone; baseline JSON.parse of them as GeoJSON` },
  { bench: 'landuse.read_large_parcel_ms', median: median(large.parcelRead), baseline: parcelParse, ratio: median(large.parcelRead) / parcelParse, goal: '< 1000 ms', met: median(large.parcelRead) < 1000, note: `one parcel of ${VERTICES} vertices, 4 holes (touching), read and checked; baseline JSON.parse of it` },
  { bench: 'landuse.unzip_ms', median: median(samples.unzip), note: 'part of read' },
  { bench: 'landuse.classify_ms', median: median(samples.classify), note: 'detect system + classify every parcel' },
  { bench: 'landuse.prepare_parcels_ms', median: median(samples.prepare), note: 'once per layer: project + index the parcels' },
  { bench: 'landuse.indicators_boundary_ms', median: median(samples.indicators), note: 'shares over the 798 km² boundary' },
  { bench: 'landuse.study_drag_p95_ms', p95: percentile(samples.drag, 95), median: median(samples.drag), goal: '≤ 16 ms', met: percentile(samples.drag, 95) <= 16, note: '2 km × 2 km study polygon, 60 positions, cut to the boundary' },
  { bench: 'landuse.whatif_recompute_ms', median: median(samples.whatIf), goal: '≤ 200 ms', met: median(samples.whatIf) <= 200, note: 'the edited cluster, cut to the boundary (unchanged regions are remembered)' },
  { bench: 'landuse.all_regions_ms', median: median(samples.allRegions), note: `whole area + ${clusters.length} clusters + ${subdistricts.length} subdistricts, none remembered` },
];
console.log(formatTable(['figure', 'median ms', 'p95 ms', 'baseline ms', 'ratio', 'note'], figures.map((figure) => [
  figure.bench, (figure.median as number).toFixed(1), figure.p95 == null ? '—' : (figure.p95 as number).toFixed(1), figure.baseline == null ? '—' : (figure.baseline as number).toFixed(1), figure.ratio == null ? '—' : `${(figure.ratio as number).toFixed(2)}×`, figure.note ?? '',
])));
console.log(shares);
for (const figure of figures) console.log(figureLine(figure));
