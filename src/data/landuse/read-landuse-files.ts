import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { findCrossingInRing, findRingCrossing, type FlatRing } from '../../core/geometry/find-ring-crossing.js';
import { collectFiles, type InputFile, type ShapefileSet } from './collect-files.js';
import { crsById, crsFromPrj, inferCrs, isGeographicRange, makeProjector, unshiftedDatumErrorMetres, type CoordinateBounds, type CrsDetection } from './crs.js';
import { chooseDbfEncoding, type AttributeEncoding, type EncodingChoice, type EncodingDecision } from './dbf-encoding.js';
import { fastProjector, layerProjector } from './fast-projector.js';
import type { LandUseIssue } from './landuse-issues.js';
import { ExtentBuilder, layerPlacement, type LayerPlacement } from './layer-placement.js';
import { readDbfHeader, readDbfRecords, availableRecords, decodeFieldNames, type DbfValue } from './read-dbf.js';
import { withVertexCache } from './vertex-cache.js';
import { checkShx, readShp, type RingSet } from './read-shp.js';
import { chooseDeliveryLayer, describeGeoJsonFile, describeShapefileSet, type DeliveryLayer } from './delivery-layers.js';
import { recogniseUnreadable } from './database-files.js';

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

export interface LandUseLayerRead extends LayerPlacement {
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
  /** the coordinate system used and how it was found (`needsConfirmation`: a guess the planner must confirm) */
  crs: CrsDetection;
  /** records in the file, including skipped ones */
  recordCount: number;
  /** every layer of the delivery (this one included, by `layerId`), so the planner sees what else is there */
  delivery?: DeliveryLayer[];
  layerId?: string;
}

/**
 * Reads GeoPackages; made from sql.js once it is loaded (read-geopackage.ts `geoPackageReader`), so that this
 * module stays synchronous and SQLite is loaded only for a delivery that holds a .gpkg.
 */
export interface GeoPackageReader {
  /** every layer of the file, ids `file.gpkg#table` */
  describe(file: InputFile): { layers: DeliveryLayer[]; issues: LandUseIssue[] };
  /** one features table, as `readShapefileSet` reads a set */
  read(file: InputFile, table: string, options: LandUseReadOptions, onProgress: ProgressCallback): LandUseReadResult;
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

const NON_ASCII = /[^\x20-\x7e]/;

/**
 * Up to five distinct non-empty values of a name-like text field, for the encoding preview: the values with
 * non-ASCII text come first (they are what a wrong encoding garbles), and a field holding such text is
 * preferred to a name field that holds only ASCII.
 */
export function sampleNames(features: readonly { properties: LandUseProperties }[], fields: readonly string[]): string[] {
  const upper = fields.map((field) => field.toUpperCase());
  const hinted = NAME_FIELD_HINTS.map((hint) => fields[upper.indexOf(hint)]).filter((name) => name !== undefined);
  const hasNonAscii = (name: string) => features.some((feature) => NON_ASCII.test(String(feature.properties[name] ?? '')));
  const field = hinted.find(hasNonAscii) ?? fields.find(hasNonAscii) ?? hinted[0];
  if (!field) return [];
  const nonAscii = new Set<string>();
  const ascii = new Set<string>();
  for (const feature of features) {
    const value = feature.properties[field];
    if (typeof value !== 'string' || value.trim() === '') continue;
    (NON_ASCII.test(value) ? nonAscii : ascii).add(value.trim());
    if (nonAscii.size >= SAMPLE_COUNT) break;
  }
  return [...nonAscii, ...ascii].slice(0, SAMPLE_COUNT);
}

export function chooseCrs(prj: string | undefined, bounds: CoordinateBounds, crsId: string | undefined, file: string, issues: LandUseIssue[], acceptInferred = false): CrsDetection | null {
  if (crsId) {
    const chosen = crsById(crsId);
    if (chosen) return { crs: chosen, source: 'override' };
  }
  // A .prj is the file's own statement: read it, or refuse it with the reason; never overrule it by a guess.
  if (prj !== undefined && prj.trim() !== '') {
    const fromPrj = crsFromPrj(prj);
    if (fromPrj.crs) return fromPrj;
    issues.push({ code: 'prj-unknown', severity: 'error', file, params: { reason: fromPrj.reason ?? '' } });
    return null;
  }
  // Without a .prj a guess from the coordinates is a question for the planner (crs.needsConfirmation), until
  // the planner has confirmed it (acceptInferredCrs).
  const inferred = inferCrs(bounds);
  if (inferred.crs) {
    if (acceptInferred) {
      const { needsConfirmation: _asked, ...confirmed } = inferred;
      return confirmed;
    }
    issues.push({ code: 'crs-inferred', severity: 'warning', file, params: { assumed: inferred.crs.label, assumption: inferred.assumption ?? '' } });
    return inferred;
  }
  issues.push({ code: 'crs-unknown', severity: 'error', file, params: { reason: inferred.reason ?? '' } });
  return null;
}

export function projectPolygons(polygons: RingSet[], project: (x: number, y: number) => [number, number], extent: ExtentBuilder): Position[][][] {
  const projected: Position[][][] = new Array(polygons.length);
  for (let p = 0; p < polygons.length; p++) {
    const rings = polygons[p];
    const out: Position[][] = new Array(rings.length);
    for (let r = 0; r < rings.length; r++) {
      const ring = rings[r];
      const positions: Position[] = new Array(ring.length >> 1);
      for (let i = 0; i < positions.length; i++) {
        const position = project(ring[2 * i], ring[2 * i + 1]);
        extent.add(position[0], position[1]);
        positions[i] = position;
      }
      out[r] = positions;
    }
    projected[p] = out;
  }
  return projected;
}

/** The rings of every polygon, one after the other. */
export function allRings(polygons: readonly RingSet[]): Float64Array[] {
  if (polygons.length === 1) return polygons[0];
  const rings: Float64Array[] = [];
  for (const polygon of polygons) for (const ring of polygon) rings.push(ring);
  return rings;
}

/** Twice the signed area of the ring of `points` points (little-endian doubles x, y) at byte `from` of `view` (negative: clockwise). */
function ringArea2(view: DataView, from: number, points: number): number {
  let area2 = 0;
  let x0 = view.getFloat64(from + 16 * (points - 1), true);
  let y0 = view.getFloat64(from + 16 * (points - 1) + 8, true);
  for (let i = 0; i < points; i++) {
    const x = view.getFloat64(from + 16 * i, true);
    const y = view.getFloat64(from + 16 * i + 8, true);
    area2 += x0 * y - x * y0;
    x0 = x;
    y0 = y;
  }
  return area2;
}

/** That ring projected (reversed: last point first), added to the extent. */
function projectRing(view: DataView, from: number, points: number, reversed: boolean, project: (x: number, y: number) => [number, number], extent: ExtentBuilder): Position[] {
  const positions: Position[] = new Array(points);
  for (let k = 0; k < points; k++) {
    const at = from + 16 * (reversed ? points - 1 - k : k);
    const position = project(view.getFloat64(at, true), view.getFloat64(at + 8, true));
    extent.add(position[0], position[1]);
    positions[k] = position;
  }
  return positions;
}

/** Parcels whose rings cross, by record, and the first place of each (longitude, latitude). */
export type Crossings = { record: number; at: Position }[];

/**
 * Is the parcel's area undefined because its rings cross (GEOS's meaning; touching rings and repeated vertices
 * are fine)? Checked in the file's own coordinates, as GDAL does, so a vertex on an edge stays on it; if so, the
 * parcel is listed with the place in longitude/latitude.
 */
export function crossesItself(rings: FlatRing[], record: number, project: (x: number, y: number) => [number, number], crossings: Crossings): boolean {
  const at = findRingCrossing(rings);
  if (at) crossings.push({ record, at: project(at[0], at[1]) });
  return at !== null;
}

const KM_DECIMALS = 1;

/**
 * Where the layer lies against the Start-up Area, with an `outside-area` issue when it does not reach it
 * (error-level for the figures: such a layer must not replace them), and the size of the datum error when
 * the system's datum shift to WGS84 is unknown.
 */
export function placeLayer(extent: ExtentBuilder, crs: CrsDetection, file: string, issues: LandUseIssue[]): LayerPlacement {
  const placement = layerPlacement(extent.extent());
  const box = placement.extent;
  const datum = crs.crs?.unshiftedDatum;
  if (datum && box) {
    const metres = unshiftedDatumErrorMetres(crs.crs!, (box[0] + box[2]) / 2, (box[1] + box[3]) / 2);
    issues.push(metres === undefined
      ? { code: 'datum-shift-unknown', severity: 'warning', file, params: { datum } }
      : { code: 'datum-shift-estimated', severity: 'warning', file, params: { datum, metres: Math.round(metres) } });
  }
  if (!placement.overlapsArea && box) {
    issues.push({
      code: 'outside-area', severity: 'error', file,
      params: {
        distance: (placement.distanceKm ?? 0).toFixed(KM_DECIMALS),
        direction: placement.direction ?? 'N',
        extent: `${box[0].toFixed(3)}…${box[2].toFixed(3)} E, ${box[1].toFixed(3)}…${box[3].toFixed(3)} N`,
      },
    });
  }
  return placement;
}

function encodingIssue(encoding: EncodingDecision, baseName: string): LandUseIssue[] {
  const issues: LandUseIssue[] = [];
  const dbfName = `${baseName}.dbf`;
  if (encoding.unknownCpg !== undefined) issues.push({ code: 'encoding-unknown-cpg', severity: 'warning', file: `${baseName}.cpg`, params: { cpg: encoding.unknownCpg, encoding: encoding.encoding } });
  if (encoding.unsupportedCodePage !== undefined) issues.push({ code: 'encoding-unsupported-code-page', severity: 'warning', file: dbfName, params: { codePage: encoding.unsupportedCodePage, encoding: encoding.encoding } });
  if (encoding.source === 'cpg') issues.push({ code: 'encoding-cpg', severity: 'notice', file: `${baseName}.cpg`, params: { cpg: encoding.cpg ?? '', encoding: encoding.encoding } });
  else if (encoding.source === 'language-driver') {
    const driver = `0x${(encoding.languageDriver ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;
    issues.push({ code: 'encoding-language-driver', severity: 'notice', file: dbfName, params: { driver, codePage: encoding.codePage ?? 'ANSI', encoding: encoding.encoding } });
  } else if (encoding.source === 'detected' && encoding.unknownCpg === undefined && encoding.unsupportedCodePage === undefined) {
    issues.push({ code: 'encoding-detected', severity: 'notice', file: dbfName, params: { encoding: encoding.encoding } });
  }
  return issues;
}

/** Parcels that cross themselves are skipped (their area is not defined); the issue lists where. */
export function reportSelfIntersecting(crossing: Crossings, file: string, issues: LandUseIssue[]): void {
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
    const shxIssue = checkShx(set.shx, shp.records.count, `${set.baseName}.shx`);
    if (shxIssue) issues.push(shxIssue);
  }
  const dbfName = `${set.baseName}.dbf`;
  const dbf = readDbfHeader(set.dbf, dbfName);
  if (!dbf.ok) return { ok: false, issues: [...issues, dbf.issue] };
  const encoding = chooseDbfEncoding(dbf.table, set.cpg, options.encoding);
  issues.push(...encodingIssue(encoding, set.baseName));
  const records = readDbfRecords(dbf.table, encoding.encoding);
  onProgress(0.3);
  if (availableRecords(dbf.table) !== shp.records.count) {
    issues.push({ code: 'dbf-count-mismatch', severity: 'warning', file: dbfName, params: { dbf: availableRecords(dbf.table), shp: shp.records.count } });
  }
  const crs = chooseCrs(set.prj, shp.header.bounds, options.crsId, `${set.baseName}.prj`, issues, options.acceptInferredCrs);
  if (!crs?.crs) return { ok: false, issues };
  const project = layerProjector(crs.crs, shp.records.pointTotal, shp.header.bounds);
  const extent = new ExtentBuilder();
  const features: LandUseFeature[] = [];
  const empty: number[] = [];
  const crossings: Crossings = [];
  const shpRecords = shp.records;
  const view = shpRecords.view;
  for (let index = 0; index < shpRecords.count; index++) {
    const record = index + 1;
    if (record % PROGRESS_EVERY === 0) onProgress(0.3 + (0.6 * record) / shpRecords.count, { read: record, total: shpRecords.count });
    const properties = records[index] ?? {};
    // Most parcels are one ring: read straight from the file's points, turned round while projected.
    const from = shpRecords.singleRing(index);
    if (from >= 0) {
      const points = shpRecords.pointCount(index);
      const area2 = ringArea2(view, from, points);
      if (!Number.isFinite(area2)) {
        empty.push(record);
        continue;
      }
      // ESRI outer rings run clockwise; RFC 7946 wants them counter-clockwise.
      const reversed = area2 <= 0;
      const at = findCrossingInRing(view, from, points, reversed);
      if (at) {
        crossings.push({ record, at: project(at[0], at[1]) });
        continue;
      }
      const ring = projectRing(view, from, points, reversed, project, extent);
      features.push({ type: 'Feature', id: record, geometry: { type: 'Polygon', coordinates: [ring] }, properties });
      continue;
    }
    const polygons = shpRecords.polygons(index);
    if (polygons.length === 0) {
      empty.push(record);
      continue;
    }
    if (crossesItself(allRings(polygons), record, project, crossings)) continue;
    const coordinates = projectPolygons(polygons, project, extent);
    const geometry: Polygon | MultiPolygon = coordinates.length === 1
      ? { type: 'Polygon', coordinates: coordinates[0] }
      : { type: 'MultiPolygon', coordinates };
    features.push({ type: 'Feature', id: record, geometry, properties });
  }
  if (empty.length > 0) {
    issues.push({ code: 'empty-geometry', severity: 'notice', file: shpName, record: empty[0], params: { count: empty.length, records: empty.slice(0, LISTED_RECORDS).join(', ') } });
  }
  reportSelfIntersecting(crossings, shpName, issues);
  const placement = placeLayer(extent, crs, shpName, issues);
  onProgress(0.9);
  if (features.length === 0) {
    issues.push({ code: 'no-polygons', severity: 'error', file: shpName });
    return { ok: false, issues };
  }
  const fields = decodeFieldNames(dbf.table, encoding.encoding);
  const { unknownCpg: _unknownCpg, unsupportedCodePage: _unsupported, ...encodingChoice } = encoding;
  return {
    ok: true,
    issues,
    layer: { name: set.baseName.split('/').pop() ?? set.baseName, features, fields, encoding: encodingChoice, sampleNames: sampleNames(features, fields), crs, recordCount: shp.records.count, ...placement },
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
  const geographic = isGeographicRange(bounds);
  const crs: CrsDetection | null = geographic && !options.crsId
    ? { crs: crsById('EPSG:4326')!, source: 'none' }
    : chooseCrs(undefined, bounds, options.crsId, file.name, issues, options.acceptInferredCrs);
  if (!crs?.crs) return { ok: false, issues };
  const project = withVertexCache(fastProjector(crs.crs) ?? makeProjector(crs.crs));
  const extent = new ExtentBuilder();
  const crossings: Crossings = [];
  const features: LandUseFeature[] = [];
  for (const item of raw) {
    const polygons = item.geometry.type === 'Polygon' ? [item.geometry.coordinates] : item.geometry.coordinates;
    const rings = polygons.flatMap((polygon) => polygon.map((ring) => Float64Array.from(ring.flatMap((position) => [position[0], position[1]]))));
    if (crossesItself(rings, item.index + 1, project, crossings)) continue;
    const coordinates = polygons.map((polygon) => polygon.map((ring) => ring.map(([x, y]) => {
      const position = project(x, y);
      extent.add(position[0], position[1]);
      return position;
    })));
    const geometry: Polygon | MultiPolygon = item.geometry.type === 'Polygon' ? { type: 'Polygon', coordinates: coordinates[0] } : { type: 'MultiPolygon', coordinates };
    features.push({ type: 'Feature', id: item.index + 1, geometry, properties: item.properties });
  }
  reportSelfIntersecting(crossings, file.name, issues);
  const placement = placeLayer(extent, crs, file.name, issues);
  if (features.length === 0) return { ok: false, issues: [...issues, { code: 'no-polygons', severity: 'error', file: file.name }] };
  const fields = [...new Set(features.flatMap((feature) => Object.keys(feature.properties)))];
  return {
    ok: true,
    issues,
    layer: { name: file.name.replace(/\.(geo)?json$/i, ''), features, fields, sampleNames: sampleNames(features, fields), crs, recordCount: (collection.features as unknown[]).length, ...placement },
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
 * @param geopackage - the GeoPackage reader, when the files hold a .gpkg (the worker loads sql.js for it)
 */
export function readLandUseFiles(files: readonly InputFile[], options: LandUseReadOptions = {}, onProgress: ProgressCallback = () => undefined, geopackage?: GeoPackageReader): LandUseReadResult {
  try {
    const collected = collectFiles(files);
    if (collected.issues.some((issue) => issue.severity === 'error')) {
      // Nothing readable, but a geodatabase: say what it is and how to export it.
      const unreadable = collected.issues.some((issue) => issue.code === 'no-shapefile') ? recogniseUnreadable(files) : null;
      return { ok: false, issues: unreadable ? [unreadable] : collected.issues };
    }
    const sets = collected.shapefiles.filter((set) => set.shp);
    if (collected.geopackages.length > 0 && !geopackage) {
      collected.issues.push({ code: 'sqlite-unavailable', severity: 'error', file: collected.geopackages[0].name, params: { detail: 'not loaded' } });
    }
    const geopackageLayers = geopackage ? collected.geopackages.flatMap((file) => {
      const described = geopackage.describe(file);
      collected.issues.push(...described.issues.filter((issue) => issue.severity !== 'error' || described.layers.length === 0));
      return described.layers;
    }) : [];
    const layers: DeliveryLayer[] = [
      ...sets.map((set) => describeShapefileSet(set, options.encoding)),
      ...collected.geojson.map(describeGeoJsonFile),
      ...geopackageLayers,
    ];
    if (layers.length === 0) return { ok: false, issues: collected.issues };
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
    const gpkg = choice.layer.format === 'geopackage' ? collected.geopackages.find((file) => choice.layer.id.startsWith(`${file.name}#`)) : undefined;
    const result = set
      ? readShapefileSet(set, options, onProgress)
      : gpkg && geopackage
        ? geopackage.read(gpkg, choice.layer.id.slice(gpkg.name.length + 1), options, onProgress)
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
