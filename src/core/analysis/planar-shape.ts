import type { Position } from 'geojson';
import type { PlaneOrigin } from './projection.js';
import { projectRing, reverseRing, ringSignedArea2 } from './projection.js';

/**
 * Internal: a polygon set in the projected plane, flattened to an edge list for fast scans.
 * Shells are counter-clockwise and holes clockwise, so the boundary integral of any sub-region is positive.
 */
export interface PlanarShape {
  /** Edge k is (edges[4k], edges[4k+1]) → (edges[4k+2], edges[4k+3]). */
  readonly edges: Float64Array;
  /** Edges of ring r are ringStarts[r] .. ringStarts[r+1]-1, in ring order. */
  readonly ringStarts: Int32Array;
  /** [minX, minY, maxX, maxY]. */
  readonly bbox: readonly [number, number, number, number];
  /** Twice the area in plane units (shoelace). */
  readonly area2: number;
}

/**
 * Projects MultiPolygon coordinates (an array of polygons) into a {@link PlanarShape}.
 * Rings with fewer than three distinct vertices are dropped (they have no area).
 */
export function projectPolygons(origin: PlaneOrigin, polygons: readonly (readonly (readonly Position[])[])[]): PlanarShape {
  const rings: Float64Array[] = [];
  for (const polygon of polygons) {
    polygon.forEach((ring, ringIndex) => {
      const flat = projectRing(origin, ring);
      if (flat.length < 6) return;
      const signed = ringSignedArea2(flat);
      const wantPositive = ringIndex === 0;
      rings.push(signed > 0 === wantPositive ? flat : reverseRing(flat));
    });
  }
  return shapeFromRings(rings);
}

/** Builds a {@link PlanarShape} from oriented flat rings. */
export function shapeFromRings(rings: readonly Float64Array[]): PlanarShape {
  let edgeCount = 0;
  for (const ring of rings) edgeCount += ring.length / 2;
  const edges = new Float64Array(edgeCount * 4);
  const ringStarts = new Int32Array(rings.length + 1);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let area2 = 0;
  let k = 0;
  rings.forEach((ring, r) => {
    ringStarts[r] = k;
    const n = ring.length;
    for (let i = 0; i < n; i += 2) {
      const j = i + 2 === n ? 0 : i + 2;
      const x1 = ring[i];
      const y1 = ring[i + 1];
      const x2 = ring[j];
      const y2 = ring[j + 1];
      edges[4 * k] = x1;
      edges[4 * k + 1] = y1;
      edges[4 * k + 2] = x2;
      edges[4 * k + 3] = y2;
      area2 += x1 * y2 - x2 * y1;
      if (x1 < minX) minX = x1;
      if (x1 > maxX) maxX = x1;
      if (y1 < minY) minY = y1;
      if (y1 > maxY) maxY = y1;
      k++;
    }
  });
  ringStarts[rings.length] = k;
  return { edges, ringStarts, bbox: [minX, minY, maxX, maxY], area2 };
}
