import type { FeatureCollection, Geometry } from 'geojson';
import type { PreparedAnalysis } from './prepared-analysis.js';
import { buildTiledLayer } from './tiled-layer.js';
import type { PolygonCoordinates, TiledLayer } from './tiled-layer.js';
import type { AnalysisIssue } from './types.js';
import { blueGreenLayer } from './class-set.js';

function isPolygon(value: unknown): value is PolygonCoordinates {
  return Array.isArray(value) && value.length > 0 && value.every((ring) => Array.isArray(ring) && ring.length >= 4
    && ring.every((p) => Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1])));
}

/**
 * The prepared analysis with extra polygons counted as blue-green (an imported layer the user
 * marked "count as blue-green"). The extra polygons are dissolved, clipped to the boundary and tiled like a
 * class; every class set then counts their union with the chosen classes (overlaps with plan blue-green
 * counted once). `classAreasKm2` stays the plan's own classes.
 *
 * Returns a NEW prepared analysis with fresh caches; `prepared` is not changed, so calling this again with
 * other polygons (or none) starts again from the plan's own data. Bad features are skipped with an issue.
 * @param prepared - from `prepareAnalysis` (the plan's data only)
 * @param extra - FeatureCollections whose Polygon / MultiPolygon features count as blue-green; other
 *   geometry types are ignored
 * @returns the prepared analysis to query (its `extraBlueGreen` is the extra layer, inside the boundary)
 * @example wholeAreaFigures(withExtraBlueGreen(prepared, [imported])).blueGreenRatio
 */
export function withExtraBlueGreen(prepared: PreparedAnalysis, extra: readonly FeatureCollection<Geometry | null>[]): PreparedAnalysis {
  const issues: AnalysisIssue[] = [...prepared.issues];
  const polygons: PolygonCoordinates[] = [];
  for (const collection of extra) {
    const features = Array.isArray(collection?.features) ? collection.features : [];
    features.forEach((feature, featureIndex) => {
      const geometry = feature?.geometry;
      if (geometry?.type === 'Polygon') {
        if (isPolygon(geometry.coordinates)) polygons.push(geometry.coordinates);
        else issues.push({ reason: 'invalid-coordinates', severity: 'warning', message: 'Extra blue-green feature skipped: bad polygon.', featureIndex });
      } else if (geometry?.type === 'MultiPolygon') {
        for (const part of geometry.coordinates) {
          if (isPolygon(part)) polygons.push(part);
          else issues.push({ reason: 'invalid-coordinates', severity: 'warning', message: 'Extra blue-green part skipped: bad polygon.', featureIndex });
        }
      }
    });
  }
  let extraLayer: TiledLayer | undefined;
  if (polygons.length > 0) {
    try {
      extraLayer = buildTiledLayer(prepared.grid, polygons, prepared.boundary);
    } catch {
      issues.push({ reason: 'clip-failed', severity: 'error', message: 'The extra blue-green polygons could not be clipped.' });
    }
  }
  const next: PreparedAnalysis = {
    ...prepared,
    extraBlueGreen: extraLayer,
    classSetLayers: new Map(),
    regionResults: new WeakMap(),
    issues,
  };
  blueGreenLayer(next, next.defaultClasses);
  return next;
}
