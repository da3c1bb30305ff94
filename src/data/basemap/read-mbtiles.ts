/**
 * MBTiles basemaps read with sql.js (SQLite in WebAssembly, the same reader as GeoPackage): the `metadata`
 * table gives the format, bounds, zooms, attribution and vector layers (what it leaves out is taken from the
 * `tiles` table itself: zooms, and bounds from the tile rows at the deepest zoom); tiles are read by z/x/y
 * (MBTiles rows count from the south, TMS; XYZ asks from the north) and gzip'ed vector tiles are un-gzipped.
 * Runs in the basemap worker (./mbtiles.worker.ts). Never throws.
 */
import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import { gunzipSync } from 'fflate';
import type { ArchiveInfo, BasemapIssue, TileFormat } from './tile-archive.ts';
import { errorText } from './tile-archive.ts';
import { validBounds } from './placement.ts';
import { vectorLayersOf } from './open-pmtiles.ts';

const SQLITE_MAGIC = 'SQLite format 3\0';

/** sql.js holds the whole database in memory (the page's worker): files above this are refused. */
export const MAX_MBTILES_BYTES = 512 * 1024 * 1024;

export type MbtilesOpenResult = { ok: true; db: Database; info: ArchiveInfo } | { ok: false; issue: BasemapIssue };

function rows(db: Database, sql: string, params: SqlValue[] = []): SqlValue[][] {
  const statement = db.prepare(sql, params);
  const out: SqlValue[][] = [];
  try {
    while (statement.step()) out.push(statement.get());
  } finally {
    statement.free();
  }
  return out;
}

function hasTable(db: Database, name: string): boolean {
  return rows(db, "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?", [name]).length > 0;
}

/** The format a tile's bytes show (gzip'ed or plain protobuf is taken as a vector tile), or null. */
export function sniffTileFormat(bytes: Uint8Array): TileFormat | null {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'jpg';
  if (bytes[0] === 0x52 && bytes[1] === 0x49 && bytes[8] === 0x57 && bytes[9] === 0x45) return 'webp';
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'mvt';
  return null;
}

function formatOf(declared: string | undefined): TileFormat | null | 'other' {
  if (declared === undefined || declared === '') return null;
  const value = declared.toLowerCase();
  if (value === 'pbf' || value === 'mvt') return 'mvt';
  if (value === 'jpeg' || value === 'jpg') return 'jpg';
  if (value === 'png' || value === 'webp') return value;
  return 'other';
}

/** Degrees of a tile corner at zoom z (XYZ x, y from the north). */
function lonOf(x: number, z: number): number {
  return (x / 2 ** z) * 360 - 180;
}
function latOf(y: number, z: number): number {
  const n = Math.PI - (2 * Math.PI * y) / 2 ** z;
  return (180 / Math.PI) * Math.atan(Math.sinh(n));
}

/** The box of the tile rows at the deepest zoom (TMS rows), or null. */
function boundsFromTiles(db: Database, z: number): ArchiveInfo['bounds'] {
  const [row] = rows(db, 'SELECT MIN(tile_column), MAX(tile_column), MIN(tile_row), MAX(tile_row) FROM tiles WHERE zoom_level = ?', [z]);
  if (!row || row.some((value) => typeof value !== 'number')) return null;
  const [minX, maxX, minRow, maxRow] = row as number[];
  const last = 2 ** z - 1;
  const bounds = [lonOf(minX!, z), latOf(last - minRow! + 1, z), lonOf(maxX! + 1, z), latOf(last - maxRow!, z)];
  return validBounds(bounds) ? bounds as ArchiveInfo['bounds'] : null;
}

function parseJson(text: string | undefined): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * Opens an MBTiles database from its bytes and describes it.
 * @param sqlite - from `loadSqlite` (src/data/landuse/read-geopackage.ts)
 * @param name - the file's name, for the messages
 */
export function openMbtiles(sqlite: SqlJsStatic, bytes: Uint8Array, name: string): MbtilesOpenResult {
  const fail = (issue: BasemapIssue): MbtilesOpenResult => ({ ok: false, issue });
  if (String.fromCharCode(...bytes.subarray(0, 16)) !== SQLITE_MAGIC) return fail({ code: 'not-sqlite', params: { name } });
  let db: Database | undefined;
  try {
    db = new sqlite.Database(bytes);
    if (!hasTable(db, 'tiles')) {
      db.close();
      return fail({ code: 'no-tiles-table', params: { name } });
    }
    const metadata = new Map<string, string>();
    if (hasTable(db, 'metadata')) for (const [key, value] of rows(db, 'SELECT name, value FROM metadata')) if (typeof key === 'string' && value !== null) metadata.set(key, String(value));
    const [zooms] = rows(db, 'SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles');
    if (!zooms || typeof zooms[0] !== 'number' || typeof zooms[1] !== 'number') {
      db.close();
      return fail({ code: 'no-tiles', params: { name } });
    }
    let tileFormat = formatOf(metadata.get('format'));
    if (tileFormat === null) {
      const [first] = rows(db, 'SELECT tile_data FROM tiles LIMIT 1');
      tileFormat = first?.[0] instanceof Uint8Array ? sniffTileFormat(first[0]) : null;
    }
    if (tileFormat === null || tileFormat === 'other') {
      db.close();
      return fail({ code: 'tile-type', params: { name, type: metadata.get('format') ?? 'unknown' } });
    }
    const declared = metadata.get('bounds')?.split(',').map(Number);
    const maxZoom = Number(metadata.get('maxzoom') ?? zooms[1]);
    const minZoom = Number(metadata.get('minzoom') ?? zooms[0]);
    const json = parseJson(metadata.get('json'));
    const info: ArchiveInfo = {
      format: 'mbtiles', tileFormat,
      bounds: validBounds(declared) ? [...declared] as ArchiveInfo['bounds'] : boundsFromTiles(db, zooms[1]),
      minZoom: Number.isFinite(minZoom) ? minZoom : zooms[0], maxZoom: Number.isFinite(maxZoom) ? maxZoom : zooms[1],
      attribution: metadata.get('attribution')?.trim() || null, name: metadata.get('name')?.trim() || null,
      vectorLayers: tileFormat === 'mvt' ? vectorLayersOf(json) : [],
    };
    return { ok: true, db, info };
  } catch (error) {
    db?.close();
    return fail({ code: 'unreadable', params: { name, detail: errorText(error) } });
  }
}

/** The tile at z/x/y (XYZ) from an opened database, un-gzipped; null where there is none. */
export function mbtilesTile(db: Database, z: number, x: number, y: number): Uint8Array | null {
  const row = (2 ** z) - 1 - y;
  const [found] = rows(db, 'SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?', [z, x, row]);
  const data = found?.[0];
  if (!(data instanceof Uint8Array)) return null;
  return data[0] === 0x1f && data[1] === 0x8b ? gunzipSync(data) : data;
}
