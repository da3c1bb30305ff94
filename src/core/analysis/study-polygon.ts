import type { Feature, Polygon, Position } from 'geojson';
import { areaSquareMeters } from './area-square-meters.js';
import { EARTH_RADIUS_METERS } from './projection.js';
import { seededRandom as random } from '../random/seeded-random.ts';

/** Options of {@link createStudyPolygon}. */
export interface StudyPolygonOptions {
  /** Centre, [lng, lat] degrees. */
  readonly center: readonly [number, number];
  /** Target area, km² (default 100). The result matches it to better than 0.01 %. */
  readonly areaKm2?: number;
  /** Number of distinct vertices (default 50, minimum 3). */
  readonly vertexCount?: number;
  /** Radial irregularity 0..0.9 (default 0.2): 0 gives a regular polygon. */
  readonly irregularity?: number;
  /** Seed of the deterministic irregularity (default 1). */
  readonly seed?: number;
}


/**
 * Builds a simple (never self-intersecting) star-shaped test polygon: ~50 vertices around a centre,
 * scaled to a given area. Used by the benchmark and by browser tests as the "study area" a planner drags.
 * @param options - centre (degrees), area (km²), vertex count, irregularity, seed
 * @returns a closed Polygon Feature, counter-clockwise
 * @example createStudyPolygon({ center: [117.05, 36.78], areaKm2: 100 })
 */
export function createStudyPolygon(options: StudyPolygonOptions): Feature<Polygon> {
  const [lng, lat] = options.center;
  const count = Math.max(3, Math.floor(options.vertexCount ?? 50));
  const irregularity = Math.min(0.9, Math.max(0, options.irregularity ?? 0.2));
  const targetSquareMeters = (options.areaKm2 ?? 100) * 1e6;
  const next = random(options.seed ?? 1);
  const shape = Array.from({ length: count }, () => 1 + irregularity * (2 * next() - 1));
  const metersPerDegreeLat = (EARTH_RADIUS_METERS * Math.PI) / 180;
  const metersPerDegreeLng = metersPerDegreeLat * Math.cos((lat * Math.PI) / 180);
  const build = (radiusMeters: number): Feature<Polygon> => {
    const ring: Position[] = shape.map((factor, i) => {
      const angle = (2 * Math.PI * i) / count;
      const r = radiusMeters * factor;
      return [lng + (r * Math.cos(angle)) / metersPerDegreeLng, lat + (r * Math.sin(angle)) / metersPerDegreeLat];
    });
    ring.push([ring[0][0], ring[0][1]]);
    return { type: 'Feature', properties: { kind: 'study-area' }, geometry: { type: 'Polygon', coordinates: [ring] } };
  };
  let radius = Math.sqrt(targetSquareMeters / Math.PI);
  let polygon = build(radius);
  for (let i = 0; i < 3; i++) {
    radius *= Math.sqrt(targetSquareMeters / areaSquareMeters(polygon));
    polygon = build(radius);
  }
  return polygon;
}

/**
 * A copy of a polygon with one vertex of its outer ring moved (the closing vertex follows vertex 0),
 * like one frame of a vertex drag. The input is not modified.
 * @param polygon - a Polygon Feature
 * @param vertexIndex - index of the distinct vertex to move (wraps around)
 * @param offsetDegrees - [dLng, dLat] in degrees
 * @returns a new Feature
 */
export function movePolygonVertex(
  polygon: Feature<Polygon>,
  vertexIndex: number,
  offsetDegrees: readonly [number, number],
): Feature<Polygon> {
  const [outer, ...holes] = polygon.geometry.coordinates;
  const distinct = outer.length - 1;
  const index = ((vertexIndex % distinct) + distinct) % distinct;
  const ring = outer.map((position) => [position[0], position[1]]);
  ring[index] = [ring[index][0] + offsetDegrees[0], ring[index][1] + offsetDegrees[1]];
  if (index === 0) ring[distinct] = [ring[0][0], ring[0][1]];
  return { ...polygon, geometry: { type: 'Polygon', coordinates: [ring, ...holes] } };
}
