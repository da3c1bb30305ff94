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
  /**
   * how pairs of segments are found (for tests): `auto` (default) tests every pair up to 48 segments, else sweeps and
   * falls back on the R-tree when the sweep would grow quadratic; `pairwise`, `sweep` (no fallback), `index` force one
   */
  method?: 'auto' | 'pairwise' | 'sweep' | 'index';
}

const PAIRWISE_UP_TO = 48;

/** >0: c left of a→b (counter-clockwise, y up); <0: right; 0: collinear. Exact. */
function side(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return -orient2d(ax, ay, bx, by, cx, cy);
}

// Working arrays, reused from call to call (grown when needed): the vertices of every ring without consecutive
// duplicates and without the closing vertex; for each vertex the first vertex of its ring and the ring's size.
let xs = new Float64Array(1024);
let ys = new Float64Array(1024);
let ringStart = new Int32Array(1024);
let ringSize = new Int32Array(1024);
/** segment boxes for the pairwise test: minX, minY, maxX, maxY of the segment starting at each vertex */
let boxes = new Float64Array(4 * PAIRWISE_UP_TO);
/** the crossing found by the current call */
let found: [number, number] | null = null;

function next(v: number): number {
  return v + 1 - ringStart[v] === ringSize[v] ? ringStart[v] : v + 1;
}
function previous(v: number): number {
  return v === ringStart[v] ? ringStart[v] + ringSize[v] - 1 : v - 1;
}
function same(v: number, w: number): boolean {
  return xs[v] === xs[w] && ys[v] === ys[w];
}
function turn(v: number, p: number, q: number): number {
  return side(xs[v], ys[v], xs[p], ys[p], xs[q], ys[q]);
}

/** Same direction from the common vertex v: collinear and pointing the same way. */
function sameDirection(v: number, p: number, q: number): boolean {
  // The cheap test first: most neighbouring edges point away from each other, and need no exact orientation.
  return (xs[p] - xs[v]) * (xs[q] - xs[v]) + (ys[p] - ys[v]) * (ys[q] - ys[v]) > 0 && turn(v, p, q) === 0;
}

/** Is the direction v→u strictly inside the counter-clockwise turn from v→a to v→b? (u in neither direction) */
function insideTurn(v: number, a: number, b: number, u: number): boolean {
  const t = turn(v, a, b);
  if (t > 0) return turn(v, a, u) > 0 && turn(v, u, b) > 0;
  if (t < 0) return !(turn(v, b, u) >= 0 && turn(v, u, a) >= 0);
  return turn(v, a, u) > 0;
}

/**
 * Two passages of rings through one point (vertices v and w at equal coordinates): they cross when the
 * directions of w's passage lie on both sides of v's. Shared directions are overlapping edges, found as such.
 */
function passagesCross(v: number, w: number): boolean {
  if (v === w) return false;
  const a = previous(v);
  const b = next(v);
  const c = previous(w);
  const d = next(w);
  // A spike, or a direction shared by both passages: overlapping edges, reported as such.
  if (sameDirection(v, a, b) || sameDirection(v, a, c) || sameDirection(v, a, d) || sameDirection(v, b, c) || sameDirection(v, b, d)) return false;
  return insideTurn(v, a, b, c) !== insideTurn(v, a, b, d);
}

/** Collinear point w strictly between s and t. */
function strictlyBetween(w: number, s: number, t: number): boolean {
  return (xs[w] - xs[s]) * (xs[w] - xs[t]) <= 0 && (ys[w] - ys[s]) * (ys[w] - ys[t]) <= 0 && !same(w, s) && !same(w, t);
}

/**
 * An end w of one edge lies on the line of edge s→t (orientation 0): at a shared vertex the passages may cross;
 * inside the edge, w's ring crosses it when w's neighbours lie on both sides.
 */
function crossesAt(w: number, s: number, t: number): boolean {
  if (same(w, s)) return passagesCross(w, s);
  if (same(w, t)) return passagesCross(w, t);
  return strictlyBetween(w, s, t) && turn(s, t, previous(w)) * turn(s, t, next(w)) < 0;
}

/** Tests the edges starting at vertices i and j (i ≠ j); sets `found` on a crossing. */
function testPair(i: number, j: number): void {
  const i2 = next(i);
  const j2 = next(j);
  if (i2 === j || j2 === i) {
    // Neighbouring edges share a vertex; they overlap only when the ring turns back on itself.
    const v = i2 === j ? j : i;
    if (i2 === j ? sameDirection(v, i, j2) : sameDirection(v, i2, j)) found = [xs[v], ys[v]];
    return;
  }
  const o1 = turn(i, i2, j);
  const o2 = turn(i, i2, j2);
  const o3 = turn(j, j2, i);
  const o4 = turn(j, j2, i2);
  if (o1 * o2 < 0 && o3 * o4 < 0) {
    // Proper crossing: report where.
    const d = (xs[i2] - xs[i]) * (ys[j2] - ys[j]) - (ys[i2] - ys[i]) * (xs[j2] - xs[j]);
    const t = ((xs[j] - xs[i]) * (ys[j2] - ys[j]) - (ys[j] - ys[i]) * (xs[j2] - xs[j])) / d;
    found = [xs[i] + t * (xs[i2] - xs[i]), ys[i] + t * (ys[i2] - ys[i])];
    return;
  }
  if (o1 === 0 && o2 === 0) {
    // Collinear: an overlap over a length is a crossing (an end of one edge strictly inside the other, or equal edges).
    const inside = strictlyBetween(j, i, i2) ? j : strictlyBetween(j2, i, i2) ? j2 : strictlyBetween(i, j, j2) ? i : strictlyBetween(i2, j, j2) ? i2 : -1;
    if (inside >= 0) {
      found = [xs[inside], ys[inside]];
      return;
    }
    if ((same(i, j) && same(i2, j2)) || (same(i, j2) && same(i2, j))) {
      found = [xs[i], ys[i]];
      return;
    }
  }
  // Touches: an end of one edge on the other (a shared vertex, or a vertex inside the other edge).
  const at = o1 === 0 && crossesAt(j, i, i2) ? j
    : o2 === 0 && crossesAt(j2, i, i2) ? j2
      : o3 === 0 && crossesAt(i, j, j2) ? i
        : o4 === 0 && crossesAt(i2, j, j2) ? i2 : -1;
  if (at >= 0) found = [xs[at], ys[at]];
}

function grow(size: number): void {
  if (xs.length >= size) return;
  const length = Math.max(size, xs.length * 2);
  xs = new Float64Array(length);
  ys = new Float64Array(length);
  ringStart = new Int32Array(length);
  ringSize = new Int32Array(length);
}

/** Pairs of segments compared per segment before the sweep gives way to the index (see `sweep`). */
const SWEEP_BUDGET = 32;
/** The sweep's sort key: 2^26 buckets of the west end, times room for 2^27 segment numbers (exact in a double). */
const BUCKETS = 2 ** 26;
const SEGMENTS_MAX = 2 ** 27;

/**
 * A sweep over the segments sorted by their west end, comparing each with the segments still open across its
 * x range. Fast for a parcel's outline, where few segments span any given x; but many long east–west edges (a
 * comb) would make it quadratic, so after SWEEP_BUDGET comparisons per segment it stops and returns false, and
 * the R-tree does the work.
 * @returns true when every pair was tested (or a crossing found)
 */
function sweep(count: number, perSegment: number): boolean {
  if (count >= SEGMENTS_MAX) return false;
  // Sorted by west end through a numeric sort of packed keys (bucket of the west end, then segment number): no
  // comparator. Within a bucket the order is loose, so a segment leaves the open list only when it ends west of
  // the bucket's start, and each pair's x ranges are compared exactly.
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < count; i++) {
    low = Math.min(low, xs[i]);
    high = Math.max(high, xs[i]);
  }
  const scale = high > low ? (BUCKETS - 1) / (high - low) : 0;
  const keys = new Float64Array(count);
  for (let i = 0; i < count; i++) keys[i] = Math.floor((Math.min(xs[i], xs[next(i)]) - low) * scale) * SEGMENTS_MAX + i;
  keys.sort();
  const open = new Int32Array(count);
  let openCount = 0;
  let budget = perSegment * count;
  for (let k = 0; k < count && !found; k++) {
    const i = keys[k] % SEGMENTS_MAX;
    // One bucket earlier than this one starts, so rounding never drops a segment that reaches it.
    const bucketStart = low + (Math.floor(keys[k] / SEGMENTS_MAX) - 1) / scale;
    const i2 = next(i);
    const minX = Math.min(xs[i], xs[i2]);
    const maxX = Math.max(xs[i], xs[i2]);
    const minY = Math.min(ys[i], ys[i2]);
    const maxY = Math.max(ys[i], ys[i2]);
    let kept = 0;
    for (let m = 0; m < openCount && !found; m++) {
      const j = open[m];
      const j2 = next(j);
      const jMaxX = Math.max(xs[j], xs[j2]);
      if (jMaxX < bucketStart) continue;
      open[kept++] = j;
      if (--budget < 0) return false;
      if (jMaxX < minX || Math.min(xs[j], xs[j2]) > maxX || Math.max(ys[j], ys[j2]) < minY || Math.min(ys[j], ys[j2]) > maxY) continue;
      testPair(i, j);
    }
    openCount = kept;
    open[openCount++] = i;
  }
  return true;
}

/** Keeps `found` for the index search's callback (no closure per call). */
let searching = 0;
function searchHit(j: number): boolean {
  if (j > searching && !found) testPair(searching, j);
  return false;
}

/**
 * Appends a ring's points to the working arrays at `count`, without consecutive duplicates and the closing vertex;
 * returns the new count (a ring of fewer than three distinct vertices bounds no area and is left out: the reader
 * drops it too).
 */
function loadRing(ring: FlatRing, count: number): number {
  const start = count;
  const points = ring.length >> 1;
  for (let i = 0; i < 2 * points; i += 2) {
    const x = ring[i];
    const y = ring[i + 1];
    if (count > start && xs[count - 1] === x && ys[count - 1] === y) continue;
    xs[count] = x;
    ys[count] = y;
    count += 1;
  }
  return closeRing(start, count);
}

/** Ends the ring loaded from `start` to `count`: drops the closing vertex, and the ring if it bounds no area. */
function closeRing(start: number, count: number): number {
  while (count - start > 1 && xs[count - 1] === xs[start] && ys[count - 1] === ys[start]) count -= 1;
  if (count - start < 3) return start;
  for (let v = start; v < count; v++) {
    ringStart[v] = start;
    ringSize[v] = count - start;
  }
  return count;
}

/**
 * As `findRingCrossing` for a polygon of one ring read straight from a file's bytes (no array made).
 * @param view - the bytes holding the ring's points as little-endian doubles x, y
 * @param from - byte offset of the ring's first point
 * @param points - the ring's number of points
 * @param reversed - take the points last to first (the crossing found is then the one found in that order)
 */
export function findCrossingInRing(view: DataView, from: number, points: number, reversed = false): [number, number] | null {
  grow(points);
  found = null;
  let count = 0;
  for (let k = 0; k < points; k++) {
    const at = from + 16 * (reversed ? points - 1 - k : k);
    const x = view.getFloat64(at, true);
    const y = view.getFloat64(at + 8, true);
    if (count > 0 && xs[count - 1] === x && ys[count - 1] === y) continue;
    xs[count] = x;
    ys[count] = y;
    count += 1;
  }
  count = closeRing(0, count);
  return count === 0 ? null : search(count, 'auto');
}

/**
 * The first crossing found among the rings, or null when the rings only touch (or do not meet).
 * @param rings - every ring of the geometry (shells and holes, of one polygon or of all polygons of a multipolygon)
 * @param options - tuning for tests
 * @returns a point of the crossing in the rings' coordinates, or null
 */
export function findRingCrossing(rings: readonly FlatRing[], options: RingCrossingOptions = {}): [number, number] | null {
  let total = 0;
  for (const ring of rings) total += ring.length >> 1;
  grow(total);
  let count = 0;
  for (const ring of rings) count = loadRing(ring, count);
  found = null;
  if (count === 0) return null;
  return search(count, options.method ?? 'auto');
}

/** Searches the `count` loaded vertices' segments for a crossing. */
function search(count: number, method: NonNullable<RingCrossingOptions['method']>): [number, number] | null {
  if (method === 'pairwise' || (method === 'auto' && count <= PAIRWISE_UP_TO)) {
    // Each segment's box once; then every pair whose boxes meet is tested.
    if (boxes.length < 4 * count) boxes = new Float64Array(4 * count);
    for (let i = 0; i < count; i++) {
      const i2 = next(i);
      boxes[4 * i] = Math.min(xs[i], xs[i2]);
      boxes[4 * i + 1] = Math.min(ys[i], ys[i2]);
      boxes[4 * i + 2] = Math.max(xs[i], xs[i2]);
      boxes[4 * i + 3] = Math.max(ys[i], ys[i2]);
    }
    for (let i = 0; i < count && !found; i++) {
      const minX = boxes[4 * i];
      const minY = boxes[4 * i + 1];
      const maxX = boxes[4 * i + 2];
      const maxY = boxes[4 * i + 3];
      for (let j = i + 1; j < count && !found; j++) {
        if (boxes[4 * j + 2] < minX || boxes[4 * j] > maxX || boxes[4 * j + 3] < minY || boxes[4 * j + 1] > maxY) continue;
        testPair(i, j);
      }
    }
    return found;
  }

  if (method !== 'index' && sweep(count, method === 'sweep' ? Infinity : SWEEP_BUDGET)) return found;
  const index = new Flatbush(count);
  for (let i = 0; i < count; i++) {
    const i2 = next(i);
    index.add(Math.min(xs[i], xs[i2]), Math.min(ys[i], ys[i2]), Math.max(xs[i], xs[i2]), Math.max(ys[i], ys[i2]));
  }
  index.finish();
  for (let i = 0; i < count && !found; i++) {
    const i2 = next(i);
    searching = i;
    index.search(Math.min(xs[i], xs[i2]), Math.min(ys[i], ys[i2]), Math.max(xs[i], xs[i2]), Math.max(ys[i], ys[i2]), searchHit);
  }
  return found;
}
