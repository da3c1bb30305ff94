import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { buildSearchEntries, searchFeatures } from '../../src/core/search/search-features.ts';

/* Things known only to their subdistrict have no drawing: search finds them by name and leads to the subdistrict. */

const subdistricts: FeatureCollection = {
  type: 'FeatureCollection',
  features: [['sd-a', '甲街道', 'Jia'], ['sd-b', '乙街道', 'Yi']].map(([id, zh, en]) => ({
    type: 'Feature', id, geometry: { type: 'Polygon', coordinates: [[[117, 36.8], [117.1, 36.8], [117.1, 36.9], [117, 36.8]]] },
    properties: { id, name_zh: zh, name_en: en, kind: 'subdistrict' },
  })),
};
const projects = {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', id: 'p-drawn', geometry: { type: 'Point', coordinates: [117.05, 36.85] }, properties: { id: 'p-drawn', name_zh: '机场', name_en: 'Airport', kind: 'project' } }],
  in_subdistrict: [
    { id: 'p-plant', name_zh: '再生水厂', name_en: 'Reclaimed water plant', kind: 'project', subdistrict: 'sd-b' },
    { id: 'p-lost', name_zh: '无处项目', name_en: 'Nowhere project', kind: 'project', subdistrict: 'sd-missing' },
  ],
} as FeatureCollection;

describe('search: things known only to their subdistrict', () => {
  const entries = buildSearchEntries({ subdistricts, projects });

  it('finds one by its Chinese or English name and leads to its subdistrict, saying which item was named', () => {
    for (const query of ['水厂', 'reclaimed WATER']) {
      const [hit, ...rest] = searchFeatures(entries, query);
      expect(rest).toEqual([]);
      expect(hit).toMatchObject({ layer: 'subdistricts', id: 'sd-b', nameZh: '再生水厂', nameEn: 'Reclaimed water plant', kind: 'project' });
      expect(hit!.listed).toEqual({ layer: 'projects', id: 'p-plant', onZh: '乙街道', onEn: 'Yi' });
    }
  });

  it('keeps drawn features leading to themselves, and skips an item whose subdistrict is not loaded', () => {
    expect(searchFeatures(entries, 'airport')[0]).toMatchObject({ layer: 'projects', id: 'p-drawn' });
    expect(searchFeatures(entries, 'airport')[0]!.listed).toBeUndefined();
    expect(searchFeatures(entries, 'nowhere')).toEqual([]);
    expect(searchFeatures(buildSearchEntries({ projects }), '水厂')).toEqual([]);
  });

  it('finds every project of the built-in data known only to its subdistrict, in both languages, leading to that subdistrict', () => {
    const read = (name: string) => JSON.parse(readFileSync(resolve(__dirname, `../../geodata/${name}.geojson`), 'utf8')) as FeatureCollection & Record<string, unknown>;
    const builtIn = { subdistricts: read('subdistricts'), projects: read('projects') };
    const listed = builtIn.projects['in_subdistrict'] as { id: string; name_zh: string; name_en: string; subdistrict: string }[];
    expect(listed.length).toBeGreaterThan(0);
    const all = buildSearchEntries(builtIn);
    for (const item of listed) {
      for (const name of [item.name_zh, item.name_en]) {
        const hit = searchFeatures(all, name, 100).find((h) => h.listed?.id === item.id);
        expect(hit, `${item.id} by "${name}"`).toBeDefined();
        expect(hit!.layer).toBe('subdistricts');
        expect(hit!.id).toBe(item.subdistrict);
        const subdistrict = builtIn.subdistricts.features.find((f) => f.properties?.['id'] === item.subdistrict);
        expect((subdistrict?.properties?.['projects_in'] as { id: string }[]).map((p) => p.id)).toContain(item.id);
      }
    }
  });
});
