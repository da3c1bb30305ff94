/**
 * Compares the land-use reader's attribute text and placement with GDAL over a corpus of real Shapefile sets
 * (by default ../shared/shp-corpus; other projects' data, read in place and never copied).
 *
 *   npx tsx scripts/shp-corpus-text-crs.ts [corpus-dir] [--verbose]
 *
 * (scripts/shp-corpus.ts shows the same two comparisons as its "text" and "placed" columns; this script lists
 * every layer inside a zip and the differences in full.)
 *
 * For every set (loose files, and each layer inside a zip):
 * - text: the encoding the reader chooses (.cpg, language driver byte, detection) and its field names and
 *   character values of the first records, against `ogr2ogr -f GeoJSON /vsistdout/` (GDAL reads the .cpg,
 *   then the language driver byte; otherwise it passes the bytes through unconverted). "declared" sets have a .cpg or language driver byte that
 *   names a code page; there the text must be the same. Elsewhere the reader detects and GDAL does not convert,
 *   so differences are listed for reading, not counted as faults;
 * - placement: the reader's system from the .prj (or refusal with a reason; without .prj the guess it puts to
 *   the planner), and the first vertex of the first features reprojected by the reader against
 *   `ogr2ogr -t_srs EPSG:4326`, in metres.
 * Needs gdal-bin (ogr2ogr); prints what it cannot compare without it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectFiles, type ShapefileSet } from '../src/data/landuse/collect-files.ts';
import { crsFromPrj, inferCrs, makeProjector, type CrsDetection } from '../src/data/landuse/crs.ts';
import { chooseDbfEncoding } from '../src/data/landuse/dbf-encoding.ts';
import { decodeFieldNames, readDbfHeader, readDbfRecords } from '../src/data/landuse/read-dbf.ts';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const corpus = args.find((arg) => !arg.startsWith('--')) ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'shp-corpus');
export const TEXT_RECORDS = 200;
const PLACE_FEATURES = 20;
/** A position further than this from GDAL's counts as placed elsewhere. */
const PLACEMENT_TOLERANCE_M = 1;

export function hasGdal(): boolean {
  try {
    execFileSync('ogr2ogr', ['--version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

export interface GdalFeature { properties: Record<string, unknown>; geometry: { coordinates: unknown } | null }

export function ogrGeoJson(path: string, extra: string[]): GdalFeature[] | string {
  // A loose set without .shx is opened by rebuilding the index (in memory); inside a zip GDAL cannot, and need not.
  const restore = path.startsWith('/vsizip/') ? [] : ['--config', 'SHAPE_RESTORE_SHX', 'YES'];
  try {
    const out = execFileSync('ogr2ogr', [...restore, '-skipfailures', '-f', 'GeoJSON', ...extra, '/vsistdout/', path], { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28, timeout: 60_000 });
    return (JSON.parse(out.toString('utf8')) as { features: GdalFeature[] }).features;
  } catch (error) {
    const stdout = (error as { stdout?: Buffer }).stdout?.toString('utf8') ?? '';
    try {
      return (JSON.parse(stdout) as { features: GdalFeature[] }).features;
    } catch {
      return String((error as { stderr?: Buffer }).stderr?.toString() || (error as Error).message).split('\n')[0].slice(0, 160);
    }
  }
}

function firstPosition(coordinates: unknown): [number, number] | null {
  let value = coordinates;
  while (Array.isArray(value) && Array.isArray(value[0])) value = value[0];
  return Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'number' ? [value[0], value[1]] : null;
}

function metres([lon1, lat1]: number[], [lon2, lat2]: number[]): number {
  const radians = Math.PI / 180;
  const h = Math.sin(((lat2 - lat1) * radians) / 2) ** 2 + Math.cos(lat1 * radians) * Math.cos(lat2 * radians) * Math.sin(((lon2 - lon1) * radians) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface Row {
  set: string;
  encoding: string;
  declared: boolean;
  text: 'same' | 'differs' | 'no text' | 'not compared';
  textDetail: string;
  crs: string;
  placement: 'same' | 'elsewhere' | 'refused' | 'asked' | 'no coordinates' | 'not compared';
  placementDetail: string;
}

function listSets(dir: string): { label: string; gdalPath: string; set: ShapefileSet }[] {
  const found: { label: string; gdalPath: string; set: ShapefileSet }[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) {
        walk(path);
        continue;
      }
      const lower = name.toLowerCase();
      if (lower.endsWith('.zip')) {
        const collected = collectFiles([{ name, bytes: new Uint8Array(readFileSync(path)) }]);
        for (const set of collected.shapefiles.filter((item) => item.shp)) {
          found.push({ label: `${relative(corpus, path)}!${set.baseName}`, gdalPath: `/vsizip/${path}/${set.baseName}.shp`, set });
        }
      } else if (lower.endsWith('.shp')) {
        const base = name.slice(0, -4);
        const siblings = readdirSync(folder).filter((other) => other.slice(0, other.lastIndexOf('.')) === base);
        const files = siblings.map((other) => ({ name: other, bytes: new Uint8Array(readFileSync(join(folder, other))) }));
        const set = collectFiles(files).shapefiles.find((item) => item.shp);
        if (set) found.push({ label: relative(corpus, path), gdalPath: path, set });
      }
    }
  };
  walk(dir);
  return found;
}

export function compareText(set: ShapefileSet, gdal: GdalFeature[] | string | null): Pick<Row, 'encoding' | 'declared' | 'text' | 'textDetail'> {
  if (!set.dbf) return { encoding: '—', declared: false, text: 'no text', textDetail: 'no .dbf' };
  const header = readDbfHeader(set.dbf, `${set.baseName}.dbf`);
  if (!header.ok) return { encoding: '—', declared: false, text: 'no text', textDetail: `refused: ${String(header.issue.params?.detail ?? '')}` };
  const choice = chooseDbfEncoding(header.table, set.cpg, undefined);
  const declared = choice.source === 'cpg' || (choice.source === 'language-driver' && choice.codePage !== undefined);
  const encoding = `${choice.encoding} (${choice.source}${choice.languageDriver ? ` 0x${choice.languageDriver.toString(16)}` : ''})`;
  if (gdal === null || typeof gdal === 'string') return { encoding, declared, text: 'not compared', textDetail: gdal ?? 'no GDAL' };
  const names = decodeFieldNames(header.table, choice.encoding);
  const records = readDbfRecords(header.table, choice.encoding).slice(0, TEXT_RECORDS);
  const characterFields = header.table.fields.map((field, index) => ({ field, name: names[index] })).filter(({ field }) => field.type === 'C');
  const differences: string[] = [];
  const gdalNames = Object.keys(gdal[0]?.properties ?? {});
  // GDAL leaves out of its GeoJSON a field that is null in every record (a date column of AllNulls.dbf).
  if (gdal.length > 0 && gdalNames.some((name, index) => name !== names.filter((ours) => gdalNames.includes(ours))[index])) differences.push(`field names ${names.join(',')} ≠ GDAL ${gdalNames.join(',')}`);
  let nonAscii = false;
  for (let index = 0; index < Math.min(records.length, gdal.length); index++) {
    for (const { name } of characterFields) {
      const ours = records[index][name];
      const properties = gdal[index].properties;
      const theirs = name in properties ? properties[name] : properties[gdalNames[names.indexOf(name)] ?? name];
      if (typeof ours === 'string' && /[^\x20-\x7e]/.test(ours)) nonAscii = true;
      // GDAL's GeoJSON writer turns text that looks like a JSON list into a list: compare it as written.
      const theirsText = theirs === null || theirs === undefined ? '' : Array.isArray(theirs) ? `[${theirs.join(', ')}]` : String(theirs).trim();
      if (String(ours ?? '').trim() !== theirsText && differences.length < 3) differences.push(`record ${index + 1} ${name}: "${ours}" ≠ GDAL "${theirsText}"`);
    }
  }
  if (!nonAscii && differences.length === 0) return { encoding, declared, text: 'same', textDetail: 'ASCII only' };
  return { encoding, declared, text: differences.length === 0 ? 'same' : 'differs', textDetail: differences.join('; ') };
}

export function comparePlacement(set: ShapefileSet, gdalPath: string, gdal: boolean): Pick<Row, 'crs' | 'placement' | 'placementDetail'> {
  let detection: CrsDetection;
  if (set.prj !== undefined && set.prj.trim() !== '') {
    detection = crsFromPrj(set.prj);
    if (!detection.crs) return { crs: '—', placement: 'refused', placementDetail: `.prj refused: ${detection.reason ?? ''}` };
  } else {
    const view = set.shp && set.shp.length >= 100 ? new DataView(set.shp.buffer, set.shp.byteOffset, set.shp.byteLength) : null;
    const bounds = view ? { minX: view.getFloat64(36, true), minY: view.getFloat64(44, true), maxX: view.getFloat64(52, true), maxY: view.getFloat64(60, true) } : { minX: NaN, minY: NaN, maxX: NaN, maxY: NaN };
    const guess = inferCrs(bounds);
    return guess.crs
      ? { crs: guess.crs.label, placement: 'asked', placementDetail: `no .prj: asks the planner to confirm ${guess.crs.label}` }
      : { crs: '—', placement: 'asked', placementDetail: `no .prj: asks the planner to choose (${guess.reason ?? ''})` };
  }
  const crs = detection.crs!;
  const label = `${crs.id === 'custom' ? '' : `${crs.id} `}${crs.label}${crs.unshiftedDatum ? ` [datum shift unknown: ${crs.unshiftedDatum}]` : ''}`;
  if (!gdal) return { crs: label, placement: 'not compared', placementDetail: 'no GDAL' };
  const source = ogrGeoJson(gdalPath, ['-limit', String(PLACE_FEATURES)]);
  const target = ogrGeoJson(gdalPath, ['-limit', String(PLACE_FEATURES), '-t_srs', 'EPSG:4326']);
  if (typeof source === 'string' || typeof target === 'string') return { crs: label, placement: 'not compared', placementDetail: `GDAL: ${typeof source === 'string' ? source : target}` };
  const project = makeProjector(crs);
  let worst = 0;
  let compared = 0;
  for (let index = 0; index < Math.min(source.length, target.length); index++) {
    const from = firstPosition(source[index].geometry?.coordinates);
    const expected = firstPosition(target[index].geometry?.coordinates);
    if (!from || !expected) continue;
    // GDAL writes GeoJSON longitude first (RFC 7946) whatever the system's axis order.
    const ours = project(from[0], from[1]);
    const distance = metres(ours, expected);
    compared++;
    worst = Math.max(worst, Number.isFinite(distance) ? distance : Infinity);
  }
  if (compared === 0) return { crs: label, placement: 'no coordinates', placementDetail: 'no vertex to compare' };
  return { crs: label, placement: worst <= PLACEMENT_TOLERANCE_M ? 'same' : 'elsewhere', placementDetail: `${compared} vertices, largest difference ${worst < 1 ? worst.toFixed(3) : worst.toFixed(0)} m` };
}

function main(): void {
  if (!existsSync(corpus)) {
    console.error(`no corpus at ${corpus}`);
    process.exit(1);
  }
  const gdal = hasGdal();
  const sets = listSets(corpus);
  const rows: Row[] = [];
  for (const { label, gdalPath, set } of sets) {
    const gdalText = gdal && set.dbf ? ogrGeoJson(gdalPath, ['-limit', String(TEXT_RECORDS)]) : null;
    rows.push({ set: label, ...compareText(set, gdalText), ...comparePlacement(set, gdalPath, gdal) });
  }
  const count = (predicate: (row: Row) => boolean) => rows.filter(predicate).length;
  const show = (title: string, list: Row[], detail: (row: Row) => string) => {
    if (list.length === 0) return;
    console.log(`\n${title}`);
    for (const row of list) console.log(`  ${row.set}: ${detail(row)}`);
  };
  console.log(`${rows.length} Shapefile sets in ${corpus}${gdal ? '' : ' (GDAL not installed: nothing compared)'}`);
  console.log('\nText (attribute values and field names against GDAL)');
  console.log(`  declared encoding (.cpg or language driver): ${count((row) => row.declared)} sets; same as GDAL ${count((row) => row.declared && row.text === 'same')}, different ${count((row) => row.declared && row.text === 'differs')}, not compared ${count((row) => row.declared && row.text === 'not compared')}`);
  console.log(`  undeclared (the reader detects; GDAL passes the bytes through): ${count((row) => !row.declared && row.text !== 'no text')} sets; same ${count((row) => !row.declared && row.text === 'same')}, different ${count((row) => !row.declared && row.text === 'differs')}`);
  console.log(`  without readable .dbf: ${count((row) => row.text === 'no text')}`);
  console.log('\nPlacement (first vertices reprojected to WGS84 against ogr2ogr -t_srs EPSG:4326)');
  console.log(`  with .prj: ${count((row) => row.placement !== 'asked')}; placed as GDAL (≤ ${PLACEMENT_TOLERANCE_M} m) ${count((row) => row.placement === 'same')}, elsewhere ${count((row) => row.placement === 'elsewhere')}, refused with a reason ${count((row) => row.placement === 'refused')}, not compared ${count((row) => row.placement === 'not compared' || row.placement === 'no coordinates')}`);
  console.log(`  without .prj (the guess is a question to the planner): ${count((row) => row.placement === 'asked')}`);
  show('Declared encoding, text differs from GDAL:', rows.filter((row) => row.declared && row.text === 'differs'), (row) => `${row.encoding} ${row.textDetail}`);
  show('Undeclared encoding, text differs from GDAL (GDAL does not convert the bytes):', rows.filter((row) => !row.declared && row.text === 'differs'), (row) => `${row.encoding} ${row.textDetail}`);
  show('Placed elsewhere than GDAL:', rows.filter((row) => row.placement === 'elsewhere'), (row) => `${row.crs}: ${row.placementDetail}`);
  show('Refused .prj:', rows.filter((row) => row.placement === 'refused'), (row) => row.placementDetail);
  if (verbose) {
    show('All sets:', rows, (row) => `text ${row.text} [${row.encoding}] ${row.textDetail} | ${row.placement} ${row.crs} ${row.placementDetail}`);
  }
}

// Run as a script (not when scripts/shp-corpus.ts imports the comparisons for its columns).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
