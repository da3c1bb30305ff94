import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { findRingCrossing, type FlatRing } from '../../core/geometry/find-ring-crossing.js';
import { collectFiles, type InputFile, type ShapefileSet } from './collect-files.js';
import { crsById, crsFromPrj, inferCrs, makeProjector, type CoordinateBounds, type CrsDetection } from './crs.js';
import { chooseDbfEncoding, type AttributeEncoding, type EncodingChoice } from './dbf-encoding.js';
import { fastProjector } from './fast-projector.js';
import type { LandUseIssue } from './landuse-issues.js';
import { readDbfHeader, readDbfRecords, availableRecords, type DbfValue } from './read-dbf.js';
import { checkShx, readShp, type RingSet } from './read-shp.js';
import { chooseDeliveryLayer, describeGeoJsonFile, describeShapefileSet, type DeliveryLayer } from './delivery-layers.js';

export type LandUseProperties = Record<string, DbfValue>;
export type LandUseFeature = Feature<Polygon | MultiPolygon, LandUseProperties>;

export interface LandUseReadOptions {
  /** attribute encoding chosen by the user (otherwise .cpg, then detection) */
  encoding?: AttributeEncoding;
  /** coordinate system chosen by the user, e.g. `EPSG:4527` (otherwise .prj, then inference) */
  crsId?: string;
  /** the delivery layer the planner chose (`DeliveryLayer.id`); otherwise the one with recognised classes */
  layer?: string;
  /** the planner confirmed the coordinate system guessed for a file without .prj */
  acceptInferredCrs?: boolean;
}

export interface LandUseLayerRead {
  /** layer name (the Shapefile's base name or the GeoJSON file name) */
  name: string;
  /** parcels in WGS84, RFC 7946 winding; `id` is the record number (1-based) */
  features: LandUseFeature[];
  /** attribute field names in file order */
  fields: string[];
  /** attribute encoding used, and how it was chosen (absent for GeoJSON, which is always UTF-8) */
  encoding?: EncodingChoice;
  /** a few decoded names, so the user can see the encoding is right */
  sampleNames: string[];
  /** the coordinate system used and how it was found */
  crs: CrsDetection;
  /** records in the file, including skipped ones */
  recordCount: number;
  /** every layer of the delivery (this one included, by `layerId`), so the planner sees what else is there */
  delivery?: DeliveryLayer[];
  layerId?: string;
}

/** The planner must choose a layer: several carry recognised classes, or none does. */
export interface LayerQuestion {
  reason: 'several-classified' | 'none-classified';
  layers: DeliveryLayer[];
}

/** Called now and then with the share of the work done (0..1), for a progress bar. */
export type ProgressCallback = (fraction: number, parcels?: { read: number; total: number }) => void;

const PROGRESS_EVERY = 5000;

export type LandUseReadResult =
  | { ok: true; layer: LandUseLayerRead; issues: LandUseIssue[] }
  | { ok: false; issues: LandUseIssue[]; question?: LayerQuestion };

const NAME_FIELD_HINTS = ['YDYHFLMC', 'DLMC', 'YDMC', 'MC', 'NAME'];
const SAMPLE_COUNT = 5;
const LISTED_RECORDS = 10;

/** Up to five distinct non-empty values of the best name-like text field, for the encoding preview. */
export function sampleNames(features: readonly { properties: LandUseProperties }[], fields: readonly string[]): string[] {
  const upper = fields.map((field) => field.toUpperCase());
  let field = NAME_FIELD_HINTS.map((hint) => fields[upper.indexOf(hint)]).find((name) => name !== undefined);
  field ??= fields.find((name) => features.some((feature) => /[^\x20-\x7e]/.test(String(feature.properties[name] ?? ''))));
  if (!field) return [];
  const names = new Set<string>();
  for (const feature of features) {
    const value = feature.properties[field];
    if (typeof value === 'string' && value.trim() !== '') names.add(value.trim());
    if (names.size >= SAMPLE_COUNT) break;
  }
  return [...names];
}

function chooseCrs(prj: string | undefined, bounds: CoordinateBounds, crsId: string | undefined, file: string, issues: LandUseIssue[]): CrsDetection | null {
  if (crsId) {
    const chosen = crsById(crsId);
    if (chosen) return { crs: chosen, source: 'override' };
  }
  if (prj !== undefined && prj !== '') {
    const fromPrj = crsFromPrj(prj);
    if (fromPrj.crs) return fromPrj;
    const inferred = inferCrs(bounds);
    if (inferred.crs) {
      issues.push({ code: 'prj-unknown', severity: 'warning', file, params: { reason: fromPrj.reason ?? '', assumed: inferred.crs.label } });
      return { ...inferred, reason: fromPrj.reason };
    }
    issues.push({ code: 'crs-unknown', severity: 'error', file, params: { reason: `${fromPrj.reason ?? ''}; ${inferred.reason ?? ''}` } });
    return null;
  }
  const inferred = inferCrs(bounds);
  if (inferred.crs) {
    issues.push({ code: 'crs-inferred', severity: 'notice', file, params: { assumed: inferred.crs.label, assumption: inferred.assumption ?? '' } });
    return inferred;
  }
  issues.push({ code: 'crs-unknown', severity: 'error', file, params: { reason: inferred.reason ?? '' } });
  return null;
}

function projectPolygons(polygons: RingSet[], project: (x: number, y: number) => [number, number]): Position[][][] {
  return polygons.map((rings) => rings.map((ring) => {
    const positions: Position[] = new Array(ring.length >> 1);
    for (let i = 0; i < positions.length; i++) positions[i] = project(ring[2 * i], ring[2 * i + 1]);
    return positions;
  }));
}

/** Parcels whose rings cross, by record, and the first place of each (longitude, latitude). */
type Crossings = { record: number; at: Position }[];

/**
 * Is the parcel's area undefined because its rings cross (GEOS's meaning; touching rings and repeated vertices
 * are fine)? Checked in the file's own coordinates, as GDAL does, so a vertex on an edge stays on it; if so, the
 * parcel is listed with the place in longitude/latitude.
 */
function crossesItself(rings: FlatRing[], record: number, project: (x: number, y: number) => [number, number], crossings: Crossings): boolean {
  const at = findRingCrossing(rings);
  if (at) crossings.push({ record, at: project(at[0], at[1]) });
  return at !== null;
}

/** Parcels that cross themselves are skipped (their area is not defined); the issue lists where. */
function reportSelfIntersecting(crossing: Crossings, file: string, issues: LandUseIssue[]): void {
  if (crossing.length > 0) {
    const first = crossing[0].at;
    issues.push({
      code: 'self-intersection', severity: 'warning', file, record: crossing[0].record,
      params: {
        count: crossing.length,
        records: crossing.slice(0, LISTED_RECORDS).map((item) => item.record).join(', ') + (crossing.length > LISTED_RECORDS ? ', …' : ''),
        at: `${first[0].toFixed(5)}, ${first[1].toFixed(5)}`,
      },
    });
  }
}

/**
 * Reads one Shapefile set: geometry, attributes (encoding from option, .cpg or detection), coordinate system
 * (from option, .prj or inference) and reprojection to WGS84 with proj4. Never throws.
 */
export function readShapefileSet(set: ShapefileSet, options: LandUseReadOptions = {}, onProgress: ProgressCallback = () => undefined): LandUseReadResult {
  const issues: LandUseIssue[] = [];
  const shpName = `${set.baseName}.shp`;
  if (!set.shp) return { ok: false, issues: [{ code: 'no-shapefile', severity: 'error', params: { files: `${set.baseName}.*` } }] };
  if (!set.dbf) issues.push({ code: 'missing-dbf', severity: 'error', file: shpName, params: { name: `${set.baseName}.dbf` } });
  if (!set.shx) issues.push({ code: 'missing-shx', severity: 'warning', file: shpName, params: { name: `${set.baseName}.shx` } });
  const shp = readShp(set.shp, shpName);
  issues.push(...shp.issues);
  onProgress(0.15);
  if (!shp.ok || !set.dbf) return { ok: false, issues };
  if (set.shx) {
    const shxIssue = checkShx(set.shx, shp.records.length, `${set.baseName}.shx`);
    if (shxIssue) issues.push(shxIssue);
  }
  const dbfName = `${set.baseName}.dbf`;
  const dbf = readDbfHeader(set.dbf, dbfName);
  if (!dbf.ok) return { ok: false, issues: [...issues, dbf.issue] };
  const encoding = chooseDbfEncoding(dbf.table, set.cpg, options.encoding);
  if (encoding.unknownCpg !== undefined) issues.push({ code: 'encoding-unknown-cpg', severity: 'warning', file: `${set.baseName}.cpg`, params: { cpg: encoding.unknownCpg, encoding: encoding.encoding } });
  else if (encoding.source === 'cpg') issues.push({ code: 'encoding-cpg', severity: 'notice', file: `${set.baseName}.cpg`, params: { cpg: encoding.cpg ?? '', encoding: encoding.encoding } });
  else if (encoding.source === 'detected' || encoding.source === 'language-driver') issues.push({ code: 'encoding-detected', severity: 'notice', file: dbfName, params: { encoding: encoding.encoding } });
  const records = readDbfRecords(dbf.table, encoding.encoding);
  onProgress(0.3);
  if (availableRecords(dbf.table) !== shp.records.length) {
    issues.push({ code: 'dbf-count-mismatch', severity: 'warning', file: dbfName, params: { dbf: availableRecords(dbf.table), shp: shp.records.length } });
  }
  const crs = chooseCrs(set.prj, shp.header.bounds, options.crsId, `${set.baseName}.prj`, issues);
  if (!crs?.crs) return { ok: false, issues };
  const project = fastProjector(crs.crs) ?? makeProjector(crs.crs);
  const features: LandUseFeature[] = [];
  const empty: number[] = [];
  const crossings: Crossings = [];
  for (const record of shp.records) {
    if (record.record % PROGRESS_EVERY === 0) onProgress(0.3 + (0.6 * record.record) / shp.records.length, { read: record.record, total: shp.records.length });
    if (record.polygons.length === 0) {
      empty.push(record.record);
      continue;
    }
    if (crossesItself(record.polygons.flat(), record.record, project, crossings)) continue;
    const coordinates = projectPolygons(record.polygons, project);
    const geometry: Polygon | MultiPolygon = coordinates.length === 1
      ? { type: 'Polygon', coordinates: coordinates[0] }
      : { type: 'MultiPolygon', coordinates };
    features.push({ type: 'Feature', id: record.record, geometry, properties: records[record.record - 1] ?? {} });
  }
  if (empty.length > 0) {
    issues.push({ code: 'empty-geometry', severity: 'notice', file: shpName, record: empty[0], params: { count: empty.length, records: empty.slice(0, LISTED_RECORDS).join(', ') } });
  }
  reportSelfIntersecting(crossings, shpName, issues);
  onProgress(0.9);
  if (features.length === 0) {
    issues.push({ code: 'no-polygons', severity: 'error', file: shpName });
    return { ok: false, issues };
  }
  const fields = dbf.table.fields.map((field) => field.name);
  return {
    ok: true,
    issues,
    layer: { name: set.baseName.split('/').pop() ?? set.baseName, features, fields, encoding, sampleNames: sampleNames(features, fields), crs, recordCount: shp.records.length },
  };
}

function boundsOfPositions(geometries: readonly (Polygon | MultiPolygon)[]): CoordinateBounds {
  const bounds = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  const visit = (position: Position) => {
    if (position[0] < bounds.minX) bounds.minX = position[0];
    if (position[0] > bounds.maxX) bounds.maxX = position[0];
    if (position[1] < bounds.minY) bounds.minY = position[1];
    if (position[1] > bounds.maxY) bounds.maxY = position[1];
  };
  for (const geometry of geometries) {
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const rings of polygons) for (const ring of rings) for (const position of ring) visit(position);
  }
  return bounds;
}

function isPositionArray(value: unknown, depth: number): boolean {
  if (!Array.isArray(value)) return false;
  if (depth === 0) return value.length >= 2 && typeof value[0] === 'number' && typeof value[1] === 'number' && Number.isFinite(value[0]) && Number.isFinite(value[1]);
  return value.every((child) => isPositionArray(child, depth - 1));
}

/**
 * Reads a GeoJSON FeatureCollection of land-use polygons. Coordinates are WGS84 by RFC 7946; projected
 * coordinates (a common export mistake) are recognised and reprojected like a Shapefile without .prj.
 */
export function readLandUseGeoJson(file: InputFile, options: LandUseReadOptions = {}): LandUseReadResult {
  const issues: LandUseIssue[] = [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8').decode(file.bytes));
  } catch (error) {
    return { ok: false, issues: [{ code: 'geojson-syntax', severity: 'error', file: file.name, params: { detail: String((error as Error).message ?? error) } }] };
  }
  const collection = parsed as { type?: unknown; features?: unknown };
  if (typeof parsed !== 'object' || parsed === null || collection.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    return { ok: false, issues: [{ code: 'geojson-not-collection', severity: 'error', file: file.name }] };
  }
  const raw: { geometry: Polygon | MultiPolygon; properties: LandUseProperties; index: number }[] = [];
  (collection.features as unknown[]).forEach((item, index) => {
    const feature = item as { geometry?: { type?: unknown; coordinates?: unknown }; properties?: unknown } | null;
    const geometry = feature?.geometry;
    if (geometry?.type === 'Polygon' && isPositionArray(geometry.coordinates, 2)) {
      raw.push({ geometry: geometry as Polygon, properties: (feature!.properties ?? {}) as LandUseProperties, index });
    } else if (geometry?.type === 'MultiPolygon' && isPositionArray(geometry.coordinates, 3)) {
      raw.push({ geometry: geometry as MultiPolygon, properties: (feature!.properties ?? {}) as LandUseProperties, index });
    }
  });
  if (raw.length === 0) return { ok: false, issues: [{ code: 'no-polygons', severity: 'error', file: file.name }] };
  const bounds = boundsOfPositions(raw.map((item) => item.geometry));
  const geographic = bounds.minX >= -180 && bounds.maxX <= 180 && bounds.minY >= -90 && bounds.maxY <= 90;
  const crs: CrsDetection | null = geographic && !options.crsId
    ? { crs: crsById('EPSG:4326')!, source: 'none' }
    : chooseCrs(undefined, bounds, options.crsId, file.name, issues);
  if (!crs?.crs) return { ok: false, issues };
  const project = fastProjector(crs.crs) ?? makeProjector(crs.crs);
  const crossings: Crossings = [];
  const features: LandUseFeature[] = [];
  for (const item of raw) {
    const polygons = item.geometry.type === 'Polygon' ? [item.geometry.coordinates] : item.geometry.coordinates;
    const rings = polygons.flatMap((polygon) => polygon.map((ring) => Float64Array.from(ring.flatMap((position) => [position[0], position[1]]))));
    if (crossesItself(rings, item.index + 1, project, crossings)) continue;
    const coordinates = polygons.map((polygon) => polygon.map((ring) => ring.map(([x, y]) => project(x, y))));
    const geometry: Polygon | MultiPolygon = item.geometry.type === 'Polygon' ? { type: 'Polygon', coordinates: coordinates[0] } : { type: 'MultiPolygon', coordinates };
    features.push({ type: 'Feature', id: item.index + 1, geometry, properties: item.properties });
  }
  reportSelfIntersecting(crossings, file.name, issues);
  if (features.length === 0) return { ok: false, issues: [...issues, { code: 'no-polygons', severity: 'error', file: file.name }] };
  const fields = [...new Set(features.flatMap((feature) => Object.keys(feature.properties)))];
  return {
    ok: true,
    issues,
    layer: { name: file.name.replace(/\.(geo)?json$/i, ''), features, fields, sampleNames: sampleNames(features, fields), crs, recordCount: (collection.features as unknown[]).length },
  };
}

const layerNames = (layers: readonly DeliveryLayer[]): string => layers.map((layer) => layer.name).join(', ');

/**
 * Reads land-use parcels from what the user picked or dropped: one .zip, a folder's files, loose Shapefile
 * parts, or GeoJSON. Every layer is described first; the one the planner chose, else the only polygon layer
 * with a recognised classification, is read (`chooseDeliveryLayer`). When several qualify, or none does, nothing
 * is read and the result carries the question. Never throws: any failure inside becomes an `internal` issue so
 * the map and the user's work stay as they were.
 * @param files - the files as given
 * @param options - encoding, coordinate system and layer chosen by the user, if any
 * @param onProgress - share of the reading done, now and then
 */
export function readLandUseFiles(files: readonly InputFile[], options: LandUseReadOptions = {}, onProgress: ProgressCallback = () => undefined): LandUseReadResult {
  try {
    const collected = collectFiles(files);
    if (collected.issues.some((issue) => issue.severity === 'error')) return { ok: false, issues: collected.issues };
    const sets = collected.shapefiles.filter((set) => set.shp);
    const layers: DeliveryLayer[] = [
      ...sets.map((set) => describeShapefileSet(set, options.encoding)),
      ...collected.geojson.map(describeGeoJsonFile),
    ];
    // One layer: read it, so that whatever is wrong with it is reported in detail by the reader.
    const choice = layers.length === 1 ? { kind: 'chosen' as const, layer: layers[0], how: 'only' as const } : chooseDeliveryLayer(layers, options.layer);
    if (choice.kind === 'none') {
      return { ok: false, issues: [...collected.issues, { code: 'no-polygon-layer', severity: 'error', params: { names: layerNames(layers) } }] };
    }
    if (choice.kind === 'ask') {
      const issue: LandUseIssue = { code: choice.reason === 'several-classified' ? 'layer-choice-several' : 'layer-choice-unclassified', severity: 'warning', params: { names: layerNames(choice.layers.filter((layer) => layer.geometry === 'polygons')) } };
      return { ok: false, issues: [...collected.issues, issue], question: { reason: choice.reason, layers: choice.layers } };
    }
    const set = sets.find((item) => item.baseName === choice.layer.id);
    const result = set
      ? readShapefileSet(set, options, onProgress)
      : readLandUseGeoJson(collected.geojson.find((file) => file.name === choice.layer.id)!, options);
    const issues = [...collected.issues, ...result.issues];
    if (layers.length > 1) {
      const others = layerNames(layers.filter((layer) => layer !== choice.layer));
      issues.push({ code: choice.how === 'user' ? 'layer-chosen-by-user' : 'layer-chosen', severity: 'notice', params: { name: choice.layer.name, others } });
    }
    if (!result.ok) return { ok: false, issues };
    return { ok: true, layer: { ...result.layer, delivery: layers, layerId: choice.layer.id }, issues };
  } catch (error) {
    return { ok: false, issues: [{ code: 'internal', severity: 'error', params: { detail: String((error as Error)?.message ?? error) } }] };
  }
}
