/**
 * geodata/projects.geojson: fields, counts, and where each project is and how the map knows it.
 * Reads only geodata/ (the committed generator outputs), never ../shared.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { validateLayerProperties } from '../../src/data/layer-schema';

const dir = resolve(__dirname, '../../geodata');
function load(name: string): FeatureCollection {
  return JSON.parse(readFileSync(resolve(dir, name), 'utf8')) as FeatureCollection;
}

const projects = load('projects.geojson');
const boundary = load('boundary.geojson').features[0] as Feature<Polygon | MultiPolygon>;

const STATUS = ['open', 'under-construction', 'planned'];
const CLUSTERS = ['daqiao', 'cuizhai', 'sangzidian', 'sungeng-taiping', 'airport'];
const LINE_PROJECTS = ['p-huanghe-avenue-1', 'p-metro-7', 'p-t1-line'];
const CJK = /[\u4e00-\u9fff]/;

const props = projects.features.map((f) => f.properties ?? {});
const listed = ((projects as unknown as { unlocated?: Record<string, unknown>[] }).unlocated ?? []);
/** projects known only to their subdistrict: no geometry, a `subdistrict` id */
const members = ((projects as unknown as { in_subdistrict?: Record<string, unknown>[] }).in_subdistrict ?? []);
const subdistricts = load('subdistricts.geojson');
const byId = (id: string): Feature => {
  const f = projects.features.find((x) => x.properties?.['id'] === id);
  if (!f) throw new Error(`no project ${id}`);
  return f;
};

/** Distance in metres from a position to the boundary polygon (0 inside). */
function metresOutside(p: Position): number {
  if (turf.booleanPointInPolygon(p, boundary)) return 0;
  const rings = boundary.geometry.type === 'Polygon' ? [boundary.geometry.coordinates] : boundary.geometry.coordinates;
  let best = Infinity;
  for (const poly of rings) {
    for (const ring of poly) best = Math.min(best, turf.pointToLineDistance(p, turf.lineString(ring), { units: 'meters' }));
  }
  return best;
}

function positions(g: Geometry): Position[] {
  if (g.type === 'Point') return [g.coordinates];
  if (g.type === 'LineString') return g.coordinates;
  throw new Error(`unexpected geometry ${g.type}`);
}

describe('projects.geojson', () => {
  it('has the 59 projects of the documents (drawn + shown in their subdistrict + listed without a site) covering every category', () => {
    expect(projects.features.length + members.length + listed.length).toBe(59);
    const categories = new Set([...props, ...members].map((p) => p['category']));
    for (const c of ['industry', 'public-service', 'infrastructure', 'transport', 'heritage']) expect(categories).toContain(c);
  });

  it('validates against the projects layer schema', () => {
    expect(validateLayerProperties('projects', projects)).toEqual([]);
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
      expect(p['subdistrict_zh'] === null || /街道$/.test(String(p['subdistrict_zh'])), `${p['id']}.subdistrict_zh`).toBe(true);
    }
  });

  it('names the key projects of the documents (drawn or listed without a site)', () => {
    const names = [...props, ...members, ...listed].map((p) => String(p['name_zh'])).join('|');
    for (const n of ['比亚迪', '爱旭', '国家电投', '黄河体育中心', '山东大学第二医院北院区', '省实验中学鹊华校区', '黄河国际会展中心',
      '大桥水厂', '崔寨再生水厂', '太平水库', '500千伏', '7号线', 'T1', '遥墙', '扁鹊墓', '清照', '稼轩', '毛主席视察黄河', '王尽美邓恩铭']) {
      expect(names, n).toContain(n);
    }
  });

  it('every project says what its position is taken from, in English and Chinese, with an error in metres', () => {
    for (const p of props) {
      const id = String(p['id']);
      expect(typeof p['position_source'] === 'string' && /[a-z]{3}/.test(p['position_source']), `${id}.position_source`).toBe(true);
      expect(typeof p['position_source_zh'] === 'string' && CJK.test(p['position_source_zh']), `${id}.position_source_zh`).toBe(true);
      expect(typeof p['position_accuracy_m'] === 'number' && Number.isFinite(p['position_accuracy_m']), `${id}.position_accuracy_m`).toBe(true);
      expect(p['position_accuracy_m'] as number, id).toBeGreaterThan(0);
      expect(typeof p['refs'] === 'string' && p['refs'].length > 0, `${id}.refs`).toBe(true);
    }
  });

  it('every status carries the date of the record it comes from', () => {
    for (const p of props) {
      const d = String(p['status_date']);
      expect(d, `${p['id']}.status_date`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const t = new Date(`${d}T00:00:00Z`);
      expect(t.toISOString().slice(0, 10), `${p['id']}.status_date is a real day`).toBe(d);
      expect(t.getUTCFullYear(), `${p['id']}.status_date`).toBeGreaterThanOrEqual(2021);
      if (p['status'] === 'open' && p['year_open'] !== null) {
        expect(p['year_open'] as number, `${p['id']} opened before its status date`).toBeLessThanOrEqual(t.getUTCFullYear());
      }
    }
  });

  it('a project whose site is not published is listed without a position, never drawn somewhere', () => {
    expect(listed.length).toBeGreaterThan(0);
    for (const p of listed) {
      expect(p['located'], String(p['id'])).toBe(false);
      expect(String(p['reason_en']), String(p['id'])).toMatch(/without a position/);
      expect(String(p['reason_zh']), String(p['id'])).toMatch(/位置/);
      expect(p, String(p['id'])).not.toHaveProperty('position_accuracy_m');
    }
    for (const p of props) {
      expect(p['located'], String(p['id'])).toBe(true);
      expect(p['position_accuracy_m'] as number, String(p['id'])).toBeLessThan(10000);
    }
    const ids = [...props, ...members, ...listed].map((p) => p['id']);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('draws a point only where the site is known to about a kilometre; a project known less well belongs to its subdistrict', () => {
    for (const f of projects.features.filter((x) => x.geometry.type === 'Point')) {
      expect(f.properties?.['position_accuracy_m'] as number, String(f.id)).toBeLessThanOrEqual(1500);
    }
    expect(members.length).toBeGreaterThan(0);
    const sdIds = subdistricts.features.map((f) => f.properties?.['id']);
    for (const m of members) {
      expect(sdIds, String(m['id'])).toContain(m['subdistrict']);
      expect(m, String(m['id'])).not.toHaveProperty('position_accuracy_m');
      expect(String(m['reason_en']), String(m['id'])).toMatch(/known only to about ±\d/);
      expect(String(m['reason_zh']), String(m['id'])).toMatch(/街道/);
    }
    // each subdistrict counts and lists exactly the projects that belong to it
    for (const f of subdistricts.features) {
      const own = members.filter((m) => m['subdistrict'] === f.properties?.['id']).map((m) => m['id']);
      expect(f.properties?.['projects_in_count'], String(f.id)).toBe(own.length);
      expect((f.properties?.['projects_in'] as { id: string }[]).map((x) => x.id), String(f.id)).toEqual(own);
    }
  });

  it('no two projects share a position unless both say they are placed at the same point', () => {
    const groups = new Map<string, Record<string, unknown>[]>();
    for (const f of projects.features) {
      if (f.geometry.type !== 'Point') continue;
      const key = (f.geometry as Point).coordinates.join(',');
      groups.set(key, [...(groups.get(key) ?? []), f.properties ?? {}]);
    }
    for (const [key, group] of groups) {
      if (group.length < 2) continue;
      const anchors = new Set(group.map((p) => p['placed_at']));
      expect(anchors.size, `${key}: ${group.map((p) => p['id']).join(', ')}`).toBe(1);
      expect([...anchors][0], key).toBeTruthy();
    }
  });

  it('draws 黄河大道, metro line 7 and T1 as lines', () => {
    for (const id of LINE_PROJECTS) {
      const f = byId(id);
      expect(f.geometry.type, id).toBe('LineString');
      const line = f as Feature<LineString>;
      expect(line.geometry.coordinates.length, id).toBeGreaterThanOrEqual(2);
      expect(turf.length(line), `${id} length km`).toBeGreaterThan(1);
    }
    // 黄河大道 phase 1 is about 16.2 km long (reports); the drawn line must be of that order.
    const avenue = turf.length(byId('p-huanghe-avenue-1') as Feature<LineString>);
    expect(avenue).toBeGreaterThan(10);
    expect(avenue).toBeLessThan(25);
  });

  it('lines that leave the area are flagged as partly outside', () => {
    for (const f of projects.features.filter((x) => x.geometry.type === 'LineString')) {
      const accuracy = f.properties?.['position_accuracy_m'] as number;
      const distances = positions(f.geometry).map(metresOutside);
      if (f.properties?.['partly_outside'] === true) expect(Math.max(...distances), `${f.id} is flagged partly outside`).toBeGreaterThan(0);
      else expect(Math.max(...distances), `${f.id} leaves the area by more than its error`).toBeLessThanOrEqual(accuracy);
    }
  });

  it('every project lies inside the boundary (within its own stated error) unless marked outside', () => {
    for (const f of projects.features) {
      const p = f.properties ?? {};
      const accuracy = p['position_accuracy_m'] as number;
      if (f.geometry.type === 'Point') {
        const d = metresOutside((f.geometry as Point).coordinates);
        if (p['outside'] === true) expect(d, `${f.id} is marked outside`).toBeGreaterThan(0);
        else expect(d, `${f.id} must lie inside the boundary or within ${accuracy} m of it`).toBeLessThanOrEqual(accuracy);
      } else {
        expect(p['outside'], `${f.id}`).toBe(false);
        expect(turf.booleanIntersects(f, boundary), `${f.id} must reach the area`).toBe(true);
      }
    }
  });

  it('the documented sites sit where the records put them', () => {
    const member = (id: string): Record<string, unknown> => {
      const m = members.find((x) => x['id'] === id);
      if (!m) throw new Error(`${id} is not shown in a subdistrict`);
      return m;
    };
    // 黄河体育中心 is in 崔寨, on the north bank — not in 大桥; BYD is in 崔寨, AIKO in 孙耿 (records).
    expect(member('p-yr-sports-center')['subdistrict']).toBe('sd-cuizhai');
    expect(member('p-yr-sports-center')['cluster_key']).toBe('cuizhai');
    expect(member('p-byd')['subdistrict']).toBe('sd-cuizhai');
    expect(member('p-aiko')['subdistrict']).toBe('sd-sungeng');
    // The expo park's outline lies about 10 km from the airport (reports), give or take its stated error.
    const expo = load('construction.geojson').features.find((f) => f.properties?.['id'] === 'con-greenland-expo')!;
    const airport = (byId('p-airport').geometry as Point).coordinates;
    const km = turf.distance(turf.centroid(expo), airport);
    const err = (expo.properties?.['position_accuracy_m'] as number) / 1000;
    expect(km).toBeGreaterThan(10 - err - 0.5);
    expect(km).toBeLessThan(10 + err + 0.5);
    // Metro line 7 crosses the Yellow River (both ends of its drawn line on different banks of the area edge).
    const m7 = (byId('p-metro-7') as Feature<LineString>).geometry.coordinates;
    expect(metresOutside(m7[0]!)).toBeGreaterThan(0);
    expect(metresOutside(m7[m7.length - 1]!)).toBe(0);
  });
});
