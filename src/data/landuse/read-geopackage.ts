/**
 * GeoPackage land-use layers (what QGIS writes by default), read with sql.js (SQLite compiled to WebAssembly).
 * sql.js and its wasm are loaded only when a GeoPackage is read, from the app's own origin (inlined in the
 * one-file build). Every layer is described (features and attribute tables); one features table is read into
 * the same `LandUseReadResult` the Shapefile reader gives, so classification, figures and drawing do not know
 * the difference. Also recognises FileGDB and Personal GeoDatabase deliveries, which cannot be read in a
 * browser, and says how to export them. Nothing here throws.
 */
import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import { detectClassification } from '../../core/landuse/classify-parcels.js';
import type { InputFile } from './collect-files.js';
import type { DeliveryLayer } from './delivery-layers.js';
import { crsById, crsFromPrj, makeProjector, type CoordinateBounds, type CrsDetection } from './crs.js';
import { fastProjector } from './fast-projector.js';
import type { LandUseIssue } from './landuse-issues.js';
import { ExtentBuilder } from './layer-placement.js';
import {
  allRings, chooseCrs as chooseCrsWithoutStatement, crossesItself, placeLayer, projectPolygons, reportSelfIntersecting, sampleNames,
  type Crossings, type GeoPackageReader, type LandUseFeature, type LandUseProperties, type LandUseReadOptions, type LandUseReadResult,
  type ProgressCallback,
} from './read-landuse-files.js';
import type { RingSet } from './read-shp.js';
import { readGeoPackageGeometry } from './read-wkb.js';

export type { SqlJsStatic } from 'sql.js';
export { recogniseUnreadable } from './database-files.js';

/** One layer of a GeoPackage as `describeGeoPackage` reports it. */
export interface GeoPackageLayer {
  /** table name (what QGIS shows as the layer name) */
  table: string;
  /** gpkg_contents.identifier, or the table name when there is none */
  identifier: string;
  /** from gpkg_geometry_columns.geometry_type_name; `none` for an attribute table, `unknown` for GEOMETRY and the like */
  geometry: 'polygons' | 'lines' | 'points' | 'none' | 'unknown';
  /** rows in the table */
  recordCount: number;
  /** attribute columns in table order (not the geometry column, not the integer primary key) */
  fields: string[];
  /** the layer's srs_id (0 for an attribute table) */
  srsId: number;
  /** the WKT definition of that srs_id, null when undefined or absent */
  srsWkt: string | null;
}

export type DescribeGeoPackageResult =
  | { ok: true; layers: GeoPackageLayer[]; issues: LandUseIssue[] }
  | { ok: false; issues: LandUseIssue[] };

export type SqliteLoadResult = { ok: true; sqlite: SqlJsStatic } | { ok: false; issues: LandUseIssue[] };

/** Where the sql.js WebAssembly comes from; by default the app's own bundled copy. Tests pass the file's bytes. */
export type SqliteWasmSource = () => Promise<ArrayBuffer | Uint8Array>;

const SQLITE_MAGIC = 'SQLite format 3\0';
/** PRAGMA application_id of GeoPackage 1.2+ ('GPKG') and of 1.0 / 1.1 ('GP10', 'GP11'). */
const GEOPACKAGE_APPLICATION_IDS = new Set([0x47504b47, 0x47503130, 0x47503131]);
const POLYGON_TYPES = new Set(['POLYGON', 'MULTIPOLYGON', 'CURVEPOLYGON', 'MULTISURFACE', 'SURFACE']);
const LINE_TYPES = new Set(['LINESTRING', 'MULTILINESTRING', 'CIRCULARSTRING', 'COMPOUNDCURVE', 'MULTICURVE', 'CURVE']);
const POINT_TYPES = new Set(['POINT', 'MULTIPOINT']);
const PROGRESS_EVERY = 2000;
/** Rows looked at to recognise a layer's classification (as many as detectClassification looks at). */
const DESCRIBE_RECORDS = 2000;
const LISTED_RECORDS = 10;

let loading: Promise<SqliteLoadResult> | undefined;

async function bundledWasm(): Promise<ArrayBuffer> {
  // Same origin in the normal build; a data: URL in the one-file build (every asset is inlined there).
  const { default: url } = await import('sql.js/dist/sql-wasm-browser.wasm?url');
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.slice(0, 60)}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

/**
 * Loads sql.js and its wasm (once; later calls get the same instance). Never throws: a failure (say a
 * policy that forbids WebAssembly) comes back as a `sqlite-unavailable` issue, and the next call tries again.
 * @param wasm - where the wasm bytes come from (default: the copy bundled with the app)
 */
export function loadSqlite(wasm: SqliteWasmSource = bundledWasm): Promise<SqliteLoadResult> {
  loading ??= (async (): Promise<SqliteLoadResult> => {
    try {
      const module = await import('sql.js');
      const init = ((module as { default?: unknown }).default ?? module) as (config: { wasmBinary: ArrayBuffer; onAbort: (what: unknown) => void }) => Promise<SqlJsStatic>;
      const bytes = await wasm();
      const wasmBinary = bytes instanceof Uint8Array ? bytes.slice().buffer : bytes;
      // Emscripten aborts (e.g. a policy forbids compiling WebAssembly) without settling its promise: race it.
      const sqlite = await new Promise<SqlJsStatic>((resolve, reject) => {
        init({ wasmBinary, onAbort: (what) => reject(new Error(String(what))) }).then(resolve, reject);
      });
      return { ok: true, sqlite };
    } catch (error) {
      loading = undefined;
      return { ok: false, issues: [{ code: 'sqlite-unavailable', severity: 'error', params: { detail: message(error) } }] };
    }
  })();
  return loading;
}

const message = (error: unknown) => String((error as Error)?.message ?? error);
const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

function rows(db: Database, sql: string, params: SqlValue[] = []): SqlValue[][] {
  const statement = db.prepare(sql, params);
  const result: SqlValue[][] = [];
  try {
    while (statement.step()) result.push(statement.get());
  } finally {
    statement.free();
  }
  return result;
}

function hasTable(db: Database, name: string): boolean {
  return rows(db, "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?", [name]).length > 0;
}

type Opened = { ok: true; db: Database } | { ok: false; issues: LandUseIssue[] };

function openGeoPackage(sqlite: SqlJsStatic, file: InputFile): Opened {
  const head = new TextDecoder('latin1').decode(file.bytes.subarray(0, SQLITE_MAGIC.length));
  if (head !== SQLITE_MAGIC) return { ok: false, issues: [{ code: 'gpkg-not-sqlite', severity: 'error', file: file.name }] };
  let db: Database | undefined;
  try {
    db = new sqlite.Database(file.bytes);
    const applicationId = Number(rows(db, 'PRAGMA application_id')[0]?.[0] ?? 0);
    if (!hasTable(db, 'gpkg_contents')) {
      db.close();
      return { ok: false, issues: [{ code: 'gpkg-not-geopackage', severity: 'error', file: file.name, params: { detail: GEOPACKAGE_APPLICATION_IDS.has(applicationId) ? 'gpkg_contents' : `application_id ${applicationId}, gpkg_contents` } }] };
    }
    return { ok: true, db };
  } catch (error) {
    db?.close();
    return { ok: false, issues: [{ code: 'gpkg-damaged', severity: 'error', file: file.name, params: { detail: message(error) } }] };
  }
}

function geometryKind(typeName: string | null, dataType: string): GeoPackageLayer['geometry'] {
  if (dataType !== 'features') return 'none';
  const name = (typeName ?? '').toUpperCase();
  if (POLYGON_TYPES.has(name)) return 'polygons';
  if (LINE_TYPES.has(name)) return 'lines';
  if (POINT_TYPES.has(name)) return 'points';
  return 'unknown';
}

interface SrsRow {
  name: string;
  organization: string;
  organizationId: number;
  definition: string | null;
}

function srsRow(db: Database, srsId: number): SrsRow | null {
  if (!hasTable(db, 'gpkg_spatial_ref_sys')) return null;
  const columns = rows(db, 'PRAGMA table_info(gpkg_spatial_ref_sys)').map((row) => String(row[1]));
  const wkt2 = columns.includes('definition_12_063') ? ', definition_12_063' : '';
  const [row] = rows(db, `SELECT srs_name, organization, organization_coordsys_id, definition${wkt2} FROM gpkg_spatial_ref_sys WHERE srs_id = ?`, [srsId]);
  if (!row) return null;
  const usable = (value: SqlValue | undefined) => (typeof value === 'string' && value.trim() !== '' && value.trim().toLowerCase() !== 'undefined' ? value : null);
  return { name: String(row[0] ?? ''), organization: String(row[1] ?? ''), organizationId: Number(row[2] ?? 0), definition: usable(row[3]) ?? usable(row[4]) };
}

interface TableInfo {
  layer: GeoPackageLayer;
  geometryColumn: string | null;
  geometryTypeName: string | null;
  /** the INTEGER PRIMARY KEY (the feature id), if any */
  idColumn: string | null;
}

function describeTable(db: Database, table: string, dataType: string, identifier: string | null, contentsSrsId: number): TableInfo {
  const geometryColumns = dataType === 'features' && hasTable(db, 'gpkg_geometry_columns')
    ? rows(db, 'SELECT column_name, geometry_type_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?', [table])[0]
    : undefined;
  const geometryColumn = geometryColumns ? String(geometryColumns[0]) : null;
  const geometryTypeName = geometryColumns ? String(geometryColumns[1] ?? '') : null;
  const srsId = geometryColumns ? Number(geometryColumns[2] ?? contentsSrsId) : contentsSrsId;
  const columns = rows(db, `PRAGMA table_info(${quote(table)})`);
  const primaryKeys = columns.filter((column) => Number(column[5]) > 0);
  const idColumn = primaryKeys.length === 1 && String(primaryKeys[0][2]).toUpperCase() === 'INTEGER' ? String(primaryKeys[0][1]) : null;
  const fields = columns
    .filter((column) => String(column[1]) !== geometryColumn && String(column[1]) !== idColumn && String(column[2]).toUpperCase() !== 'BLOB')
    .map((column) => String(column[1]));
  const recordCount = Number(rows(db, `SELECT COUNT(*) FROM ${quote(table)}`)[0]?.[0] ?? 0);
  const srs = dataType === 'features' ? srsRow(db, srsId) : null;
  return {
    layer: { table, identifier: identifier || table, geometry: geometryKind(geometryTypeName, dataType), recordCount, fields, srsId: dataType === 'features' ? srsId : 0, srsWkt: srs?.definition ?? null },
    geometryColumn, geometryTypeName, idColumn,
  };
}

function contents(db: Database): { table: string; dataType: string; identifier: string | null; srsId: number }[] {
  return rows(db, "SELECT table_name, data_type, identifier, srs_id FROM gpkg_contents WHERE data_type IN ('features', 'attributes') ORDER BY table_name")
    .map((row) => ({ table: String(row[0]), dataType: String(row[1]), identifier: row[2] === null ? null : String(row[2]), srsId: Number(row[3] ?? 0) }));
}

function describeLayers(db: Database, file: InputFile): { tables: TableInfo[]; issues: LandUseIssue[] } {
  const issues: LandUseIssue[] = [];
  const tables: TableInfo[] = [];
  for (const entry of contents(db)) {
    try {
      tables.push(describeTable(db, entry.table, entry.dataType, entry.identifier, entry.srsId));
    } catch (error) {
      issues.push({ code: 'gpkg-damaged', severity: 'warning', file: `${file.name}:${entry.table}`, params: { detail: message(error) } });
    }
  }
  return { tables, issues };
}

/**
 * Every layer of a GeoPackage: its features tables and attribute tables, with geometry kind, row count,
 * fields and coordinate system. A table that is listed but cannot be read is left out with an issue.
 * @param sqlite - from `loadSqlite`
 * @param file - the .gpkg as picked
 */
export function describeGeoPackage(sqlite: SqlJsStatic, file: InputFile): DescribeGeoPackageResult {
  const opened = openGeoPackage(sqlite, file);
  if (!opened.ok) return opened;
  const { db } = opened;
  try {
    const { tables, issues } = describeLayers(db, file);
    if (tables.length === 0) issues.push({ code: 'no-polygons', severity: 'error', file: file.name });
    return { ok: true, layers: tables.map((table) => table.layer), issues };
  } catch (error) {
    return { ok: false, issues: [{ code: 'gpkg-damaged', severity: 'error', file: file.name, params: { detail: message(error) } }] };
  } finally {
    db.close();
  }
}

/**
 * The layers of a GeoPackage as the delivery's layer choice sees them (`chooseDeliveryLayer`): id
 * `file.gpkg#table`, geometry, rows, fields and the classification the first rows' attributes carry.
 * @param sqlite - from `loadSqlite`
 * @param file - the .gpkg
 */
export function describeGeoPackageLayers(sqlite: SqlJsStatic, file: InputFile): { layers: DeliveryLayer[]; issues: LandUseIssue[] } {
  const opened = openGeoPackage(sqlite, file);
  if (!opened.ok) return { layers: [], issues: opened.issues };
  const { db } = opened;
  try {
    const { tables, issues } = describeLayers(db, file);
    const layers = tables.map(({ layer }): DeliveryLayer => {
      const columns = layer.fields.map(quote).join(', ');
      const records = columns === '' ? [] : rows(db, `SELECT ${columns} FROM ${quote(layer.table)} LIMIT ${DESCRIBE_RECORDS}`)
        .map((values) => Object.fromEntries(layer.fields.map((field, index) => [field, values[index] instanceof Uint8Array ? null : values[index]])));
      return {
        id: `${file.name}#${layer.table}`, name: layer.table, format: 'geopackage', geometry: layer.geometry,
        recordCount: layer.recordCount, fields: layer.fields, classification: detectClassification(layer.fields, records)[0] ?? null,
      };
    });
    if (layers.length === 0) issues.push({ code: 'no-polygons', severity: 'error', file: file.name });
    return { layers, issues };
  } catch (error) {
    return { layers: [], issues: [{ code: 'gpkg-damaged', severity: 'error', file: file.name, params: { detail: message(error) } }] };
  } finally {
    db.close();
  }
}

/** The GeoPackage reader `readLandUseFiles` is given once sql.js is loaded. */
export function geoPackageReader(sqlite: SqlJsStatic): GeoPackageReader {
  return {
    describe: (file) => describeGeoPackageLayers(sqlite, file),
    read: (file, table, options, onProgress) => readGeoPackageLayer(sqlite, file, table, options, onProgress),
  };
}

function chooseCrs(srs: SrsRow | null, srsId: number, bounds: CoordinateBounds, options: LandUseReadOptions, where: string, issues: LandUseIssue[]): CrsDetection | null {
  if (options.crsId) {
    const chosen = crsById(options.crsId);
    if (chosen) return { crs: chosen, source: 'override' };
  }
  if (srsId === 4326 || srsId === 4490) return { crs: crsById(`EPSG:${srsId}`)!, source: 'prj' };
  const undefinedSrs = srsId === -1 || srsId === 0 || (srs !== null && srs.definition === null && srs.organization.toUpperCase() !== 'EPSG');
  // Like a Shapefile without .prj: a guess from the coordinates, put to the planner to confirm.
  if (undefinedSrs) return chooseCrsWithoutStatement(undefined, bounds, undefined, where, issues, options.acceptInferredCrs);
  let reason = srs ? 'no definition' : `srs_id ${srsId} is not in gpkg_spatial_ref_sys`;
  if (srs?.definition) {
    const fromWkt = crsFromPrj(srs.definition);
    if (fromWkt.crs) return { ...fromWkt, source: 'prj' };
    reason = fromWkt.reason ?? reason;
  }
  if (srs && srs.organization.toUpperCase() === 'EPSG') {
    const known = crsById(`EPSG:${srs.organizationId}`);
    if (known) return { crs: known, source: 'prj' };
  }
  // A system that is stated but not understood is refused with its name, never replaced by a guess.
  issues.push({ code: 'crs-unknown', severity: 'error', file: where, params: { reason: `srs_id ${srsId}${srs?.name ? ` (${srs.name})` : ''}: ${reason}` } });
  return null;
}

const listed = (records: readonly number[]) => records.slice(0, LISTED_RECORDS).join(', ') + (records.length > LISTED_RECORDS ? ', …' : '');

/**
 * Reads one features table of a GeoPackage as the Shapefile reader reads a set: parcels in WGS84 (RFC 7946
 * winding), attributes (every column but the geometry and the feature id; BLOB values left out), coordinate
 * system from gpkg_spatial_ref_sys (WKT, then the EPSG code; undefined systems are inferred from the
 * coordinates and said so), the same validity check, progress as rows read of all.
 * @param sqlite - from `loadSqlite`
 * @param file - the .gpkg as picked
 * @param table - the features table (see `describeGeoPackage`)
 * @param options - coordinate system chosen by the planner, if any (GeoPackage text is always UTF-8)
 * @param onProgress - share of the reading done
 */
export function readGeoPackageLayer(sqlite: SqlJsStatic, file: InputFile, table: string, options: LandUseReadOptions = {}, onProgress: ProgressCallback = () => undefined): LandUseReadResult {
  const opened = openGeoPackage(sqlite, file);
  if (!opened.ok) return opened;
  const { db } = opened;
  const where = `${file.name}:${table}`;
  try {
    const entry = contents(db).find((item) => item.table === table);
    if (!entry) return { ok: false, issues: [{ code: 'gpkg-no-layer', severity: 'error', file: file.name, params: { table } }] };
    const info = describeTable(db, entry.table, entry.dataType, entry.identifier, entry.srsId);
    const kind = info.layer.geometry;
    if (kind === 'none' || kind === 'points' || kind === 'lines' || !info.geometryColumn) {
      return { ok: false, issues: [{ code: 'gpkg-not-polygon', severity: 'error', file: where, params: { table, kind: info.geometryTypeName || entry.dataType } }] };
    }
    const issues: LandUseIssue[] = [];
    const total = Math.max(1, info.layer.recordCount);
    const raw: { id: number; polygons: RingSet[]; properties: LandUseProperties }[] = [];
    const empty: number[] = [];
    const notPolygon: number[] = [];
    const damaged: { record: number; detail: string; byteOffset: number }[] = [];
    const bounds = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
    const statement = db.prepare(`SELECT * FROM ${quote(table)}`);
    try {
      const names = statement.getColumnNames();
      const geometryIndex = names.indexOf(info.geometryColumn);
      const idIndex = info.idColumn ? names.indexOf(info.idColumn) : -1;
      const fieldIndices = info.layer.fields.map((field) => names.indexOf(field));
      let row = 0;
      while (statement.step()) {
        row++;
        if (row % PROGRESS_EVERY === 0) onProgress((0.7 * row) / total, { read: row, total });
        const values = statement.get();
        const id = idIndex >= 0 && typeof values[idIndex] === 'number' ? values[idIndex] as number : row;
        const blob = values[geometryIndex];
        if (blob === null || blob === undefined) {
          empty.push(id);
          continue;
        }
        if (!(blob instanceof Uint8Array)) {
          damaged.push({ record: id, detail: `geometry is ${typeof blob}, not a blob`, byteOffset: 0 });
          continue;
        }
        const geometry = readGeoPackageGeometry(blob);
        if (!geometry.ok) {
          damaged.push({ record: id, detail: geometry.detail, byteOffset: geometry.byteOffset });
          continue;
        }
        if (geometry.kind !== 'polygons') {
          notPolygon.push(id);
          continue;
        }
        if (geometry.polygons.length === 0) {
          empty.push(id);
          continue;
        }
        for (const rings of geometry.polygons) {
          const outer = rings[0];
          for (let at = 0; at < outer.length; at += 2) {
            if (outer[at] < bounds.minX) bounds.minX = outer[at];
            if (outer[at] > bounds.maxX) bounds.maxX = outer[at];
            if (outer[at + 1] < bounds.minY) bounds.minY = outer[at + 1];
            if (outer[at + 1] > bounds.maxY) bounds.maxY = outer[at + 1];
          }
        }
        const properties: LandUseProperties = {};
        info.layer.fields.forEach((field, index) => {
          const value = values[fieldIndices[index]];
          properties[field] = typeof value === 'number' || typeof value === 'string' ? value : null;
        });
        raw.push({ id, polygons: geometry.polygons, properties });
      }
    } finally {
      statement.free();
    }
    if (damaged.length > 0) {
      const [first] = damaged;
      issues.push({ code: 'gpkg-geometry', severity: 'warning', file: where, record: first.record, byteOffset: first.byteOffset, params: { count: damaged.length, records: listed(damaged.map((item) => item.record)), detail: first.detail } });
    }
    if (notPolygon.length > 0) issues.push({ code: 'gpkg-mixed-geometry', severity: 'warning', file: where, record: notPolygon[0], params: { count: notPolygon.length, records: listed(notPolygon) } });
    if (empty.length > 0) issues.push({ code: 'empty-geometry', severity: 'notice', file: where, record: empty[0], params: { count: empty.length, records: listed(empty) } });
    if (raw.length === 0) return { ok: false, issues: [...issues, { code: 'no-polygons', severity: 'error', file: where }] };
    const crs = chooseCrs(srsRow(db, info.layer.srsId), info.layer.srsId, bounds, options, where, issues);
    if (!crs?.crs) return { ok: false, issues };
    const project = fastProjector(crs.crs) ?? makeProjector(crs.crs);
    const extent = new ExtentBuilder();
    const crossings: Crossings = [];
    const features: LandUseFeature[] = [];
    raw.forEach((item, index) => {
      if (index % PROGRESS_EVERY === 0) onProgress(0.7 + (0.2 * index) / raw.length);
      // The same validity check as the Shapefile path, in file coordinates (GEOS's meaning of a crossing).
      if (crossesItself(allRings(item.polygons), item.id, project, crossings)) return;
      const coordinates = projectPolygons(item.polygons, project, extent);
      const geometry: LandUseFeature['geometry'] = coordinates.length === 1 ? { type: 'Polygon', coordinates: coordinates[0] } : { type: 'MultiPolygon', coordinates };
      features.push({ type: 'Feature', id: item.id, geometry, properties: item.properties });
    });
    reportSelfIntersecting(crossings, where, issues);
    const placement = placeLayer(extent, crs, where, issues);
    onProgress(1);
    if (features.length === 0) return { ok: false, issues: [...issues, { code: 'no-polygons', severity: 'error', file: where }] };
    const { fields } = info.layer;
    return { ok: true, issues, layer: { name: table, features, fields, sampleNames: sampleNames(features, fields), crs, recordCount: info.layer.recordCount, ...placement } };
  } catch (error) {
    return { ok: false, issues: [{ code: 'gpkg-damaged', severity: 'error', file: where, params: { detail: message(error) } }] };
  } finally {
    db.close();
  }
}
