import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { area } from '@turf/area';
import { intersect } from '@turf/intersect';
import { union } from '@turf/union';
import { featureCollection } from '@turf/helpers';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { lookupClass, type LandUseGroup } from '../../src/core/landuse/classes.ts';
import type { IndicatorParcel } from '../../src/core/landuse/landuse-indicators.ts';
import { transitionMatrix } from '../../src/core/landuse/transition-matrix.ts';

const square = (x: number, y: number, w: number, h = w): Polygon => ({ type: 'Polygon', coordinates: [[[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]]] });
const feature = (geometry: Polygon | MultiPolygon): Feature<Polygon | MultiPolygon> => ({ type: 'Feature', properties: {}, geometry });
const CLASSES: [string, LandUseGroup][] = [['0103', 'blue-green'], ['0701', 'urban-construction'], ['0703', 'other'], ['1701', 'blue-green'], ['1001', 'urban-construction']];
const parcel = (geometry: Polygon, classIndex: number): IndicatorParcel => {
  const [code, group] = CLASSES[classIndex];
  return { geometry, landUseClass: lookupClass('land-sea-use-2023', code)!, group };
};
const cell = (matrix: ReturnType<typeof transitionMatrix>, from: string, to: string) => matrix.cells.find((item) => item.from === from && item.to === to)?.areaSquareMeters ?? 0;

describe('transition matrix between two land-use states (hand-computed)', () => {
  it('overlays the outlines, not the ids: half of a cropland parcel becomes housing', () => {
    const before = [parcel(square(117, 36.8, 0.002, 0.001), 0)];
    const after = [parcel(square(117, 36.8, 0.001), 0), parcel(square(117.001, 36.8, 0.001), 1)];
    const matrix = transitionMatrix(before, after);
    const half = area(square(117.001, 36.8, 0.001));
    expect(cell(matrix, 'blue-green', 'urban-construction')).toBeCloseTo(half, 1);
    expect(cell(matrix, 'blue-green', 'blue-green')).toBeCloseTo(area(square(117, 36.8, 0.001)), 1);
    expect(matrix.from).toEqual(['blue-green']);
    expect(matrix.to).toEqual(['blue-green', 'urban-construction']);
    const byClass = transitionMatrix(before, after, 'first-level');
    expect(cell(byClass, 'land-sea-use-2023:01', 'land-sea-use-2023:07')).toBeCloseTo(half, 1);
  });

  it('area only one state covers is in no cell; the field-ridge deduction splits its share', () => {
    const ridge = lookupClass('land-sea-use-2023', '2303')!;
    const before = [{ ...parcel(square(117, 36.8, 0.001), 0), deduction: { fraction: 0.1, landUseClass: ridge, group: 'other' as const, key: 'land-sea-use-2023:2303' } }];
    const after = [parcel(square(117.0005, 36.8, 0.001), 1)];
    const matrix = transitionMatrix(before, after);
    const common = area(square(117.0005, 36.8, 0.0005, 0.001));
    expect(matrix.commonSquareMeters).toBeCloseTo(common, 1);
    expect(cell(matrix, 'blue-green', 'urban-construction')).toBeCloseTo(common * 0.9, 1);
    expect(cell(matrix, 'other', 'urban-construction')).toBeCloseTo(common * 0.1, 1);
  });
});

describe('transition matrix against a naive turf overlay (property)', () => {
  it('each row sums to the area of the first state\'s group inside the common coverage, and each cell equals turf', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 0, max: CLASSES.length - 1 }), { minLength: 9, maxLength: 9 }),
      fc.array(fc.tuple(fc.integer({ min: 0, max: CLASSES.length - 1 }), fc.double({ min: 0, max: 0.0001, noNaN: true }), fc.double({ min: -0.0005, max: 0.002, noNaN: true }), fc.double({ min: 0.0002, max: 0.0005, noNaN: true }), fc.double({ min: 0.0003, max: 0.003, noNaN: true })), { minLength: 1, maxLength: 6 }),
      (firstClasses, secondBoxes) => {
        const first = firstClasses.map((classIndex, index) => parcel(square(117 + (index % 3) * 0.001, 36.8 + Math.floor(index / 3) * 0.001, 0.001), classIndex));
        // the second state's parcels must not overlap each other: each lies in its own 0.0006° column
        const second = secondBoxes.map(([classIndex, dx, y, width, height], index) => parcel(square(117 + index * 0.0006 + dx + 0.0000123, 36.8 + y + 0.0000171, width, height), classIndex));
        const matrix = transitionMatrix(first, second);
        const secondUnion = second.length === 1 ? feature(second[0].geometry) : union(featureCollection(second.map((item) => feature(item.geometry))))!;
        for (const group of ['blue-green', 'urban-construction', 'other'] as const) {
          const ofGroup = first.filter((item) => item.group === group).map((item) => feature(item.geometry));
          const merged = ofGroup.length === 0 ? null : ofGroup.length === 1 ? ofGroup[0] : union(featureCollection(ofGroup));
          const inside = merged ? intersect(featureCollection([merged, secondUnion])) : null;
          const rowSum = matrix.cells.filter((item) => item.from === group).reduce((sum, item) => sum + item.areaSquareMeters, 0);
          expect(rowSum).toBeCloseTo(inside ? area(inside) : 0, 0);
          for (const to of ['blue-green', 'urban-construction', 'other'] as const) {
            const target = second.filter((item) => item.group === to).map((item) => feature(item.geometry));
            const targetUnion = target.length === 0 ? null : target.length === 1 ? target[0] : union(featureCollection(target));
            const both = merged && targetUnion ? intersect(featureCollection([merged, targetUnion])) : null;
            expect(cell(matrix, group, to)).toBeCloseTo(both ? area(both) : 0, 0);
          }
        }
      },
    ), { numRuns: 40 });
  });
});

/** Naive overlay with turf: every pair of parcels intersected, summed by group. */
function naiveCells(first: IndicatorParcel[], second: IndicatorParcel[]): Map<string, number> {
  const cells = new Map<string, number>();
  for (const a of first) for (const b of second) {
    const both = intersect(featureCollection([feature(a.geometry), feature(b.geometry)]));
    if (!both) continue;
    const key = `${a.group}>${b.group}`;
    cells.set(key, (cells.get(key) ?? 0) + area(both));
  }
  return cells;
}
const expectMatchesNaive = (first: IndicatorParcel[], second: IndicatorParcel[]) => {
  const matrix = transitionMatrix(first, second);
  const naive = naiveCells(first, second);
  for (const from of ['blue-green', 'urban-construction', 'other'] as const) {
    for (const to of ['blue-green', 'urban-construction', 'other'] as const) {
      const expected = naive.get(`${from}>${to}`) ?? 0;
      expect(Math.abs(cell(matrix, from, to) - expected)).toBeLessThanOrEqual(Math.max(1e-3, expected * 1e-9));
    }
  }
  return matrix;
};

describe('transition matrix where the states share outlines (the plan drawn on the current parcels)', () => {
  // a 4 × 3 grid of 0.001° parcels with a mid-edge vertex on each side, as survey parcels often have
  const gridParcel = (column: number, row: number, columns = 1, classIndex = 0) => {
    const [x0, y0, x1, y1] = [117 + column * 0.001, 36.8 + row * 0.001, 117 + (column + columns) * 0.001, 36.8 + (row + 1) * 0.001];
    const bottom = Array.from({ length: 2 * columns }, (_, k) => [x0 + (k * (x1 - x0)) / (2 * columns), y0]);
    const top = Array.from({ length: 2 * columns }, (_, k) => [x1 - (k * (x1 - x0)) / (2 * columns), y1]);
    return parcel({ type: 'Polygon', coordinates: [[...bottom, [x1, y0], [x1, (y0 + y1) / 2], ...top, [x0, y1], [x0, (y0 + y1) / 2], [x0, y0]]] }, classIndex);
  };
  const current = Array.from({ length: 12 }, (_, k) => gridParcel(k % 4, Math.floor(k / 4), 1, k % CLASSES.length));

  it('identical outlines give each parcel whole to its twin, whatever the start vertex or direction of the ring', () => {
    const planned = current.map((item, k) => {
      const ring = (item.geometry as Polygon).coordinates[0].slice(0, -1);
      const turned = k % 2 === 0 ? [...ring.slice(3), ...ring.slice(0, 3)] : [...ring].reverse();
      return parcel({ type: 'Polygon', coordinates: [[...turned, turned[0]]] }, (k * 3 + 1) % CLASSES.length);
    });
    const matrix = expectMatchesNaive(current, planned);
    const total = current.reduce((sum, item) => sum + area(item.geometry), 0);
    expect(matrix.commonSquareMeters).toBeCloseTo(total, 3);
  });

  it('merged and split parcels along the current edges match turf exactly', () => {
    // row 0: parcels 0+1 merged, 2 and 3 kept; row 1: one parcel over all four; row 2: each split in two halves
    const planned = [
      gridParcel(0, 0, 2, 1), gridParcel(2, 0, 1, 2), gridParcel(3, 0, 1, 0),
      gridParcel(0, 1, 4, 4),
      ...Array.from({ length: 4 }, (_, k) => [
        parcel(square(117 + k * 0.001, 36.802, 0.0005, 0.001), (k + 1) % CLASSES.length),
        parcel(square(117 + k * 0.001 + 0.0005, 36.802, 0.0005, 0.001), (k + 2) % CLASSES.length),
      ]).flat(),
    ];
    const matrix = expectMatchesNaive(current, planned);
    expect(matrix.commonSquareMeters).toBeCloseTo(current.reduce((sum, item) => sum + area(item.geometry), 0), 2);
  });

  it('a parcel nested in one of the other state, and one with a hole the other fills', () => {
    const big = parcel(square(117, 36.8, 0.004, 0.003), 0);
    const holed = parcel({ type: 'Polygon', coordinates: [square(117, 36.8, 0.004, 0.003).coordinates[0], [...square(117.001, 36.801, 0.001).coordinates[0]].reverse()] }, 1);
    const nested = [parcel(square(117.001, 36.801, 0.001), 2), parcel(square(117.0025, 36.8005, 0.0005), 3)];
    expectMatchesNaive([big], nested);
    expectMatchesNaive(nested, [big]);
    expectMatchesNaive([holed], [parcel(square(117.001, 36.801, 0.001), 2), parcel(square(117.0005, 36.8005, 0.002), 4)]);
  });

  it('property: a random tiling cut on the current lines, their mid-edge vertices and between them matches turf', () => {
    fc.assert(fc.property(
      fc.uniqueArray(fc.integer({ min: 1, max: 15 }), { maxLength: 5 }),
      fc.array(fc.uniqueArray(fc.integer({ min: 1, max: 11 }), { maxLength: 3 }), { minLength: 6, maxLength: 6 }),
      fc.array(fc.integer({ min: 0, max: CLASSES.length - 1 }), { minLength: 24, maxLength: 24 }),
      fc.constantFrom(0, 0.0001),
      (columnCuts, rowCuts, classes, shift) => {
        // quarter-parcel steps over the 4 × 3 grid (and, shifted, past its edges): strips, each cut into pieces
        const xs = [0, ...[...columnCuts].sort((a, b) => a - b), 16].map((k) => 117 + shift + k * 0.00025);
        const planned = xs.slice(0, -1).flatMap((x, strip) => {
          const ys = [0, ...[...rowCuts[strip % 6]].sort((a, b) => a - b), 12].map((k) => 36.8 + k * 0.00025);
          return ys.slice(0, -1).map((y, piece) => parcel(square(x, y, xs[strip + 1] - x, ys[piece + 1] - y), classes[(strip * 4 + piece) % classes.length]));
        });
        expectMatchesNaive(current, planned);
        expectMatchesNaive(planned, current);
      },
    ), { numRuns: 15 });
  });
});
