/**
 * Where a feature is: the clusters, cores and subdistricts that contain it and whether it is inside
 * the Start-up Area boundary; and what a region contains (key projects, crossings). Pure: GeoJSON in,
 * plain data out; no DOM, no map. Planar geometry in lng/lat, which is exact enough at the plan's scale
 * for "which region holds this point" (the regions are kilometres wide).
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { ringSignedArea2 } from '../geojson/rfc7946.ts';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';

export type LngLat = [number, number];

/** The geodata layers the "Where" context reads (state.data's collections). */
export interface ContextLayers {
  structure?: FeatureCollection;
  subdistricts?: FeatureCollection;
  boundary?: FeatureCollection;
  projects?: FeatureCollection;
  crossings?: FeatureCollection;
}

/** A region that holds the feature, by its geodata layer and id. */
export interface RegionRef {
  layer: 'structure' | 'subdistricts';
  id: string;
  feature: Feature;
}

export interface ContainingRegions {
  /** the point tested: `at` if given, else the point itself, a line's midpoint, a polygon's representative interior point */
  point: LngLat | undefined;
  clusters: RegionRef[];
  cores: RegionRef[];
  subdistricts: RegionRef[];
  /** inside the Start-up Area boundary; undefined when there is no point or no boundary loaded */
  insideBoundary: boolean | undefined;
}

export interface RegionContents {
  /** key projects whose representative point is inside the region, in data order */
  projects: Feature[];
  /** project count by `properties.category` (categories absent from the region are left out) */
  projectsByCategory: Record<string, number>;
  /** crossings whose line touches the region */
  crossings: Feature[];
}

const idOf = (feature: Feature): string => String(feature.properties?.id ?? feature.id ?? '');

function isPosition(value: unknown): value is Position {
  return Array.isArray(value) && value.length >= 2 && Number.isFinite(value[0]) && Number.isFinite(value[1]);
}

/** Polygons (arrays of rings) of a Polygon / MultiPolygon geometry; [] for anything else. */
function polygonsOf(geometry: Geometry | null | undefined): Position[][][] {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

/** True when the point is inside the (multi)polygon: inside an outer ring and in none of its holes (turf). */
export function pointInPolygonal(point: LngLat, geometry: Geometry | null | undefined): boolean {
  if (geometry?.type !== 'Polygon' && geometry?.type !== 'MultiPolygon') return false;
  if (!geometry.coordinates.length) return false;
  return booleanPointInPolygon([point[0], point[1]], geometry);
}

function ringArea(ring: readonly Position[]): number {
  return Math.abs(ringSignedArea2(ring)) / 2;
}

/**
 * A point inside one polygon (with holes): on the horizontal line through the middle of its latitude
 * range, the middle of the widest stretch that is inside. Never on the edge, unlike a centroid that may
 * fall outside a bent shape.
 */
function interiorPoint(rings: Position[][]): LngLat | undefined {
  const outer = rings[0];
  if (!outer || outer.length < 4) return undefined;
  const lats = outer.map((position) => position[1]);
  const south = Math.min(...lats);
  const north = Math.max(...lats);
  // try the middle first, then lines a little off it (a vertex exactly on the line is avoided by the offsets)
  for (const fraction of [0.5, 0.4731, 0.5269, 0.3, 0.7, 0.15, 0.85]) {
    const y = south + (north - south) * fraction;
    const crossings: number[] = [];
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if ((yi > y) !== (yj > y)) crossings.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
      }
    }
    crossings.sort((a, b) => a - b);
    let best: LngLat | undefined;
    let bestWidth = 0;
    for (let k = 0; k + 1 < crossings.length; k += 2) {
      const width = crossings[k + 1] - crossings[k];
      if (width > bestWidth) {
        bestWidth = width;
        best = [(crossings[k] + crossings[k + 1]) / 2, y];
      }
    }
    if (best) return best;
  }
  return undefined;
}

/** Half-way along a line, measuring east-west distances shrunk by cos(latitude). */
function lineMidpoint(line: readonly Position[]): LngLat | undefined {
  const points = line.filter(isPosition);
  if (points.length === 0) return undefined;
  if (points.length === 1) return [points[0][0], points[0][1]];
  const lengths: number[] = [];
  let total = 0;
  for (let i = 1; i < points.length; i++) {
    const scale = Math.cos((((points[i][1] + points[i - 1][1]) / 2) * Math.PI) / 180);
    const length = Math.hypot((points[i][0] - points[i - 1][0]) * scale, points[i][1] - points[i - 1][1]);
    lengths.push(length);
    total += length;
  }
  let remaining = total / 2;
  for (let i = 1; i < points.length; i++) {
    const length = lengths[i - 1];
    if (remaining <= length && length > 0) {
      const t = remaining / length;
      return [points[i - 1][0] + (points[i][0] - points[i - 1][0]) * t, points[i - 1][1] + (points[i][1] - points[i - 1][1]) * t];
    }
    remaining -= length;
  }
  const last = points[points.length - 1];
  return [last[0], last[1]];
}

/**
 * The point that stands for a feature when asking where it is: a point itself, a line's midpoint (the
 * longest part of a multi-line), a polygon's interior point (the largest part of a multi-polygon).
 * @returns undefined for a feature without usable geometry
 * @example representativePoint({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [117, 36.8] } }) // [117, 36.8]
 */
export function representativePoint(feature: Feature): LngLat | undefined {
  const geometry = feature.geometry;
  if (!geometry) return undefined;
  switch (geometry.type) {
    case 'Point':
      return isPosition(geometry.coordinates) ? [geometry.coordinates[0], geometry.coordinates[1]] : undefined;
    case 'MultiPoint': {
      const first = geometry.coordinates.find(isPosition);
      return first ? [first[0], first[1]] : undefined;
    }
    case 'LineString':
      return lineMidpoint(geometry.coordinates);
    case 'MultiLineString': {
      const longest = [...geometry.coordinates].sort((a, b) => b.length - a.length)[0];
      return longest ? lineMidpoint(longest) : undefined;
    }
    case 'Polygon':
    case 'MultiPolygon': {
      const parts = polygonsOf(geometry).filter((rings) => rings[0]?.length >= 4 && rings[0].every(isPosition));
      parts.sort((a, b) => ringArea(b[0]) - ringArea(a[0]));
      for (const rings of parts) {
        const point = interiorPoint(rings);
        if (point) return point;
      }
      return undefined;
    }
    case 'GeometryCollection': {
      for (const part of geometry.geometries) {
        const point = representativePoint({ type: 'Feature', properties: null, geometry: part });
        if (point) return point;
      }
      return undefined;
    }
  }
}

/**
 * The regions that contain a feature (tested at its {@link representativePoint}). The feature itself is
 * never listed as its own container.
 * @param at - where the user picked the feature on the map, if inside it: a large multi-part feature (a
 *   subdistrict's farmland) is then placed where it was clicked, not at its representative point
 * @example containingRegions(farmland, state.data).clusters.map((region) => region.id) // ['cluster-cuizhai']
 */
export function containingRegions(feature: Feature, layers: ContextLayers, at?: LngLat): ContainingRegions {
  const usable = at !== undefined && Number.isFinite(at[0]) && Number.isFinite(at[1]);
  const point = usable ? [at[0], at[1]] as LngLat : representativePoint(feature);
  const result: ContainingRegions = { point, clusters: [], cores: [], subdistricts: [], insideBoundary: undefined };
  if (!point) return result;
  const selfId = idOf(feature);
  const holds = (region: Feature) => region !== feature && (selfId === '' || idOf(region) !== selfId) && pointInPolygonal(point, region.geometry);
  for (const region of layers.structure?.features ?? []) {
    const kind = region.properties?.kind;
    if ((kind === 'cluster' || kind === 'core') && holds(region)) {
      (kind === 'cluster' ? result.clusters : result.cores).push({ layer: 'structure', id: idOf(region), feature: region });
    }
  }
  for (const region of layers.subdistricts?.features ?? []) {
    if (holds(region)) result.subdistricts.push({ layer: 'subdistricts', id: idOf(region), feature: region });
  }
  const boundaries = layers.boundary?.features ?? [];
  if (boundaries.length > 0) result.insideBoundary = boundaries.some((boundary) => pointInPolygonal(point, boundary.geometry));
  return result;
}

/** Proper or touching intersection of segments ab and cd. */
function segmentsMeet(a: Position, b: Position, c: Position, d: Position): boolean {
  const cross = (o: Position, p: Position, q: Position) => (p[0] - o[0]) * (q[1] - o[1]) - (p[1] - o[1]) * (q[0] - o[0]);
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  const onSegment = (p: Position, q: Position, r: Position) =>
    Math.min(p[0], q[0]) <= r[0] && r[0] <= Math.max(p[0], q[0]) && Math.min(p[1], q[1]) <= r[1] && r[1] <= Math.max(p[1], q[1]);
  return (d1 === 0 && onSegment(c, d, a)) || (d2 === 0 && onSegment(c, d, b)) || (d3 === 0 && onSegment(a, b, c)) || (d4 === 0 && onSegment(a, b, d));
}

/** True when a line (LineString / MultiLineString) has a vertex inside the region or crosses its edge. */
export function lineTouchesRegion(geometry: Geometry | null | undefined, region: Geometry | null | undefined): boolean {
  if (!geometry) return false;
  const lines = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.type === 'MultiLineString' ? geometry.coordinates : [];
  const polygons = polygonsOf(region);
  if (polygons.length === 0) return false;
  for (const line of lines) {
    const points = line.filter(isPosition);
    if (points.some((position) => pointInPolygonal([position[0], position[1]], region))) return true;
    for (let i = 1; i < points.length; i++) {
      for (const rings of polygons) {
        for (const ring of rings) {
          for (let k = 1; k < ring.length; k++) if (segmentsMeet(points[i - 1], points[i], ring[k - 1], ring[k])) return true;
        }
      }
    }
  }
  return false;
}

/**
 * What a region (cluster, core, subdistrict) contains: key projects (by their representative point) and
 * crossings (lines that touch it).
 * @example regionContents(cluster, state.data).projectsByCategory // { industry: 4, 'public-service': 1 }
 */
export function regionContents(region: Feature, layers: ContextLayers): RegionContents {
  const contents: RegionContents = { projects: [], projectsByCategory: {}, crossings: [] };
  if (polygonsOf(region.geometry).length === 0) return contents;
  for (const project of layers.projects?.features ?? []) {
    const point = representativePoint(project);
    if (!point || !pointInPolygonal(point, region.geometry)) continue;
    contents.projects.push(project);
    const category = String(project.properties?.category ?? 'other');
    contents.projectsByCategory[category] = (contents.projectsByCategory[category] ?? 0) + 1;
  }
  for (const crossing of layers.crossings?.features ?? []) {
    if (lineTouchesRegion(crossing.geometry, region.geometry)) contents.crossings.push(crossing);
  }
  return contents;
}
