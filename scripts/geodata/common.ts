/**
 * Shared helpers for the geodata generator scripts (scripts/geodata/*.ts).
 *
 * These scripts read the tracing references in ../shared/reference (outside the repo: they are NOT shipped)
 * and write the plan's own, simplified, hand-built layers to geodata/*.geojson. Run from the repo root:
 *   npx tsx scripts/geodata/build-all.ts
 * CI never runs them (it has no ../shared); the generated files are committed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, LineString, MultiPolygon, Polygon, Position } from 'geojson';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(here, '..', '..');
export const REFERENCE = path.resolve(REPO, '..', 'shared', 'reference');
export const GEODATA = path.join(REPO, 'geodata');

export const SEED_PLAN = '002_411b5032421d841b.txt';
export const SEED_2023 = '003_2eeaad20f77cb63a.txt';
export const SEED_2024 = '004_0efa58b41b94a17d.txt';
export const REF_DISTRICTS = 'reference/jinan-districts-wgs84.geojson';
export const REF_RIVERS = 'reference/rivers-wgs84.geojson';
export const REF_POI = 'reference/points-of-interest.csv';

export type Area = Feature<Polygon | MultiPolygon>;

export function readReference<T = FeatureCollection>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(REFERENCE, name), 'utf8')) as T;
}

export function readGeodata(name: string): FeatureCollection {
  return JSON.parse(fs.readFileSync(path.join(GEODATA, name), 'utf8')) as FeatureCollection;
}

/** District polygon (WGS84 reference) by Chinese name. */
export function district(nameZh: string): Area {
  const fc = readReference<FeatureCollection<Polygon | MultiPolygon>>('jinan-districts-wgs84.geojson');
  const f = fc.features.find((x) => x.properties?.name_zh === nameZh);
  if (!f) throw new Error(`district ${nameZh} not in reference`);
  return turf.feature(f.geometry);
}

/** River line from rivers-wgs84.geojson: 'yellow' centreline, 'tuhai' centreline, 'bank-0' / 'bank-1', or the water polygon. */
export function riverLine(which: 'yellow' | 'tuhai' | 'bank-0' | 'bank-1'): Feature<LineString> {
  const fc = readReference<FeatureCollection>('rivers-wgs84.geojson');
  const lines = fc.features.filter((f) => f.geometry.type === 'LineString') as Feature<LineString>[];
  const idx = { yellow: 0, tuhai: 1, 'bank-0': 2, 'bank-1': 3 }[which];
  const f = lines[idx];
  if (!f) throw new Error(`river ${which} missing`);
  return turf.feature(f.geometry);
}

export function riverWaterPolygon(): Feature<Polygon> {
  const fc = readReference<FeatureCollection>('rivers-wgs84.geojson');
  const f = fc.features.find((x) => x.geometry.type === 'Polygon') as Feature<Polygon> | undefined;
  if (!f) throw new Error('water polygon missing');
  return turf.feature(f.geometry);
}

export function poly(ring: Position[]): Feature<Polygon> {
  const r = ring.slice();
  const first = r[0]!;
  const last = r[r.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) r.push([first[0]!, first[1]!]);
  return turf.rewind(turf.polygon([r])) as Feature<Polygon>;
}

export function intersect(a: Area | null, b: Area | null): Area | null {
  if (!a || !b) return null;
  return turf.intersect(turf.featureCollection([a, b])) as Area | null;
}

export function difference(a: Area | null, b: Area | null): Area | null {
  if (!a) return null;
  if (!b) return a;
  return turf.difference(turf.featureCollection([a, b])) as Area | null;
}

export function union(...parts: (Area | null)[]): Area | null {
  const ps = parts.filter((p): p is Area => p !== null);
  if (ps.length === 0) return null;
  if (ps.length === 1) return ps[0]!;
  return turf.union(turf.featureCollection(ps)) as Area | null;
}

/** Keep the largest polygon of a (Multi)Polygon (drops slivers produced by clipping reference data). */
export function largestPart(a: Area): Feature<Polygon> {
  if (a.geometry.type === 'Polygon') return a as Feature<Polygon>;
  let best: Feature<Polygon> | null = null;
  let bestArea = -1;
  for (const coords of a.geometry.coordinates) {
    const p = turf.polygon(coords);
    const ar = turf.area(p);
    if (ar > bestArea) {
      best = p;
      bestArea = ar;
    }
  }
  return best!;
}

/** Drop parts smaller than minKm2 and holes smaller than minKm2. */
export function dropSlivers(a: Area, minKm2 = 0.05): Area {
  const polys = a.geometry.type === 'Polygon' ? [a.geometry.coordinates] : a.geometry.coordinates;
  const kept: Position[][][] = [];
  for (const p of polys) {
    if (turf.area(turf.polygon([p[0]!])) / 1e6 < minKm2) continue;
    const holes = p.slice(1).filter((h) => turf.area(turf.polygon([h])) / 1e6 >= minKm2);
    kept.push([p[0]!, ...holes]);
  }
  if (kept.length === 1) return turf.polygon(kept[0]!);
  return turf.multiPolygon(kept);
}

export const round5 = (v: number): number => Math.round(v * 1e5) / 1e5;

/** Round every coordinate to 5 decimals (~1 m), drop repeated positions, enforce RFC 7946 winding. */
export function tidy<G extends Geometry>(g: G): G {
  const rp = (p: Position): Position => [round5(p[0]!), round5(p[1]!)];
  const dedupe = (ps: Position[]): Position[] =>
    ps.filter((p, i) => i === 0 || p[0] !== ps[i - 1]![0] || p[1] !== ps[i - 1]![1]);
  let out: Geometry;
  switch (g.type) {
    case 'Point':
      out = { type: 'Point', coordinates: rp(g.coordinates) };
      break;
    case 'LineString':
      out = { type: 'LineString', coordinates: dedupe(g.coordinates.map(rp)) };
      break;
    case 'Polygon':
      out = { type: 'Polygon', coordinates: g.coordinates.map((r) => dedupe(r.map(rp))) };
      break;
    case 'MultiPolygon':
      out = { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => dedupe(r.map(rp)))) };
      break;
    default:
      throw new Error(`tidy: unsupported ${g.type}`);
  }
  if (out.type === 'Polygon' || out.type === 'MultiPolygon') out = turf.rewind(out) as Geometry;
  return out as G;
}

/** Douglas–Peucker simplification (turf.simplify, tolerance in degrees), keeping topology sane. */
export function simplify<T extends Feature>(f: T, toleranceDeg: number): T {
  return turf.simplify(f, { tolerance: toleranceDeg, highQuality: true, mutate: false }) as T;
}

export interface BaseProps {
  id: string;
  name_zh: string;
  name_en: string;
  kind: string;
  source: string;
  accuracy: 'traced' | 'schematic' | 'point-approx';
  [k: string]: unknown;
}

export function feature<G extends Geometry>(geometry: G, props: BaseProps): Feature<G> {
  return { type: 'Feature', id: props.id, properties: { ...props }, geometry: tidy(geometry) };
}

export function countVertices(g: Geometry): number {
  let n = 0;
  turf.coordEach(g, () => {
    n += 1;
  });
  return n;
}

export function writeGeodata(name: string, features: Feature[]): void {
  const fc: FeatureCollection = { type: 'FeatureCollection', features };
  // One feature per line keeps diffs readable while the file stays compact.
  const body = features.map((f) => '  ' + JSON.stringify(f)).join(',\n');
  fs.mkdirSync(GEODATA, { recursive: true });
  fs.writeFileSync(path.join(GEODATA, name), `{"type":"FeatureCollection","features":[\n${body}\n]}\n`);
  const verts = features.reduce((s, f) => s + countVertices(f.geometry), 0);
  console.log(`wrote geodata/${name}: ${fc.features.length} features, ${verts} vertices`);
}

export const km2 = (a: Feature | Geometry | null): number => (a ? turf.area(a) / 1e6 : 0);
