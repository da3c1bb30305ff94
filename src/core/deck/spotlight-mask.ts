import { union } from '@turf/union';
import { featureCollection, polygon } from '@turf/helpers';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

/** A ring around the whole Web-Mercator world, counter-clockwise (RFC 7946 exterior). */
const WORLD_RING: Position[] = [[-180, -85], [180, -85], [180, 85], [-180, 85], [-180, -85]];

function isAreal(feature: Feature): feature is Feature<Polygon | MultiPolygon> {
  return feature.geometry?.type === 'Polygon' || feature.geometry?.type === 'MultiPolygon';
}

/**
 * The dimming mask for a presenter spotlight: the world with holes where the highlighted areas are.
 * Overlapping areas are merged first so their holes never overlap; lines and points get no hole (the
 * presenter draws them above the mask). Inner holes of the areas are ignored.
 *
 * @param features highlighted features (any geometry; not mutated)
 * @returns one Polygon feature: the world minus the highlighted areas
 * @example spotlightMask([clusterFeature]).geometry.coordinates.length // 2: world + one hole
 */
export function spotlightMask(features: readonly Feature[]): Feature<Polygon> {
  const areas = features.filter(isAreal).map((feature) => ({ type: 'Feature', properties: {}, geometry: feature.geometry }) as Feature<Polygon | MultiPolygon>);
  const holes: Position[][] = [];
  let merged: Feature<Polygon | MultiPolygon> | null = null;
  if (areas.length === 1) merged = areas[0];
  else if (areas.length > 1) {
    try {
      merged = union(featureCollection(areas) as FeatureCollection<Polygon | MultiPolygon>);
    } catch {
      merged = areas[0];
    }
  }
  if (merged) {
    const geometry = merged.geometry;
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const rings of polygons) if (rings[0]) holes.push([...rings[0]].reverse());
  }
  return polygon([WORLD_RING, ...holes], {});
}
