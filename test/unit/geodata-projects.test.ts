/**
 * geodata/projects.geojson: fields, counts and placement.
 * Reads only geodata/ (the committed generator outputs), never ../shared.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';

const dir = resolve(__dirname, '../../geodata');
function load(name: string): FeatureCollection {
  return JSON.parse(readFileSync(resolve(dir, name), 'utf8')) as FeatureCollection;
}

const projects = load('projects.geojson');
const boundary = load('boundary.geojson').features[0] as Feature<Polygon | MultiPolygon>;

const STATUS = ['open', 'under-construction', 'planned'];
const CLUSTERS = ['daqiao', 'cuizhai', 'sangzidian', 'sungeng-taiping', 'airport'];



describe('projects.geojson', () => {
  const props = projects.features.map((f) => f.properties ?? {});

  it('has at least 40 projects covering every category', () => {
    expect(projects.features.length).toBeGreaterThanOrEqual(40);
    const categories = new Set(props.map((p) => p['category']));
    for (const c of ['industry', 'public-service', 'infrastructure', 'transport', 'heritage']) expect(categories).toContain(c);
  });

  it('valid fields and non-empty descriptions', () => {
    for (const p of props) {
      expect(p['kind']).toBe('project');
      expect(STATUS).toContain(p['status']);
      expect([2025, 2030, 2035, null]).toContain(p['phase']);
      expect(p['year_open'] === null || Number.isInteger(p['year_open']), `${p['id']}.year_open`).toBe(true);
      expect(p['cluster_key'] === null || CLUSTERS.includes(p['cluster_key']), `${p['id']}.cluster_key`).toBe(true);
      expect(typeof p['desc_zh'] === 'string' && p['desc_zh'].trim().length > 0, `${p['id']}.desc_zh`).toBe(true);
      expect(typeof p['desc_en'] === 'string' && p['desc_en'].trim().length > 0, `${p['id']}.desc_en`).toBe(true);
    }
  });

  it('names the key projects of the documents', () => {
    const names = props.map((p) => String(p['name_zh'])).join('|');
    for (const n of ['比亚迪', '爱旭', '国家电投', '黄河体育中心', '山东大学第二医院北院区', '省实验中学鹊华校区', '黄河国际会展中心',
      '大桥水厂', '崔寨再生水厂', '太平水库', '500千伏', '7号线', 'T1', '遥墙', '扁鹊墓', '清照', '稼轩', '毛主席视察黄河', '王尽美邓恩铭']) {
      expect(names, n).toContain(n);
    }
  });

  it('every project lies inside the boundary unless marked outside', () => {
    for (const f of projects.features) {
      const inside = f.geometry.type === 'Point'
        ? turf.booleanPointInPolygon(f.geometry as Point, boundary)
        : turf.booleanWithin(f, boundary);
      if (f.properties?.['outside'] === true) expect(inside, `${f.id} is marked outside`).toBe(false);
      else expect(inside, `${f.id} must lie inside the boundary`).toBe(true);
    }
  });
});
