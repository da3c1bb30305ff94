/**
 * GeoPackage land-use layer: the land-use benchmark's 50 000 parcels (bench/landuse-parcels.ts) written as a
 * GeoPackage in CGCS2000 GK zone 39 (scripts/fixtures/geopackage-writer.ts), read with sql.js as the app reads a
 * .gpkg (open, SQL rows, WKB, reproject with proj4, self-intersection check). Median of the runs, node, one core.
 * Baselines in the same run: the Shapefile reader on the same parcels (zipped, GBK), and JSON.parse of the same
 * parcels as WGS84 GeoJSON.
 *
 *   npx tsx bench/geopackage.bench.ts     (BENCH_LANDUSE_PARCELS, BENCH_LANDUSE_RUNS to change the size)
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import proj4 from 'proj4';
import type { FeatureCollection, Polygon } from 'geojson';
import { describeGeoPackage, loadSqlite, readGeoPackageLayer } from '../src/data/landuse/read-geopackage.ts';
import { readLandUseFiles } from '../src/data/landuse/read-landuse-files.ts';
import { SRS_4527, writeGeoPackage } from '../scripts/fixtures/geopackage-writer.ts';
import { EPSG_4527 } from '../scripts/fixtures/landuse-fixture-data.ts';
import { generateLandUseParcels } from './landuse-parcels.ts';
import { printFigures, type Figure } from './lib/report.ts';
import { median } from './lib/stats.ts';

const PARCELS = Number(process.env.BENCH_LANDUSE_PARCELS ?? 50_000);
const RUNS = Number(process.env.BENCH_LANDUSE_RUNS ?? 5);

function time(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

const { zip, geojson } = generateLandUseParcels(PARCELS);
const parcels = JSON.parse(geojson) as FeatureCollection<Polygon, Record<string, string | number>>;
const toZone39 = proj4('WGS84', EPSG_4527);
const bytes = await writeGeoPackage({
  srs: [SRS_4527],
  features: [{
    table: 'parcels', geometryType: 'POLYGON', srsId: 4527,
    fields: [{ name: 'BSM', type: 'INTEGER' }, { name: 'YDYHFLDM', type: 'TEXT' }, { name: 'YDYHFLMC', type: 'TEXT' }, { name: 'BZ', type: 'TEXT' }],
    rows: parcels.features.map((feature) => ({
      geometry: { type: 'Polygon' as const, coordinates: feature.geometry.coordinates.map((ring) => ring.map((point) => toZone39.forward(point))) },
      values: feature.properties,
    })),
  }],
});
console.log(`${PARCELS} parcels: GeoPackage ${(bytes.length / 1e6).toFixed(1)} MB, zipped Shapefile ${(zip.length / 1e6).toFixed(1)} MB, GeoJSON ${(geojson.length / 1e6).toFixed(1)} MB`);
const started = performance.now();
const loaded = await loadSqlite(() => readFile(createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm')));
const loadMs = performance.now() - started;
if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
const file = { name: 'parcels.gpkg', bytes };
const samples = { read: [] as number[], describe: [] as number[], shapefile: [] as number[], parse: [] as number[] };
for (let run = 0; run < RUNS; run++) {
  samples.parse.push(time(() => JSON.parse(geojson)));
  samples.shapefile.push(time(() => readLandUseFiles([{ name: 'parcels.zip', bytes: zip }])));
  samples.describe.push(time(() => describeGeoPackage(loaded.sqlite, file)));
  let count = 0;
  samples.read.push(time(() => {
    const result = readGeoPackageLayer(loaded.sqlite, file, 'parcels');
    count = result.ok ? result.layer.features.length : 0;
  }));
  if (count !== PARCELS) throw new Error(`read ${count} of ${PARCELS} parcels`);
}
const read = median(samples.read);
const parse = median(samples.parse);
const figures: Figure[] = [
  { bench: 'geopackage.read_ms', median: read, baseline: parse, ratio: read / parse, note: `${PARCELS} parcels, GK zone 39 → WGS84; baseline JSON.parse of the same parcels as GeoJSON` },
  { bench: 'geopackage.read_vs_shapefile', value: read / median(samples.shapefile), note: `Shapefile reader on the same parcels: ${median(samples.shapefile).toFixed(0)} ms` },
  { bench: 'geopackage.describe_ms', median: median(samples.describe), note: 'every layer: kind, rows, fields, system' },
  { bench: 'geopackage.load_sqlite_ms', value: loadMs, note: 'once: sql.js and its wasm compiled' },
];
printFigures('GeoPackage land-use layer', figures);
