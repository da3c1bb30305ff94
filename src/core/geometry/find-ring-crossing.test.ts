import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findRingCrossing } from './find-ring-crossing.ts';

const flat = (ring: number[][]) => Float64Array.from(ring.flat());
const crossing = (rings: number[][][], method?: 'pairwise' | 'sweep' | 'index') => findRingCrossing(rings.map(flat), { method });
/** The same answer through the pairwise test, the sweep and the index. */
const both = (rings: number[][][]) => {
  const pairwise = crossing(rings, 'pairwise');
  expect(crossing(rings, 'sweep') === null).toBe(pairwise === null);
  expect(crossing(rings, 'index') === null).toBe(pairwise === null);
  return pairwise;
};

const square = (x: number, y: number, size: number) => [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]];

describe('findRingCrossing: valid as GEOS sees it', () => {
  it('a plain square, with a repeated vertex and an unclosed ring', () => {
    expect(both([square(0, 0, 10)])).toBeNull();
    expect(both([[[0, 0], [10, 0], [10, 0], [10, 0], [10, 10], [0, 10], [0, 10], [0, 0]]])).toBeNull();
    expect(both([[[0, 0], [10, 0], [10, 10], [0, 10]]])).toBeNull();
  });

  it('a hole touching its shell at a vertex and at a point inside a shell edge', () => {
    // Hole vertex (0, 5) lies inside the shell's west edge; hole vertex (10, 10) is a shell vertex.
    expect(both([square(0, 0, 10), [[0, 5], [5, 8], [10, 10], [5, 4], [0, 5]]])).toBeNull();
  });

  it('two holes touching each other at a point', () => {
    expect(both([square(0, 0, 10), [[2, 2], [5, 5], [2, 5], [2, 2]], [[5, 5], [8, 8], [8, 5], [5, 5]]])).toBeNull();
  });

  it('a shell touching itself at a vertex (an ESRI "inverted hole")', () => {
    // Goes round the outside, comes in to (5, 5), around a pocket and back out through the same vertex.
    const ring = [[0, 0], [10, 0], [10, 10], [5, 10], [5, 5], [7, 7], [7, 3], [3, 3], [3, 7], [5, 5], [5, 10], [0, 10], [0, 0]];
    // The pocket's exit reuses the edge (5,5)–(5,10): that is an overlap, so use a pocket that only touches.
    expect(both([ring])).not.toBeNull();
    const touching = [[0, 0], [10, 0], [10, 10], [6, 10], [5, 5], [7, 7], [7, 3], [3, 3], [3, 7], [5, 5], [4, 10], [0, 10], [0, 0]];
    expect(both([touching])).toBeNull();
  });

  it('two shells of a multipolygon touching at a corner', () => {
    expect(both([square(0, 0, 5), square(5, 5, 5)])).toBeNull();
  });
});

describe('findRingCrossing: crossings', () => {
  it('a bow-tie: two edges crossing inside both, reported where they cross', () => {
    expect(both([[[0, 0], [10, 10], [10, 0], [0, 10], [0, 0]]])).toEqual([5, 5]);
  });

  it('a figure eight through a vertex: the ring changes sides at the shared vertex', () => {
    expect(both([[[0, 0], [5, 5], [10, 10], [10, 0], [5, 5], [0, 10], [0, 0]]])).toEqual([5, 5]);
  });

  it('a spike that turns back on itself, and collinear overlapping edges of two rings', () => {
    expect(both([[[0, 0], [10, 0], [10, 10], [5, 10], [5, 15], [5, 12], [0, 10], [0, 0]]])).not.toBeNull();
    expect(both([square(0, 0, 10), [[0, 2], [4, 4], [0, 6], [0, 2]]])).not.toBeNull();
  });

  it('a hole crossing its shell, and a hole passing through a shell edge at its vertex', () => {
    expect(both([square(0, 0, 10), [[8, 4], [12, 4], [12, 6], [8, 6], [8, 4]]])).not.toBeNull();
    expect(both([square(0, 0, 10), [[5, 5], [10, 4], [12, 6], [5, 5]]])).toEqual([10, 4]);
  });

  it('finds a crossing among 100 000 vertices, and none when the same ring is clean', () => {
    const n = 100_000;
    const ring: number[] = [];
    for (let i = 0; i < n; i++) {
      const angle = (2 * Math.PI * i) / n;
      const radius = 1000 + 5 * Math.sin(angle * 397);
      ring.push(radius * Math.cos(angle), radius * Math.sin(angle));
    }
    expect(findRingCrossing([Float64Array.from(ring)])).toBeNull();
    expect(findRingCrossing([Float64Array.from(ring)], { method: 'index' })).toBeNull();
    // Swap two neighbouring vertices: their edges now cross.
    const broken = ring.slice();
    [broken[2000], broken[2001], broken[2002], broken[2003]] = [ring[2002], ring[2003], ring[2000], ring[2001]];
    expect(findRingCrossing([Float64Array.from(broken)])).not.toBeNull();
    expect(findRingCrossing([Float64Array.from(broken)], { method: 'index' })).not.toBeNull();
  });
});

/**
 * Naive reference on small integer coordinates (exact in doubles), written independently: every pair of edges
 * is tested for a proper crossing or a collinear overlap; then at every point where rings meet, the directions
 * of every passage are sorted by angle, and two passages whose directions alternate around the point cross.
 */
function naiveCrossing(rings: number[][][]): boolean {
  const clean = rings.map((ring) => {
    const out: number[][] = [];
    for (const p of ring) if (out.length === 0 || out[out.length - 1][0] !== p[0] || out[out.length - 1][1] !== p[1]) out.push(p);
    while (out.length > 1 && out[out.length - 1][0] === out[0][0] && out[out.length - 1][1] === out[0][1]) out.pop();
    return out;
  }).filter((ring) => ring.length >= 3);
  const cross = (o: number[], a: number[], b: number[]) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const edges = clean.flatMap((ring) => ring.map((p, i) => [p, ring[(i + 1) % ring.length]]));
  for (let i = 0; i < edges.length; i++) {
    for (let j = i + 1; j < edges.length; j++) {
      const [a, b] = edges[i];
      const [c, d] = edges[j];
      const [o1, o2, o3, o4] = [cross(a, b, c), cross(a, b, d), cross(c, d, a), cross(c, d, b)];
      if (o1 * o2 < 0 && o3 * o4 < 0) return true;
      if (o1 === 0 && o2 === 0) {
        // Overlap length along the edge a→b.
        const dx = b[0] - a[0];
        const dy = b[1] - a[1];
        const t = (p: number[]) => (p[0] - a[0]) * dx + (p[1] - a[1]) * dy;
        const length2 = dx * dx + dy * dy;
        if (Math.min(length2, Math.max(t(c), t(d))) - Math.max(0, Math.min(t(c), t(d))) > 0) return true;
      }
    }
  }
  // Passages through every point that is a vertex of some ring.
  const points = new Map<string, number[]>();
  for (const ring of clean) for (const p of ring) points.set(`${p[0]},${p[1]}`, p);
  for (const point of points.values()) {
    const directions: { angle: number; passage: number }[] = [];
    let passage = 0;
    for (const ring of clean) {
      ring.forEach((p, i) => {
        const q = ring[(i + 1) % ring.length];
        const prev = ring[(i + ring.length - 1) % ring.length];
        const at = (r: number[]) => r[0] === point[0] && r[1] === point[1];
        const inside = !at(p) && !at(q) && cross(p, q, point) === 0
          && (point[0] - p[0]) * (point[0] - q[0]) <= 0 && (point[1] - p[1]) * (point[1] - q[1]) <= 0;
        const around = at(p) ? [prev, q] : inside ? [p, q] : null;
        if (!around) return;
        for (const r of around) directions.push({ angle: Math.atan2(r[1] - point[1], r[0] - point[0]), passage });
        passage += 1;
      });
    }
    directions.sort((a, b) => a.angle - b.angle);
    const order = directions.map((direction) => direction.passage);
    for (let a = 0; a < passage; a++) {
      for (let b = a + 1; b < passage; b++) {
        const sequence = order.filter((label) => label === a || label === b);
        if (sequence.length === 4 && sequence[0] !== sequence[1] && sequence[1] !== sequence[2] && sequence[2] !== sequence[3]) return true;
      }
    }
  }
  return false;
}

describe('findRingCrossing: same answer as a naive O(n²) reference', () => {
  const point = (max: number) => fc.tuple(fc.integer({ min: 0, max }), fc.integer({ min: 0, max }));
  const ring = (max: number, maxLength: number) => fc.array(point(max).map(([x, y]) => [x, y]), { minLength: 3, maxLength });

  it('random rings on a small grid (many touches, shared vertices and collinear edges)', () => {
    fc.assert(fc.property(fc.array(ring(4, 7), { minLength: 1, maxLength: 3 }), (rings) => {
      const expected = naiveCrossing(rings);
      expect(crossing(rings, 'pairwise') !== null).toBe(expected);
      expect(crossing(rings, 'sweep') !== null).toBe(expected);
      expect(crossing(rings, 'index') !== null).toBe(expected);
    }), { numRuns: 3000 });
  });

  it('a square shell with random holes, which often touch it or each other', () => {
    const hole = fc.array(point(6).map(([x, y]) => [x, y]), { minLength: 3, maxLength: 4 });
    fc.assert(fc.property(fc.array(hole, { minLength: 1, maxLength: 3 }), (holes) => {
      const rings = [square(0, 0, 6), ...holes];
      const expected = naiveCrossing(rings);
      expect(crossing(rings, 'pairwise') !== null).toBe(expected);
      expect(crossing(rings, 'sweep') !== null).toBe(expected);
      expect(crossing(rings, 'index') !== null).toBe(expected);
    }), { numRuns: 3000 });
  });

  it('longer rings through the sweep and the index', () => {
    fc.assert(fc.property(fc.array(ring(12, 40), { minLength: 1, maxLength: 2 }), (rings) => {
      const expected = naiveCrossing(rings);
      expect(crossing(rings, 'sweep') !== null).toBe(expected);
      expect(crossing(rings, 'index') !== null).toBe(expected);
    }), { numRuns: 500 });
  });

  it('a comb of long east–west teeth (where a sweep alone would be quadratic) is checked through the index', () => {
    const teeth = 20_000;
    const comb: number[][] = [[0, 0], [1000, 0]];
    for (let k = 0; k < teeth; k++) comb.push([1000, 2 * k + 1], [1, 2 * k + 1], [1, 2 * k + 2]);
    comb.push([1000, 2 * teeth + 1], [0, 2 * teeth + 1], [0, 0]);
    expect(findRingCrossing([flat(comb)])).toBeNull();
    comb[comb.length - 3] = [1000, 2 * teeth - 1.5]; // the last edge now crosses the last tooth
    expect(findRingCrossing([flat(comb)])).not.toBeNull();
  });
});
