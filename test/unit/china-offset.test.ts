import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bd09ToWgs84, gcj02ToBd09, gcj02ToWgs84, outOfChina, wgs84ToBd09, wgs84ToGcj02 } from '../../src/core/import/china-offset.ts';
import { convertToWgs84 } from '../../src/core/import/convert-collection.ts';
import type { FeatureCollection, Point } from 'geojson';

const JINAN: [number, number] = [117.0, 36.8];

describe('GCJ-02 / BD-09 ↔ WGS84', () => {
  it('offsets WGS84 near Jinan by about 0.0055–0.0063° east (and slightly north)', () => {
    const [lng, lat] = wgs84ToGcj02(JINAN);
    expect(lng - JINAN[0]).toBeGreaterThan(0.0055);
    expect(lng - JINAN[0]).toBeLessThan(0.0063);
    expect(Math.abs(lat - JINAN[1])).toBeLessThan(0.003);
  });

  it('round-trips WGS84 → GCJ-02 → WGS84 within 1e-5° across China', () => {
    fc.assert(fc.property(fc.double({ min: 75, max: 134, noNaN: true }), fc.double({ min: 18, max: 53, noNaN: true }), (lng, lat) => {
      const [backLng, backLat] = gcj02ToWgs84(wgs84ToGcj02([lng, lat]));
      expect(Math.abs(backLng - lng)).toBeLessThan(1e-5);
      expect(Math.abs(backLat - lat)).toBeLessThan(1e-5);
    }), { numRuns: 500 });
  });

  it('round-trips WGS84 → BD-09 → WGS84 within 1e-5°', () => {
    const [lng, lat] = bd09ToWgs84(wgs84ToBd09(JINAN));
    expect(Math.abs(lng - JINAN[0])).toBeLessThan(1e-5);
    expect(Math.abs(lat - JINAN[1])).toBeLessThan(1e-5);
  });

  it('BD-09 adds about a further 0.0065° east and 0.006° north to GCJ-02', () => {
    const gcj = wgs84ToGcj02(JINAN);
    const bd = gcj02ToBd09(gcj);
    expect(bd[0] - gcj[0]).toBeGreaterThan(0.006);
    expect(bd[0] - gcj[0]).toBeLessThan(0.0075);
    expect(bd[1] - gcj[1]).toBeGreaterThan(0.005);
  });

  it('leaves points outside China unchanged', () => {
    expect(outOfChina(2.35, 48.85)).toBe(true);
    expect(wgs84ToGcj02([2.35, 48.85])).toEqual([2.35, 48.85]);
  });

  it('converts a whole collection without mutating it, keeping elevation', () => {
    const gcj = wgs84ToGcj02(JINAN);
    const input: FeatureCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { a: 1 }, geometry: { type: 'Point', coordinates: [gcj[0], gcj[1], 25] } }] };
    const before = JSON.stringify(input);
    const out = convertToWgs84(input, 'gcj02');
    const coordinates = (out.features[0]!.geometry as Point).coordinates;
    expect(coordinates[0]).toBeCloseTo(JINAN[0], 6);
    expect(coordinates[1]).toBeCloseTo(JINAN[1], 6);
    expect(coordinates[2]).toBe(25);
    expect(JSON.stringify(input)).toBe(before);
    expect(out.features[0]!.properties).toEqual({ a: 1 });
  });
});
