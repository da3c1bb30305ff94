import { detectClassification, type ClassificationCandidate } from '../../core/landuse/classify-parcels.js';
import type { InputFile, ShapefileSet } from './collect-files.js';
import { chooseDbfEncoding, type AttributeEncoding } from './dbf-encoding.js';
import { decodeFieldNames, readDbfHeader, readDbfRecords } from './read-dbf.js';

/**
 * What each layer of a delivery is, before any of it is read in full: a county's 三调 result holds DLTB (地类图斑,
 * polygons with class codes), XZQ and CJDCQ (polygons without class codes), CJDCQJX (lines), often LXDW (points
 * with codes). Only the geometry type (from the .shp header), the record count and the attributes of the first
 * records are read, so describing a delivery costs a fraction of reading it.
 */
export type LayerGeometry = 'polygons' | 'lines' | 'points' | 'multipatch' | 'none' | 'unknown';

export interface DeliveryLayer {
  /** unique in the delivery: the Shapefile's path without extension, the GeoJSON file's name, `file.gpkg#table` */
  id: string;
  /** the name shown: the file or table name without folders */
  name: string;
  format: 'shapefile' | 'geojson' | 'geopackage';
  geometry: LayerGeometry;
  /** records the layer says it holds (null when it cannot tell before reading) */
  recordCount: number | null;
  fields: string[];
  /** the land-use classification its attributes carry, best first (null: no recognised codes) */
  classification: ClassificationCandidate | null;
}

/** Shapefile shape types by geometry (ESRI Shapefile Technical Description, 1998, table 1). */
const SHAPE_GEOMETRY: Record<number, LayerGeometry> = {
  0: 'none', 1: 'points', 8: 'points', 11: 'points', 18: 'points', 21: 'points', 28: 'points',
  3: 'lines', 13: 'lines', 23: 'lines', 5: 'polygons', 15: 'polygons', 25: 'polygons', 31: 'multipatch',
};

/** Records looked at to recognise a classification (detectClassification looks at as many). */
const DESCRIBE_RECORDS = 2000;

/** The part of a Shapefile set's path after the last folder, e.g. `DLTB` for `三调成果/DLTB`. */
export const layerName = (baseName: string): string => baseName.split('/').pop() ?? baseName;

/**
 * Describes one Shapefile set: geometry from the .shp header, record count and classification from the .dbf.
 * Never throws; a part that cannot be read leaves its field unknown (the full read reports why).
 * @param set - the parts sharing one base name
 * @param encoding - the user's attribute encoding, if chosen
 */
export function describeShapefileSet(set: ShapefileSet, encoding?: AttributeEncoding): DeliveryLayer {
  const shapeType = set.shp && set.shp.length >= 100 ? new DataView(set.shp.buffer, set.shp.byteOffset, set.shp.byteLength).getInt32(32, true) : undefined;
  const layer: DeliveryLayer = {
    id: set.baseName, name: layerName(set.baseName), format: 'shapefile',
    geometry: shapeType === undefined ? 'unknown' : (SHAPE_GEOMETRY[shapeType] ?? 'unknown'),
    recordCount: null, fields: [], classification: null,
  };
  if (!set.dbf) return layer;
  const header = readDbfHeader(set.dbf, `${set.baseName}.dbf`);
  if (!header.ok) return layer;
  const chosen = chooseDbfEncoding(header.table, set.cpg, encoding);
  const records = readDbfRecords(header.table, chosen.encoding, DESCRIBE_RECORDS);
  layer.recordCount = header.table.recordCount;
  layer.fields = decodeFieldNames(header.table, chosen.encoding);
  layer.classification = detectClassification(layer.fields, records)[0] ?? null;
  return layer;
}

/** A GeoJSON file is one layer of polygons as far as the choice goes (its features are checked when read). */
export function describeGeoJsonFile(file: InputFile): DeliveryLayer {
  return { id: file.name, name: layerName(file.name).replace(/\.(geo)?json$/i, ''), format: 'geojson', geometry: 'polygons', recordCount: null, fields: [], classification: null };
}

export type LayerChoice =
  | { kind: 'chosen'; layer: DeliveryLayer; how: 'only' | 'classified' | 'user' }
  | { kind: 'ask'; reason: 'several-classified' | 'none-classified'; layers: DeliveryLayer[] }
  | { kind: 'none'; layers: DeliveryLayer[] };

/**
 * Which layer of a delivery drives the figures: the one the planner chose; else the only layer; else the only
 * polygon layer with a recognised land-use classification. Several such layers, or polygon layers none of which
 * carries recognised codes: the planner is asked (a layer without codes never drives the figures unasked).
 * @param layers - every layer of the delivery
 * @param requested - the id the planner chose, if any
 */
export function chooseDeliveryLayer(layers: readonly DeliveryLayer[], requested?: string): LayerChoice {
  const polygons = layers.filter((layer) => layer.geometry === 'polygons' || (layer.geometry === 'unknown' && layer.format !== 'shapefile'));
  const chosen = requested === undefined ? undefined : layers.find((layer) => layer.id === requested);
  if (chosen && polygons.includes(chosen)) return { kind: 'chosen', layer: chosen, how: 'user' };
  if (polygons.length === 0) return { kind: 'none', layers: [...layers] };
  if (layers.length === 1) return { kind: 'chosen', layer: polygons[0], how: 'only' };
  const classified = polygons.filter((layer) => layer.classification !== null);
  if (classified.length === 1) return { kind: 'chosen', layer: classified[0], how: 'classified' };
  if (classified.length > 1) return { kind: 'ask', reason: 'several-classified', layers: [...layers] };
  if (polygons.length === 1 && polygons[0].format !== 'shapefile') return { kind: 'chosen', layer: polygons[0], how: 'only' };
  return { kind: 'ask', reason: 'none-classified', layers: [...layers] };
}
