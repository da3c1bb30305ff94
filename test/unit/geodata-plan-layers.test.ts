/**
 * geodata/structure.geojson, blue-green.geojson and construction.geojson: the plan layers drawn inside the boundary.
 * These checks assert what holds by evidence (sources and accuracies on every feature, published sizes not scaled,
 * named waters where the records put them); they do not assert the plan's 70 % / 30 % targets, which schematic
 * layers cannot demonstrate. Reads only the repository (geodata/ and scripts/geodata/facts/), never ../shared.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import { BLUE_GREEN_CLASSES } from '../../src/data/layer-schema';

type Area = Feature<Polygon | MultiPolygon>;

const DIR = resolve(__dirname, '../../geodata');
const FACTS = resolve(__dirname, '../../scripts/geodata/facts');
const load = (name: string): FeatureCollection => JSON.parse(readFileSync(resolve(DIR, name), 'utf8')) as FeatureCollection;
const loadFacts = <T>(name: string): T => JSON.parse(readFileSync(resolve(FACTS, name), 'utf8')) as T;
const km2 = (g: Feature | Geometry | null): number => (g ? turf.area(g) / 1e6 : 0);

function unionAll(fs: Feature[]): Area | null {
  const polys = fs.filter((f): f is Area => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon');
  if (polys.length === 0) return null;
  if (polys.length === 1) return polys[0]!;
  return turf.union(turf.featureCollection(polys)) as Area | null;
}
const inter = (a: Area | null, b: Area | null): Area | null =>
  a && b ? (turf.intersect(turf.featureCollection([a, b])) as Area | null) : null;
const diff = (a: Area | null, b: Area | null): Area | null =>
  a ? (b ? (turf.difference(turf.featureCollection([a, b])) as Area | null) : a) : null;

const boundary = load('boundary.geojson').features[0] as Area;
const subdistricts = load('subdistricts.geojson').features as Area[];
const structure = load('structure.geojson').features;
const bg = load('blue-green.geojson').features as Area[];
const con = load('construction.geojson').features as Area[];
const byId = (fs: Feature[], id: string): Feature => {
  const f = fs.find((x) => x.id === id);
  if (!f) throw new Error(`${id} missing`);
  return f;
};

/** Share of a feature's area that lies outside the boundary. */
const outsideShare = (f: Area): number => km2(diff(f, boundary)) / km2(f);

/** 华山 (Mount Hua), reference coordinate (encyclopaedia infobox). */
const HUASHAN: Position = [117.0639, 36.7286];

describe('every plan-layer feature says how its position is known', () => {
  it.each([
    ['structure', structure],
    ['blue-green', bg],
    ['construction', con],
  ] as const)('%s: position_source, position_source_zh, position_accuracy_m > 0, refs', (_layer, fs) => {
    expect(fs.length).toBeGreaterThan(0);
    for (const f of fs) {
      const p = f.properties ?? {};
      expect(typeof p.position_source === 'string' && p.position_source.trim().length > 20, String(f.id)).toBe(true);
      expect(typeof p.position_source_zh === 'string' && /[\u4e00-\u9fff]/.test(p.position_source_zh), String(f.id)).toBe(true);
      expect(typeof p.position_accuracy_m === 'number' && p.position_accuracy_m > 0, String(f.id)).toBe(true);
      expect(typeof p.refs === 'string' && p.refs.length > 0, String(f.id)).toBe(true);
    }
  });

  it('gives schematic outlines an error of at least a kilometre (no schematic shape claims survey precision)', () => {
    for (const f of [...structure, ...bg, ...con]) {
      if (f.properties?.accuracy === 'schematic') expect(f.properties.position_accuracy_m as number, String(f.id)).toBeGreaterThanOrEqual(1000);
    }
  });
});

describe('structure.geojson', () => {
  const byKind = (k: string): Feature[] => structure.filter((f) => f.properties?.kind === k);

  it('has 一纵一横两核五组团', () => {
    expect(byKind('axis').length).toBeGreaterThanOrEqual(1);
    expect(byKind('belt')).toHaveLength(1);
    expect(byKind('core').map((f) => f.properties?.core_key).sort()).toEqual(['airport-economy', 'sci-tech']);
    expect(byKind('cluster').map((f) => f.properties?.cluster_key).sort()).toEqual(['airport', 'cuizhai', 'daqiao', 'sangzidian', 'sungeng-taiping']);
  });

  it('keeps cores, clusters and the belt inside the boundary', () => {
    for (const f of [...byKind('core'), ...byKind('cluster'), ...byKind('belt')] as Area[]) {
      expect(outsideShare(f), String(f.id)).toBeLessThan(0.001);
    }
  });

  it('says in kilometres how uncertain the schematic cores and clusters are', () => {
    for (const f of [...byKind('core'), ...byKind('cluster')]) expect(f.properties?.position_accuracy_m as number, String(f.id)).toBeGreaterThanOrEqual(1000);
  });

  it('runs the axis from the old city across the river; only parts marked outside leave the boundary', () => {
    const axes = byKind('axis') as Feature<LineString>[];
    const south = axes.flatMap((f) => f.geometry.coordinates).reduce((m, c) => (c[1]! < m[1]! ? c : m));
    expect(turf.booleanPointInPolygon(south, boundary)).toBe(false);
    for (const f of axes.filter((a) => a.properties?.outside !== true)) {
      const inside = f.geometry.coordinates.filter((c) => turf.booleanPointInPolygon(c, boundary)).length;
      expect(inside / f.geometry.coordinates.length, String(f.id)).toBeGreaterThanOrEqual(0.5);
    }
  });
});

describe('blue-green.geojson', () => {
  it('classes every feature with a known class', () => {
    for (const f of bg) expect(BLUE_GREEN_CLASSES as readonly string[], String(f.id)).toContain(f.properties?.class);
  });

  it('keeps every feature not marked outside inside the boundary', () => {
    for (const f of bg.filter((x) => x.properties?.outside !== true)) expect(outsideShare(f), String(f.id)).toBeLessThan(0.001);
  });

  it('draws no farmland: no record gives its outline (published totals are kept in the facts file)', () => {
    expect(bg.filter((f) => f.properties?.class === 'farmland')).toEqual([]);
    const facts = loadFacts<{ not_mapped: { farmland: { published_figures: unknown[] } } }>('blue-green.json');
    expect(facts.not_mapped.farmland.published_figures.length).toBeGreaterThan(0);
  });

  it('puts 青宁沟 in 崔寨 (the former 青宁 township merged into 崔寨)', () => {
    const cuizhai = subdistricts.find((f) => f.properties?.id === 'sd-cuizhai')!;
    const qingning = byId(bg, 'bg-qingning') as Area;
    expect(km2(inter(qingning, cuizhai)) / km2(qingning)).toBeGreaterThan(0.95);
  });

  it('runs 小清河 south of 华山, both in its recorded course and in the drawn polygon', () => {
    const facts = loadFacts<{ features: Record<string, { course: Position[] }> }>('blue-green.json');
    const course = turf.lineString(facts.features['bg-xiaoqing']!.course);
    const meridian = turf.lineString([[HUASHAN[0]!, 36.5], [HUASHAN[0]!, 37.1]]);
    const crossings = turf.lineIntersect(course, meridian).features;
    expect(crossings.length).toBeGreaterThan(0);
    for (const c of crossings) expect(c.geometry.coordinates[1]!).toBeLessThan(HUASHAN[1]!);
    const drawn = byId(bg, 'bg-xiaoqing') as Area;
    const near = turf.coordAll(drawn).filter((p) => Math.abs(p[0]! - HUASHAN[0]!) < 0.02);
    for (const p of near) expect(p[1]!).toBeLessThan(HUASHAN[1]!);
  });

  it('calls 龙湖 Dragon Lake', () => {
    const longhu = byId(bg, 'bg-longhu');
    expect(longhu.properties?.name_zh).toBe('龙湖');
    expect(String(longhu.properties?.name_en)).toMatch(/Dragon Lake/);
    expect(String(longhu.properties?.name_en)).not.toMatch(/Long Lake/);
  });

  it('has the ten rivers of “十条碧水” when a list is published, and otherwise every river the documents name', () => {
    const facts = loadFacts<{ ten_rivers: { list_found: boolean; names: string[] } }>('blue-green.json');
    const names = bg.map((f) => String(f.properties?.name_zh));
    if (facts.ten_rivers.list_found) {
      expect(facts.ten_rivers.names).toHaveLength(10);
      for (const n of facts.ten_rivers.names) expect(names.some((x) => x.includes(n)), n).toBe(true);
    } else {
      expect(facts.ten_rivers.names).toEqual([]);
    }
    for (const n of ['黄河', '徒骇河', '小清河', '大寺河', '青宁沟', '簸箕刘沟']) expect(names.some((x) => x.includes(n)), n).toBe(true);
  });

  it('has the reservoirs, lakes, hills, dykes and forest belts the plan names', () => {
    for (const id of ['bg-queshan-reservoir', 'bg-taiping-reservoir', 'bg-baiyun-lake', 'bg-longhu', 'bg-queshan', 'bg-huashan', 'bg-yellow-river-dykes', 'bg-forest-sangzidian-huihe', 'bg-forest-xingjiadu']) {
      byId(bg, id);
    }
  });

  it('derives the floodplain and dyke-strip widths from published figures, not from a tuned constant', () => {
    const yr = loadFacts<{ yellow_river: Record<string, number> }>('blue-green.json').yellow_river;
    const floodplain = byId(bg, 'bg-yellow-river-floodplain').properties?.width_km as number;
    const dykes = byId(bg, 'bg-yellow-river-dykes').properties?.width_km as number;
    expect(floodplain).toBeCloseTo(yr.floodplain_km2_jiyang! / yr.river_km_jiyang!, 3);
    expect(dykes).toBeCloseTo(yr.dyke_back_strip_mu_jinan! / yr.mu_per_km2! / yr.dyke_total_km_jinan!, 3);
  });

  it('draws the reservoirs at their published sizes (not scaled)', () => {
    const queshan = byId(bg, 'bg-queshan-reservoir') as Area;
    expect(km2(queshan)).toBeLessThanOrEqual(7.4 * 1.01);
    const taiping = byId(bg, 'bg-taiping-reservoir') as Area;
    expect(km2(taiping)).toBeLessThanOrEqual((18000 / 1500) * 1.01);
  });

  it('places the 鹊山水库 north of the Yellow River channel and 太平水库 south of the 徒骇河 strip, without overlapping them', () => {
    const channel = byId(bg, 'bg-yellow-river') as Area;
    const tuhai = byId(bg, 'bg-tuhai') as Area;
    expect(km2(inter(byId(bg, 'bg-queshan-reservoir') as Area, channel))).toBeLessThan(0.01);
    expect(km2(inter(byId(bg, 'bg-taiping-reservoir') as Area, tuhai))).toBeLessThan(0.01);
  });
});

describe('construction.geojson', () => {
  it('keeps construction land inside the boundary', () => {
    for (const f of con) expect(outsideShare(f), String(f.id)).toBeLessThan(0.001);
  });

  it('has no scale factor: every site is at most its published area, and the layer is the sum of its parts', () => {
    let sum = 0;
    for (const f of con) {
      const a = km2(f);
      sum += a;
      const published = f.properties?.published_area_km2 as number;
      expect(published, String(f.id)).toBeGreaterThan(0);
      expect(a, String(f.id)).toBeLessThanOrEqual(published * 1.01);
      expect(Math.abs(a - (f.properties?.drawn_area_km2 as number)), String(f.id)).toBeLessThan(0.01 * a + 0.001);
    }
    expect(Math.abs(km2(unionAll(con)) - sum)).toBeLessThan(0.001 * sum + 0.001);
  });

  it('is (nearly) disjoint from blue-green space', () => {
    const overlap = km2(inter(unionAll(bg.filter((f) => f.properties?.outside !== true)), unionAll(con)));
    expect(overlap).toBeLessThan(0.01);
  });
});
