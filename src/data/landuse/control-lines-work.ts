/**
 * The land-use worker's control-line work (src/data/landuse/landuse.worker.ts), kept apart from the worker's message
 * handling so it runs in node too: reading a delivery's control lines (./control-lines-reader.ts), summarising each
 * layer, the GeoJSON the map draws, and the conflict figures' preparation over a land-use layer's parcels.
 */
import { area } from '@turf/area';
import type { Feature, FeatureCollection } from 'geojson';
import { prepareControlLineConflicts, recogniseControlLineRole, type ControlLineLayer, type ControlLineRole, type PreparedConflicts } from '../../core/landuse/control-lines.js';
import type { PreparedLandUseParcels } from '../../core/landuse/landuse-indicators.js';
import type { InputFile } from './collect-files.js';
import { describeAll, readControlLineFiles } from './control-lines-reader.js';
import type { ControlLineLayerSummary, ControlLinesResult, DeliveryKinds } from './landuse-protocol.js';
import type { GeoPackageReader } from './read-landuse-files.js';

/** The lines read and kept in the worker, and their cut into one land-use layer when there is one. */
export interface KeptControlLines {
  layers: ControlLineLayer[];
  conflicts: { layer: number; prepared: PreparedConflicts } | null;
}

const isArea = (feature: Feature) => feature.geometry?.type === 'Polygon' || feature.geometry?.type === 'MultiPolygon';

function summaryOf(layer: ControlLineLayer, asked: boolean): ControlLineLayerSummary {
  const polygons = layer.features.filter((feature) => isArea(feature as Feature));
  const recognised = recogniseControlLineRole(layer.name);
  return {
    name: layer.name, role: layer.role,
    by: !asked && recognised.role === layer.role ? recognised.by : 'planner',
    parcelCount: polygons.length,
    areaSquareMeters: polygons.reduce((sum, feature) => sum + area(feature as Feature), 0),
  };
}

/**
 * Reads the control lines of `files` and, with a land-use layer's parcels, cuts them into its urban construction land.
 * @param roles - the planner's roles for layers (by delivery layer id)
 * @param parcels - the land-use layer's prepared parcels and its id, when one is in force
 */
export function readControlLines(
  files: readonly InputFile[], roles: Readonly<Record<string, ControlLineRole | 'ignore'>>, geopackage: GeoPackageReader | undefined,
  parcels: { layer: number; prepared: PreparedLandUseParcels } | undefined,
): { result: ControlLinesResult; kept: KeptControlLines | null } {
  const read = readControlLineFiles(files, { roles }, geopackage);
  const question = read.question?.layers ?? null;
  if (!read.ok) return { result: { ok: false, issues: read.issues, question }, kept: null };
  const askedNames = new Set(Object.keys(roles).map((id) => id.split(/[\\/#]/).pop()));
  const lines = read.layers.map((layer) => summaryOf(layer, askedNames.has(layer.name) && recogniseControlLineRole(layer.name).role !== layer.role));
  const prepared = parcels ? prepareControlLineConflicts(parcels.prepared.parcels, read.layers) : null;
  // the reader reports layers of lines or points; the preparation reports such features inside polygon layers
  const issues = [...read.issues, ...(prepared?.issues ?? []).filter((issue) => !read.issues.some((known) => 'layer' in known && known.layer === issue.layer && known.code === issue.code))];
  const drawn: FeatureCollection = {
    type: 'FeatureCollection',
    features: read.layers.flatMap((layer) => layer.features.filter((feature) => isArea(feature as Feature)).map((feature) => ({
      type: 'Feature' as const, properties: { role: layer.role, layer: layer.name }, geometry: feature.geometry!,
    }))),
  };
  const data = new Blob([JSON.stringify(drawn)], { type: 'application/geo+json' });
  const kept = { layers: read.layers, conflicts: parcels && prepared ? { layer: parcels.layer, prepared } : null };
  return { result: { ok: true, lines, data, issues, question, conflicts: kept.conflicts !== null }, kept };
}

/** The names of a delivery's layers named as control lines (any role) and of those carrying land-use codes. */
export function describeDeliveryKinds(files: readonly InputFile[], geopackage: GeoPackageReader | undefined): DeliveryKinds {
  const described = describeAll(files, {}, geopackage);
  return {
    controlLines: described.layers.filter((layer) => recogniseControlLineRole(layer.name).role !== null).map((layer) => layer.name),
    landUse: described.layers.filter((layer) => layer.classification !== null && layer.geometry === 'polygons').map((layer) => layer.name),
  };
}
