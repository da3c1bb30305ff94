import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Polygon } from 'geojson';
import { MAX_IMPORT_BYTES, parseGeoJsonText, validateImport, validateImportText } from '../../src/core/import/validate-import.ts';
import { jsonErrorLocation, lineColumnAt } from '../../src/core/import/json-position.ts';
import type { ImportIssue } from '../../src/core/import/import-issues.ts';

const square = (ring: number[][]) => ({ type: 'Feature', properties: { name: 'a' }, geometry: { type: 'Polygon', coordinates: [ring] } });
const CCW = [[117, 36.8], [117.1, 36.8], [117.1, 36.9], [117, 36.9], [117, 36.8]];
const fcOf = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
const codes = (issues: ImportIssue[]) => issues.map((issue) => issue.code);

describe('import validation: good input', () => {
  it('accepts a valid FeatureCollection and summarises it', () => {
    const result = validateImport(fcOf(square(CCW), { type: 'Feature', properties: null, geometry: { type: 'Point', coordinates: [117.05, 36.85] } }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.summary.featureCount).toBe(2);
    expect(result.summary.geometryTypes).toEqual(['Point', 'Polygon']);
    expect(result.summary.offsetCandidate).toBe(true);
    expect(result.issues).toEqual([]);
  });

  it('wraps a lone Feature and a bare geometry', () => {
    const feature = validateImport(square(CCW));
    const geometry = validateImport({ type: 'LineString', coordinates: [[117, 36.8], [117.1, 36.9]] });
    expect(feature.ok && feature.collection.features.length).toBe(1);
    expect(geometry.ok && geometry.collection.features[0]?.geometry?.type).toBe('LineString');
  });

  it('accepts a feature with null geometry (unlocated)', () => {
    const result = validateImport(fcOf({ type: 'Feature', properties: {}, geometry: null }));
    expect(result.ok).toBe(true);
  });

  it('fixes clockwise exterior rings to the right-hand rule with a notice, without mutating the input', () => {
    const clockwise = [...CCW].reverse();
    const input = fcOf(square(clockwise));
    const before = JSON.stringify(input);
    const result = validateImport(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(codes(result.issues)).toEqual(['winding-fixed']);
    expect(result.summary.rewoundRings).toBe(1);
    expect((result.collection.features[0]?.geometry as Polygon).coordinates[0]).toEqual(CCW);
    expect(JSON.stringify(input)).toBe(before);
  });

  it('fixes counterclockwise holes too', () => {
    const hole = [[117.02, 36.82], [117.05, 36.82], [117.05, 36.85], [117.02, 36.82]];
    const result = validateImport({ type: 'Polygon', coordinates: [CCW, hole] });
    expect(result.ok && result.summary.rewoundRings).toBe(1);
  });

  it('warns about crs members and duplicate ids but keeps the data', () => {
    const result = validateImport({ ...fcOf({ ...square(CCW), id: 'x' }, { ...square(CCW), id: 'x' }), crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } } });
    expect(result.ok).toBe(true);
    expect(codes(result.issues)).toEqual(['crs-member', 'duplicate-id']);
    const duplicate = result.issues[1];
    expect(duplicate?.featureIndex).toBe(1);
    expect(duplicate?.params?.first).toBe(0);
  });
});

describe('import validation: bad input says what and where', () => {
  it('reports JSON syntax errors with line and column', () => {
    const result = parseGeoJsonText('{"type":"FeatureCollection",\n "features": [\n  {"type":"Feature" "x":1}]}');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]).toMatchObject({ code: 'json-syntax', line: 3, column: 21 });
  });

  it('computes line/column from positions and end-of-input messages', () => {
    expect(lineColumnAt('ab\ncd\nef', 4)).toMatchObject({ line: 2, column: 2 });
    expect(jsonErrorLocation('{\n"a":', 'Unexpected end of JSON input')).toMatchObject({ line: 2, column: 5 });
    expect(jsonErrorLocation('x', 'SyntaxError: JSON.parse: unexpected character at line 7 column 9')).toEqual({ line: 7, column: 9 });
  });

  it('rejects empty text', () => {
    expect(codes(validateImportText('  \n').issues)).toEqual(['empty-input']);
  });

  it('names the right case for wrong-case types', () => {
    const result = validateImport({ type: 'featurecollection', features: [] });
    expect(result.ok).toBe(false);
    expect(result.issues[0]).toMatchObject({ code: 'wrong-case-type', path: 'type', params: { expected: 'FeatureCollection' } });
  });

  it('rejects unknown types, including prototype names', () => {
    for (const type of ['Circle', 'constructor', '__proto__', 'toString', 7]) {
      const result = validateImport({ type });
      expect(result.ok).toBe(false);
      expect(result.issues[0]?.code).toBe('unknown-type');
    }
  });

  it('locates bad coordinates: strings, null, too few values', () => {
    const point = (coordinates: unknown) => fcOf(square(CCW), { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates } });
    expect(validateImport(point(['117', 36])).issues[0]).toMatchObject({ code: 'bad-coordinate', featureIndex: 1, path: 'features[1].geometry.coordinates[0]' });
    expect(validateImport(point([117, null])).issues[0]).toMatchObject({ code: 'bad-coordinate', path: 'features[1].geometry.coordinates[1]' });
    expect(validateImport(point([117])).issues[0]).toMatchObject({ code: 'too-few-values', featureIndex: 1 });
    expect(validateImport(point('117,36')).issues[0]).toMatchObject({ code: 'bad-coordinate' });
  });

  it('rejects unclosed and short rings', () => {
    const unclosed = validateImport(fcOf(square(CCW.slice(0, 4))));
    expect(unclosed.issues[0]).toMatchObject({ code: 'unclosed-ring', featureIndex: 0, path: 'features[0].geometry.coordinates[0]' });
    const short = validateImport(fcOf(square([[117, 36.8], [117.1, 36.8], [117, 36.8]])));
    expect(short.issues[0]).toMatchObject({ code: 'short-ring' });
  });

  it('rejects nested GeometryCollections', () => {
    const result = validateImport({ type: 'GeometryCollection', geometries: [{ type: 'GeometryCollection', geometries: [] }] });
    expect(result.issues[0]).toMatchObject({ code: 'nested-geometry-collection', path: 'geometries[0]' });
  });

  it('rejects empty collections', () => {
    expect(validateImport(fcOf()).issues[0]).toMatchObject({ code: 'empty-collection', path: 'features' });
  });

  it('recognises CGCS2000 Gauss-Krüger 3° zone 39 coordinates', () => {
    const ring = [[39_500_000, 4_080_000], [39_501_000, 4_080_000], [39_501_000, 4_081_000], [39_500_000, 4_080_000]];
    const result = validateImport(fcOf(square(ring)));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.frame).toMatchObject({ kind: 'projected', system: 'gauss-kruger-3', zone: 39, centralMeridian: 117 });
    expect(result.issues[0]?.code).toBe('projected');
  });

  it('recognises UTM 50N-like metres', () => {
    const result = validateImport({ type: 'Point', coordinates: [500_000, 4_073_000] });
    expect(!result.ok && result.frame).toMatchObject({ kind: 'projected', system: 'utm-or-gk' });
  });

  it('recognises lat/lon swapped', () => {
    const result = validateImport({ type: 'LineString', coordinates: [[36.8, 117.0], [36.9, 117.1]] });
    expect(!result.ok && result.frame).toEqual({ kind: 'swapped' });
    expect(result.issues[0]).toMatchObject({ code: 'swapped', params: { value: '[36.8,117]' } });
  });

  it('reports other out-of-range positions with their place', () => {
    const result = validateImport(fcOf(square(CCW), { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [190, 36] } }));
    expect(result.issues[0]).toMatchObject({ code: 'out-of-range', featureIndex: 1 });
  });

  it('caps the number of listed issues and counts the rest', () => {
    const many = fcOf(...Array.from({ length: 100 }, () => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: ['x', 1] } })));
    const result = validateImport(many, { maxIssues: 10 });
    expect(result.issues.length).toBe(11);
    expect(result.issues.at(-1)).toMatchObject({ code: 'more-issues', params: { count: 90 } });
  });

  it('rejects text over the size limit', () => {
    expect(MAX_IMPORT_BYTES).toBeGreaterThanOrEqual(50 * 1024 * 1024);
  });

  it('falls back on geojson-validation for what our pass does not check (feature without geometry member)', () => {
    const result = validateImport(fcOf({ type: 'Feature', properties: {} }));
    expect(result.ok).toBe(false);
    expect(result.issues.length).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------- property-based robustness
const position = fc.oneof(
  fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true })).map((p) => [...p]),
  fc.anything(),
);
const geometry = fc.oneof(
  fc.record({ type: fc.constantFrom('Point', 'point', 'Circle'), coordinates: position }),
  fc.record({ type: fc.constantFrom('LineString', 'MultiPoint'), coordinates: fc.array(position, { maxLength: 5 }) }),
  fc.record({ type: fc.constantFrom('Polygon', 'MultiLineString'), coordinates: fc.array(fc.array(position, { maxLength: 6 }), { maxLength: 3 }) }),
  fc.record({ type: fc.constant('GeometryCollection'), geometries: fc.anything() }),
  fc.anything(),
);
const feature = fc.record({
  type: fc.constantFrom('Feature', 'feature', 'Feature'),
  properties: fc.oneof(fc.constant(null), fc.dictionary(fc.string(), fc.jsonValue()), fc.anything()),
  geometry: fc.oneof(fc.constant(null), geometry),
  id: fc.oneof(fc.string(), fc.integer({ min: 0, max: 3 })),
}, { requiredKeys: ['type'] });
const geojsonish = fc.oneof(
  fc.record({ type: fc.constantFrom('FeatureCollection', 'FeatureCollection', 'featureCollection'), features: fc.oneof(fc.array(feature, { maxLength: 6 }), fc.anything()), crs: fc.anything() }, { requiredKeys: ['type', 'features'] }),
  feature,
  geometry,
  fc.anything(),
);

function checkVerdict(result: ReturnType<typeof validateImport>): void {
  if (!result.ok) {
    expect(result.issues.length).toBeGreaterThan(0);
    expect(result.issues.some((issue) => issue.severity === 'error')).toBe(true);
  } else {
    expect(result.collection.type).toBe('FeatureCollection');
    expect(result.issues.every((issue) => issue.severity !== 'error')).toBe(true);
    expect(() => JSON.stringify(result.collection)).not.toThrow();
  }
}

describe('import validation: property-based robustness (fast-check)', () => {
  it('never throws on random GeoJSON-like values; every rejection has an error message', () => {
    fc.assert(fc.property(geojsonish, (value) => {
      checkVerdict(validateImport(value));
    }), { numRuns: 1500 });
  });

  it('never throws on mutated valid GeoJSON text (cut, inserted or replaced characters)', () => {
    const valid = JSON.stringify(fcOf(square(CCW), { type: 'Feature', properties: { name: '济南' }, geometry: { type: 'Point', coordinates: [117.05, 36.85] } }), null, 1);
    const mutation = fc.tuple(fc.nat({ max: valid.length }), fc.nat({ max: 8 }), fc.string({ maxLength: 4 }));
    fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
      let text = valid;
      for (const [at, cut, insert] of mutations) text = text.slice(0, at) + insert + text.slice(at + cut);
      const result = validateImportText(text);
      checkVerdict(result);
      if (!result.ok && result.issues[0]?.code === 'json-syntax') {
        expect(result.issues[0].line).toBeGreaterThan(0);
      }
    }), { numRuns: 1500 });
  });

  it('accepts every generated valid polygon collection', () => {
    const lon = fc.double({ min: 116, max: 118, noNaN: true });
    const lat = fc.double({ min: 36, max: 38, noNaN: true });
    fc.assert(fc.property(fc.array(fc.tuple(lon, lat), { minLength: 3, maxLength: 8 }), (points) => {
      const ring = [...points.map((p) => [...p]), [...points[0]!]];
      const result = validateImport(fcOf(square(ring)));
      expect(result.ok).toBe(true);
    }), { numRuns: 300 });
  });
});

describe('findJsonErrorOffset agrees with JSON.parse', () => {
  it('finds an offset exactly when JSON.parse fails', async () => {
    const { findJsonErrorOffset } = await import('../../src/core/import/json-position.ts');
    expect(findJsonErrorOffset('{"a": [1, 2, {"b": "c\\u0041"}], "d": -1.5e3, "e": true}')).toBeUndefined();
    expect(findJsonErrorOffset(':{}')).toBe(0);
    expect(findJsonErrorOffset('{"a" 1}')).toBe(5);
    expect(findJsonErrorOffset('[' .repeat(100000))).toBe(100000);
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', '1', '-', 'e', '.', ' ', 'n', 'u', 'l', '\\') , maxLength: 12 }), (text) => {
      let parses = true;
      try { JSON.parse(text); } catch { parses = false; }
      expect(findJsonErrorOffset(text) === undefined).toBe(parses);
    }), { numRuns: 3000 });
  });
});
