import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { measurePoints } from './measure-points.ts';

describe('measurePoints', () => {
  it('measures a meridian arc: 0.1° of latitude is about 11.1 km', () => {
    const result = measurePoints([[117, 36.8], [117, 36.9]], 'distance');
    expect(result.meters).toBeGreaterThan(11_100);
    expect(result.meters).toBeLessThan(11_140);
    expect(result.squareMeters).toBeNull();
  });

  it('closes the polygon in area mode: a 0.01° square near Jinan is about 0.99 km²', () => {
    const square = [[117, 36.8], [117.01, 36.8], [117.01, 36.81], [117, 36.81]];
    const result = measurePoints(square, 'area');
    // 0.01° × cos(36.805°) × 111.2 km by 0.01° × 111.2 km ≈ 0.89 × 1.11 km
    expect(result.squareMeters! / 1e6).toBeGreaterThan(0.98);
    expect(result.squareMeters! / 1e6).toBeLessThan(1.0);
    expect(result.meters).toBeGreaterThan(3_900);
    expect(measurePoints(square.slice(0, 2), 'area').squareMeters).toBeNull();
  });

  it('is zero for fewer than two points and never changes its input', () => {
    expect(measurePoints([], 'distance').meters).toBe(0);
    expect(measurePoints([[117, 36.8]], 'area')).toMatchObject({ meters: 0, squareMeters: null, points: 1 });
    fc.assert(fc.property(fc.array(fc.tuple(fc.double({ min: 116.8, max: 117.5, noNaN: true }), fc.double({ min: 36.6, max: 37.1, noNaN: true })), { maxLength: 8 }), (points) => {
      const copy = structuredClone(points);
      const result = measurePoints(points, 'area');
      expect(points).toEqual(copy);
      expect(result.meters).toBeGreaterThanOrEqual(0);
      if (result.squareMeters !== null) expect(result.squareMeters).toBeGreaterThanOrEqual(0);
    }));
  });
});
