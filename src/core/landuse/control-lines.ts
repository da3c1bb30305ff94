import Flatbush from 'flatbush';
import * as polyclip from 'polyclip-ts';
import type { Feature, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { landUseIndicators, prepareLandUseParcels, type IndicatorParcel, type PreparedLandUseParcels } from './landuse-indicators.js';
import { locatePoint } from '../analysis/intersection-area.js';
import { projectPolygons, type PlanarShape } from '../analysis/planar-shape.js';
import { planeOrigin, projectX, projectY, type PlaneOrigin } from '../analysis/projection.js';

import { CONTROL_LINE_ROLES, type ConflictKind, type ControlLineRole } from './control-line-names.js';

export { CONFLICT_KINDS, CONTROL_LINE_ROLES, recogniseControlLineRole } from './control-line-names.js';
export type { ConflictKind, ControlLineRole, RoleRecognition } from './control-line-names.js';

export type ControlLineIssueCode = 'control-line-not-polygons' | 'control-line-role-unknown' | 'control-line-role-ambiguous' | 'control-line-empty';

/** What went wrong with a control-line layer; translated by the UI as `controlLines.issue.<code>`. */
export interface ControlLineIssue {
  code: ControlLineIssueCode;
  severity: 'error' | 'warning';
  /** the layer's name */
  layer: string;
  params: Record<string, string | number>;
}

export interface ControlLineLayer {
  role: ControlLineRole;
  name: string;
  features: readonly Feature<Geometry | null>[];
}

type PolygonCoordinates = Position[][];

/** Urban construction land cut by the control lines once, per parcel; each region query clips only what it touches. */
export interface PreparedConflicts {
  /** the roles with a usable layer (a conflict figure whose line is missing is unknown, not zero) */
  readonly roles: readonly ControlLineRole[];
  readonly pieces: Readonly<Partial<Record<ConflictKind, PreparedLandUseParcels>>>;
  readonly issues: readonly ControlLineIssue[];
}

const isUrban = (parcel: IndicatorParcel) => parcel.group === 'urban-construction' || parcel.deduction?.group === 'urban-construction';
const polygonsOf = (geometry: Polygon | MultiPolygon): PolygonCoordinates[] => (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates);

function boxOf(polygons: readonly PolygonCoordinates[]): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygons) for (const [x, y] of polygon[0] ?? []) {
    if (x < box[0]) box[0] = x;
    if (y < box[1]) box[1] = y;
    if (x > box[2]) box[2] = x;
    if (y > box[3]) box[3] = y;
  }
  return box;
}

/** The polygons of a role's layers (other geometries are reported, not used), indexed by their boxes. */
interface IndexedLines {
  polygons: PolygonCoordinates[];
  /** each polygon in the plane, for point-in-polygon */
  shapes: PlanarShape[];
  /** boxes of the polygons */
  index: Flatbush | null;
  /** boxes of every polygon edge (in degrees): a parcel no edge comes near lies wholly inside or outside */
  edges: Flatbush | null;
}

function indexLines(layers: readonly ControlLineLayer[], issues: ControlLineIssue[], origin: PlaneOrigin): IndexedLines {
  const polygons: PolygonCoordinates[] = [];
  for (const layer of layers) {
    let other = 0;
    for (const feature of layer.features) {
      const geometry = feature.geometry;
      if (geometry?.type === 'Polygon' || geometry?.type === 'MultiPolygon') polygons.push(...polygonsOf(geometry).filter((polygon) => (polygon[0]?.length ?? 0) >= 4));
      else other++;
    }
    if (other > 0) issues.push({ code: 'control-line-not-polygons', severity: 'error', layer: layer.name, params: { count: other, total: layer.features.length } });
    if (layer.features.length === 0 || other === layer.features.length) issues.push({ code: 'control-line-empty', severity: 'error', layer: layer.name, params: {} });
  }
  if (polygons.length === 0) return { polygons, shapes: [], index: null, edges: null };
  const index = new Flatbush(polygons.length);
  for (const polygon of polygons) index.add(...boxOf([polygon]));
  index.finish();
  const edgeCount = polygons.reduce((sum, polygon) => sum + polygon.reduce((ringSum, ring) => ringSum + Math.max(0, ring.length - 1), 0), 0);
  const edges = new Flatbush(Math.max(1, edgeCount));
  for (const polygon of polygons) for (const ring of polygon) for (let i = 1; i < ring.length; i++) {
    const [a, b] = [ring[i - 1], ring[i]];
    edges.add(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1]));
  }
  if (edgeCount === 0) edges.add(Infinity, Infinity, Infinity, Infinity);
  edges.finish();
  return { polygons, shapes: polygons.map((polygon) => projectPolygons(origin, [polygon])), index, edges };
}

function piece(parcel: IndicatorParcel, coordinates: PolygonCoordinates[]): IndicatorParcel | null {
  return coordinates.length === 0 ? null : { ...parcel, geometry: { type: 'MultiPolygon', coordinates } };
}

/**
 * Cuts every urban-construction parcel by the control lines once: the part inside the red line, the part inside
 * permanent basic farmland, the part outside the development boundary, each kept as a parcel of its own class and
 * group (with the parcel's field-ridge deduction), and indexed, so a region's conflict figures clip only the pieces
 * it touches. Layers of lines or points are reported (`control-line-not-polygons`) and their features not used.
 * @param parcels - the classified parcels (WGS84)
 * @param layers - the control-line layers with their roles
 */
export function prepareControlLineConflicts(parcels: readonly IndicatorParcel[], layers: readonly ControlLineLayer[]): PreparedConflicts {
  const issues: ControlLineIssue[] = [];
  const urban = parcels.filter(isUrban);
  const pieces: Partial<Record<ConflictKind, PreparedLandUseParcels>> = {};
  const roles: ControlLineRole[] = [];
  const origin = planeOrigin(117, 36.8);
  for (const role of CONTROL_LINE_ROLES) {
    const own = layers.filter((layer) => layer.role === role);
    if (own.length === 0) continue;
    const lines = indexLines(own, issues, origin);
    if (!lines.index || !lines.edges) continue;
    roles.push(role);
    const outside = role === 'development-boundary';
    const cut: IndicatorParcel[] = [];
    for (const parcel of urban) {
      const parcelPolygons = polygonsOf(parcel.geometry);
      const box = boxOf(parcelPolygons);
      const near = lines.index.search(...box);
      if (lines.edges.search(...box).length === 0) {
        // No line edge near the parcel: it lies wholly inside one of the line's polygons or wholly outside all.
        const [x, y] = parcelPolygons[0][0][0];
        const inside = near.some((i) => locatePoint(lines.shapes[i], projectX(origin, x), projectY(origin, y)) === 1);
        if (inside !== outside) cut.push(parcel);
        continue;
      }
      const polygons = near.map((i) => lines.polygons[i]);
      let result: IndicatorParcel | null;
      if (outside) {
        result = piece(parcel, polyclip.difference(parcelPolygons as polyclip.Geom, ...(polygons as polyclip.Geom[])) as PolygonCoordinates[]);
      } else {
        const merged = polygons.length === 1 ? polygons[0] : polyclip.union(polygons[0] as polyclip.Geom, ...(polygons.slice(1) as polyclip.Geom[]));
        result = piece(parcel, polyclip.intersection(parcelPolygons as polyclip.Geom, merged as polyclip.Geom) as PolygonCoordinates[]);
      }
      if (result) cut.push(result);
    }
    const kind: ConflictKind = outside ? 'outside-development-boundary' : role;
    pieces[kind] = prepareLandUseParcels(cut);
  }
  return { roles, pieces, issues };
}

/** One conflict figure: urban construction land of the kind in the region, m²; null when its line is not loaded. */
export type ConflictFigures = Record<ConflictKind, number | null>;

/**
 * Urban construction land inside the ecological red line, inside permanent basic farmland and outside the
 * development boundary, in a region (already cut to the Start-up Area where that matters), in m².
 * @param prepared - from prepareControlLineConflicts
 * @param region - the region (WGS84)
 * @example controlLineConflicts(prepared, whatIf)['ecological-red-line'] // m² of urban construction land in the red line
 */
export function controlLineConflicts(prepared: PreparedConflicts, region: Feature<Polygon | MultiPolygon>): ConflictFigures {
  const figure = (kind: ConflictKind): number | null => {
    const pieces = prepared.pieces[kind];
    if (!pieces) return null;
    if (pieces.parcels.length === 0) return 0;
    return landUseIndicators(pieces, region).groupSquareMeters['urban-construction'];
  };
  return {
    'ecological-red-line': figure('ecological-red-line'),
    'permanent-farmland': figure('permanent-farmland'),
    'outside-development-boundary': figure('outside-development-boundary'),
  };
}
