/**
 * Geodesic measurement of points picked on the map: the length of the polyline through them and, with three or
 * more, the area of the polygon they close. turf measures on the sphere (`@turf/length`, `@turf/area`). Pure.
 */
import { length } from '@turf/length';
import { area } from '@turf/area';
import type { Position } from 'geojson';

export type MeasureMode = 'distance' | 'area';

export interface Measurement {
  mode: MeasureMode;
  points: number;
  /** length of the polyline (distance mode) or the perimeter of the closed polygon (area mode), in metres */
  meters: number;
  /** area of the closed polygon in m² (area mode with ≥ 3 points), else null */
  squareMeters: number | null;
}

/**
 * @param points - [lng, lat] in the order picked; the input is not changed
 * @example measurePoints([[117, 36.8], [117, 36.9]], 'distance').meters // ≈ 11 120
 */
export function measurePoints(points: readonly Position[], mode: MeasureMode): Measurement {
  const path = points.map((point) => [point[0]!, point[1]!]);
  if (mode === 'area' && path.length >= 3) {
    const ring = [...path, path[0]!];
    return {
      mode, points: path.length,
      meters: length({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: ring } }, { units: 'meters' }),
      squareMeters: area({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }),
    };
  }
  const meters = path.length >= 2 ? length({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: path } }, { units: 'meters' }) : 0;
  return { mode, points: path.length, meters, squareMeters: null };
}
