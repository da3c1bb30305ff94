import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Feature, Polygon, Position } from 'geojson';
import { naiveRegionAreas } from '../../../test/helpers/analysis-naive';
import { createSyntheticPlan } from '../../../test/fixtures/core/analysis/synthetic-plan';
import { prepareAnalysis, ratioForRegion } from './index';

const CLASS_SETS = [
  ['water', 'wetland', 'forest', 'park', 'farmland'],
  ['water', 'wetland', 'forest', 'park'],
  ['water', 'forest'],
  ['farmland'],
];

/** Star-shaped (hence simple) random polygons over the synthetic plan, some reaching outside the boundary. */
const starPolygon = fc
  .record({
    lng: fc.double({ min: 116.85, max: 117.25, noNaN: true }),
    lat: fc.double({ min: 36.74, max: 36.96, noNaN: true }),
    radiusKm: fc.double({ min: 0.3, max: 9, noNaN: true }),
    factors: fc.array(fc.double({ min: 0.3, max: 1, noNaN: true }), { minLength: 3, maxLength: 60 }),
    classSet: fc.integer({ min: 0, max: CLASS_SETS.length - 1 }),
  })
  .map(({ lng, lat, radiusKm, factors, classSet }) => {
    const ring: Position[] = factors.map((factor, i) => {
      const angle = (2 * Math.PI * i) / factors.length;
      return [lng + (radiusKm * factor * Math.cos(angle)) / 89.1, lat + (radiusKm * factor * Math.sin(angle)) / 111.2];
    });
    ring.push([...ring[0]]);
    const polygon: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } };
    return { polygon, classes: CLASS_SETS[classSet] };
  });

describe('prepared path equals the naive turf computation', () => {
  const plan = createSyntheticPlan();
  const prepared = prepareAnalysis(plan);

  it('on random polygons, within 0.1 %', () => {
    fc.assert(
      fc.property(starPolygon, ({ polygon, classes }) => {
        const result = ratioForRegion(prepared, polygon, { classes });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const naive = naiveRegionAreas(plan, polygon, classes);
        const tolerance = (value: number): number => 0.001 * value + 1e-6;
        const figures = result.figures;
        expect(Math.abs(figures.areaKm2 - naive.areaKm2)).toBeLessThanOrEqual(tolerance(naive.areaKm2));
        expect(Math.abs(figures.insideAreaKm2 - naive.insideAreaKm2)).toBeLessThanOrEqual(tolerance(naive.insideAreaKm2));
        expect(Math.abs(figures.blueGreenKm2 - naive.blueGreenKm2)).toBeLessThanOrEqual(tolerance(naive.blueGreenKm2));
        expect(Math.abs(figures.constructionKm2 - naive.constructionKm2)).toBeLessThanOrEqual(tolerance(naive.constructionKm2));
      }),
      { numRuns: 60, seed: 4 },
    );
  });
});
