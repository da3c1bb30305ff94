import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { collectionJsonParts } from '../../src/core/import/collection-json.ts';
import { validateImport } from '../../src/core/import/validate-import.ts';
import { studyPolygonOf } from '../../src/core/import/study-polygon-of.ts';

const collection = (count: number): FeatureCollection => ({
  type: 'FeatureCollection',
  features: Array.from({ length: count }, (_, index) => ({
    type: 'Feature', id: `f${index}`, properties: { n: index, name: `<b>${index}</b>` },
    geometry: { type: 'Point', coordinates: [117 + index * 1e-3, 36.8] },
  })),
});

describe('collectionJsonParts', () => {
  it('writes one valid GeoJSON document across parts, ids as given by default', () => {
    const input = collection(7);
    const parts = collectionJsonParts(input, { featuresPerPart: 3 });
    expect(parts.length).toBe(2 + 3);
    expect(JSON.parse(parts.join(''))).toEqual(input);
  });

  it('replaces ids by the feature index for the map copy, without mutating the input', () => {
    const input = collection(5);
    const before = JSON.stringify(input);
    const parsed = JSON.parse(collectionJsonParts(input, { indexIds: true, featuresPerPart: 2 }).join('')) as FeatureCollection;
    expect(parsed.features.map((feature) => feature.id)).toEqual([0, 1, 2, 3, 4]);
    expect(parsed.features[3]?.properties).toEqual({ n: 3, name: '<b>3</b>' });
    expect(JSON.stringify(input)).toBe(before);
  });

  it('handles an empty and a one-feature collection', () => {
    expect(JSON.parse(collectionJsonParts({ type: 'FeatureCollection', features: [] }).join(''))).toEqual({ type: 'FeatureCollection', features: [] });
    expect(JSON.parse(collectionJsonParts(collection(1)).join('')).features).toHaveLength(1);
  });
});

describe('import summary', () => {
  it('lists property keys and counts polygons', () => {
    const result = validateImport({ type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { b: 1, a: 2 }, geometry: { type: 'Polygon', coordinates: [[[117, 36.8], [117.1, 36.8], [117.1, 36.9], [117, 36.8]]] } },
      { type: 'Feature', properties: { c: 3 }, geometry: { type: 'Point', coordinates: [117, 36.8] } },
    ] });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.summary.propertyKeys).toEqual(['a', 'b', 'c']);
      expect(result.summary.polygonCount).toBe(1);
    }
  });
});

describe('studyPolygonOf', () => {
  const square = (x: number, size: number) => [[[x, 0], [x + size, 0], [x + size, size], [x, size], [x, 0]]];
  it('keeps a Polygon and copies it', () => {
    const geometry = { type: 'Polygon' as const, coordinates: square(117, 0.1) };
    const result = studyPolygonOf(geometry);
    expect(result).toEqual({ polygon: geometry, parts: 1 });
    expect(result?.polygon.coordinates[0]).not.toBe(geometry.coordinates[0]);
  });
  it('takes the largest part of a MultiPolygon', () => {
    const result = studyPolygonOf({ type: 'MultiPolygon', coordinates: [square(117, 0.01), square(118, 0.2), square(119, 0.05)] });
    expect(result?.parts).toBe(3);
    expect(result?.polygon.coordinates).toEqual(square(118, 0.2));
  });
  it('refuses points, lines and nothing', () => {
    expect(studyPolygonOf({ type: 'Point', coordinates: [117, 36] })).toBeNull();
    expect(studyPolygonOf({ type: 'LineString', coordinates: [[117, 36], [118, 36]] })).toBeNull();
    expect(studyPolygonOf(null)).toBeNull();
  });
});
