import type { PlanarShape } from './planar-shape.js';

/**
 * Internal: exact area of A ∩ B by Green's theorem, without building the intersection polygon.
 *
 * ∂(A ∩ B) = (∂A inside B) ∪ (∂B inside A), both with their own orientation, so
 * 2·area(A ∩ B) = Σ cross over the sub-segments of A's edges inside B + the same for B's edges inside A.
 * Inside-ness is found once per ring start (point in polygon) and then toggled at each transversal crossing.
 *
 * Only transversal crossings are handled. Anything degenerate — a vertex on the other shape's edge,
 * collinear overlapping edges, a start point on the other boundary — returns `null` and the caller falls
 * back to a robust polygon clipper. Degenerate cases are rare for hand-drawn polygons and
 * cost only one clip for the affected piece.
 */

/** Parameter tolerance along a segment for "touches at an endpoint". */
const PARAM_EPSILON = 1e-9;
/** Distance tolerance in plane units (radians; 1e-11 ≈ 0.06 mm). */
const DISTANCE_EPSILON = 1e-11;
const DISTANCE_EPSILON2 = DISTANCE_EPSILON * DISTANCE_EPSILON;

const DEGENERATE = -2;
const NO_CROSSING = -1;

/**
 * Crossing parameter t along a of segment a=(ax1,ay1)→(ax2,ay2) with b, NO_CROSSING, or DEGENERATE.
 */
function crossParameter(
  ax1: number, ay1: number, ax2: number, ay2: number,
  bx1: number, by1: number, bx2: number, by2: number,
): number {
  const rx = ax2 - ax1;
  const ry = ay2 - ay1;
  const sx = bx2 - bx1;
  const sy = by2 - by1;
  const qpx = bx1 - ax1;
  const qpy = by1 - ay1;
  const denom = rx * sy - ry * sx;
  const rLength2 = rx * rx + ry * ry;
  const sLength2 = sx * sx + sy * sy;
  if (denom * denom <= 1e-28 * rLength2 * sLength2) {
    // Parallel: only a problem if collinear and overlapping.
    const offset = qpx * ry - qpy * rx;
    if (offset * offset > DISTANCE_EPSILON2 * rLength2) return NO_CROSSING;
    const t0 = (qpx * rx + qpy * ry) / rLength2;
    const t1 = ((bx2 - ax1) * rx + (by2 - ay1) * ry) / rLength2;
    const low = Math.min(t0, t1);
    const high = Math.max(t0, t1);
    return high < -PARAM_EPSILON || low > 1 + PARAM_EPSILON ? NO_CROSSING : DEGENERATE;
  }
  const t = (qpx * sy - qpy * sx) / denom;
  const u = (qpx * ry - qpy * rx) / denom;
  if (t < -PARAM_EPSILON || t > 1 + PARAM_EPSILON || u < -PARAM_EPSILON || u > 1 + PARAM_EPSILON) return NO_CROSSING;
  if (t < PARAM_EPSILON || t > 1 - PARAM_EPSILON || u < PARAM_EPSILON || u > 1 - PARAM_EPSILON) return DEGENERATE;
  return t;
}

/**
 * Even-odd location of (px, py) against edges [start, end) of `edges` (x1, y1, x2, y2 per edge): 1 inside, 0
 * outside, `onEdge` when within DISTANCE_EPSILON of an edge. Shared by the region figures and the two-state overlay
 * (src/core/landuse/overlap-area.ts).
 */
export function locateInEdges(edges: Float64Array, start: number, end: number, px: number, py: number, onEdge: number): number {
  let inside = 0;
  for (let k = 4 * start; k < 4 * end; k += 4) {
    const x1 = edges[k];
    const y1 = edges[k + 1];
    const x2 = edges[k + 2];
    const y2 = edges[k + 3];
    if (y1 > py !== y2 > py && px < ((x2 - x1) * (py - y1)) / (y2 - y1) + x1) inside ^= 1;
    // Distance to the segment, only when the point is near its bbox.
    if (
      px >= Math.min(x1, x2) - DISTANCE_EPSILON && px <= Math.max(x1, x2) + DISTANCE_EPSILON &&
      py >= Math.min(y1, y2) - DISTANCE_EPSILON && py <= Math.max(y1, y2) + DISTANCE_EPSILON
    ) {
      const dx = x2 - x1;
      const dy = y2 - y1;
      const length2 = dx * dx + dy * dy;
      const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / length2));
      const ex = x1 + t * dx - px;
      const ey = y1 + t * dy - py;
      if (ex * ex + ey * ey <= DISTANCE_EPSILON2) return onEdge;
    }
  }
  return inside;
}

/**
 * Even-odd point in shape over all of its edges: 1 inside, 0 outside, DEGENERATE when within
 * DISTANCE_EPSILON of an edge.
 */
export function locatePoint(shape: PlanarShape, px: number, py: number): number {
  return locateInEdges(shape.edges, 0, shape.edges.length / 4, px, py, DEGENERATE);
}

/**
 * Adds twice the area contributed by edge (x1,y1)→(x2,y2) split at the sorted parameters, starting in `state`.
 * Returns the new state in bit 0 of the second element.
 */
function accumulateEdge(
  x1: number, y1: number, x2: number, y2: number,
  params: number[], count: number, state: number, out: { sum: number; state: number },
): void {
  if (count === 0) {
    if (state) out.sum += x1 * y2 - x2 * y1;
    out.state = state;
    return;
  }
  if (count > 1) {
    const slice = params.slice(0, count).sort((a, b) => a - b);
    for (let i = 0; i < count; i++) params[i] = slice[i];
  }
  let px = x1;
  let py = y1;
  for (let i = 0; i < count; i++) {
    const t = params[i];
    const qx = x1 + t * (x2 - x1);
    const qy = y1 + t * (y2 - y1);
    if (state) out.sum += px * qy - qx * py;
    state ^= 1;
    px = qx;
    py = qy;
  }
  if (state) out.sum += px * y2 - x2 * py;
  out.state = state;
}

function boxesOverlap(
  ax1: number, ay1: number, ax2: number, ay2: number,
  bx1: number, by1: number, bx2: number, by2: number,
): boolean {
  return (
    Math.max(ax1, ax2) >= Math.min(bx1, bx2) - DISTANCE_EPSILON &&
    Math.max(bx1, bx2) >= Math.min(ax1, ax2) - DISTANCE_EPSILON &&
    Math.max(ay1, ay2) >= Math.min(by1, by2) - DISTANCE_EPSILON &&
    Math.max(by1, by2) >= Math.min(ay1, ay2) - DISTANCE_EPSILON
  );
}

/**
 * Twice the area of piece ∩ region in plane units, or `null` when a degenerate configuration needs a
 * robust clipper.
 * @param piece - a shape lying inside one grid cell
 * @param region - the whole query region (used for point-in-polygon tests)
 * @param regionEdgeIndices - indices of the region edges that touch the cell (the only ones that can cross the piece)
 */
export function intersectionArea2(
  piece: PlanarShape,
  region: PlanarShape,
  regionEdgeIndices: readonly number[],
): number | null {
  const [minX, minY, maxX, maxY] = piece.bbox;
  const regionEdges = region.edges;
  // Region edges that can touch this piece at all.
  const candidates: number[] = [];
  for (const k of regionEdgeIndices) {
    const o = 4 * k;
    if (boxesOverlap(regionEdges[o], regionEdges[o + 1], regionEdges[o + 2], regionEdges[o + 3], minX, minY, maxX, maxY)) {
      candidates.push(o);
    }
  }
  if (candidates.length === 0) {
    // No boundary interaction: the piece is wholly inside or wholly outside the region.
    const where = locatePoint(region, piece.edges[0], piece.edges[1]);
    if (where === DEGENERATE) return null;
    return where === 1 ? piece.area2 : 0;
  }

  const params: number[] = [];
  const out = { sum: 0, state: 0 };
  const pieceEdges = piece.edges;

  // Part 1: the piece's boundary inside the region.
  const ringCount = piece.ringStarts.length - 1;
  for (let r = 0; r < ringCount; r++) {
    const start = piece.ringStarts[r];
    const end = piece.ringStarts[r + 1];
    let state = locatePoint(region, pieceEdges[4 * start], pieceEdges[4 * start + 1]);
    if (state === DEGENERATE) return null;
    for (let k = start; k < end; k++) {
      const o = 4 * k;
      const x1 = pieceEdges[o];
      const y1 = pieceEdges[o + 1];
      const x2 = pieceEdges[o + 2];
      const y2 = pieceEdges[o + 3];
      let count = 0;
      for (const c of candidates) {
        const bx1 = regionEdges[c];
        const by1 = regionEdges[c + 1];
        const bx2 = regionEdges[c + 2];
        const by2 = regionEdges[c + 3];
        if (!boxesOverlap(x1, y1, x2, y2, bx1, by1, bx2, by2)) continue;
        const t = crossParameter(x1, y1, x2, y2, bx1, by1, bx2, by2);
        if (t === DEGENERATE) return null;
        if (t !== NO_CROSSING) params[count++] = t;
      }
      accumulateEdge(x1, y1, x2, y2, params, count, state, out);
      state = out.state;
    }
  }

  // Part 2: the region's boundary inside the piece.
  const pieceEdgeCount = pieceEdges.length;
  for (const c of candidates) {
    const x1 = regionEdges[c];
    const y1 = regionEdges[c + 1];
    const x2 = regionEdges[c + 2];
    const y2 = regionEdges[c + 3];
    let state: number;
    if (x1 < minX || x1 > maxX || y1 < minY || y1 > maxY) {
      state = 0;
    } else {
      state = locatePoint(piece, x1, y1);
      if (state === DEGENERATE) return null;
    }
    let count = 0;
    for (let o = 0; o < pieceEdgeCount; o += 4) {
      const ax1 = pieceEdges[o];
      const ay1 = pieceEdges[o + 1];
      const ax2 = pieceEdges[o + 2];
      const ay2 = pieceEdges[o + 3];
      if (!boxesOverlap(x1, y1, x2, y2, ax1, ay1, ax2, ay2)) continue;
      const t = crossParameter(x1, y1, x2, y2, ax1, ay1, ax2, ay2);
      if (t === DEGENERATE) return null;
      if (t !== NO_CROSSING) params[count++] = t;
    }
    accumulateEdge(x1, y1, x2, y2, params, count, state, out);
  }
  return out.sum;
}
