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
import * as polyclip from 'polyclip-ts';
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

/** One line of a CSV file (double-quoted cells, "" for a quote inside). */
export function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** The rows of the reference points-of-interest.csv that have coordinates, in file order: name and [lon, lat]. */
export function referencePoints(): { name: string; position: Position }[] {
  const lines = fs.readFileSync(path.join(REFERENCE, 'points-of-interest.csv'), 'utf8').split('\n').slice(1);
  return lines.flatMap((line) => {
    const [name, , , lon, lat] = parseCsvLine(line);
    return name && lon && lat ? [{ name, position: [Number(lon), Number(lat)] }] : [];
  });
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

type Ring = Position[];
type PolyCoords = Ring[];

const roundPos = (p: Position): Position => [round5(p[0]!), round5(p[1]!)];

/** Round a ring to 5 decimals, drop repeated positions, keep it closed; null if fewer than 3 distinct points remain. */
function roundRing(ring: Ring): Ring | null {
  const out: Ring = [];
  for (const p of ring.map(roundPos)) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  if (out.length > 1 && out[0]![0] === out[out.length - 1]![0] && out[0]![1] === out[out.length - 1]![1]) out.pop();
  if (out.length < 3) return null;
  out.push([out[0]![0]!, out[0]![1]!]);
  return out;
}

/** Round every ring; a polygon whose shell degenerates is dropped, a degenerate hole is dropped. */
function roundPolys(polys: PolyCoords[]): PolyCoords[] {
  const out: PolyCoords[] = [];
  for (const p of polys) {
    const shell = roundRing(p[0]!);
    if (!shell) continue;
    const holes = p.slice(1).map(roundRing).filter((r): r is Ring => r !== null);
    out.push([shell, ...holes]);
  }
  return out;
}

interface Touch {
  /** polygon / ring / vertex index of the vertex that lies on another edge */
  p: number;
  r: number;
  j: number;
  /** polygon / ring / start index of that edge */
  bp: number;
  br: number;
  k: number;
}

/**
 * Vertices that lie on another edge of the same geometry (another ring's edge or vertex, or a non-adjacent edge of
 * their own ring), i.e. the "touches" turf.kinks and the analysis validator reject. Exact: coordinates are on the
 * 1e-5 grid and tested in integer units.
 */
function findTouches(polys: PolyCoords[], firstOnly = false): Touch[] {
  const q = (v: number): number => Math.round(v * 1e5);
  const rings: { p: number; r: number; pts: [number, number][] }[] = [];
  polys.forEach((poly, p) => poly.forEach((ring, r) => rings.push({ p, r, pts: ring.map((c) => [q(c[0]!), q(c[1]!)]) })));
  const out: Touch[] = [];
  for (const a of rings) {
    const na = a.pts.length - 1; // closed ring: last = first
    for (let j = 0; j < na; j++) {
      const [x, y] = a.pts[j]!;
      for (const b of rings) {
        const nb = b.pts.length - 1;
        for (let k = 0; k < nb; k++) {
          // skip the two edges of a's own ring that end at vertex j
          if (b === a && (k === j || (k + 1) % na === j)) continue;
          const [x1, y1] = b.pts[k]!;
          const [x2, y2] = b.pts[k + 1]!;
          if (x < Math.min(x1, x2) || x > Math.max(x1, x2) || y < Math.min(y1, y2) || y > Math.max(y1, y2)) continue;
          if ((x2 - x1) * (y - y1) - (y2 - y1) * (x - x1) !== 0) continue;
          out.push({ p: a.p, r: a.r, j, bp: b.p, br: b.r, k });
          if (firstOnly) return out;
        }
      }
    }
  }
  return out;
}

const crossCount = (polys: PolyCoords[]): number => (polys.length ? turf.kinks(turf.multiPolygon(polys)).features.length : 0);

/** Remove vertex j of ring (p, r); a ring left with < 3 points is dropped (a shell takes its polygon with it). */
function withoutVertex(polys: PolyCoords[], p: number, r: number, j: number): PolyCoords[] {
  return polys.flatMap((poly, pi) => {
    if (pi !== p) return [poly];
    const rings = poly.flatMap((ring, ri) => {
      if (ri !== r) return [ring];
      const open = ring.slice(0, -1);
      const kept = open.filter((_, i) => i !== j % open.length);
      return kept.length >= 3 ? [[...kept, [kept[0]![0]!, kept[0]![1]!]]] : [];
    });
    if (r === 0 && rings.length < poly.length) return []; // shell gone
    return [rings];
  });
}

/** Area (deg², planar) a vertex removal cuts off or adds: a triangle, or the whole ring if it has only 3 points. */
function removalCost(polys: PolyCoords[], p: number, r: number, j: number): number {
  const open = polys[p]![r]!.slice(0, -1);
  const n = open.length;
  if (n <= 3) {
    let twice = 0;
    for (let i = 0; i < n; i++) twice += open[i]![0]! * open[(i + 1) % n]![1]! - open[(i + 1) % n]![0]! * open[i]![1]!;
    return Math.abs(twice) / 2;
  }
  const [ax, ay] = open[(j - 1 + n) % n]!;
  const [bx, by] = open[j % n]!;
  const [cx, cy] = open[(j + 1) % n]!;
  return Math.abs((bx! - ax!) * (cy! - ay!) - (by! - ay!) * (cx! - ax!)) / 2;
}

const problemCount = (polys: PolyCoords[]): number => findTouches(polys).length + crossCount(polys);

/** Move vertex j of ring (p, r) by (dx, dy) grid steps of 1e-5°, keeping the ring closed. */
function withVertexMoved(polys: PolyCoords[], p: number, r: number, j: number, dx: number, dy: number): PolyCoords[] {
  return polys.map((poly, pi) =>
    pi !== p
      ? poly
      : poly.map((ring, ri) => {
          if (ri !== r) return ring;
          const n = ring.length - 1;
          return ring.map((c, i) => (i % n === j ? [round5(c[0]! + dx * 1e-5), round5(c[1]! + dy * 1e-5)] : c));
        }),
  );
}

/** Area (deg², planar) a vertex move by (dx, dy) grid steps changes: the two triangles on either side. */
function moveCost(polys: PolyCoords[], p: number, r: number, j: number, dx: number, dy: number): number {
  const open = polys[p]![r]!.slice(0, -1);
  const n = open.length;
  const a = open[(j - 1 + n) % n]!;
  const c = open[(j + 1) % n]!;
  return Math.abs((c[0]! - a[0]!) * dy * 1e-5 - (c[1]! - a[1]!) * dx * 1e-5) / 2;
}

/**
 * Resolve one touch with the smallest change: remove the touching vertex or an end of the edge it touches (e.g. the
 * tip of a zero-width spike, or a whole 3-point sliver ring), or move the touching vertex by one grid step (~1 m).
 * Candidates that leave fewer problems (touches + turf.kinks points) win, then those that add none; among equals, the
 * smallest area change. Returns the new coordinates and the area changed in km² (approximate).
 */
function fixOneTouch(polys: PolyCoords[], t: Touch): { polys: PolyCoords[]; km2: number } {
  const nb = polys[t.bp]![t.br]!.length - 1;
  const before = problemCount(polys);
  const options: { polys: PolyCoords[]; cost: number }[] = [
    [t.p, t.r, t.j],
    [t.bp, t.br, t.k],
    [t.bp, t.br, (t.k + 1) % nb],
  ].map(([p, r, j]) => ({ polys: withoutVertex(polys, p!, r!, j!), cost: removalCost(polys, p!, r!, j!) }));
  for (const dx of [-1, 0, 1]) {
    for (const dy of [-1, 0, 1]) {
      if (dx === 0 && dy === 0) continue;
      options.push({ polys: withVertexMoved(polys, t.p, t.r, t.j, dx, dy), cost: moveCost(polys, t.p, t.r, t.j, dx, dy) });
    }
  }
  const ranked = options.map((o) => {
    const after = problemCount(o.polys);
    return { ...o, tier: after < before ? 0 : after === before ? 1 : 2 };
  });
  ranked.sort((x, y) => x.tier - y.tier || x.cost - y.cost);
  const best = ranked[0]!;
  const lat = (polys[t.p]![t.r]![t.j]![1]! * Math.PI) / 180;
  return { polys: best.polys, km2: best.cost * 111.32 * 111.32 * Math.cos(lat) };
}

/**
 * Makes a (Multi)Polygon simple on the 5-decimal grid the files use: no edge crossing or touching another
 * (turf.kinks finds none; the analysis core's validator accepts it). Rounding after clipping can make edges cross or
 * rings touch, so: round; while edges cross, let polyclip-ts union the geometry with itself (it splits crossing and
 * self-touching rings into separate polygons / holes, meeting at most at a vertex) and round again; and resolve, one at a
 * time, each vertex where a ring touches itself or another ring, by the smallest change (drop a spike tip or a
 * sliver, nudge a vertex by ~1 m; see fixOneTouch). Repeats until clean; `label` names the feature in the log when
 * the changes add up to more than 100 m².
 */
export function simplePolygonal(g: Polygon | MultiPolygon, label = ''): Polygon | MultiPolygon {
  let polys = roundPolys(g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
  let cut = 0;
  for (let step = 0; step < 500; step++) {
    const touch = findTouches(polys, true)[0];
    if (touch) {
      const fixed = fixOneTouch(polys, touch);
      polys = fixed.polys;
      cut += fixed.km2;
      continue;
    }
    // no vertex touches an edge any more, so what turf.kinks still finds are proper crossings
    if (crossCount(polys) === 0) break;
    polys = roundPolys(polyclip.union(polys as polyclip.Geom) as PolyCoords[]);
  }
  if (crossCount(polys) > 0 || findTouches(polys, true).length > 0) throw new Error(`simplePolygonal ${label}: could not remove every self-intersection`);
  if (polys.length === 0) throw new Error(`simplePolygonal ${label}: nothing left`);
  if (cut > 1e-4) console.log(`  simplePolygonal ${label}: touch fixes changed ${(cut * 1e6).toFixed(0)} m²`);
  const out: Polygon | MultiPolygon = polys.length === 1 ? { type: 'Polygon', coordinates: polys[0]! } : { type: 'MultiPolygon', coordinates: polys };
  return turf.rewind(out) as Polygon | MultiPolygon;
}

/**
 * Round every coordinate to 5 decimals (~1 m), drop repeated positions, enforce RFC 7946 winding; polygons are also
 * made simple (no self-intersecting or self-touching rings, see simplePolygonal).
 */
export function tidy<G extends Geometry>(g: G, label = ''): G {
  const rp = roundPos;
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
    case 'MultiPolygon':
      out = simplePolygonal(g, label);
      break;
    default:
      throw new Error(`tidy: unsupported ${g.type}`);
  }
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
  return { type: 'Feature', id: props.id, properties: { ...props }, geometry: tidy(geometry, props.id) };
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

/** A facts file from scripts/geodata/facts/ (researched facts with their sources; data, not code). */
export function readFacts<T>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(here, 'facts', name), 'utf8')) as T;
}

/**
 * The half of the plane on one side of a polyline that runs roughly south-west -> north-east (or west -> east):
 * 'nw' is to its left (north-west), 'se' to its right. The polyline is closed through far-away corners, so it must
 * not double back on itself; the result is a simple polygon.
 */
export function sideOf(line: Position[], side: 'nw' | 'se'): Feature<Polygon> {
  const first = line[0]!;
  const last = line[line.length - 1]!;
  if (side === 'nw') return poly([...line, [last[0]!, 40], [110, 40], [110, first[1]!]]);
  return poly([...line, [125, last[1]!], [125, 30], [first[0]!, 30]]);
}

/** Yellow River lines from the reference: WDBII centreline, NGCC north (left) bank and south (right) bank, all running south-west -> north-east. */
export function yellowRiver(): { centre: Position[]; north: Position[]; south: Position[] } {
  const orient = (c: Position[]): Position[] => (c[0]![0]! > c[c.length - 1]![0]! ? c.slice().reverse() : c.slice());
  const centre = orient(riverLine('yellow').geometry.coordinates);
  const a = orient(riverLine('bank-0').geometry.coordinates);
  const b = orient(riverLine('bank-1').geometry.coordinates);
  // the north bank is the one lying north-west of the other: compare their latitudes at 117.1 E
  const latAt = (c: Position[], x: number): number => {
    for (let i = 1; i < c.length; i++) {
      const p = c[i - 1]!;
      const q = c[i]!;
      if ((p[0]! - x) * (q[0]! - x) <= 0 && p[0] !== q[0]) return p[1]! + ((x - p[0]!) / (q[0]! - p[0]!)) * (q[1]! - p[1]!);
    }
    throw new Error('bank line does not reach 117.1 E');
  };
  const [north, south] = latAt(a, 117.1) > latAt(b, 117.1) ? [a, b] : [b, a];
  return { centre, north, south };
}

/** 徒骇河 centreline from the reference, west -> east. */
export function tuhai(): Position[] {
  const c = riverLine('tuhai').geometry.coordinates;
  return c[0]![0]! > c[c.length - 1]![0]! ? c.slice().reverse() : c.slice();
}

/** Keep only the outer ring of the largest part: the area is one contiguous region without holes. */
export function solidLargest(a: Area): Feature<Polygon> {
  const main = largestPart(a);
  return turf.polygon([main.geometry.coordinates[0]!]);
}

/** Bisection on a monotone function: the x in [lo, hi] where f(x) = target (f increasing or decreasing). */
export function bisect(f: (x: number) => number, target: number, lo: number, hi: number, tol = 1e-6): number {
  const flo = f(lo) - target;
  const fhi = f(hi) - target;
  if (flo * fhi > 0) throw new Error(`bisect: target ${target} not bracketed (${flo + target} .. ${fhi + target})`);
  let a = lo;
  let b = hi;
  let fa = flo;
  for (let i = 0; i < 60 && b - a > tol; i++) {
    const m = (a + b) / 2;
    const fm = f(m) - target;
    if (fa * fm <= 0) b = m;
    else {
      a = m;
      fa = fm;
    }
  }
  return (a + b) / 2;
}

/** One edge of the boundary as facts/boundary.json describes it. */
export interface EdgeFact {
  key: string;
  edge: string;
  follows_en: string;
  follows_zh: string;
  how: string;
  reference: string;
  accuracy_m: number;
  placed_by_judgement: boolean;
  judgement_note?: string;
  line?: Position[];
  /** the meridians between which an edge replaces another line */
  span?: { from_lon: number; to_lon: number };
  fit?: { subdistrict: string; area_km2: number; lat_min: number; lat_max: number; derived_area_km2?: number; lon_min: number; lon_max: number };
}

