/**
 * Every geodata/*.geojson file validates (geojson-validation, RFC 7946, layer property schema) and carries a source and
 * an accuracy; the boundary and the subdistricts hold what the records say: each edge of the boundary says what it
 * follows, no south-bank city land (槐荫区) is inside, the area is reported next to the plan's figure and flagged
 * when edges were placed by judgement; the subdistricts tile the boundary, lie in their districts, contain their
 * seats and sit in their real arrangement. Reads only the repository (geodata/, test/fixtures/), never ../shared.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import GJV from 'geojson-validation';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Point, Polygon } from 'geojson';
import { checkRfc7946 } from '../../src/core/geojson/rfc7946';
import { LAYER_NAMES, validateLayerProperties } from '../../src/data/layer-schema';

type Area = Feature<Polygon | MultiPolygon>;

const DIR = resolve(__dirname, '../../geodata');
const files = readdirSync(DIR).filter((n) => n.endsWith('.geojson')).sort();
const load = (name: string): FeatureCollection => JSON.parse(readFileSync(resolve(DIR, name), 'utf8')) as FeatureCollection;
const km2 = (g: Feature | Geometry | null): number => (g ? turf.area(g) / 1e6 : 0);

function unionAll(fs: Feature[]): Area | null {
  const polys = fs.filter((f): f is Area => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon');
  if (polys.length === 0) return null;
  if (polys.length === 1) return polys[0]!;
  return turf.union(turf.featureCollection(polys)) as Area | null;
}

const diff = (a: Area | null, b: Area | null): Area | null =>
  a ? (b ? (turf.difference(turf.featureCollection([a, b])) as Area | null) : a) : null;

const boundary = load('boundary.geojson').features[0] as Area;
const B = km2(boundary);

describe('geodata files', () => {
  it('contains the eight layers of docs/architecture.md', () => {
    for (const l of ['boundary', 'subdistricts', 'structure', 'blue-green', 'construction']) expect(files).toContain(`${l}.geojson`);
    for (const f of files) expect(LAYER_NAMES as readonly string[]).toContain(f.replace(/\.geojson$/, ''));
  });

  describe.each(files)('%s', (file) => {
    const fc = load(file);
    const layer = file.replace(/\.geojson$/, '');

    it('passes geojson-validation', () => {
      const trace = GJV.valid(fc, true);
      expect(trace).toEqual([]);
    });

    it('passes the RFC 7946 checks (ranges, closed rings, right-hand rule, no crs)', () => {
      expect(checkRfc7946(fc)).toEqual([]);
    });

    it('passes its layer property schema', () => {
      expect(validateLayerProperties(layer, fc)).toEqual([]);
    });

    it('gives every feature a source and an accuracy', () => {
      for (const f of fc.features) {
        expect(typeof f.properties?.source, String(f.id)).toBe('string');
        expect(String(f.properties?.source).trim().length, String(f.id)).toBeGreaterThan(0);
        expect(['traced', 'schematic', 'point-approx'], String(f.id)).toContain(f.properties?.accuracy);
      }
    });

    it('stays readable (coordinates rounded to ≤ 6 decimals, < 3000 vertices)', () => {
      let n = 0;
      turf.coordEach(fc, (c) => {
        n += 1;
        for (const v of c) expect(Math.abs(v * 1e6 - Math.round(v * 1e6))).toBeLessThan(1e-3);
      });
      expect(n).toBeLessThan(3000);
    });

    it('has no self-intersecting or self-touching Polygon / MultiPolygon (turf.kinks finds nothing)', () => {
      const bad: string[] = [];
      for (const f of fc.features) {
        if (f.geometry?.type !== 'Polygon' && f.geometry?.type !== 'MultiPolygon') continue;
        const found = turf.kinks(f as Area).features;
        if (found.length > 0) bad.push(`${String(f.id)}: ${found.length} at ${JSON.stringify(found[0]!.geometry.coordinates)}`);
      }
      expect(bad).toEqual([]);
    });
  });

  it('uses ids that are unique across all files', () => {
    const seen = new Map<string, string>();
    const dups: string[] = [];
    for (const file of files) {
      for (const f of load(file).features) {
        const id = String(f.properties?.id);
        if (seen.has(id)) dups.push(`${id} (${seen.get(id)} and ${file})`);
        seen.set(id, file);
      }
    }
    expect(dups).toEqual([]);
  });
});

const FIXTURE = resolve(__dirname, '../fixtures/geodata-reference/districts-simplified.geojson');
const districts = JSON.parse(readFileSync(FIXTURE, 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
const districtOutline = (nameZh: string): Area => {
  const f = districts.features.find((x) => x.properties?.name_zh === nameZh);
  if (!f) throw new Error(`fixture lacks ${nameZh}`);
  return f;
};
const inter = (a: Area | null, b: Area | null): Area | null =>
  a && b ? (turf.intersect(turf.featureCollection([a, b])) as Area | null) : null;

const AIRPORT: [number, number] = [117.216, 36.857]; // ICAO reference point of 济南遥墙国际机场

describe('boundary.geojson', () => {
  const edges = (boundary.properties?.edges ?? []) as Record<string, unknown>[];

  it('is one (Multi)Polygon feature carrying the plan figure (002: about 798 km²) and its own computed area', () => {
    expect(load('boundary.geojson').features).toHaveLength(1);
    expect(boundary.properties?.official_area_km2).toBe(798);
    expect(Math.abs(Number(boundary.properties?.area_km2) - B)).toBeLessThan(0.5);
  });

  it('says what each edge follows, with its reference and error, and whether it was placed by judgement', () => {
    expect(edges.length).toBeGreaterThanOrEqual(4);
    for (const e of edges) {
      expect(String(e.edge).length, JSON.stringify(e)).toBeGreaterThan(0);
      expect(String(e.follows_en).length, String(e.edge)).toBeGreaterThan(5);
      expect(String(e.follows_zh).length, String(e.edge)).toBeGreaterThan(2);
      expect(String(e.reference).length, String(e.edge)).toBeGreaterThan(0);
      expect(Number(e.accuracy_m), String(e.edge)).toBeGreaterThan(0);
      expect(typeof e.placed_by_judgement, String(e.edge)).toBe('boolean');
    }
    // the four edges of 002 §一 are all there
    const text = edges.map((e) => `${String(e.edge)} ${String(e.follows_zh)}`).join(' ');
    for (const word of ['west', 'north', 'south', 'east', '德州', '徒骇河', '黄河', '济青高速', '小清河', '白云湖']) expect(text).toContain(word);
  });

  it('reports the area as a check only when no edge was placed by judgement, and says so next to the figure', () => {
    const judged = edges.filter((e) => e.placed_by_judgement === true).length;
    expect(boundary.properties?.area_is_independent_check).toBe(judged === 0);
    if (judged > 0) {
      expect(String(boundary.properties?.area_note_en)).toContain('judgement');
      expect(String(boundary.properties?.area_note_zh)).toContain('判断');
    }
    expect(String(boundary.properties?.area_note_en)).toContain(`${B.toFixed(0)} km²`);
  });

  it('has no part in 槐荫区 (the south-bank city; traced fixture, both outlines simplified by ~50 m)', () => {
    expect(km2(inter(boundary, districtOutline('槐荫区')))).toBeLessThan(0.05);
  });

  it('keeps to the north bank where the river is the edge, and contains the airport, 鹊山 and the 黄河森林公园', () => {
    expect(turf.booleanPointInPolygon(AIRPORT, boundary)).toBe(true);
    expect(turf.booleanPointInPolygon([117.0008, 36.739], boundary)).toBe(true); // 鹊山
    expect(turf.booleanPointInPolygon([116.99098, 36.72889], boundary)).toBe(true); // 黄河森林公园, north bank
    expect(turf.booleanPointInPolygon([116.95792, 36.73245], boundary)).toBe(false); // 百里黄河风景区, south bank
    expect(turf.booleanPointInPolygon([117.01755, 36.67485], boundary)).toBe(false); // 大明湖, old city
    expect(turf.booleanPointInPolygon([117.0639, 36.7286], boundary)).toBe(false); // 华山, south of the river
  });

  it('gives its position source and error', () => {
    expect(String(boundary.properties?.position_source).length).toBeGreaterThan(10);
    expect(String(boundary.properties?.position_source_zh).length).toBeGreaterThan(4);
    expect(Number(boundary.properties?.position_accuracy_m)).toBeGreaterThan(0);
  });
});

describe('subdistricts.geojson', () => {
  const sds = load('subdistricts.geojson').features as Area[];
  const byId = (id: string): Area => {
    const f = sds.find((x) => x.properties?.id === id);
    if (!f) throw new Error(`no ${id}`);
    return f;
  };
  const centroid = (id: string): number[] => turf.centroid(byId(id)).geometry.coordinates;

  it('has the 8 whole and 2 partial subdistricts of 002 §一', () => {
    expect(sds).toHaveLength(10);
    const whole = sds.filter((f) => f.properties?.whole === true).map((f) => f.properties?.id).sort();
    expect(whole).toEqual(['sd-cuizhai', 'sd-daqiao', 'sd-gaoguanzhai', 'sd-lingang', 'sd-sangzidian', 'sd-sungeng', 'sd-taiping', 'sd-yaoqiang']);
    const partial = sds.filter((f) => f.properties?.whole === false).map((f) => f.properties?.id).sort();
    expect(partial).toEqual(['sd-luokou', 'sd-tangwang']);
  });

  it('tiles the boundary: gaps and overlaps each < 1 % of its area', () => {
    const u = unionAll(sds);
    const sum = sds.reduce((s, f) => s + km2(f), 0);
    const overlap = sum - km2(u);
    const gap = km2(diff(boundary, u));
    const outside = km2(diff(u, boundary));
    expect(overlap / B).toBeLessThan(0.01);
    expect(gap / B).toBeLessThan(0.01);
    expect(outside / B).toBeLessThan(0.01);
  });

  it('puts each subdistrict in its own district (≥ 97 % of its area in the traced district fixture)', () => {
    for (const f of sds) {
      const share = km2(inter(f, districtOutline(String(f.properties?.district_zh)))) / km2(f);
      expect(share, String(f.id)).toBeGreaterThan(0.97);
    }
  });

  it('contains each seat whose position is known (at least the two derived from published distances)', () => {
    const withSeat = sds.filter((f) => Array.isArray(f.properties?.seat_position));
    expect(withSeat.length).toBeGreaterThanOrEqual(2);
    for (const f of withSeat) {
      const seat = f.properties!.seat_position as [number, number];
      const hits = sds.filter((g) => turf.booleanPointInPolygon(seat, g)).map((g) => g.id);
      expect(hits, String(f.id)).toEqual([f.id]);
      expect(Number(f.properties?.seat_position_accuracy_m), String(f.id)).toBeGreaterThan(0);
      expect(String(f.properties?.seat_position_source).length, String(f.id)).toBeGreaterThan(5);
    }
  });

  it('puts the airport in 遥墙', () => {
    const hit = sds.filter((f) => turf.booleanPointInPolygon(AIRPORT, f)).map((f) => f.properties?.id);
    expect(hit).toEqual(['sd-yaoqiang']);
  });

  it('places 临港 east of 遥墙 and 太平 north of 孙耿 (centroids), as the gazetteers describe', () => {
    expect(centroid('sd-lingang')[0]!).toBeGreaterThan(centroid('sd-yaoqiang')[0]!);
    expect(centroid('sd-taiping')[1]!).toBeGreaterThan(centroid('sd-sungeng')[1]!);
    expect(centroid('sd-sangzidian')[0]!).toBeLessThan(centroid('sd-daqiao')[0]!); // 桑梓店 west of 大桥
  });

  it('says for every subdistrict what its lines are drawn from, with an error, and its published area or null', () => {
    for (const f of sds) {
      const p = f.properties!;
      expect(String(p.position_source).length, String(f.id)).toBeGreaterThan(20);
      expect(String(p.position_source_zh).length, String(f.id)).toBeGreaterThan(8);
      expect(Number(p.position_accuracy_m), String(f.id)).toBeGreaterThan(0);
      expect(p.area_published_km2 === null || typeof p.area_published_km2 === 'number', String(f.id)).toBe(true);
      if (typeof p.area_published_km2 === 'number') expect(String(p.area_published_source).length, String(f.id)).toBeGreaterThan(3);
      expect(String(p.seat_zh).length, String(f.id)).toBeGreaterThan(0);
    }
  });

  it('says so wherever an area equals its published figure because a line was fitted to it', () => {
    for (const f of sds) {
      const pub = f.properties?.area_published_km2;
      if (typeof pub !== 'number') continue;
      if (Math.abs(km2(f) - pub) / pub < 0.02) expect(String(f.properties?.position_source), String(f.id)).toMatch(/published/);
    }
  });
});

describe('context.geojson', () => {
  it('marks context points outside the boundary as outside', () => {
    const context = load('context.geojson');
    for (const f of context.features) {
      if (f.geometry.type !== 'Point') continue;
      const inside = turf.booleanPointInPolygon((f as Feature<Point>).geometry.coordinates, boundary);
      if (!inside) expect(f.properties?.outside, String(f.id)).toBe(true);
    }
  });
});
