import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { prepareAnalysis, wholeAreaFigures, ratioForRegion, withExtraBlueGreen, areaSquareMeters } from '../../src/core/analysis/index.ts';

const box = (w: number, s: number, e: number, n: number, properties: Record<string, unknown> = {}): Feature<Polygon> => ({
  type: 'Feature', properties,
  geometry: { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] },
});
const fc = (...features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

// A 0.2° square "boundary" with one water polygon in its south-west corner.
const boundary = fc(box(117, 36.8, 117.2, 37, { official_area_km2: 390 }));
const water = box(117, 36.8, 117.05, 36.85, { class: 'water' });
const prepared = () => prepareAnalysis({ boundary, blueGreen: fc(water), construction: fc() }, { tileSizeMeters: 5000 });

describe('withExtraBlueGreen', () => {
  it('adds the area of an extra polygon that overlaps no plan blue-green', () => {
    const base = prepared();
    const extra = box(117.1, 36.9, 117.15, 36.95);
    const next = withExtraBlueGreen(base, [fc(extra)]);
    const before = wholeAreaFigures(base).blueGreenKm2;
    const after = wholeAreaFigures(next).blueGreenKm2;
    expect(after - before).toBeCloseTo(areaSquareMeters(extra) / 1e6, 1);
    expect(wholeAreaFigures(next).blueGreenRatio ?? 0).toBeGreaterThan(wholeAreaFigures(base).blueGreenRatio ?? 1);
  });

  it('counts overlaps with plan blue-green once, clips to the boundary, and ignores points and lines', () => {
    const base = prepared();
    const sameAsWater = box(117, 36.8, 117.05, 36.85);
    const outside = box(118, 36.8, 118.1, 36.9);
    const point: Feature = { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [117.1, 36.9] } };
    const next = withExtraBlueGreen(base, [fc(sameAsWater, outside, point)]);
    expect(wholeAreaFigures(next).blueGreenKm2).toBeCloseTo(wholeAreaFigures(base).blueGreenKm2, 6);
  });

  it('changes region figures too, and never changes its input', () => {
    const base = prepared();
    const frozen = JSON.stringify(wholeAreaFigures(base));
    const region = box(117.1, 36.9, 117.2, 37);
    const next = withExtraBlueGreen(base, [fc(box(117.1, 36.9, 117.15, 36.95))]);
    const before = ratioForRegion(base, region);
    const after = ratioForRegion(next, region);
    expect(before.ok && after.ok).toBe(true);
    if (before.ok && after.ok) expect(after.figures.blueGreenRatio ?? 0).toBeCloseTo((before.figures.blueGreenRatio ?? 1) + 0.25, 1);
    expect(JSON.stringify(wholeAreaFigures(base))).toBe(frozen);
    expect(base.extraBlueGreen).toBeUndefined();
    expect(wholeAreaFigures(withExtraBlueGreen(base, [])).blueGreenKm2).toBeCloseTo(wholeAreaFigures(base).blueGreenKm2, 9);
  });

  it('skips bad polygons with an issue instead of throwing', () => {
    const bad = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[117, 36.8], [117.1]]] } } as unknown as Feature;
    const next = withExtraBlueGreen(prepared(), [fc(bad)]);
    expect(next.issues.some((issue) => issue.reason === 'invalid-coordinates')).toBe(true);
  });
});
