import { recogniseControlLineRole, type ControlLineIssue, type ControlLineLayer, type ControlLineRole } from '../../core/landuse/control-lines.js';
import { collectFiles, type InputFile } from './collect-files.js';
import { describeGeoJsonFile, describeShapefileSet, type DeliveryLayer } from './delivery-layers.js';
import type { LandUseIssue } from './landuse-issues.js';
import { readLandUseFiles, type GeoPackageReader, type LandUseReadOptions } from './read-landuse-files.js';

/**
 * Reads the three control lines (生态保护红线, 永久基本农田, 城镇开发边界) from a zip, a folder or a GeoPackage through
 * the land-use delivery reader: every layer is described, its role told from its name (core/landuse/control-lines
 * `recogniseControlLineRole`) or taken from the planner's choice, and each layer with a role is read (reprojected,
 * checked) as the land-use layer is. A polygon layer whose role cannot be told is a question to the planner; a layer
 * of lines or points named as a control line is reported and not used.
 */
export interface ControlLineReadOptions extends Omit<LandUseReadOptions, 'layer'> {
  /** roles the planner gave layers (`DeliveryLayer.id` → role, or `ignore`) */
  roles?: Readonly<Record<string, ControlLineRole | 'ignore'>>;
}

export interface ControlLineQuestion {
  /** polygon layers whose role cannot be told from their names */
  layers: DeliveryLayer[];
}

export type ControlLineReadResult =
  | { ok: true; layers: ControlLineLayer[]; issues: (ControlLineIssue | LandUseIssue)[]; question?: ControlLineQuestion }
  | { ok: false; issues: (ControlLineIssue | LandUseIssue)[]; question?: ControlLineQuestion };

export function describeAll(files: readonly InputFile[], options: ControlLineReadOptions, geopackage?: GeoPackageReader): { layers: DeliveryLayer[]; issues: LandUseIssue[] } {
  const collected = collectFiles(files);
  if (collected.issues.some((issue) => issue.severity === 'error')) return { layers: [], issues: collected.issues };
  const layers = [
    ...collected.shapefiles.filter((set) => set.shp).map((set) => describeShapefileSet(set, options.encoding)),
    ...collected.geojson.map(describeGeoJsonFile),
    ...(geopackage ? collected.geopackages.flatMap((file) => geopackage.describe(file).layers) : []),
  ];
  return { layers, issues: collected.issues };
}

/**
 * The control-line layers of a delivery, read.
 * @param files - the files as given (a zip, a folder's files, a .gpkg)
 * @param options - the planner's roles for layers, encoding and coordinate system
 * @param geopackage - the GeoPackage reader, when the files hold a .gpkg
 * @returns the layers read with their roles, or the reasons why none could be; a question when a polygon layer's role is unknown
 */
export function readControlLineFiles(files: readonly InputFile[], options: ControlLineReadOptions = {}, geopackage?: GeoPackageReader): ControlLineReadResult {
  const described = describeAll(files, options, geopackage);
  const issues: (ControlLineIssue | LandUseIssue)[] = [...described.issues];
  if (described.layers.length === 0) return { ok: false, issues: issues.length > 0 ? issues : [{ code: 'no-polygon-layer', severity: 'error', params: { names: '' } }] };
  const layers: ControlLineLayer[] = [];
  const unknown: DeliveryLayer[] = [];
  for (const layer of described.layers) {
    const chosen = options.roles?.[layer.id];
    if (chosen === 'ignore') continue;
    const recognised = recogniseControlLineRole(layer.name);
    const role = chosen ?? recognised.role;
    if (!role) {
      if (layer.geometry === 'polygons' || layer.geometry === 'unknown') {
        unknown.push(layer);
        issues.push({ code: recognised.role === null && recognised.reason === 'ambiguous' ? 'control-line-role-ambiguous' : 'control-line-role-unknown', severity: 'warning', layer: layer.name, params: {} });
      }
      continue;
    }
    if (layer.geometry !== 'polygons' && layer.geometry !== 'unknown') {
      issues.push({ code: 'control-line-not-polygons', severity: 'error', layer: layer.name, params: { geometry: layer.geometry, count: layer.recordCount ?? 0, total: layer.recordCount ?? 0 } });
      continue;
    }
    const read = readLandUseFiles(files, { ...options, layer: layer.id }, undefined, geopackage);
    issues.push(...read.issues.filter((issue) => issue.code !== 'layer-chosen' && issue.code !== 'layer-chosen-by-user'));
    if (read.ok) layers.push({ role, name: layer.name, features: read.layer.features });
  }
  const question = unknown.length > 0 ? { layers: unknown } : undefined;
  if (layers.length === 0) return { ok: false, issues, ...(question ? { question } : {}) };
  return { ok: true, layers, issues, ...(question ? { question } : {}) };
}
