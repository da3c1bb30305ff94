import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Polygon } from 'geojson';
import { checkRfc7946 } from '../../src/core/geojson/rfc7946.ts';
import { GEOJSON_RULES, ruleOutcome, rewindRing, ringProblem, windingProblem } from '../../src/core/geojson/rules.ts';
import type { GeoJsonRuleId } from '../../src/core/geojson/rules.ts';
import { validateImport } from '../../src/core/import/validate-import.ts';
import type { ImportIssueCode } from '../../src/core/import/import-issues.ts';
import { hasMessage } from '../../src/i18n/messages.ts';

const CCW = [[117, 36.8], [117.1, 36.8], [117.1, 36.9], [117, 36.9], [117, 36.8]];
const HOLE_CW = [[117.02, 36.82], [117.02, 36.85], [117.05, 36.85], [117.05, 36.82], [117.02, 36.82]];
const feature = (geometry: unknown, extra: Record<string, unknown> = {}) => ({ type: 'Feature', properties: {}, geometry, ...extra });
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

/** One input per rule, the strict reason it gets and the import issue code it gets at the lenient level. */
const CASES: { rule: GeoJsonRuleId; input: unknown; strict: string; lenient: ImportIssueCode | 'rewound' | 'kept' }[] = [
  { rule: 'crs-member', input: { ...collection(feature({ type: 'Point', coordinates: [117, 36.8] })), crs: { type: 'name', properties: { name: 'EPSG:4326' } } }, strict: 'crs-member', lenient: 'crs-member' },
  { rule: 'bad-position', input: collection(feature({ type: 'Point', coordinates: [117, Number.NaN] })), strict: 'bad-position', lenient: 'bad-coordinate' },
  { rule: 'lon-range', input: collection(feature({ type: 'Point', coordinates: [190, 36] })), strict: 'lon-range', lenient: 'out-of-range' },
  { rule: 'lat-range', input: collection(feature({ type: 'Point', coordinates: [117, 95] })), strict: 'lat-range', lenient: 'out-of-range' },
  { rule: 'line-too-short', input: collection(feature({ type: 'LineString', coordinates: [[117, 36.8]] })), strict: 'line-too-short', lenient: 'too-few-positions' },
  { rule: 'ring-not-closed', input: collection(feature({ type: 'Polygon', coordinates: [CCW.slice(0, 4)] })), strict: 'ring-not-closed', lenient: 'unclosed-ring' },
  { rule: 'ring-too-short', input: collection(feature({ type: 'Polygon', coordinates: [[[117, 36.8], [117.1, 36.9], [117, 36.8]]] })), strict: 'ring-too-short', lenient: 'short-ring' },
  { rule: 'winding', input: collection(feature({ type: 'Polygon', coordinates: [[...CCW].reverse(), HOLE_CW] })), strict: 'winding', lenient: 'rewound' },
  { rule: 'zero-area-ring', input: collection(feature({ type: 'Polygon', coordinates: [[[117, 36.8], [117.1, 36.9], [117.2, 37], [117, 36.8]]] })), strict: 'winding', lenient: 'kept' },
  { rule: 'nested-geometry-collection', input: { type: 'GeometryCollection', geometries: [{ type: 'GeometryCollection', geometries: [] }] }, strict: 'nested-geometry-collection', lenient: 'nested-geometry-collection' },
];

describe('GeoJSON rules: one rule set, a strict and a lenient level', () => {
  it('has a case here for every rule, and every rule is an error at the strict level', () => {
    expect(CASES.map((item) => item.rule).sort()).toEqual(Object.keys(GEOJSON_RULES).sort());
    for (const rule of Object.keys(GEOJSON_RULES) as GeoJsonRuleId[]) expect(ruleOutcome(rule, 'strict')).toBe('error');
  });

  for (const { rule, input, strict, lenient } of CASES) {
    it(`${rule}: an error in strict, ${ruleOutcome(rule, 'lenient')} in lenient, for the same input`, () => {
      expect(checkRfc7946(input).map((issue) => issue.reason)).toEqual([strict]);
      const before = JSON.stringify(input);
      const result = validateImport(input);
      expect(JSON.stringify(input)).toBe(before);
      switch (ruleOutcome(rule, 'lenient')) {
        case 'error':
          expect(result.ok).toBe(false);
          expect(result.issues.find((issue) => issue.code === lenient)?.severity).toBe('error');
          break;
        case 'warning':
          expect(result.ok).toBe(true);
          expect(result.issues).toEqual([expect.objectContaining({ code: lenient, severity: 'warning' })]);
          break;
        case 'fix': {
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          // the fixed data conforms to the strict level, and the fix is reported
          expect(checkRfc7946(result.collection)).toEqual([]);
          expect(result.issues).toEqual([expect.objectContaining({ code: 'winding-fixed', severity: 'notice', params: { count: 1 } })]);
          break;
        }
        case 'accept':
          expect(result.ok).toBe(true);
          expect(result.issues).toEqual([]);
          break;
      }
    });
  }

  it('the winding fix reverses the ring and only that', () => {
    const clockwise = [...CCW].reverse();
    expect(windingProblem(clockwise, true)).toBe('clockwise');
    expect(windingProblem(HOLE_CW, false)).toBeUndefined();
    expect(rewindRing(clockwise)).toEqual(CCW);
    const result = validateImport(feature({ type: 'Polygon', coordinates: [clockwise] }));
    expect(result.ok && (result.collection.features[0]?.geometry as Polygon).coordinates[0]).toEqual(CCW);
  });

  it('checks closing before length, so an open ring is named as open', () => {
    expect(ringProblem([[0, 0], [1, 0], [1, 1]])).toBe('ring-not-closed');
    expect(ringProblem([[0, 0], [1, 1], [0, 0]])).toBe('ring-too-short');
    expect(ringProblem(CCW)).toBeUndefined();
  });
});

// Values that look like GeoJSON, built from the pieces the rules look at.
const number = fc.oneof(fc.double({ min: -200, max: 200 }), fc.constantFrom(Number.NaN, Infinity, 1e9), fc.integer());
const position = fc.oneof(fc.array(number, { minLength: 0, maxLength: 4 }), fc.anything());
const ring = fc.oneof(
  fc.array(position, { maxLength: 6 }),
  fc.array(fc.tuple(fc.double({ min: 116, max: 118, noNaN: true }), fc.double({ min: 36, max: 38, noNaN: true })), { minLength: 3, maxLength: 6 })
    .map((points) => [...points.map((point) => [...point]), [...points[0]!]]),
);
const geometry = fc.oneof(
  fc.record({ type: fc.constant('Point'), coordinates: position }),
  fc.record({ type: fc.constantFrom('LineString', 'MultiPoint'), coordinates: fc.array(position, { maxLength: 4 }) }),
  fc.record({ type: fc.constant('Polygon'), coordinates: fc.array(ring, { maxLength: 3 }) }),
  fc.record({ type: fc.constant('MultiPolygon'), coordinates: fc.array(fc.array(ring, { maxLength: 2 }), { maxLength: 2 }) }),
  fc.record({ type: fc.constant('GeometryCollection'), geometries: fc.array(fc.record({ type: fc.constantFrom('Point', 'GeometryCollection'), coordinates: position, geometries: fc.constant([]) }), { maxLength: 2 }) }),
  fc.anything(),
);
const anyFeature = fc.record({
  type: fc.constant('Feature'),
  properties: fc.oneof(fc.constant(null), fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 }), fc.anything()),
  geometry: fc.oneof(fc.constant(null), geometry),
  crs: fc.anything(),
}, { requiredKeys: ['type'] });
const anyInput = fc.oneof(
  fc.record({ type: fc.constant('FeatureCollection'), features: fc.array(anyFeature, { maxLength: 5 }) }),
  anyFeature,
  geometry,
);

describe('the lenient level on random input (fast-check)', () => {
  it('never throws; every rejection has an error whose message exists in the catalogue; what it accepts has no error', () => {
    fc.assert(fc.property(anyInput, (input) => {
      let result: ReturnType<typeof validateImport> | undefined;
      expect(() => { result = validateImport(input); }).not.toThrow();
      if (!result) return;
      for (const issue of result.issues) expect(hasMessage(`issue.${issue.code}`), issue.code).toBe(true);
      if (result.ok) expect(result.issues.some((issue) => issue.severity === 'error')).toBe(false);
      else expect(result.issues.some((issue) => issue.severity === 'error')).toBe(true);
    }), { numRuns: 1000 });
  });

  it('what the lenient level accepts from valid-looking polygons passes the strict level after its fixes', () => {
    fc.assert(fc.property(fc.array(ring, { minLength: 1, maxLength: 3 }), (rings) => {
      const result = validateImport(feature({ type: 'Polygon', coordinates: rings }));
      if (!result.ok) return;
      const strict = checkRfc7946(result.collection).filter((issue) => issue.message.indexOf('zero area') < 0);
      expect(strict).toEqual([]);
    }), { numRuns: 500 });
  });
});
