import type { FeatureCollection, Geometry, Position } from 'geojson';
import { bd09ToWgs84, gcj02ToWgs84 } from './china-offset.ts';
import type { OffsetDatum } from './china-offset.ts';

type PositionFn = (position: readonly number[]) => [number, number];

function mapGeometry(geometry: Geometry, fn: (p: Position) => Position): Geometry {
  switch (geometry.type) {
    case 'Point': return { ...geometry, coordinates: fn(geometry.coordinates) };
    case 'MultiPoint':
    case 'LineString': return { ...geometry, coordinates: geometry.coordinates.map(fn) };
    case 'MultiLineString':
    case 'Polygon': return { ...geometry, coordinates: geometry.coordinates.map((ring) => ring.map(fn)) };
    case 'MultiPolygon': return { ...geometry, coordinates: geometry.coordinates.map((poly) => poly.map((ring) => ring.map(fn))) };
    case 'GeometryCollection': return { ...geometry, geometries: geometry.geometries.map((g) => mapGeometry(g, fn)) };
  }
}

/** A new collection with every position mapped by `fn` (elevation kept). Never mutates the input. */
export function mapPositions(collection: FeatureCollection, fn: PositionFn): FeatureCollection {
  const wrapped = (position: Position): Position => {
    const [lng, lat] = fn(position);
    return position.length > 2 ? [lng, lat, ...position.slice(2)] : [lng, lat];
  };
  return {
    type: 'FeatureCollection',
    features: collection.features.map((feature) => ({
      ...feature,
      geometry: feature.geometry ? mapGeometry(feature.geometry, wrapped) : feature.geometry,
    })),
  };
}

/** Converts a collection assumed to be in GCJ-02 or BD-09 to WGS84. */
export function convertToWgs84(collection: FeatureCollection, from: OffsetDatum): FeatureCollection {
  return mapPositions(collection, from === 'gcj02' ? gcj02ToWgs84 : bd09ToWgs84);
}
