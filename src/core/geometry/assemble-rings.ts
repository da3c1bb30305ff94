import { orient2d } from 'robust-predicates';

/**
 * Groups the rings of an ESRI polygon record into polygons. In a Shapefile outer rings run clockwise and holes
 * counter-clockwise; nothing says which outer ring a hole belongs to, so each hole goes to the smallest outer ring
 * that contains it. Containment is decided by a point of the hole that is not on the outer ring's boundary (its
 * first vertex strictly inside or outside, else the first edge midpoint that is), so a hole whose first vertex lies on
 * its shell, or that touches it at points, still goes to that shell. Bounding boxes are compared first, so a record
 * of many rings stays fast. A hole no outer ring contains is a ring written the wrong way round: it becomes an outer
 * ring. A ring of zero area (it crosses itself or folds back) is kept as a polygon, for the validity check to report.
 * Rings are turned round in place (no copies): the caller hands over arrays it owns.
 * @param rings - closed rings as interleaved coordinates `x0, y0, x1, y1, …` (first point repeated at the end)
 * @returns polygons, each `[outer, ...holes]`, closed, RFC 7946 winding (outer counter-clockwise, holes clockwise)
 */
export function assembleRings(rings: readonly Float64Array[]): Float64Array[][] {
  // Most parcels are one ring: no hole to place, so no bounding boxes or sorting.
  if (rings.length === 1) {
    const area2 = signedArea2(rings[0]);
    if (!Number.isFinite(area2)) return [];
    return [[area2 <= 0 ? reverse(rings[0]) : rings[0]]];
  }
  interface Ring { coordinates: Float64Array; area: number; minX: number; minY: number; maxX: number; maxY: number }
  const outers: (Ring & { holes: Float64Array[] })[] = [];
  const holes: Ring[] = [];
  for (const coordinates of rings) {
    let area2 = 0;
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    const n = coordinates.length >> 1;
    for (let i = 0; i < n; i++) {
      const x = coordinates[2 * i];
      const y = coordinates[2 * i + 1];
      const j = i === 0 ? n - 1 : i - 1;
      area2 += coordinates[2 * j] * y - x * coordinates[2 * j + 1];
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    if (!Number.isFinite(area2)) continue;
    // A ring of no area is not simple (a bow-tie, a spike): kept as a polygon so the validity check reports it.
    if (area2 <= 0) outers.push({ coordinates: reverse(coordinates), area: -area2, minX, minY, maxX, maxY, holes: [] });
    else holes.push({ coordinates, area: area2, minX, minY, maxX, maxY });
  }
  // Smallest first: the first outer ring that contains a hole is the smallest that does.
  const bySize = outers.slice().sort((a, b) => a.area - b.area);
  for (const hole of holes) {
    const outer = bySize.find((candidate) =>
      candidate.minX <= hole.minX && candidate.minY <= hole.minY && candidate.maxX >= hole.maxX && candidate.maxY >= hole.maxY
      && candidate.area >= hole.area && holeInside(candidate.coordinates, hole.coordinates));
    if (outer) outer.holes.push(reverse(hole.coordinates));
    else outers.push({ ...hole, holes: [] });
  }
  return outers.map((outer) => [outer.coordinates, ...outer.holes]);
}

/** Twice the ring's signed area in the shoelace order used below (negative: clockwise, an ESRI outer ring). */
function signedArea2(coordinates: Float64Array): number {
  let area2 = 0;
  const n = coordinates.length >> 1;
  for (let i = 0; i < n; i++) {
    const j = i === 0 ? n - 1 : i - 1;
    area2 += coordinates[2 * j] * coordinates[2 * i + 1] - coordinates[2 * i] * coordinates[2 * j + 1];
  }
  return area2;
}

/** Reverses the ring's points in place. */
function reverse(ring: Float64Array): Float64Array {
  const n = ring.length >> 1;
  for (let i = 0, j = n - 1; i < j; i++, j--) {
    const x = ring[2 * i];
    const y = ring[2 * i + 1];
    ring[2 * i] = ring[2 * j];
    ring[2 * i + 1] = ring[2 * j + 1];
    ring[2 * j] = x;
    ring[2 * j + 1] = y;
  }
  return ring;
}

/** 1 strictly inside, -1 strictly outside, 0 on the boundary (exact). */
function locate(ring: Float64Array, x: number, y: number): number {
  let inside = false;
  const n = ring.length >> 1;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = ring[2 * i];
    const yi = ring[2 * i + 1];
    const xj = ring[2 * j];
    const yj = ring[2 * j + 1];
    if ((x - xi) * (x - xj) <= 0 && (y - yi) * (y - yj) <= 0 && orient2d(xj, yj, xi, yi, x, y) === 0) return 0;
    if (yi > y !== yj > y) {
      // The ray to +x crosses the edge when the point is left of it (edge taken upwards); exact.
      const s = orient2d(xj, yj, xi, yi, x, y);
      if (yi > yj ? s < 0 : s > 0) inside = !inside;
    }
  }
  return inside ? 1 : -1;
}

function holeInside(outer: Float64Array, hole: Float64Array): boolean {
  const n = hole.length >> 1;
  for (let i = 0; i < n; i++) {
    const where = locate(outer, hole[2 * i], hole[2 * i + 1]);
    if (where !== 0) return where > 0;
  }
  for (let i = 0; i + 1 < n; i++) {
    const where = locate(outer, (hole[2 * i] + hole[2 * i + 2]) / 2, (hole[2 * i + 1] + hole[2 * i + 3]) / 2);
    if (where !== 0) return where > 0;
  }
  // Every vertex and midpoint on the outer ring: the hole cancels that ring; keep them together.
  return true;
}
