import { describe, expect, it } from 'vitest';
import proj4 from 'proj4';
import fc from 'fast-check';
import { KNOWN_CRS, crsFromPrj, makeProjector } from '../../src/data/landuse/crs.ts';
import { fastProjector } from '../../src/data/landuse/fast-projector.ts';
import { withVertexCache } from '../../src/data/landuse/vertex-cache.ts';
import { PRJ_GK39 } from '../../scripts/fixtures/landuse-fixture-data.ts';

/** The file coordinates of 117.0 E, 36.8 N (near Jinan) in a system. */
const near = (definition: string): [number, number] => proj4('WGS84', definition).forward([117, 36.8]) as [number, number];

describe('fast projector', () => {
  it('gives what the full proj4 transform gives, for every system the reader names and a .prj one', () => {
    const systems = [...KNOWN_CRS, crsFromPrj(PRJ_GK39).crs!];
    for (const crs of systems) {
      const fast = fastProjector(crs);
      if (crs.geographic) expect(fast).toBeNull();
      if (!fast) continue;
      const full = makeProjector(crs);
      const [x0, y0] = near(crs.definition);
      fc.assert(fc.property(fc.double({ min: -50_000, max: 50_000, noNaN: true }), fc.double({ min: -50_000, max: 50_000, noNaN: true }), (dx, dy) => {
        const [a, b] = [fast(x0 + dx, y0 + dy), full(x0 + dx, y0 + dy)];
        expect(Math.abs(a[0] - b[0])).toBeLessThan(1e-9);
        expect(Math.abs(a[1] - b[1])).toBeLessThan(1e-9);
      }), { numRuns: 200 });
    }
    // The Gauss-Krüger systems take the fast path.
    expect(fastProjector(KNOWN_CRS.find((crs) => crs.id === 'EPSG:4527')!)).not.toBeNull();
  });

  it('the vertex cache returns what the projector returns, a new array each time, also when slots collide', () => {
    const project = (x: number, y: number): [number, number] => [x * 2 + y, y - x];
    const cached = withVertexCache(project, 2);
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: -5, max: 5 })), { maxLength: 60 }), (points) => {
      for (const [x, y] of points) {
        const first = cached(x, y);
        const again = cached(x, y);
        expect(first).toEqual(project(x, y));
        expect(again).toEqual(project(x, y));
        expect(again).not.toBe(first);
      }
    }));
  });
});
