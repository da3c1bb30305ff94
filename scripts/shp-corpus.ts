/**
 * Runs the land-use reader (`readLandUseFiles`, the same pure function the worker calls) over every Shapefile set
 * and every zip of a corpus folder, and compares with GDAL where `ogrinfo` / `ogr2ogr` are installed.
 *
 *   npx tsx scripts/shp-corpus.ts [dir]        (default ../shared/shp-corpus, relative to the repository)
 *
 * Per set and in total: read / refused with a message / not polygons / exception / over 5 s; records read,
 * parcels kept, parcels dropped as crossing themselves; with GDAL: GDAL's feature count, how many of the parcels
 * we drop GEOS calls valid (`ST_IsValid` through GDAL's SQLite dialect), and the area of the parcels we keep beside
 * GDAL's area of the same records (both geodesic, turf, after each reprojects to WGS84 its own way).
 * The corpus is other projects' data: it is read where it is, never copied.
 *
 * With GDAL also: attribute text (values and field names in the encoding the reader chooses) and placement (the
 * reader's coordinate system against `ogr2ogr -t_srs EPSG:4326`) of every set, from scripts/shp-corpus-text-crs.ts.
 *
 * Columns are a list (`COLUMNS`): another check adds one entry (header, cell, optional total) and its data to
 * `SetReport` without touching the loop.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { area } from '@turf/area';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { readLandUseFiles, type LandUseReadResult } from '../src/data/landuse/read-landuse-files.ts';
import type { InputFile } from '../src/data/landuse/collect-files.ts';
import { describeLandUseIssue } from '../src/data/landuse/describe-issue.ts';
import { collectFiles } from '../src/data/landuse/collect-files.ts';
import { compareText, comparePlacement, ogrGeoJson, TEXT_RECORDS, type Row } from './shp-corpus-text-crs.ts';
import '../src/i18n/all-messages.ts';

const SLOW_MS = 5000;
const repository = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(repository, process.argv[2] ?? '../shared/shp-corpus');

type Status = 'read' | 'refused' | 'not polygons' | 'exception';

interface GdalReport {
  /** features GDAL counts in the layer we read (null: GDAL could not open it) */
  featureCount: number | null;
  /** of the records we do not keep, how many GEOS calls valid (with a geometry) */
  validDropped: number;
  /** records GEOS calls invalid in the layer */
  invalid: number;
  /** geodesic area (m²) of the records we keep, as GDAL reads and reprojects them; null without a coordinate system */
  keptArea: number | null;
}

interface SetReport {
  /** path of the set (without extension) or zip, relative to the corpus */
  name: string;
  status: Status;
  ms: number;
  /** first error sentence when refused or on exception */
  message: string;
  records: number;
  kept: number;
  dropped: number;
  /** record numbers we do not keep, whatever the reason (GDAL tells which GEOS calls valid) */
  droppedRecords: number[];
  /** geodesic area (m²) of the parcels we keep */
  keptArea: number;
  /** the layer we read, for GDAL: data source and layer name */
  source: string;
  /** the set's files (GDAL needs a copy with a rebuilt .shx when the set has none) */
  files: string[];
  layer: string;
  /** record numbers kept */
  keptRecords: number[];
  gdal?: GdalReport;
  /** attribute text and placement of every Shapefile set in the input against GDAL (scripts/shp-corpus-text-crs.ts) */
  textCrs?: Pick<Row, 'declared' | 'text' | 'placement' | 'placementDetail'>[];
}

interface Column {
  header: string;
  cell(report: SetReport): string;
  total?(reports: readonly SetReport[]): string;
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const hasGdal = spawnSync('ogrinfo', ['--version'], { encoding: 'utf8' }).status === 0;

const COLUMNS: Column[] = [
  { header: 'status', cell: (report) => report.status, total: (reports) => `${reports.filter((report) => report.status === 'read').length} read` },
  { header: 'ms', cell: (report) => report.ms.toFixed(0) + (report.ms > SLOW_MS ? ' SLOW' : ''), total: (reports) => `${reports.filter((report) => report.ms > SLOW_MS).length} over 5 s` },
  { header: 'records', cell: (report) => String(report.records), total: (reports) => String(sum(reports.map((report) => report.records))) },
  { header: 'kept', cell: (report) => String(report.kept), total: (reports) => String(sum(reports.map((report) => report.kept))) },
  { header: 'dropped', cell: (report) => String(report.dropped), total: (reports) => String(sum(reports.map((report) => report.dropped))) },
  ...(hasGdal ? [
    { header: 'GDAL features', cell: (report: SetReport) => (report.gdal?.featureCount == null ? '—' : String(report.gdal.featureCount)), total: (reports: readonly SetReport[]) => `${reports.filter((report) => report.status === 'read' && report.gdal?.featureCount != null && report.gdal.featureCount !== report.records).length} counts differ` },
    { header: 'GEOS invalid', cell: (report: SetReport) => (report.gdal ? String(report.gdal.invalid) : '—'), total: (reports: readonly SetReport[]) => String(sum(reports.map((report) => report.gdal?.invalid ?? 0))) },
    { header: 'not kept, GEOS-valid', cell: (report: SetReport) => (report.gdal ? String(report.gdal.validDropped) : '—'), total: (reports: readonly SetReport[]) => String(sum(reports.map((report) => report.gdal?.validDropped ?? 0))) },
    { header: 'area vs GDAL', cell: (report: SetReport) => areaDifference([report]), total: (reports: readonly SetReport[]) => `${areaDifference(reports)} (${reports.filter((report) => Math.abs(areaRatio(report) - 1) > 1e-4).length} sets > 0.01 %)` },
  ] : []),
  ...(hasGdal ? [
    { header: 'text vs GDAL', cell: (report: SetReport) => textCell(report), total: (reports: readonly SetReport[]) => textTotal(reports) },
    { header: 'placed vs GDAL', cell: (report: SetReport) => placementCell(report), total: (reports: readonly SetReport[]) => placementTotal(reports) },
  ] : []),
  { header: 'message', cell: (report) => report.message.slice(0, 90) },
];

/** Text of the input's sets against GDAL: `same`, `differs` (a declared encoding read otherwise), `detected≠GDAL`, `—`. */
function textCell(report: SetReport): string {
  const rows = report.textCrs ?? [];
  if (rows.some((row) => row.declared && row.text === 'differs')) return 'differs';
  if (rows.some((row) => row.text === 'differs')) return 'detected≠GDAL';
  return rows.some((row) => row.text === 'same') ? 'same' : '—';
}

function textTotal(reports: readonly SetReport[]): string {
  const rows = reports.flatMap((report) => report.textCrs ?? []);
  const declared = rows.filter((row) => row.declared && row.text !== 'not compared' && row.text !== 'no text');
  return `declared ${declared.filter((row) => row.text === 'same').length}/${declared.length} same`;
}

/** Placement of the input's sets against GDAL: `same` (≤ 1 m), the largest difference, `refused`, `asked` (no .prj). */
function placementCell(report: SetReport): string {
  const rows = report.textCrs ?? [];
  const elsewhere = rows.find((row) => row.placement === 'elsewhere');
  if (elsewhere) return `elsewhere (${elsewhere.placementDetail.replace(/.*largest difference /, '')})`;
  for (const kind of ['refused', 'same', 'asked'] as const) if (rows.some((row) => row.placement === kind)) return kind;
  return '—';
}

function placementTotal(reports: readonly SetReport[]): string {
  const rows = reports.flatMap((report) => report.textCrs ?? []);
  const count = (kind: Row['placement']) => rows.filter((row) => row.placement === kind).length;
  return `${count('same')} same, ${count('elsewhere')} elsewhere, ${count('refused')} refused, ${count('asked')} asked`;
}

/** Text and placement of every Shapefile set in the input (each layer of a zip) against GDAL. */
function compareTextAndPlacement(input: { files: string[] }): SetReport['textCrs'] {
  const files: InputFile[] = input.files.map((path) => ({ name: basename(path), bytes: new Uint8Array(readFileSync(path)) }));
  const zip = input.files.length === 1 && input.files[0].toLowerCase().endsWith('.zip');
  return collectFiles(files).shapefiles.filter((set) => set.shp).map((set) => {
    const gdalPath = zip ? `/vsizip/${input.files[0]}/${set.baseName}.shp` : input.files.find((path) => path.toLowerCase().endsWith('.shp'))!;
    const text = compareText(set, set.dbf ? ogrGeoJson(gdalPath, ['-limit', String(TEXT_RECORDS)]) : null);
    const placement = comparePlacement(set, gdalPath, true);
    return { declared: text.declared, text: text.text, placement: placement.placement, placementDetail: placement.placementDetail };
  });
}

/** Relative difference of the kept parcels' area, ours against GDAL's, over the sets where both have it. */
function areaDifference(reports: readonly SetReport[]): string {
  const both = reports.filter((report) => report.status === 'read' && report.gdal?.keptArea != null && report.gdal.keptArea > 0);
  if (both.length === 0) return '—';
  const ours = sum(both.map((report) => report.keptArea));
  const theirs = sum(both.map((report) => report.gdal!.keptArea!));
  return `${(((ours - theirs) / theirs) * 100).toFixed(4)} %`;
}

/** Our kept area over GDAL's for one set (1 where either is missing). */
function areaRatio(report: SetReport): number {
  const theirs = report.gdal?.keptArea;
  return report.status === 'read' && theirs ? report.keptArea / theirs : 1;
}

/** Every Shapefile set (files sharing a base name next to a .shp) and every zip under the folder. */
function findInputs(folder: string): { name: string; files: string[] }[] {
  const inputs: { name: string; files: string[] }[] = [];
  const walk = (dir: string) => {
    const entries = readdirSync(dir).sort();
    for (const entry of entries) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) {
        walk(path);
        continue;
      }
      const extension = extname(entry).toLowerCase();
      if (extension === '.zip') inputs.push({ name: relative(folder, path), files: [path] });
      if (extension === '.shp') {
        const base = entry.slice(0, -4);
        const parts = entries.filter((other) => other.slice(0, base.length + 1).toLowerCase() === `${base.toLowerCase()}.` && /^\.(shp|shx|dbf|prj|cpg)$/i.test(other.slice(base.length)));
        inputs.push({ name: relative(folder, join(dir, base)), files: parts.map((part) => join(dir, part)) });
      }
    }
  };
  walk(folder);
  return inputs;
}

function readSet(input: { name: string; files: string[] }): SetReport {
  const files: InputFile[] = input.files.map((path) => ({ name: basename(path), bytes: new Uint8Array(readFileSync(path)) }));
  const report: SetReport = { name: input.name, status: 'read', ms: 0, message: '', records: 0, kept: 0, dropped: 0, droppedRecords: [], keptArea: 0, source: '', files: input.files, layer: '', keptRecords: [] };
  let result: LandUseReadResult;
  const start = performance.now();
  try {
    result = readLandUseFiles(files);
  } catch (error) {
    report.ms = performance.now() - start;
    return { ...report, status: 'exception', message: String((error as Error)?.stack ?? error).split('\n').slice(0, 2).join(' ') };
  }
  report.ms = performance.now() - start;
  const internal = result.issues.find((issue) => issue.code === 'internal');
  if (internal) return { ...report, status: 'exception', message: describeLandUseIssue(internal, 'en') };
  if (!result.ok) {
    const error = result.issues.find((issue) => issue.severity === 'error') ?? result.issues[0];
    const notPolygons = result.issues.some((issue) => issue.code === 'shp-not-polygon');
    return { ...report, status: notPolygons ? 'not polygons' : 'refused', message: error ? describeLandUseIssue(error, 'en') : '(no message)' };
  }
  const layer = result.layer;
  const crossing = result.issues.find((issue) => issue.code === 'self-intersection');
  report.records = layer.recordCount;
  report.kept = layer.features.length;
  report.dropped = Number(crossing?.params?.count ?? 0);
  report.keptRecords = layer.features.map((feature) => Number(feature.id));
  report.keptArea = sum(layer.features.map((feature) => area(feature)));
  report.layer = layer.name;
  const zip = input.files.length === 1 && input.files[0].toLowerCase().endsWith('.zip');
  report.source = zip ? `/vsizip/${input.files[0]}` : input.files.find((path) => path.toLowerCase().endsWith('.shp'))!;
  // Every record we do not keep (crossing itself, no area, unreadable): GDAL says which of them GEOS calls valid.
  const kept = new Set(report.keptRecords);
  report.droppedRecords = Array.from({ length: layer.recordCount }, (_, index) => index + 1).filter((record) => !kept.has(record));
  const warnings = result.issues.filter((issue) => issue.severity !== 'notice' && issue.code !== 'self-intersection');
  report.message = warnings.map((issue) => issue.code).join(', ');
  return report;
}

function gdalLines(args: string[]): string[] | null {
  try {
    return execFileSync(args[0], args.slice(1), { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'], timeout: 120_000 }).split('\n').filter((line) => line.trim() !== '');
  } catch {
    return null;
  }
}

function compareWithGdal(report: SetReport): GdalReport | undefined {
  if (report.status !== 'read') return undefined;
  const layer = report.layer.replace(/"/g, '""');
  const sql = `SELECT rowid AS rec_, ST_IsValid(geometry) AS valid_, geometry FROM "${layer}"`;
  // GDAL opens no set without .shx unless it may write one: then it reads a copy in a temporary folder.
  let source = report.source;
  let copy: string | undefined;
  if (source.toLowerCase().endsWith('.shp') && !existsSync(source.slice(0, -4) + '.shx') && !existsSync(source.slice(0, -4) + '.SHX')) {
    copy = mkdtempSync(join(tmpdir(), 'shp-corpus-'));
    for (const file of report.files) copyFileSync(file, join(copy, basename(file)));
    source = join(copy, basename(source));
  }
  const base = ['ogr2ogr', '--config', 'SHAPE_RESTORE_SHX', copy ? 'YES' : 'NO', '-f', 'GeoJSONSeq', '/vsistdout/', source, '-dialect', 'SQLite', '-sql', sql];
  let lines = gdalLines([...base, '-t_srs', 'EPSG:4326']);
  const projected = lines !== null;
  lines ??= gdalLines(base);
  if (copy) rmSync(copy, { recursive: true, force: true });
  if (!lines) return { featureCount: null, validDropped: 0, invalid: 0, keptArea: null };
  const kept = new Set(report.keptRecords);
  const dropped = new Set(report.droppedRecords);
  let invalid = 0;
  let validDropped = 0;
  let keptArea = 0;
  for (const line of lines) {
    const feature = JSON.parse(line) as Feature<Polygon | MultiPolygon | null, { rec_: number; valid_: number | null }>;
    const record = feature.properties.rec_ + 1;
    if (feature.properties.valid_ === 0) invalid += 1;
    if (dropped.has(record) && feature.properties.valid_ === 1 && feature.geometry) validDropped += 1;
    if (projected && kept.has(record) && feature.geometry) keptArea += area(feature as Feature<Polygon | MultiPolygon>);
  }
  return { featureCount: lines.length, validDropped, invalid, keptArea: projected ? keptArea : null };
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd()).join('\n');
}

const inputs = findInputs(corpus);
console.log(`${inputs.length} Shapefile sets and zips under ${corpus}${hasGdal ? '' : ' — GDAL (ogrinfo) not installed: the GDAL columns are skipped'}`);
const reports: SetReport[] = [];
for (const input of inputs) {
  const report = readSet(input);
  if (hasGdal) {
    report.gdal = compareWithGdal(report);
    report.textCrs = compareTextAndPlacement(input);
  }
  reports.push(report);
}
const rows = [['set', ...COLUMNS.map((column) => column.header)], ...reports.map((report) => [report.name, ...COLUMNS.map((column) => column.cell(report))])];
console.log(table(rows));
console.log('');
const counts = (status: Status) => reports.filter((report) => report.status === status).length;
console.log(table([
  ['total', ...COLUMNS.filter((column) => column.total).map((column) => column.header)],
  [`${reports.length} sets`, ...COLUMNS.filter((column) => column.total).map((column) => column.total!(reports))],
]));
console.log(`read ${counts('read')}, refused with a message ${counts('refused')}, not polygons ${counts('not polygons')}, exception ${counts('exception')}, over 5 s ${reports.filter((report) => report.ms > SLOW_MS).length}`
  + (hasGdal ? `, parcels not kept that GEOS calls valid ${sum(reports.map((report) => report.gdal?.validDropped ?? 0))}` : ''));
