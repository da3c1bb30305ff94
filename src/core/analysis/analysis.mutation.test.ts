import { describe, expect, it } from 'vitest';
import { BOX, goldenPlan, rectangle } from '../../../test/fixtures/core/analysis/golden-shapes';
import {
  areaSquareMeters,
  checkTarget,
  createStudyPolygon,
  movePolygonVertex,
  normalizeClasses,
  prepareAnalysis,
  ratioForRegion,
  reconcileArea,
  regionTable,
  validateUserPolygon,
  wholeAreaFigures,
} from './index';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** Each exported function gets deep-frozen inputs (a write would throw in strict mode) and a snapshot check. */
describe('no exported function mutates its inputs', () => {
  const plan = deepFreeze(goldenPlan());
  const snapshot = JSON.stringify(plan);
  const prepared = prepareAnalysis(plan);
  const region = deepFreeze(rectangle([116.95, 36.74, 117.09, 36.79], { id: 'r' }));
  const options = deepFreeze({ classes: ['water', 'forest'] as const });

  it('prepareAnalysis', () => expect(JSON.stringify(plan)).toBe(snapshot));
  it('ratioForRegion', () => {
    expect(ratioForRegion(prepared, region, options).ok).toBe(true);
    expect(region.geometry.coordinates[0][0]).toEqual([116.95, 36.74]);
  });
  it('wholeAreaFigures', () => expect(wholeAreaFigures(prepared, options).classes).toEqual(['water', 'forest']));
  it('regionTable', () => expect(regionTable(prepared, deepFreeze([region]), options)).toHaveLength(1));
  it('reconcileArea', () => expect(reconcileArea(plan.boundary).officialKm2).toBe(398));
  it('validateUserPolygon', () => {
    const open = deepFreeze({ type: 'Polygon', coordinates: [[[117, 36], [117.1, 36], [117.1, 36.1]]] });
    expect(validateUserPolygon(open).ok).toBe(true);
    expect(open.coordinates[0]).toHaveLength(3);
  });
  it('areaSquareMeters', () => expect(areaSquareMeters(deepFreeze(rectangle(BOX.water)))).toBeGreaterThan(0));
  it('checkTarget', () => expect(checkTarget(0.5, deepFreeze({ target: 0.7, op: '>=' as const })).pass).toBe(false));
  it('normalizeClasses', () => expect(normalizeClasses(deepFreeze(['farmland', 'water', 'x']))).toEqual(['water', 'farmland']));
  it('createStudyPolygon and movePolygonVertex', () => {
    const polygon = deepFreeze(createStudyPolygon(deepFreeze({ center: [117.1, 36.8] as [number, number] })));
    const before = JSON.stringify(polygon);
    const moved = movePolygonVertex(polygon, 0, deepFreeze([0.001, 0] as [number, number]));
    expect(JSON.stringify(polygon)).toBe(before);
    expect(moved.geometry.coordinates[0][0]).toEqual(moved.geometry.coordinates[0][50]);
  });
});
