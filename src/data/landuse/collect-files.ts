import { unzipSync } from 'fflate';
import type { LandUseIssue } from './landuse-issues.js';

/** One file as the user gave it (picked, dropped or read from a zip). */
export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

/** The parts of one Shapefile that share a base name. Text parts are decoded; binary parts are bytes. */
export interface ShapefileSet {
  /** base name without extension, with any folder inside the zip, e.g. `data/用地` */
  baseName: string;
  shp?: Uint8Array;
  shx?: Uint8Array;
  dbf?: Uint8Array;
  prj?: string;
  cpg?: string;
}

export interface CollectedFiles {
  shapefiles: ShapefileSet[];
  /** GeoJSON files (.geojson / .json) found among the inputs */
  geojson: InputFile[];
  /** GeoPackages (.gpkg) found among the inputs (each may hold several layers) */
  geopackages: InputFile[];
  issues: LandUseIssue[];
}

const ZIP_MAGIC = [0x50, 0x4b];

function isZip(file: InputFile): boolean {
  return file.name.toLowerCase().endsWith('.zip') || (file.bytes[0] === ZIP_MAGIC[0] && file.bytes[1] === ZIP_MAGIC[1]);
}

/** .prj and .cpg are short ASCII/UTF-8 text; a BOM or stray NULs must not confuse the parsers. */
function decodeSmallText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '').replace(/\0+$/, '').trim();
}

/**
 * A zip entry's name as the user wrote it. fflate reads names without the zip's UTF-8 flag as Latin-1 (one
 * character per byte); Windows' own zip writes them in the system code page, which in China is GBK. Such a name
 * is taken back to its bytes and decoded as UTF-8 if it is valid UTF-8, else as GBK.
 */
export function zipEntryName(name: string): string {
  const codes = Array.from(name, (char) => char.charCodeAt(0));
  if (!codes.some((code) => code >= 0x80) || codes.some((code) => code > 0xff)) return name;
  const bytes = Uint8Array.from(codes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

/** Extensions of the files the reader uses (see collectFiles); other entries of a zip are listed by name only. */
const READ_EXTENSIONS = /\.(shp|shx|dbf|prj|cpg|geojson|json|gpkg)$/i;

function unzip(file: InputFile, issues: LandUseIssue[]): InputFile[] {
  let entries: Record<string, Uint8Array>;
  /** every entry's name in zip order; those never read (ArcGIS .shp.xml metadata, .sbn/.sbx indexes, …) are not decompressed */
  const names = new Set<string>();
  try {
    entries = unzipSync(file.bytes, { filter: (entry) => (names.add(entry.name), READ_EXTENSIONS.test(entry.name)) });
  } catch (error) {
    issues.push({ code: 'zip-corrupt', severity: 'error', file: file.name, params: { detail: String((error as Error).message ?? error) } });
    return [];
  }
  const files = [...names].map((name): [string, Uint8Array] => [name, entries[name] ?? new Uint8Array(0)])
    .filter(([name]) => !name.endsWith('/') && !name.startsWith('__MACOSX/') && !name.split('/').pop()!.startsWith('._'))
    .map(([name, bytes]) => ({ name: zipEntryName(name), bytes }));
  if (files.length === 0) issues.push({ code: 'zip-empty', severity: 'error', file: file.name });
  return files;
}

/**
 * Groups picked files (loose .shp .shx .dbf .prj .cpg, or one or more .zip) into Shapefile sets by base name.
 * Extensions are matched case-insensitively (`.SHP` from older software). Never throws.
 * @param files - the files as given; zips are opened in memory
 * @returns the sets found, any GeoJSON files, and issues (corrupt or empty zip, nothing usable)
 */
export function collectFiles(files: readonly InputFile[]): CollectedFiles {
  const issues: LandUseIssue[] = [];
  if (files.length === 0 || files.every((file) => file.bytes.length === 0)) {
    issues.push({ code: 'empty-input', severity: 'error', file: files[0]?.name });
    return { shapefiles: [], geojson: [], geopackages: [], issues };
  }
  const flat: InputFile[] = [];
  for (const file of files) {
    if (file.bytes.length > 0 && isZip(file)) flat.push(...unzip(file, issues));
    else if (file.name.toLowerCase().endsWith('.zip')) issues.push({ code: 'zip-empty', severity: 'error', file: file.name });
    else flat.push(file);
  }
  const sets = new Map<string, ShapefileSet>();
  const geojson: InputFile[] = [];
  const geopackages: InputFile[] = [];
  for (const file of flat) {
    const match = /^(.*)\.([^./]+)$/.exec(file.name);
    if (!match) continue;
    const baseName = match[1];
    const extension = match[2].toLowerCase();
    if (extension === 'geojson' || extension === 'json') {
      geojson.push(file);
      continue;
    }
    if (extension === 'gpkg') {
      geopackages.push(file);
      continue;
    }
    if (!['shp', 'shx', 'dbf', 'prj', 'cpg'].includes(extension)) continue;
    const key = baseName.toLowerCase();
    const set = sets.get(key) ?? { baseName };
    if (extension === 'shp') set.shp = file.bytes;
    else if (extension === 'shx') set.shx = file.bytes;
    else if (extension === 'dbf') set.dbf = file.bytes;
    else if (extension === 'prj') set.prj = decodeSmallText(file.bytes);
    else set.cpg = decodeSmallText(file.bytes);
    sets.set(key, set);
  }
  const shapefiles = [...sets.values()].sort((a, b) => a.baseName.localeCompare(b.baseName));
  const withShp = shapefiles.filter((set) => set.shp);
  if (withShp.length === 0 && geojson.length === 0 && geopackages.length === 0 && !issues.some((issue) => issue.severity === 'error')) {
    issues.push({ code: 'no-shapefile', severity: 'error', params: { files: flat.map((file) => file.name).join(', ') || '—' } });
  }
  return { shapefiles: withShp.length > 0 ? withShp : shapefiles, geojson, geopackages, issues };
}
