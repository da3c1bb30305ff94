import type { Position } from 'geojson';
import type { PlanarShape } from './planar-shape.js';
import { locatePoint } from './intersection-area.js';
import { projectPolygons } from './planar-shape.js';
import { planeOrigin, unprojectX, unprojectY } from './projection.js';
import type { PolygonCoordinates } from './tiled-layer.js';
import type { AnalysisIssue } from './types.js';

/** Result of {@link validateUserPolygon}. */
export interface UserPolygonValidation {
  /** False when any issue is an error; the polygon must then not be analysed. */
  readonly ok: boolean;
  readonly issues: readonly AnalysisIssue[];
  /**
   * The polygon's parts as clean coordinates: closed rings, consecutive duplicates removed.
   * Empty when the input is not polygonal at all.
   */
  readonly polygons: readonly PolygonCoordinates[];
}

function error(reason: AnalysisIssue['reason'], message: string, at?: readonly [number, number]): AnalysisIssue {
  return at ? { reason, severity: 'error', message, at } : { reason, severity: 'error', message };
}

function isPosition(value: unknown): value is Position {
  return (
    Array.isArray(value) && value.length >= 2 && typeof value[0] === 'number' && typeof value[1] === 'number' &&
    Number.isFinite(value[0]) && Number.isFinite(value[1]) && Math.abs(value[0]) <= 180 && Math.abs(value[1]) <= 90
  );
}

/** Extracts the list of polygon coordinate arrays from a Feature / geometry, or null. */
function polygonsOf(input: unknown): unknown[] | null {
  if (typeof input !== 'object' || input === null) return null;
  const object = input as { type?: unknown; geometry?: unknown; coordinates?: unknown };
  if (object.type === 'Feature') return polygonsOf(object.geometry);
  if (!Array.isArray(object.coordinates)) return null;
  if (object.type === 'Polygon') return [object.coordinates];
  if (object.type === 'MultiPolygon') return object.coordinates as unknown[];
  return null;
}

/** Cleans one ring: checks positions, drops consecutive duplicates, closes it. */
function cleanRing(ring: unknown, issues: AnalysisIssue[]): Position[] | null {
  if (!Array.isArray(ring) || !ring.every(isPosition)) {
    issues.push(error('invalid-coordinates', 'A ring holds a position that is not a finite [lng, lat] in range.'));
    return null;
  }
  const positions = ring as Position[];
  const first = positions[0];
  const last = positions[positions.length - 1];
  if (positions.length > 0 && (first[0] !== last[0] || first[1] !== last[1])) {
    issues.push({ reason: 'unclosed-ring', severity: 'warning', message: 'A ring was not closed; it was closed for analysis.' });
  }
  const cleaned: Position[] = [];
  for (const position of positions) {
    const previous = cleaned[cleaned.length - 1];
    if (previous && previous[0] === position[0] && previous[1] === position[1]) continue;
    cleaned.push([position[0], position[1]]);
  }
  if (cleaned.length > 1) {
    const a = cleaned[0];
    const b = cleaned[cleaned.length - 1];
    if (a[0] === b[0] && a[1] === b[1]) cleaned.pop();
  }
  if (cleaned.length < 3) {
    issues.push(error('too-few-points', `A ring has ${cleaned.length} distinct point(s); a polygon needs at least 3.`));
    return null;
  }
  cleaned.push([cleaned[0][0], cleaned[0][1]]);
  return cleaned;
}

/**
 * Finds one intersection between non-adjacent edges (a sweep over edges sorted by min x), or null.
 * Touching counts: a polygon whose boundary touches itself is rejected, the same as one that crosses.
 */
function findSelfIntersection(shape: PlanarShape): [number, number] | null {
  const edges = shape.edges;
  const count = edges.length / 4;
  const order = Array.from({ length: count }, (_, k) => k).sort(
    (a, b) => Math.min(edges[4 * a], edges[4 * a + 2]) - Math.min(edges[4 * b], edges[4 * b + 2]),
  );
  const ringOf = new Int32Array(count);
  for (let r = 0; r + 1 < shape.ringStarts.length; r++) {
    for (let k = shape.ringStarts[r]; k < shape.ringStarts[r + 1]; k++) ringOf[k] = r;
  }
  const adjacent = (a: number, b: number): boolean => {
    if (ringOf[a] !== ringOf[b]) return false;
    const start = shape.ringStarts[ringOf[a]];
    const length = shape.ringStarts[ringOf[a] + 1] - start;
    const d = Math.abs(a - b);
    return d === 1 || d === length - 1;
  };
  for (let i = 0; i < count; i++) {
    const a = order[i];
    const ax1 = edges[4 * a], ay1 = edges[4 * a + 1], ax2 = edges[4 * a + 2], ay2 = edges[4 * a + 3];
    const maxX = Math.max(ax1, ax2);
    for (let j = i + 1; j < count; j++) {
      const b = order[j];
      const bx1 = edges[4 * b], by1 = edges[4 * b + 1], bx2 = edges[4 * b + 2], by2 = edges[4 * b + 3];
      if (Math.min(bx1, bx2) > maxX) break;
      if (Math.max(by1, by2) < Math.min(ay1, ay2) || Math.min(by1, by2) > Math.max(ay1, ay2)) continue;
      const hit = segmentsMeet(ax1, ay1, ax2, ay2, bx1, by1, bx2, by2, adjacent(a, b));
      if (hit) return hit;
    }
  }
  return null;
}

function orientation(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const value = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  const scale = Math.abs(bx - ax) + Math.abs(by - ay) + Math.abs(cx - ax) + Math.abs(cy - ay);
  return Math.abs(value) <= 1e-14 * scale * scale ? 0 : Math.sign(value);
}

/** Where two segments meet (for adjacent edges: only a collinear fold-back counts), or null. */
function segmentsMeet(
  ax1: number, ay1: number, ax2: number, ay2: number,
  bx1: number, by1: number, bx2: number, by2: number,
  adjacentEdges: boolean,
): [number, number] | null {
  const o1 = orientation(ax1, ay1, ax2, ay2, bx1, by1);
  const o2 = orientation(ax1, ay1, ax2, ay2, bx2, by2);
  const o3 = orientation(bx1, by1, bx2, by2, ax1, ay1);
  const o4 = orientation(bx1, by1, bx2, by2, ax2, ay2);
  if (adjacentEdges) {
    // Adjacent edges share a vertex; they are only a problem when they fold back on each other.
    if (o1 !== 0 || o2 !== 0) return null;
    const dot = (ax2 - ax1) * (bx2 - bx1) + (ay2 - ay1) * (by2 - by1);
    const sameStart = (ax2 === bx1 && ay2 === by1) || (ax1 === bx2 && ay1 === by2);
    return sameStart && dot < 0 ? [ax2 === bx1 ? ax2 : ax1, ay2 === by1 ? ay2 : ay1] : null;
  }
  if (o1 !== o2 && o3 !== o4) {
    const denom = (ax2 - ax1) * (by2 - by1) - (ay2 - ay1) * (bx2 - bx1);
    if (denom === 0) return [bx1, by1];
    const t = ((bx1 - ax1) * (by2 - by1) - (by1 - ay1) * (bx2 - bx1)) / denom;
    return [ax1 + t * (ax2 - ax1), ay1 + t * (ay2 - ay1)];
  }
  const onSegment = (px: number, py: number, qx: number, qy: number, rx: number, ry: number): boolean =>
    Math.min(px, qx) <= rx && rx <= Math.max(px, qx) && Math.min(py, qy) <= ry && ry <= Math.max(py, qy);
  if (o1 === 0 && onSegment(ax1, ay1, ax2, ay2, bx1, by1)) return [bx1, by1];
  if (o2 === 0 && onSegment(ax1, ay1, ax2, ay2, bx2, by2)) return [bx2, by2];
  if (o3 === 0 && onSegment(bx1, by1, bx2, by2, ax1, ay1)) return [ax1, ay1];
  if (o4 === 0 && onSegment(bx1, by1, bx2, by2, ax2, ay2)) return [ax2, ay2];
  return null;
}

/** Whether a ring's points are (numerically) collinear in degrees — the coordinates the user drew. */
function isCollinearInDegrees(ring: readonly Position[]): boolean {
  const [x0, y0] = ring[0];
  let area2 = 0;
  let extent2 = 0;
  for (let i = 1; i + 1 < ring.length; i++) {
    const ax = ring[i][0] - x0, ay = ring[i][1] - y0, bx = ring[i + 1][0] - x0, by = ring[i + 1][1] - y0;
    area2 += ax * by - bx * ay;
    extent2 = Math.max(extent2, ax * ax + ay * ay);
  }
  return Math.abs(area2) <= 1e-12 * extent2;
}

/**
 * Checks a user-drawn (or data) polygon before analysis. Never throws: every problem becomes an issue.
 *
 * Errors: not a Polygon/MultiPolygon, bad coordinates, a ring with fewer than 3 distinct points, zero area,
 * self-intersection (edges crossing or touching, within or between rings), a hole outside its shell,
 * MultiPolygon parts overlapping. Warning: an unclosed ring (closed for analysis).
 * @param input - a Feature, Polygon or MultiPolygon (anything else is reported, not thrown)
 * @returns `ok`, the issues, and the cleaned polygon parts
 * @example validateUserPolygon(drawnFeature).ok
 */
export function validateUserPolygon(input: unknown): UserPolygonValidation {
  const issues: AnalysisIssue[] = [];
  const rawPolygons = polygonsOf(input);
  if (!rawPolygons || rawPolygons.length === 0) {
    return { ok: false, issues: [error('not-polygonal', 'Expected a Polygon or MultiPolygon (or a Feature holding one).')], polygons: [] };
  }
  const polygons: PolygonCoordinates[] = [];
  for (const rawPolygon of rawPolygons) {
    if (!Array.isArray(rawPolygon) || rawPolygon.length === 0) {
      issues.push(error('invalid-coordinates', 'A polygon has no rings.'));
      continue;
    }
    const rings: Position[][] = [];
    for (const rawRing of rawPolygon) {
      const ring = cleanRing(rawRing, issues);
      if (ring) rings.push(ring);
    }
    if (rings.length === rawPolygon.length) polygons.push(rings);
  }
  if (issues.some((issue) => issue.severity === 'error')) return { ok: false, issues, polygons };

  const first = polygons[0][0][0];
  const origin = planeOrigin(first[0], first[1]);
  const shape = projectPolygons(origin, polygons);
  const at = (x: number, y: number): [number, number] => [unprojectX(origin, x), unprojectY(origin, y)];
  const crossing = findSelfIntersection(shape);
  if (crossing) {
    issues.push(error('self-intersection', 'The outline crosses or touches itself.', at(crossing[0], crossing[1])));
    return { ok: false, issues, polygons };
  }
  const partShapes = polygons.map((polygon) => projectPolygons(origin, [polygon]));
  const shellShapes = polygons.map((polygon) => projectPolygons(origin, [[polygon[0]]]));
  polygons.forEach((polygon, p) => {
    if (isCollinearInDegrees(polygon[0])) issues.push(error('zero-area', 'A polygon part has no area (its points are collinear).'));
    for (let h = 1; h < polygon.length; h++) {
      const [hx, hy] = projectPolygons(origin, [[polygon[h]]]).edges;
      if (locatePoint(shellShapes[p], hx, hy) !== 1) issues.push(error('hole-outside-shell', 'A hole lies outside its polygon.', polygon[h][0] as [number, number]));
    }
    for (let q = 0; q < polygons.length; q++) {
      if (q === p) continue;
      const [sx, sy] = shellShapes[p].edges;
      if (locatePoint(partShapes[q], sx, sy) === 1) {
        issues.push(error('overlapping-parts', 'Two parts of the MultiPolygon overlap.', polygon[0][0] as [number, number]));
      }
    }
  });
  return { ok: !issues.some((issue) => issue.severity === 'error'), issues, polygons };
}
