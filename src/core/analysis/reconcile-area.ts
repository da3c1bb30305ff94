import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { areaSquareMeters } from './area-square-meters.js';
import type { AreaReconciliation } from './types.js';
import { areaReconciliation } from './area-reconciliation.js';
import { toKm2 } from './units.js';

const DEFAULT_OFFICIAL_AREA_KM2 = 798;

/**
 * Computed boundary area (turf, directly on the input) beside the official area.
 * @param boundary - the boundary FeatureCollection, Feature or geometry
 * @param officialKm2 - official area, km² (default: `official_area_km2` of the first feature, else 798)
 * @returns computed and official km², the difference in km² and in % of the official figure
 * @example reconcileArea(boundary).differencePercent
 */
export function reconcileArea(boundary: FeatureCollection | Feature | Geometry, officialKm2?: number): AreaReconciliation {
  let computedSquareMeters = 0;
  let propertyOfficial: unknown;
  if (boundary.type === 'FeatureCollection') {
    for (const feature of boundary.features) computedSquareMeters += areaSquareMeters(feature);
    propertyOfficial = boundary.features[0]?.properties?.official_area_km2;
  } else {
    computedSquareMeters = areaSquareMeters(boundary);
    if (boundary.type === 'Feature') propertyOfficial = boundary.properties?.official_area_km2;
  }
  const official = officialKm2 ?? (typeof propertyOfficial === 'number' ? propertyOfficial : DEFAULT_OFFICIAL_AREA_KM2);
  return areaReconciliation(toKm2(computedSquareMeters), official);
}
