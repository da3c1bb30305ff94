import type { Geometry, Polygon, Position } from 'geojson';
import { ringSignedArea2 } from '../geojson/rfc7946.ts';

/** Planar area of a ring in degree² (absolute; for choosing the largest part only). */
function ringArea(ring: readonly Position[]): number {
  return Math.abs(ringSignedArea2(ring)) / 2;
}

function partArea(rings: readonly Position[][]): number {
  return rings.reduce((total, ring, index) => total + (index === 0 ? 1 : -1) * ringArea(ring), 0);
}

/**
 * The Polygon to use as a study area from an imported feature's geometry:
 * a Polygon as it is; for a MultiPolygon its largest part (the study tool edits one polygon), with the
 * number of parts so the user can be told. Null for other geometry types or no usable part.
 * Pure; the result shares no arrays with the input.
 * @param geometry - the feature's geometry (WGS84)
 * @returns the polygon and the part count of the input, or null
 * @example studyPolygonOf({ type: 'MultiPolygon', coordinates: [small, big] })?.polygon.coordinates === big (copied)
 */
export function studyPolygonOf(geometry: Geometry | null | undefined): { polygon: Polygon; parts: number } | null {
  if (!geometry) return null;
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  let best: Position[][] | undefined;
  let bestArea = 0;
  for (const part of parts) {
    if (!Array.isArray(part) || part.length === 0 || !part.every((ring) => Array.isArray(ring) && ring.length >= 4)) continue;
    const area = partArea(part);
    if (area > bestArea) {
      best = part;
      bestArea = area;
    }
  }
  if (!best) return null;
  return { polygon: { type: 'Polygon', coordinates: best.map((ring) => ring.map((position) => [...position])) }, parts: parts.length };
}
