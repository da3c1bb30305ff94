import { describe, expect, it } from 'vitest';
import proj4 from 'proj4';
import fc from 'fast-check';
import { KNOWN_CRS, crsFromPrj, makeProjector, type CrsInfo } from '../../src/data/landuse/crs.ts';
import { fastProjector, layerProjector } from '../../src/data/landuse/fast-projector.ts';
import { tileProjector, TILE_TOLERANCE_DEGREES } from '../../src/data/landuse/tile-projector.ts';
import { PRJ_GK39 } from '../../scripts/fixtures/landuse-fixture-data.ts';

/** The Start-up Area's box with a margin of about 10 km (west, south, east, north). */
const AREA = [116.75, 36.6, 117.5, 37.15];
const METRES_PER_DEGREE = 111_320;

/** Ground distance in metres between two nearby WGS84 positions. */
function metres(a: number[], b: number[]): number {
  const dx = (a[0] - b[0]) * METRES_PER_DEGREE * Math.cos((a[1] * Math.PI) / 180);
  const dy = (a[1] - b[1]) * METRES_PER_DEGREE;
  return Math.hypot(dx, dy);
}

/** File coordinates of the area's corners in a system, as a bounds object. */
function areaBounds(crs: CrsInfo) {
  const forward = proj4('WGS84', crs.definition);
  const corners = [[AREA[0], AREA[1]], [AREA[2], AREA[1]], [AREA[2], AREA[3]], [AREA[0], AREA[3]]].map((point) => forward.forward(point));
  return {
    minX: Math.min(...corners.map((point) => point[0])), maxX: Math.max(...corners.map((point) => point[0])),
    minY: Math.min(...corners.map((point) => point[1])), maxY: Math.max(...corners.map((point) => point[1])),
  };
}

const projected = [...KNOWN_CRS, crsFromPrj(PRJ_GK39).crs!].filter((crs) => !crs.geographic && !crs.unshiftedDatum);

describe('tile projector', () => {
  it('stays within a millimetre of proj4 over the Start-up Area, in every projected system the reader names', () => {
    expect(projected.length).toBeGreaterThan(5);
    for (const crs of projected) {
      const bounds = areaBounds(crs);
      // A layer dense enough for tiles, as the reader would see it.
      const project = layerProjector(crs, 1e9, bounds);
      const full = makeProjector(crs);
      let worst = 0;
      fc.assert(fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (u, v) => {
        const x = bounds.minX + u * (bounds.maxX - bounds.minX);
        const y = bounds.minY + v * (bounds.maxY - bounds.minY);
        const distance = metres(project(x, y), full(x, y));
        worst = Math.max(worst, distance);
        expect(distance).toBeLessThan(0.001);
      }), { numRuns: 2000 });
      // Far better than the millimetre in fact: the tiles are checked to 1e-9 degrees (about 0.1 mm).
      expect(worst).toBeLessThan(TILE_TOLERANCE_DEGREES * METRES_PER_DEGREE);
    }
  });

  it('gives a vertex the same position however the vertices before it ran (shared vertices stay shared)', () => {
    const crs = crsFromPrj(PRJ_GK39).crs!;
    const bounds = areaBounds(crs);
    const point = fc.tuple(fc.double({ min: bounds.minX, max: bounds.maxX, noNaN: true }), fc.double({ min: bounds.minY, max: bounds.maxY, noNaN: true }));
    fc.assert(fc.property(fc.array(point, { minLength: 1, maxLength: 30 }), fc.array(point, { maxLength: 30 }), (path, other) => {
      const one = layerProjector(crs, 1e9, bounds);
      const two = layerProjector(crs, 1e9, bounds);
      for (const [x, y] of other) two(x, y);
      for (const [x, y] of path) expect(two(x, y)).toEqual(one(x, y));
    }), { numRuns: 50 });
  });

  it('projects a tile exactly where the model cannot follow the projection (a seam inside the tile)', () => {
    // A projector with a jump of 360° at x = 1000 (as longitude jumps at the 180° meridian).
    const exact = (x: number, y: number): [number, number] => [x < 1000 ? x * 1e-5 + 179.99 : x * 1e-5 - 180.01, y * 1e-5];
    const project = tileProjector(exact, 256);
    for (const x of [770, 900, 999.5, 1000, 1000.5, 1100, 1279]) {
      expect(project(x, 50)).toEqual(exact(x, 50));
    }
    // Away from the seam the model holds, from the tile's 13 projections.
    let calls = 0;
    const counted = tileProjector((x, y) => (calls++, exact(x, y)), 256);
    for (let x = 10; x < 250; x += 0.5) counted(x, 50);
    expect(calls).toBe(13);
    const [longitude] = project(300, 50);
    expect(Math.abs(longitude - exact(300, 50)[0])).toBeLessThan(1e-12);
  });

  it('leaves a sparse layer to proj4 point by point', () => {
    const crs = crsFromPrj(PRJ_GK39).crs!;
    const bounds = areaBounds(crs);
    const exact = fastProjector(crs)!;
    const project = layerProjector(crs, 100, bounds);
    const [x, y] = [(bounds.minX + bounds.maxX) / 2 + 0.123, (bounds.minY + bounds.maxY) / 2 + 0.456];
    expect(project(x, y)).toEqual(exact(x, y));
  });
});
