import { describe, expect, it } from 'vitest';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import {
  BOX,
  goldenExpected,
  goldenPlan,
  rectangle,
  rectangleRing,
  rectangleSquareMeters,
} from '../../../test/fixtures/core/analysis/golden-shapes';
import {
  areaSquareMeters,
  checkTarget,
  createStudyPolygon,
  prepareAnalysis,
  ratioForRegion,
  reconcileArea,
  regionTable,
  toHectares,
  toKm2,
  toMu,
  validateUserPolygon,
  wholeAreaFigures,
} from './index';
import type { FiguresResult, RegionFigures } from './index';

const TOLERANCE = 0.001; // 0.1 %

function close(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(TOLERANCE * Math.abs(expected) + 1e-9);
}

function figuresOf(result: FiguresResult): RegionFigures {
  if (!result.ok) throw new Error(`expected figures, got ${JSON.stringify(result.issues)}`);
  return result.figures;
}

const ALL = ['water', 'wetland', 'forest', 'park', 'farmland'];

describe('areas and units', () => {
  it('a 0.01° square at the equator matches the exact spherical formula', () => {
    const box = [0, 0, 0.01, 0.01];
    close(areaSquareMeters(rectangle(box)), rectangleSquareMeters(box));
    // ≈ 1.2364 km² at the equator (R·Δ)² · (sin Δ / Δ)
    close(toKm2(areaSquareMeters(rectangle(box))), 1.23640);
  });

  it('a 0.01° square at 36.8° N is smaller by cos(36.8°)', () => {
    const box = [117, 36.8, 117.01, 36.81];
    close(areaSquareMeters(rectangle(box)), rectangleSquareMeters(box));
    close(areaSquareMeters(rectangle(box)) / areaSquareMeters(rectangle([0, 0, 0.01, 0.01])), Math.cos(36.805 * Math.PI / 180));
  });

  it('converts m² to km², hectares and mu (1 mu = 10000/15 m²)', () => {
    expect(toKm2(2_500_000)).toBe(2.5);
    expect(toHectares(2_500_000)).toBe(250);
    close(toMu(10_000), 15);
    close(toMu(666.6666667), 1);
  });

  it('subtracts holes and sums MultiPolygon parts', () => {
    const holed: Polygon = { type: 'Polygon', coordinates: [rectangleRing(BOX.farmland), rectangleRing(BOX.farmlandHole).reverse()] };
    close(areaSquareMeters(holed), rectangleSquareMeters(BOX.farmland) - rectangleSquareMeters(BOX.farmlandHole));
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [[rectangleRing(BOX.water)], [rectangleRing(BOX.construction)]] };
    close(areaSquareMeters(multi), rectangleSquareMeters(BOX.water) + rectangleSquareMeters(BOX.construction));
  });
});

describe('whole-area figures on the golden plan', () => {
  const prepared = prepareAnalysis(goldenPlan());
  const expected = goldenExpected();

  it('counts overlapping water and forest once', () => {
    const figures = wholeAreaFigures(prepared, { classes: ['water', 'forest'] });
    close(figures.blueGreenKm2, toKm2(expected.waterForestUnion));
    close(figures.blueGreenRatio ?? NaN, expected.waterForestUnion / expected.boundary);
  });

  it('counts all classes, clips the park to the boundary and leaves the farmland hole out', () => {
    const figures = wholeAreaFigures(prepared, { classes: ALL });
    close(figures.blueGreenKm2, toKm2(expected.waterForestUnion + expected.farmland + expected.parkInside));
    close(figures.areaKm2, toKm2(expected.boundary));
    close(figures.constructionKm2, toKm2(expected.construction));
  });

  it('switching farmland out removes exactly the farmland', () => {
    const withFarmland = wholeAreaFigures(prepared, { classes: ALL });
    const without = wholeAreaFigures(prepared, { classes: ['water', 'wetland', 'forest', 'park'] });
    close(withFarmland.blueGreenKm2 - without.blueGreenKm2, toKm2(expected.farmland));
  });

  it('reports the shares but no verdict: these layers map only part of each region', () => {
    const figures = wholeAreaFigures(prepared, { classes: ALL });
    const share = (expected.waterForestUnion + expected.farmland + expected.parkInside) / expected.boundary;
    close(figures.blueGreenRatio ?? NaN, share);
    expect(figures.blueGreenTarget).toMatchObject({ target: 0.7, op: '>=', pass: 'unknown', marginPoints: null });
    expect(figures.constructionTarget).toMatchObject({ target: 0.3, op: '<=', pass: 'unknown', marginPoints: null });
  });

  it('reconciles the computed boundary area with the official figure', () => {
    const reconciliation = wholeAreaFigures(prepared).reconciliation;
    expect(reconciliation.officialKm2).toBe(398);
    close(reconciliation.computedKm2, toKm2(expected.boundary));
    close(reconciliation.differenceKm2, toKm2(expected.boundary) - 398);
    const direct = reconcileArea(goldenPlan().boundary, 400);
    close(direct.differencePercent, ((toKm2(expected.boundary) - 400) / 400) * 100);
  });
});

describe('ratioForRegion on the golden plan', () => {
  const prepared = prepareAnalysis(goldenPlan());

  it('a region equal to the water square (edges on data edges) gets 100 % water', () => {
    const figures = figuresOf(ratioForRegion(prepared, rectangle(BOX.water), { classes: ['water'] }));
    close(figures.blueGreenKm2, toKm2(rectangleSquareMeters(BOX.water)));
    close(figures.blueGreenRatio ?? NaN, 1);
  });

  it('a region over the overlap counts it once', () => {
    const region = [117.04, 36.74, 117.09, 36.79];
    const figures = figuresOf(ratioForRegion(prepared, rectangle(region), { classes: ['water', 'forest'] }));
    const waterPart = rectangleSquareMeters([117.04, 36.74, 117.08, 36.78]);
    const forestPart = rectangleSquareMeters([117.05, 36.75, 117.09, 36.79]);
    const overlap = rectangleSquareMeters(BOX.overlap);
    close(figures.blueGreenKm2, toKm2(waterPart + forestPart - overlap));
    close(figures.areaKm2, toKm2(rectangleSquareMeters(region)));
  });

  it('a region over the farmland hole sees only the ring around it', () => {
    const region = [117.13, 36.83, 117.17, 36.87];
    const figures = figuresOf(ratioForRegion(prepared, rectangle(region), { classes: ['farmland'] }));
    close(figures.blueGreenKm2, toKm2(rectangleSquareMeters(region) - rectangleSquareMeters(BOX.farmlandHole)));
  });

  it('touching regions split the figures without double counting', () => {
    const west = rectangle([117.03, 36.73, 117.06, 36.8]);
    const east = rectangle([117.06, 36.73, 117.1, 36.8]);
    const both = rectangle([117.03, 36.73, 117.1, 36.8]);
    const [a, b, c] = [west, east, both].map((region) => figuresOf(ratioForRegion(prepared, region, { classes: ['water', 'forest'] })));
    close(a.blueGreenKm2 + b.blueGreenKm2, c.blueGreenKm2);
    close(a.insideAreaKm2 + b.insideAreaKm2, c.insideAreaKm2);
  });

  it('an empty intersection gives 0, not an error', () => {
    const figures = figuresOf(ratioForRegion(prepared, rectangle([117.09, 36.7, 117.11, 36.74]), { classes: ['water'] }));
    expect(figures.blueGreenKm2).toBe(0);
    expect(figures.blueGreenRatio).toBe(0);
    expect(figures.constructionKm2).toBe(0);
  });

  it('a polygon partly outside is clipped to the boundary and says so', () => {
    const region = [116.9, 36.85, 117.02, 36.89];
    const result = ratioForRegion(prepared, rectangle(region), { classes: ['park'] });
    const figures = figuresOf(result);
    close(figures.areaKm2, toKm2(rectangleSquareMeters(region)));
    close(figures.insideAreaKm2, toKm2(rectangleSquareMeters([117, 36.85, 117.02, 36.89])));
    close(figures.blueGreenRatio ?? NaN, 1);
    expect(figures.issues.map((issue) => issue.reason)).toContain('partly-outside-boundary');
  });

  it('a polygon wholly outside has no ratio and a warning', () => {
    const figures = figuresOf(ratioForRegion(prepared, rectangle([118, 36, 118.1, 36.1])));
    expect(figures.insideAreaKm2).toBe(0);
    expect(figures.blueGreenRatio).toBeNull();
    expect(figures.blueGreenTarget.pass).toBe('unknown');
    expect(figures.issues.map((issue) => issue.reason)).toContain('outside-boundary');
  });

  it('a MultiPolygon region sums its parts', () => {
    const region: Feature<MultiPolygon> = {
      type: 'Feature',
      properties: {},
      geometry: { type: 'MultiPolygon', coordinates: [[rectangleRing(BOX.water)], [rectangleRing(BOX.construction)]] },
    };
    const figures = figuresOf(ratioForRegion(prepared, region, { classes: ['water'] }));
    close(figures.blueGreenKm2, toKm2(rectangleSquareMeters(BOX.water)));
    close(figures.constructionKm2, toKm2(rectangleSquareMeters(BOX.construction)));
    close(figures.blueGreenRatio ?? NaN, rectangleSquareMeters(BOX.water) / (rectangleSquareMeters(BOX.water) + rectangleSquareMeters(BOX.construction)));
  });

  it('a region with a hole excludes the hole', () => {
    const region: Feature<Polygon> = {
      type: 'Feature',
      properties: {},
      geometry: { type: 'Polygon', coordinates: [rectangleRing(BOX.water), rectangleRing([117.03, 36.73, 117.04, 36.74]).reverse()] },
    };
    const figures = figuresOf(ratioForRegion(prepared, region, { classes: ['water'] }));
    close(figures.blueGreenKm2, toKm2(rectangleSquareMeters(BOX.water) - rectangleSquareMeters([117.03, 36.73, 117.04, 36.74])));
  });

  it('a self-intersecting (bow-tie) polygon is reported, not thrown', () => {
    const bowTie = { type: 'Polygon', coordinates: [[[117.05, 36.75], [117.1, 36.8], [117.1, 36.75], [117.05, 36.8], [117.05, 36.75]]] };
    const result = ratioForRegion(prepared, bowTie);
    expect(result.ok).toBe(false);
    expect(result.issues.map((issue) => issue.reason)).toContain('self-intersection');
  });

  it('degenerate and non-polygonal input is reported, not thrown', () => {
    const twoPoints = { type: 'Polygon', coordinates: [[[117.05, 36.75], [117.1, 36.8], [117.05, 36.75], [117.05, 36.75]]] };
    expect(ratioForRegion(prepared, twoPoints).issues[0].reason).toBe('too-few-points');
    for (const bad of [null, 'polygon', { type: 'Point', coordinates: [117, 36] }, { type: 'Polygon' }, { type: 'Polygon', coordinates: [[[NaN, 1], [2, 3], [4, 5], [NaN, 1]]] }]) {
      const result = ratioForRegion(prepared, bad);
      expect(result.ok).toBe(false);
    }
    const collinear = { type: 'Polygon', coordinates: [[[117.05, 36.75], [117.06, 36.76], [117.07, 36.77], [117.05, 36.75]]] };
    expect(ratioForRegion(prepared, collinear).ok).toBe(false);
  });

  it('regionTable gives one row per feature and reuses unchanged rows', () => {
    const regions = [rectangle(BOX.water, { id: 'a', name_zh: '甲', name_en: 'A' }), rectangle(BOX.forest, { id: 'b' })];
    const first = regionTable(prepared, regions, { classes: ALL });
    expect(first.map((row) => row.id)).toEqual(['a', 'b']);
    expect(first[0].nameZh).toBe('甲');
    const edited = [regions[0], rectangle([117.05, 36.75, 117.1, 36.8], { id: 'b' })];
    const second = regionTable(prepared, edited, { classes: ALL });
    expect(second[0].result).toBe(first[0].result);
    expect(second[1].result).not.toBe(first[1].result);
  });
});

describe('validateUserPolygon', () => {
  it('accepts a plain square and closes an unclosed ring with a warning', () => {
    expect(validateUserPolygon(rectangle(BOX.water)).ok).toBe(true);
    const open = { type: 'Polygon', coordinates: [rectangleRing(BOX.water).slice(0, -1)] };
    const result = validateUserPolygon(open);
    expect(result.ok).toBe(true);
    expect(result.issues[0].reason).toBe('unclosed-ring');
  });

  it('rejects a hole outside its shell and overlapping MultiPolygon parts', () => {
    const holeOutside = { type: 'Polygon', coordinates: [rectangleRing(BOX.water), rectangleRing(BOX.construction)] };
    expect(validateUserPolygon(holeOutside).issues.map((issue) => issue.reason)).toContain('hole-outside-shell');
    const overlapping = { type: 'MultiPolygon', coordinates: [[rectangleRing(BOX.boundary)], [rectangleRing(BOX.water)]] };
    expect(validateUserPolygon(overlapping).issues.map((issue) => issue.reason)).toContain('overlapping-parts');
  });

  it('locates a self-intersection', () => {
    const bowTie = { type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] };
    const issue = validateUserPolygon(bowTie).issues[0];
    expect(issue.reason).toBe('self-intersection');
    expect(issue.at?.[0]).toBeCloseTo(0.5, 6);
  });
});

describe('checkTarget and the study polygon helper', () => {
  it('margins are positive when passing, negative when failing, null when undefined', () => {
    expect(checkTarget(0.75, { target: 0.7, op: '>=' })).toMatchObject({ pass: true });
    expect(checkTarget(0.75, { target: 0.7, op: '>=' }).marginPoints).toBeCloseTo(5, 9);
    expect(checkTarget(0.35, { target: 0.3, op: '<=' }).marginPoints).toBeCloseTo(-5, 9);
    expect(checkTarget(null, { target: 0.3, op: '<=' })).toMatchObject({ pass: 'unknown', marginPoints: null });
  });

  it('builds a valid 50-vertex polygon of 100 km²', () => {
    const polygon = createStudyPolygon({ center: [117.05, 36.8] });
    expect(polygon.geometry.coordinates[0]).toHaveLength(51);
    close(toKm2(areaSquareMeters(polygon)), 100);
    expect(validateUserPolygon(polygon).ok).toBe(true);
  });
});
