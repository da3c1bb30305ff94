/**
 * Issue #3 items 6-8: geodata/crossings.geojson, projects.geojson, context.geojson.
 * Reads only geodata/ (the committed outputs of scripts/geodata/build-points.ts), never ../shared.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';

const dir = resolve(__dirname, '../../geodata');
function load(name: string): FeatureCollection {
  return JSON.parse(readFileSync(resolve(dir, name), 'utf8')) as FeatureCollection;
}

const crossings = load('crossings.geojson');
const projects = load('projects.geojson');
const context = load('context.geojson');
const boundary = load('boundary.geojson').features[0] as Feature<Polygon | MultiPolygon>;
const yellow = context.features.find((f) => f.properties?.['id'] === 'ctx-river-yellow') as Feature<LineString> | undefined;

const ACCURACY = ['traced', 'schematic', 'point-approx'];
const STATUS = ['open', 'under-construction', 'planned'];
const CLUSTERS = ['daqiao', 'cuizhai', 'sangzidian', 'sungeng-taiping', 'airport'];

function allPositions(value: unknown): Position[] {
  if (Array.isArray(value) && typeof value[0] === 'number') return [value as Position];
  return Array.isArray(value) ? value.flatMap(allPositions) : [];
}

describe.each([
  ['crossings.geojson', crossings],
  ['projects.geojson', projects],
  ['context.geojson', context],
])('%s: common rules', (_name, fc) => {
  it('is a FeatureCollection without crs', () => {
    expect(fc.type).toBe('FeatureCollection');
    expect(fc).not.toHaveProperty('crs');
    expect(fc.features.length).toBeGreaterThan(0);
  });

  it('every feature has id (= feature.id), names, kind, source and accuracy', () => {
    for (const f of fc.features) {
      const p = f.properties ?? {};
      expect(typeof p['id'], JSON.stringify(p)).toBe('string');
      expect(f.id).toBe(p['id']);
      for (const key of ['name_zh', 'name_en', 'kind', 'source']) {
        expect(typeof p[key] === 'string' && p[key].length > 0, `${p['id']}.${key}`).toBe(true);
      }
      expect(ACCURACY, `${p['id']}.accuracy`).toContain(p['accuracy']);
    }
  });

  it('coordinates are WGS84 lon/lat near Jinan, rounded to 5 decimals', () => {
    for (const f of fc.features) {
      for (const [lon, lat] of allPositions((f.geometry as Point).coordinates)) {
        expect(lon! > 116 && lon! < 118 && lat! > 36 && lat! < 38, `${f.id}: ${lon},${lat}`).toBe(true);
        expect(Math.round(lon! * 1e5) / 1e5).toBe(lon);
        expect(Math.round(lat! * 1e5) / 1e5).toBe(lat);
      }
    }
  });
});

describe('ids', () => {
  it('are unique across the three files', () => {
    const ids = [...crossings.features, ...projects.features, ...context.features].map((f) => f.properties?.['id']);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('crossings.geojson', () => {
  const props = crossings.features.map((f) => f.properties ?? {});

  it('holds the 21 crossings the documents count, numbered 1..21 once each', () => {
    expect(crossings.features).toHaveLength(21);
    expect(props.map((p) => p['number']).sort((a, b) => a - b)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
  });

  it('has 9 open crossings (end-2023) and valid fields', () => {
    expect(props.filter((p) => p['status'] === 'open')).toHaveLength(9);
    for (const p of props) {
      expect(p['kind']).toBe('crossing');
      expect(['bridge', 'tunnel']).toContain(p['structure']);
      expect(['road', 'rail', 'metro', 'road-rail']).toContain(p['mode']);
      expect(STATUS).toContain(p['status']);
      for (const key of ['year_open', 'year_start']) {
        expect(p[key] === null || Number.isInteger(p[key]), `${p['id']}.${key}`).toBe(true);
      }
      expect(p['status'] === 'open' ? typeof p['year_open'] === 'number' : p['year_open'] === null, `${p['id']} year_open`).toBe(true);
    }
  });

  it('names the crossings the documents name', () => {
    const names = props.map((p) => String(p['name_zh']));
    for (const name of ['济泺路穿黄隧道', '凤凰黄河大桥', '泺口黄河铁路大桥', '黄岗路穿黄隧道', '航天大道穿黄隧道', '奥体西路穿黄隧道', '鹊山桥', '济南黄河大桥复线桥']) {
      expect(names.some((n) => n.includes(name)), name).toBe(true);
    }
    const byName = (n: string) => props.find((p) => String(p['name_zh']).includes(n))!;
    expect(byName('济泺路穿黄隧道')).toMatchObject({ structure: 'tunnel', status: 'open' });
    expect(byName('凤凰黄河大桥')).toMatchObject({ structure: 'bridge', status: 'open', year_open: 2022 });
    expect(byName('泺口黄河铁路大桥')).toMatchObject({ mode: 'rail', status: 'open', year_open: 1912 });
  });

  it('unnamed corridors are schematic', () => {
    for (const p of props.filter((q) => String(q['name_zh']).startsWith('规划过河通道'))) {
      expect(p['accuracy']).toBe('schematic');
      expect(p['status']).toBe('planned');
    }
  });

  it('every crossing is a 1.5-3.5 km LineString across the Yellow River line of context.geojson', () => {
    expect(yellow).toBeDefined();
    for (const f of crossings.features as Feature<LineString>[]) {
      expect(f.geometry.type).toBe('LineString');
      const km = turf.length(f);
      expect(km > 1.5 && km < 3.5, `${f.id}: ${km} km`).toBe(true);
      expect(turf.booleanIntersects(f, yellow!), `${f.id} crosses the river`).toBe(true);
      expect(turf.lineIntersect(f, yellow!).features.length, `${f.id}`).toBeGreaterThan(0);
    }
  });
});

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

describe('context.geojson', () => {
  const byKind = (k: string) => context.features.filter((f) => f.properties?.['kind'] === k);

  it('has the city, the four historic nodes of the axis, both rivers and place labels', () => {
    expect(byKind('city')).toHaveLength(1);
    expect(byKind('city')[0]!.geometry.type).toMatch(/Polygon$/);
    const nodes = byKind('historic-node').map((f) => f.properties?.['name_zh']);
    for (const n of ['千佛山', '趵突泉', '大明湖', '明府城']) expect(nodes).toContain(n);
    const rivers = byKind('river').map((f) => f.properties?.['name_zh']);
    expect(rivers).toEqual(expect.arrayContaining(['黄河', '徒骇河']));
    expect(byKind('river').every((f) => f.properties?.['accuracy'] === 'traced')).toBe(true);
    expect(byKind('place').length).toBeGreaterThanOrEqual(3);
  });

  it('the city lies south of the Start-up Area and does not overlap it', () => {
    const city = byKind('city')[0] as Feature<Polygon | MultiPolygon>;
    const overlap = turf.intersect(turf.featureCollection([city, boundary]));
    expect(overlap === null ? 0 : turf.area(overlap)).toBeLessThan(1e6);
  });

  it('polygons have closed, counter-clockwise outer rings (RFC 7946)', () => {
    for (const f of byKind('city')) {
      const polys = f.geometry.type === 'Polygon' ? [(f.geometry as Polygon).coordinates] : (f.geometry as MultiPolygon).coordinates;
      for (const rings of polys) {
        rings.forEach((ring, i) => {
          expect(ring[0]).toEqual(ring[ring.length - 1]);
          expect(turf.booleanClockwise(ring), `ring ${i}`).toBe(i > 0);
        });
      }
    }
  });

  it('points outside the boundary say so', () => {
    for (const f of context.features.filter((g) => g.geometry.type === 'Point')) {
      const inside = turf.booleanPointInPolygon(f.geometry as Point, boundary);
      expect(f.properties?.['outside'] === true, `${f.id}`).toBe(!inside);
    }
  });
});
