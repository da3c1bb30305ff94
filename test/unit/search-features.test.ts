import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { buildSearchEntries, normalizeForSearch, searchFeatures } from '../../src/core/search/search-features.ts';

function collection(names: [string, string, string][]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: names.map(([id, nameZh, nameEn]) => ({
      type: 'Feature', id, geometry: { type: 'Point', coordinates: [117, 36.8] },
      properties: { id, name_zh: nameZh, name_en: nameEn, kind: 'project' },
    })),
  };
}

const entries = buildSearchEntries({
  projects: collection([
    ['p-sports', '黄河体育中心', 'Yellow River Sports Center'],
    ['p-museum', '黄河文化博物馆', 'Yellow River Culture Museum'],
    ['p-byd', '比亚迪新能源乘用车及零部件产业园', 'BYD new-energy passenger car park'],
  ]),
  crossings: undefined,
});

describe('searchFeatures', () => {
  it('finds by English name, ignoring case', () => {
    expect(searchFeatures(entries, 'yellow river SPORTS').map((hit) => hit.id)).toEqual(['p-sports']);
  });

  it('finds by a Chinese substring', () => {
    expect(searchFeatures(entries, '体育').map((hit) => hit.nameZh)).toEqual(['黄河体育中心']);
    expect(searchFeatures(entries, '黄河').map((hit) => hit.id).sort()).toEqual(['p-museum', 'p-sports']);
  });

  it('ranks a name that starts with the query above a mid-word match', () => {
    const hits = searchFeatures(entries, 'byd');
    expect(hits[0].id).toBe('p-byd');
    expect(hits[0].rank).toBe(1);
  });

  it('folds full-width letters and returns nothing for blank queries', () => {
    expect(normalizeForSearch('ＢＹＤ')).toBe('byd');
    expect(searchFeatures(entries, '   ')).toEqual([]);
    expect(searchFeatures(entries, 'zzz-not-there')).toEqual([]);
  });

  it('finds 黄河体育中心 in the real geodata by its English name (its outline in the construction layer)', () => {
    const construction = JSON.parse(readFileSync(new URL('../../geodata/construction.geojson', import.meta.url), 'utf8')) as FeatureCollection;
    const hits = searchFeatures(buildSearchEntries({ construction }), 'Yellow River Sports');
    expect(hits[0]?.nameZh).toBe('黄河体育中心');
  });
});
