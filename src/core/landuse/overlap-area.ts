/**
 * Twice the area of A ∩ B in plane units, for two parcels given as edge lists (x1, y1, x2, y2 per edge; shells
 * counter-clockwise and holes clockwise, as `PlanarShape` and `PlanarLayer` hold them), or NaN when a configuration
 * is too close to call (the caller then clips exactly).
 *
 * By Green's theorem, ∂(A ∩ B) is A's boundary inside B, B's boundary inside A, and the boundary the two share where
 * both interiors lie on the same side (the edges run the same way). Each edge is split wherever the other outline
 * crosses, touches or runs along it; each piece is then inside, outside, or along the other outline, decided at its
 * midpoint. Unlike a plain crossing count this stays exact where the two states share vertices and edges — the
 * common case of a plan drawn on the current state's parcels — so those pairs need no polygon clipper.
 */

import { locateInEdges } from '../analysis/intersection-area.js';

/** Parameter tolerance along an edge ("the same point"). */
const PARAM_EPSILON = 1e-9;
/** Distance tolerance in plane units (radians of the earth's radius; 1e-11 ≈ 0.06 mm). */
const DISTANCE_EPSILON = 1e-11;

/** Scratch space reused by every call (the kernel runs hundreds of thousands of times per matrix). */
let params = new Float64Array(64);
/** 1 where the split point is a transversal crossing (the place flips there), 0 for a touch or a shared run's end */
let crossing = new Uint8Array(64);
let runs = new Float64Array(96);

const OUTSIDE = 0;
const INSIDE = 1;
const ON_BOUNDARY = 2;

/** Even-odd location of (px, py) against edges [start, end) of `edges`, ON_BOUNDARY within DISTANCE_EPSILON. */
function locate(edges: Float64Array, start: number, end: number, px: number, py: number): number {
  return locateInEdges(edges, start, end, px, py, ON_BOUNDARY);
}

/**
 * Twice the area of the pieces of A's edges [aStart, aEnd) inside B (and, with `withShared`, along B's boundary in
 * B's direction), or NaN. Where an edge is not split, its place (inside or outside B) carries on from the end of
 * the edge before it in the ring, so the point-in-polygon test runs only after a split or a ring's start.
 */
function sideArea2(
  a: Float64Array, aStart: number, aEnd: number,
  b: Float64Array, bStart: number, bEnd: number,
  bMinX: number, bMinY: number, bMaxX: number, bMaxY: number,
  withShared: boolean,
): number {
  let sum = 0;
  // where the previous edge ended (OUTSIDE / INSIDE), -1 when unknown or on B's boundary
  let carried = -1;
  let endX = NaN;
  let endY = NaN;
  for (let k = 4 * aStart; k < 4 * aEnd; k += 4) {
    const px = a[k];
    const py = a[k + 1];
    const qx = a[k + 2];
    const qy = a[k + 3];
    const contiguous = px === endX && py === endY;
    endX = qx;
    endY = qy;
    // An edge that misses B's box is outside B.
    if ((px < bMinX - DISTANCE_EPSILON && qx < bMinX - DISTANCE_EPSILON) || (px > bMaxX + DISTANCE_EPSILON && qx > bMaxX + DISTANCE_EPSILON)
      || (py < bMinY - DISTANCE_EPSILON && qy < bMinY - DISTANCE_EPSILON) || (py > bMaxY + DISTANCE_EPSILON && qy > bMaxY + DISTANCE_EPSILON)) {
      carried = OUTSIDE;
      continue;
    }
    const dx = qx - px;
    const dy = qy - py;
    const length2 = dx * dx + dy * dy;
    if (length2 === 0) continue;
    const tolerance = DISTANCE_EPSILON * Math.sqrt(length2);
    const eMinX = (px < qx ? px : qx) - DISTANCE_EPSILON;
    const eMaxX = (px < qx ? qx : px) + DISTANCE_EPSILON;
    const eMinY = (py < qy ? py : qy) - DISTANCE_EPSILON;
    const eMaxY = (py < qy ? qy : py) + DISTANCE_EPSILON;
    let count = 0;
    let runCount = 0;
    for (let m = 4 * bStart; m < 4 * bEnd; m += 4) {
      const rx = b[m];
      const ry = b[m + 1];
      const sx = b[m + 2];
      const sy = b[m + 3];
      if ((rx < eMinX && sx < eMinX) || (rx > eMaxX && sx > eMaxX) || (ry < eMinY && sy < eMinY) || (ry > eMaxY && sy > eMaxY)) continue;
      // R's and S's signed distances from the line PQ, times |PQ|
      const dr = dx * (ry - py) - dy * (rx - px);
      const ds = dx * (sy - py) - dy * (sx - px);
      const rOn = Math.abs(dr) <= tolerance;
      const sOn = Math.abs(ds) <= tolerance;
      if (!rOn && !sOn && (dr > 0) === (ds > 0)) continue;
      if (count + 2 > params.length) {
        const grown = new Float64Array(params.length * 2);
        grown.set(params);
        params = grown;
        const grownFlags = new Uint8Array(crossing.length * 2);
        grownFlags.set(crossing);
        crossing = grownFlags;
      }
      if (rOn && sOn) {
        const tr = ((rx - px) * dx + (ry - py) * dy) / length2;
        const ts = ((sx - px) * dx + (sy - py) * dy) / length2;
        const low = Math.max(0, Math.min(tr, ts));
        const high = Math.min(1, Math.max(tr, ts));
        if (high - low > PARAM_EPSILON) {
          crossing[count] = 0;
          params[count++] = low;
          crossing[count] = 0;
          params[count++] = high;
          if (runCount + 3 > runs.length) {
            const grown = new Float64Array(runs.length * 2);
            grown.set(runs);
            runs = grown;
          }
          runs[runCount++] = low;
          runs[runCount++] = high;
          runs[runCount++] = (sx - rx) * dx + (sy - ry) * dy > 0 ? 1 : 0;
        } else if (high >= low - PARAM_EPSILON) {
          crossing[count] = 0;
          params[count++] = Math.max(0, Math.min(1, low));
        }
        continue;
      }
      let t: number;
      let flips = 0;
      if (rOn) t = ((rx - px) * dx + (ry - py) * dy) / length2;
      else if (sOn) t = ((sx - px) * dx + (sy - py) * dy) / length2;
      else {
        const u = dr / (dr - ds);
        t = ((rx + u * (sx - rx) - px) * dx + (ry + u * (sy - ry) - py) * dy) / length2;
        flips = t > PARAM_EPSILON && t < 1 - PARAM_EPSILON ? 1 : 0;
      }
      if (t > -PARAM_EPSILON && t < 1 + PARAM_EPSILON) {
        crossing[count] = flips;
        params[count++] = Math.max(0, Math.min(1, t));
      }
    }
    if (count === 0 && contiguous && carried >= 0) {
      // not split, and its start continues the edge before: wholly where that one ended
      if (carried === INSIDE) sum += px * qy - qx * py;
      continue;
    }
    // Sort the split points (few: insertion sort), then walk the pieces 0 → t1 → … → 1.
    for (let i = 1; i < count; i++) {
      const value = params[i];
      const flag = crossing[i];
      let j = i - 1;
      while (j >= 0 && params[j] > value) {
        params[j + 1] = params[j];
        crossing[j + 1] = crossing[j];
        j--;
      }
      params[j + 1] = value;
      crossing[j + 1] = flag;
    }
    let from = 0;
    let state = -1;
    // what lies between the last piece and this one: one transversal crossing flips the place, anything else is unknown
    let flipsSince = 0;
    let touchedSince = false;
    for (let i = 0; i <= count; i++) {
      const to = i === count ? 1 : params[i];
      if (to - from <= PARAM_EPSILON) {
        if (i < count) {
          if (crossing[i]) flipsSince++;
          else touchedSince = true;
        }
        continue;
      }
      const middle = (from + to) / 2;
      let along = -1;
      for (let r = 0; r < runCount; r += 3) {
        if (middle >= runs[r] && middle <= runs[r + 1]) {
          along = runs[r + 2];
          break;
        }
      }
      let include: boolean;
      if (along >= 0) {
        include = withShared && along === 1;
        state = -1;
      } else {
        if (from === 0) state = contiguous && carried >= 0 && !touchedSince && flipsSince === 0 ? carried : -1;
        else if (state >= 0 && !touchedSince && flipsSince === 1) state ^= 1;
        else state = -1;
        if (state < 0) state = locate(b, bStart, bEnd, px + middle * dx, py + middle * dy);
        if (state === ON_BOUNDARY) return NaN;
        include = state === INSIDE;
      }
      if (include) {
        const x1 = px + from * dx;
        const y1 = py + from * dy;
        const x2 = px + to * dx;
        const y2 = py + to * dy;
        sum += x1 * y2 - x2 * y1;
      }
      from = to;
      flipsSince = 0;
      touchedSince = false;
      if (i < count) {
        if (crossing[i]) flipsSince++;
        else touchedSince = true;
      }
    }
    // The end vertex keeps the last piece's place unless it is a split point (on B's boundary).
    carried = count > 0 && params[count - 1] >= 1 - PARAM_EPSILON ? -1 : state;
  }
  return sum;
}

/**
 * Twice the area of A ∩ B in plane units, or NaN when too close to call.
 * @param a - edges of A (4 numbers per edge): edges [aStart, aEnd) of the array
 * @param aBoxes - A's box at aBoxes[aBox .. aBox + 3] (minX, minY, maxX, maxY)
 * @param b - the same for B
 * @example overlapArea2(layer.edges, layer.edgeStarts[i], layer.edgeStarts[i + 1], layer.boxes, 4 * i, other.edges, …)
 */
export function overlapArea2(
  a: Float64Array, aStart: number, aEnd: number, aBoxes: Float64Array, aBox: number,
  b: Float64Array, bStart: number, bEnd: number, bBoxes: Float64Array, bBox: number,
): number {
  const fromA = sideArea2(a, aStart, aEnd, b, bStart, bEnd, bBoxes[bBox], bBoxes[bBox + 1], bBoxes[bBox + 2], bBoxes[bBox + 3], true);
  if (Number.isNaN(fromA)) return NaN;
  const fromB = sideArea2(b, bStart, bEnd, a, aStart, aEnd, aBoxes[aBox], aBoxes[aBox + 1], aBoxes[aBox + 2], aBoxes[aBox + 3], false);
  return fromA + fromB;
}
