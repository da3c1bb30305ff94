import { describe, expect, it } from 'vitest';
import { validateLayerProperties } from '../../src/data/layer-schema';

const base = (id: string, kind: string, extra: Record<string, unknown>, geometry: unknown) => ({
  type: 'Feature',
  id,
  geometry,
  properties: { id, name_zh: '名', name_en: 'Name', kind, source: '002_411b5032421d841b.txt', accuracy: 'schematic', ...extra },
});
const square = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };
const line = { type: 'LineString', coordinates: [[0, 0], [1, 1]] };
const fc = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
const crossing = (extra: Record<string, unknown> = {}) =>
  base('x-1', 'crossing', { structure: 'tunnel', mode: 'road', status: 'open', year_open: 2021, year_start: 2017, number: 1, ...extra }, line);

describe('validateLayerProperties', () => {
  it('accepts valid features of several layers', () => {
    expect(validateLayerProperties('crossings', fc(crossing()))).toEqual([]);
    expect(validateLayerProperties('blue-green', fc(base('bg-1', 'farmland', { class: 'farmland' }, square)))).toEqual([]);
    expect(
      validateLayerProperties('structure', fc(
        base('c-1', 'cluster', { cluster_key: 'daqiao', theme_zh: '行政', theme_en: 'admin', nickname_zh: null, nickname_en: null }, square),
        base('c-2', 'cluster', { cluster_key: 'cuizhai', theme_zh: '氢能', theme_en: 'hydrogen', nickname_zh: '氢能谷', nickname_en: 'Hydrogen Valley' }, square),
      )),
    ).toEqual([]);
  });

  it('reports missing common properties, bad accuracy and id mismatch', () => {
    const f = base('x-1', 'crossing', {}, line) as { properties: Record<string, unknown>; id: string };
    delete f.properties.source;
    f.properties.accuracy = 'guessed';
    f.id = 'other';
    const reasons = validateLayerProperties('crossings', fc({ ...crossing(), ...f, properties: { ...crossing().properties, ...f.properties, source: undefined } }))
      .map((i) => `${i.reason}:${i.path}`);
    expect(reasons).toContain('missing-property:features[0].properties.source');
    expect(reasons).toContain('bad-value:features[0].properties.accuracy');
    expect(reasons).toContain('id-mismatch:features[0].id');
  });

  it('reports enum, range, type, kind and geometry errors', () => {
    const issues = validateLayerProperties('crossings', fc(
      crossing({ structure: 'ferry', number: 22, year_open: '2021' }),
      base('x-2', 'bridge', {}, line),
      { ...crossing(), id: 'x-3', properties: { ...crossing().properties, id: 'x-3' }, geometry: square },
    ));
    expect(issues.map((i) => [i.featureIndex, i.reason, i.path.split('.').pop()])).toEqual([
      [0, 'bad-value', 'structure'],
      [0, 'wrong-type', 'year_open'],
      [0, 'bad-value', 'number'],
      [1, 'unknown-kind', 'kind'],
      [2, 'wrong-geometry', 'geometry'],
    ]);
  });

  it('enforces layer rules: nicknames, class per kind, duplicate ids', () => {
    const r1 = validateLayerProperties('structure', fc(
      base('c-1', 'cluster', { cluster_key: 'airport', theme_zh: '航空', theme_en: 'aviation', nickname_zh: null, nickname_en: null }, square),
    ));
    expect(r1.map((i) => i.reason)).toEqual(['rule']);
    const r2 = validateLayerProperties('blue-green', fc(
      base('bg-1', 'river', { class: 'forest' }, square),
      base('bg-1', 'farmland', { class: 'farmland' }, square),
    ));
    expect(r2.map((i) => i.reason)).toEqual(['rule', 'duplicate-id']);
  });

  it('rejects unknown layers and non-collections without throwing', () => {
    expect(validateLayerProperties('roads', fc())[0]?.reason).toBe('unknown-layer');
    expect(validateLayerProperties('boundary', null)[0]?.reason).toBe('not-feature-collection');
    expect(validateLayerProperties('boundary', fc({ type: 'Feature', geometry: square }))[0]?.reason).toBe('missing-property');
  });
});
