import { describe, expect, it } from 'vitest';
import { assembleRings } from './assemble-rings.ts';

/** ESRI rings: outer clockwise, holes counter-clockwise. */
const esri = (ring: number[][], clockwise: boolean) => {
  const closed = [...ring, ring[0]];
  const signed = closed.slice(1).reduce((sum, [x, y], i) => sum + closed[i][0] * y - x * closed[i][1], 0);
  return Float64Array.from((signed < 0 === clockwise ? closed : closed.reverse()).flat());
};
const box = (x: number, y: number, size: number) => [[x, y], [x + size, y], [x + size, y + size], [x, y + size]];
const signedArea = (ring: Float64Array) => {
  let sum = 0;
  for (let i = 0; i + 3 < ring.length; i += 2) sum += ring[i] * ring[i + 3] - ring[i + 2] * ring[i + 1];
  return sum / 2;
};
const area = (polygon: Float64Array[]) => polygon.reduce((sum, ring) => sum + signedArea(ring), 0);

describe('assembleRings', () => {
  it('puts each hole in the shell that holds it, in RFC 7946 winding', () => {
    const polygons = assembleRings([esri(box(0, 0, 10), true), esri(box(20, 0, 10), true), esri(box(22, 2, 3), false)]);
    expect(polygons.map((polygon) => polygon.length)).toEqual([1, 2]);
    expect(signedArea(polygons[1][0])).toBe(100);
    expect(signedArea(polygons[1][1])).toBe(-9);
    // A lone counter-clockwise ring (written the wrong way round) is kept as a polygon.
    expect(assembleRings([esri(box(0, 0, 5), false)])).toHaveLength(1);
  });

  it('a hole whose first vertex lies on the shell goes to that shell', () => {
    // The hole starts at (0, 5), on the shell's west edge; a second shell lies to the east.
    const hole = esri([[0, 5], [4, 3], [4, 7]], false);
    expect(hole[0]).toBe(0);
    const polygons = assembleRings([esri(box(20, 0, 10), true), esri(box(0, 0, 10), true), hole]);
    expect(polygons.map((polygon) => polygon.length)).toEqual([1, 2]);
    expect(polygons[1][0][0]).toBe(0);
    expect(area(polygons[1])).toBe(100 - 8);
  });

  it('a hole touching its shell at one point, and a hole whose every vertex is on the shell', () => {
    const touching = assembleRings([esri(box(0, 0, 10), true), esri([[5, 5], [10, 10], [5, 8]], false)]);
    expect(touching).toHaveLength(1);
    expect(area(touching[0])).toBe(100 - 7.5);
    // Vertices (0,0), (10,0), (10,10) all on the shell: decided by an edge midpoint, (5, 5), inside.
    const corner = assembleRings([esri(box(0, 0, 10), true), esri([[0, 0], [10, 0], [10, 10]], false)]);
    expect(corner).toHaveLength(1);
    expect(area(corner[0])).toBe(50);
  });

  it('two shells, each with holes, some starting on their shell; an island inside a hole is a polygon of its own', () => {
    const rings = [
      esri([[22, 0], [22, 3], [25, 3]], false), // hole of B, first vertex on B's south edge
      esri(box(0, 0, 10), true), // A
      esri(box(20, 0, 10), true), // B
      esri(box(1, 1, 2), false), // hole of A
      esri([[10, 6], [6, 8], [6, 6]], false), // hole of A, first vertex on A's east edge
      esri(box(40, 0, 20), true), // C with a hole and an island shell inside the hole
      esri(box(42, 2, 16), false),
      esri(box(45, 5, 4), true),
    ];
    const polygons = assembleRings(rings);
    expect(polygons.map((polygon) => polygon.length)).toEqual([3, 2, 2, 1]);
    expect(area(polygons[0])).toBe(100 - 4 - 4);
    expect(area(polygons[1])).toBe(100 - 4.5);
    expect(area(polygons[2])).toBe(400 - 256);
    expect(area(polygons[3])).toBe(16);
  });

  it('keeps a ring of no area (a bow-tie) as a polygon, for the validity check to report', () => {
    expect(assembleRings([Float64Array.from([0, 0, 2, 2, 2, 0, 0, 2, 0, 0])])).toHaveLength(1);
  });
});
