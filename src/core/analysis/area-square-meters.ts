import { area } from '@turf/area';
import type { Feature, Geometry } from 'geojson';

/**
 * Spherical area (turf, earth radius 6 371 008.8 m) of a Polygon / MultiPolygon, holes subtracted.
 * Other geometry types have no area and give 0.
 * @param geometry - a GeoJSON geometry or a Feature holding one
 * @returns area in m²
 * @example areaSquareMeters(polygon([[[0, 0], [0.01, 0], [0.01, 0.01], [0, 0.01], [0, 0]]]))
 */
export function areaSquareMeters(geometry: Geometry | Feature): number {
  if (geometry.type === 'Feature' && geometry.geometry === null) return 0;
  return area(geometry);
}
