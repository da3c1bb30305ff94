/**
 * Issue #3: every geodata/*.geojson file validates (geojson-validation, RFC 7946, layer property schema), and the
 * plan's geometric facts hold: boundary area 798 km² ± 1 %, subdistricts tile the boundary, clusters / cores /
 * construction inside it, blue-green ≥ 70 % and construction ≤ 30 % of it.
 * Reads only geodata/ (committed generator outputs), never ../shared.
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

describe('boundary.geojson', () => {
  it('is one (Multi)Polygon feature of 798 km² ± 1 % (turf geodesic area)', () => {
    const fc = load('boundary.geojson');
    expect(fc.features).toHaveLength(1);
    expect(boundary.properties?.official_area_km2).toBe(798);
    expect(Math.abs(B - 798) / 798).toBeLessThan(0.01);
  });

  it('lies north of the main city and contains 遥墙 airport, 鹊山 and the 大桥 area', () => {
    expect(turf.booleanPointInPolygon([117.216, 36.857], boundary)).toBe(true); // airport (ICAO reference point)
    expect(turf.booleanPointInPolygon([117.0008, 36.739], boundary)).toBe(true); // 鹊山
    expect(turf.booleanPointInPolygon([117.01755, 36.67485], boundary)).toBe(false); // 大明湖, old city
    expect(turf.booleanPointInPolygon([117.0639, 36.7286], boundary)).toBe(false); // 华山, south of the river
  });
});

describe('subdistricts.geojson', () => {
  const sds = load('subdistricts.geojson').features as Area[];

  it('has the 8 whole and 2 partial subdistricts of plan §1', () => {
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

  it('puts the airport in 遥墙', () => {
    const hit = sds.filter((f) => turf.booleanPointInPolygon([117.216, 36.857], f)).map((f) => f.properties?.id);
    expect(hit).toEqual(['sd-yaoqiang']);
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
