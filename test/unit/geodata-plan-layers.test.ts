/**
 * geodata/structure.geojson, blue-green.geojson and construction.geojson: the plan layers drawn inside the boundary.
 * Reads only geodata/ (the committed generator outputs), never ../shared.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, LineString, MultiPolygon, Polygon } from 'geojson';
import { BLUE_GREEN_CLASSES } from '../../src/data/layer-schema';

type Area = Feature<Polygon | MultiPolygon>;

const DIR = resolve(__dirname, '../../geodata');
const load = (name: string): FeatureCollection => JSON.parse(readFileSync(resolve(DIR, name), 'utf8')) as FeatureCollection;
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
const B = km2(boundary);

/** Share of a feature's area that lies outside the boundary. */
const outsideShare = (f: Area): number => km2(diff(f, boundary)) / km2(f);


describe('structure.geojson', () => {
  const fc = load('structure.geojson');
  const byKind = (k: string): Feature[] => fc.features.filter((f) => f.properties?.kind === k);

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

  it('runs the axis from the old city across the river; only parts marked outside leave the boundary', () => {
    const axes = byKind('axis') as Feature<LineString>[];
    const south = axes.flatMap((f) => f.geometry.coordinates).reduce((m, c) => (c[1]! < m[1]! ? c : m));
    expect(turf.booleanPointInPolygon(south, boundary)).toBe(false);
    for (const f of axes.filter((a) => a.properties?.outside !== true)) {
      const inside = f.geometry.coordinates.filter((c) => turf.booleanPointInPolygon(c, boundary)).length;
      expect(inside / f.geometry.coordinates.length, String(f.id)).toBeGreaterThanOrEqual(0.75);
    }
  });
});

describe('blue-green.geojson and construction.geojson', () => {
  const bg = load('blue-green.geojson').features as Area[];
  const con = load('construction.geojson').features as Area[];

  it('classes every blue-green polygon', () => {
    for (const f of bg) expect(BLUE_GREEN_CLASSES as readonly string[], String(f.id)).toContain(f.properties?.class);
    for (const c of BLUE_GREEN_CLASSES) expect(bg.some((f) => f.properties?.class === c), c).toBe(true);
  });

  it('keeps construction land inside the boundary and ≤ 30 % of it', () => {
    for (const f of con) expect(outsideShare(f), String(f.id)).toBeLessThan(0.001);
    const share = km2(inter(unionAll(con), boundary)) / B;
    expect(share).toBeLessThanOrEqual(0.3);
    expect(share).toBeGreaterThan(0.15); // a real development footprint, not a token one
  });

  it('has blue-green space (farmland included) ≥ 70 % of the boundary', () => {
    const share = km2(inter(unionAll(bg), boundary)) / B;
    expect(share).toBeGreaterThanOrEqual(0.7);
  });

  it('keeps blue-green and construction land (nearly) disjoint', () => {
    const overlap = km2(inter(unionAll(bg), unionAll(con)));
    expect(overlap / B).toBeLessThan(0.005);
  });
});

