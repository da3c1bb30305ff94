/**
 * The naive reference computation, deliberately independent of src/core/analysis: turf intersect of
 * the region with every feature, then union, then area. Used by tests (as the oracle) and by the benchmark
 * (as the baseline).
 */
import { area } from '@turf/area';
import { featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { union } from '@turf/union';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';

type Polygonal = Feature<Polygon | MultiPolygon>;

function polygonal(collection: FeatureCollection<Geometry | null>): Polygonal[] {
  return collection.features.filter(
    (feature): feature is Polygonal => feature.geometry?.type === 'Polygon' || feature.geometry?.type === 'MultiPolygon',
  );
}

function unionAll(features: Polygonal[]): Polygonal | null {
  if (features.length === 0) return null;
  if (features.length === 1) return features[0];
  return union(featureCollection(features)) as Polygonal | null;
}

function intersectionArea(region: Polygonal, features: Polygonal[]): number {
  const pieces: Polygonal[] = [];
  for (const feature of features) {
    const piece = intersect(featureCollection([region, feature]));
    if (piece) pieces.push(piece as Polygonal);
  }
  const merged = unionAll(pieces);
  return merged ? area(merged) : 0;
}

export interface NaiveAreas {
  readonly areaKm2: number;
  readonly insideAreaKm2: number;
  readonly blueGreenKm2: number;
  readonly constructionKm2: number;
}

/**
 * Naive figures of a region: region ∩ boundary, then ∩ every counted blue-green / construction feature,
 * union, area. Pass the boundary itself as region for the whole-area figures.
 */
export function naiveRegionAreas(
  layers: {
    boundary: FeatureCollection<Geometry | null>;
    blueGreen: FeatureCollection<Geometry | null>;
    construction: FeatureCollection<Geometry | null>;
  },
  region: Polygonal,
  classes: readonly string[],
): NaiveAreas {
  const boundary = unionAll(polygonal(layers.boundary));
  const inside = boundary ? intersect(featureCollection([region, boundary])) : null;
  const blueGreen = polygonal(layers.blueGreen).filter((feature) => classes.includes(String(feature.properties?.class)));
  const construction = polygonal(layers.construction);
  return {
    areaKm2: area(region) / 1e6,
    insideAreaKm2: inside ? area(inside) / 1e6 : 0,
    blueGreenKm2: inside ? intersectionArea(inside as Polygonal, blueGreen) / 1e6 : 0,
    constructionKm2: inside ? intersectionArea(inside as Polygonal, construction) / 1e6 : 0,
  };
}
