import * as polyclip from 'polyclip-ts';
import { intersectionArea2 } from './intersection-area.js';
import { projectPolygons } from './planar-shape.js';
import { SQUARE_METERS_PER_UNIT } from './projection.js';
import type { RegionQuery } from './region-query.js';
import type { PolygonCoordinates, TiledLayer } from './tiled-layer.js';
import type { AnalysisGrid } from './grid.js';

/**
 * Internal: area of (tiled layer ∩ region) in m². Wholly covered cells add their precomputed piece area;
 * only cells the outline crosses are intersected (Green's theorem; robust clipper for degenerate cells).
 * Throws only if the robust clipper itself fails; callers turn that into an issue.
 */
export function layerAreaInRegion(
  grid: AnalysisGrid,
  layer: TiledLayer,
  query: RegionQuery,
  regionPolygons: readonly PolygonCoordinates[],
): number {
  let total = 0;
  for (const cell of query.insideCells) {
    const piece = layer.pieces[cell];
    if (piece) total += piece.areaSquareMeters;
  }
  for (const [cell, edgeIndices] of query.crossingCells) {
    const piece = layer.pieces[cell];
    if (!piece) continue;
    const area2 = intersectionArea2(piece.shape, query.shape, edgeIndices);
    if (area2 !== null) {
      total += (area2 / 2) * SQUARE_METERS_PER_UNIT;
      continue;
    }
    const clipped = polyclip.intersection(piece.polygons as polyclip.Geom, regionPolygons as polyclip.Geom);
    total += (projectPolygons(grid.origin, clipped as PolygonCoordinates[]).area2 / 2) * SQUARE_METERS_PER_UNIT;
  }
  return total;
}
