import Flatbush from 'flatbush';
import { orient2d } from 'robust-predicates';

/**
 * Where the rings of one polygon (or of every polygon of a multipolygon) cross, with the meaning GEOS gives to
 * validity as far as area is concerned:
 * - a crossing is two edges that cross at a point inside both, two collinear edges that overlap over a length
 *   (a spike that turns back on itself included), or two rings that pass through one point and change sides there
 *   (at a shared vertex, or a vertex lying on another edge);
 * - rings that only touch at points are valid: a hole touching its shell or another hole, a shell touching itself
 *   at a vertex (the "inverted holes" ESRI software writes), a vertex lying on another ring's edge;
 * - repeated vertices (consecutive duplicates, and a ring passing twice through a point without crossing) are valid.
 * Orientation tests are exact (Shewchuk's adaptive predicates), so a vertex lying on an edge in the file's doubles
 * is on it here too. Segments are found through a packed Hilbert R-tree (flatbush): the work grows with the number
 * of segments whose boxes overlap, never with the square of the vertex count; a few segments are tested pairwise.
 */

/** A ring as interleaved coordinates `x0, y0, x1, y1, …`, closed or not. */
export type FlatRing = ArrayLike<number>;

export interface RingCrossingOptions {
  /** up to this many segments every pair is tested (no index); default 48 */
  pairwiseUpTo?: number;
}

const PAIRWISE_UP_TO = 48;

/** >0: c left of a→b (counter-clockwise, y up); <0: right; 0: collinear. Exact. */
function side(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return -orient2d(ax, ay, bx, by, cx, cy);
}

/**
 * The first crossing found among the rings, or null when the rings only touch (or do not meet).
 * @param rings - every ring of the geometry (shells and holes, of one polygon or of all polygons of a multipolygon)
 * @param options - tuning for tests
 * @returns a point of the crossing in the rings' coordinates, or null
 */
export function findRingCrossing(rings: readonly FlatRing[], options: RingCrossingOptions = {}): [number, number] | null {
  // Vertices of every ring without consecutive duplicates and without the closing vertex.
  let total = 0;
  for (const ring of rings) total += ring.length >> 1;
  const xs = new Float64Array(total);
  const ys = new Float64Array(total);
  /** first vertex of the vertex's ring, and the ring's size: neighbours are found from them */
  const ringStart = new Int32Array(total);
  const ringSize = new Int32Array(total);
  let count = 0;
  for (const ring of rings) {
    const start = count;
    const points = ring.length >> 1;
    for (let i = 0; i < points; i++) {
      const x = ring[2 * i];
      const y = ring[2 * i + 1];
      if (count > start && xs[count - 1] === x && ys[count - 1] === y) continue;
      xs[count] = x;
      ys[count] = y;
      count += 1;
    }
    while (count - start > 1 && xs[count - 1] === xs[start] && ys[count - 1] === ys[start]) count -= 1;
    // Fewer than three distinct vertices bound no area: such a ring is left out (the reader drops it too).
    if (count - start < 3) {
      count = start;
      continue;
    }
    ringStart.fill(start, start, count);
    ringSize.fill(count - start, start, count);
  }
  if (count === 0) return null;

  const next = (v: number) => (v + 1 - ringStart[v] === ringSize[v] ? ringStart[v] : v + 1);
  const previous = (v: number) => (v === ringStart[v] ? ringStart[v] + ringSize[v] - 1 : v - 1);
  const same = (v: number, w: number) => xs[v] === xs[w] && ys[v] === ys[w];

  /** Same direction from the common vertex v: collinear and pointing the same way. */
  const sameDirection = (v: number, p: number, q: number) =>
    side(xs[v], ys[v], xs[p], ys[p], xs[q], ys[q]) === 0 && (xs[p] - xs[v]) * (xs[q] - xs[v]) + (ys[p] - ys[v]) * (ys[q] - ys[v]) > 0;

  /** Is the direction v→u strictly inside the counter-clockwise turn from v→a to v→b? (u in neither direction) */
  const insideTurn = (v: number, a: number, b: number, u: number) => {
    const turn = side(xs[v], ys[v], xs[a], ys[a], xs[b], ys[b]);
    if (turn > 0) return side(xs[v], ys[v], xs[a], ys[a], xs[u], ys[u]) > 0 && side(xs[v], ys[v], xs[u], ys[u], xs[b], ys[b]) > 0;
    if (turn < 0) return !(side(xs[v], ys[v], xs[b], ys[b], xs[u], ys[u]) >= 0 && side(xs[v], ys[v], xs[u], ys[u], xs[a], ys[a]) >= 0);
    return side(xs[v], ys[v], xs[a], ys[a], xs[u], ys[u]) > 0;
  };

  /**
   * Two passages of rings through one point (vertices v and w at equal coordinates): they cross when the
   * directions of w's passage lie on both sides of v's. Shared directions are overlapping edges, found as such.
   */
  const passagesCross = (v: number, w: number): boolean => {
    if (v === w) return false;
    const [a, b, c, d] = [previous(v), next(v), previous(w), next(w)];
    if (sameDirection(v, a, b)) return false; // a spike: its overlapping edges are reported
    for (const p of [a, b]) for (const q of [c, d]) if (sameDirection(v, p, q)) return false;
    return insideTurn(v, a, b, c) !== insideTurn(v, a, b, d);
  };

  /** Vertex w lies inside segment s→t (not at its ends): w's ring crosses the segment's line when its neighbours do. */
  const passesThroughEdge = (w: number, s: number, t: number): boolean =>
    side(xs[s], ys[s], xs[t], ys[t], xs[previous(w)], ys[previous(w)]) * side(xs[s], ys[s], xs[t], ys[t], xs[next(w)], ys[next(w)]) < 0;

  /** Collinear point w strictly between s and t. */
  const strictlyBetween = (w: number, s: number, t: number) =>
    (xs[w] - xs[s]) * (xs[w] - xs[t]) <= 0 && (ys[w] - ys[s]) * (ys[w] - ys[t]) <= 0 && !same(w, s) && !same(w, t);

  let found: [number, number] | null = null;

  /** Tests segments starting at vertices i and j (i ≠ j); sets `found` on a crossing. */
  const testPair = (i: number, j: number): void => {
    const i2 = next(i);
    const j2 = next(j);
    if (i2 === j || j2 === i) {
      // Neighbouring edges share a vertex; they overlap only when the ring turns back on itself.
      const [v, p, q] = i2 === j ? [j, i, j2] : [i, i2, j];
      if (sameDirection(v, p, q)) found = [xs[v], ys[v]];
      return;
    }
    const o1 = side(xs[i], ys[i], xs[i2], ys[i2], xs[j], ys[j]);
    const o2 = side(xs[i], ys[i], xs[i2], ys[i2], xs[j2], ys[j2]);
    const o3 = side(xs[j], ys[j], xs[j2], ys[j2], xs[i], ys[i]);
    const o4 = side(xs[j], ys[j], xs[j2], ys[j2], xs[i2], ys[i2]);
    if (o1 * o2 < 0 && o3 * o4 < 0) {
      // Proper crossing: report where.
      const d = (xs[i2] - xs[i]) * (ys[j2] - ys[j]) - (ys[i2] - ys[i]) * (xs[j2] - xs[j]);
      const t = ((xs[j] - xs[i]) * (ys[j2] - ys[j]) - (ys[j] - ys[i]) * (xs[j2] - xs[j])) / d;
      found = [xs[i] + t * (xs[i2] - xs[i]), ys[i] + t * (ys[i2] - ys[i])];
      return;
    }
    if (o1 === 0 && o2 === 0) {
      // Collinear: an overlap over a length is a crossing (an end of one edge strictly inside the other, or equal edges).
      for (const [w, s, t] of [[j, i, i2], [j2, i, i2], [i, j, j2], [i2, j, j2]]) {
        if (strictlyBetween(w, s, t)) {
          found = [xs[w], ys[w]];
          return;
        }
      }
      if ((same(i, j) && same(i2, j2)) || (same(i, j2) && same(i2, j))) {
        found = [xs[i], ys[i]];
        return;
      }
    }
    // Touches: an end of one edge on the other (a shared vertex, or a vertex inside the other edge).
    for (const [w, o, s, t] of [[j, o1, i, i2], [j2, o2, i, i2], [i, o3, j, j2], [i2, o4, j, j2]]) {
      if (o !== 0) continue;
      const crossesHere = same(w, s) ? passagesCross(w, s) : same(w, t) ? passagesCross(w, t) : strictlyBetween(w, s, t) && passesThroughEdge(w, s, t);
      if (crossesHere) {
        found = [xs[w], ys[w]];
        return;
      }
    }
  };

  const pairwiseUpTo = options.pairwiseUpTo ?? PAIRWISE_UP_TO;
  if (count <= pairwiseUpTo) {
    for (let i = 0; i < count && !found; i++) {
      const i2 = next(i);
      const [minX, maxX] = xs[i] < xs[i2] ? [xs[i], xs[i2]] : [xs[i2], xs[i]];
      const [minY, maxY] = ys[i] < ys[i2] ? [ys[i], ys[i2]] : [ys[i2], ys[i]];
      for (let j = i + 1; j < count && !found; j++) {
        const j2 = next(j);
        if (Math.max(xs[j], xs[j2]) < minX || Math.min(xs[j], xs[j2]) > maxX || Math.max(ys[j], ys[j2]) < minY || Math.min(ys[j], ys[j2]) > maxY) continue;
        testPair(i, j);
      }
    }
    return found;
  }

  const index = new Flatbush(count);
  for (let i = 0; i < count; i++) {
    const i2 = next(i);
    index.add(Math.min(xs[i], xs[i2]), Math.min(ys[i], ys[i2]), Math.max(xs[i], xs[i2]), Math.max(ys[i], ys[i2]));
  }
  index.finish();
  for (let i = 0; i < count && !found; i++) {
    const i2 = next(i);
    index.search(Math.min(xs[i], xs[i2]), Math.min(ys[i], ys[i2]), Math.max(xs[i], xs[i2]), Math.max(ys[i], ys[i2]), (j) => {
      if (j > i && !found) testPair(i, j);
      return false;
    });
  }
  return found;
}
