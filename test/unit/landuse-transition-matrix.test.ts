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
