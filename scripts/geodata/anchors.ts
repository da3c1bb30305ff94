/**
 * Anchors: positions derived from public records (a coordinate, a published distance and side, a subdistrict's
 * extent, another generated feature), shared by the generators so that one fact gives one position everywhere.
 * Each rule is a reading of a record, never a tuned constant. The facts live in facts/projects.json (`anchors`).
 */
import fs from 'node:fs';
import path from 'node:path';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import { type Area, REPO, district, readFacts, referencePoints, riverLine } from './common.ts';

/** How an anchor's position is obtained. Every kind is a reading of a public record, never a tuned constant. */
export type AnchorRule =
  | { kind: 'poi'; name: string }
  | { kind: 'lonlat'; lonlat: Position }
  /** Centroid of the part of `district` lying between `from_km` and `to_km` north of the district's southern tip. */
  | { kind: 'band'; district: string; from_km: number; to_km: number; within_km_of_river?: number }
  /** Centroid of the western (or eastern) part of `district` north of the Yellow River, split so that the western part has `west_km2`. */
  | { kind: 'north-bank-split'; district: string; west_km2: number; part: 'west' | 'east' }
  /** Longitude `west_km` west of anchor `west_of`; latitude where the distance from anchor `north_of` is `north_km`. */
  | { kind: 'distances'; west_of: string; west_km: number; north_of: string; north_km: number }
  /** The first point of the Yellow River centreline (west to east) that is `km` from anchor `from`, moved `bank_m` to the north bank. */
  | { kind: 'river-distance'; from: string; km: number; bank_m: number }
  /** The point of the Yellow River centreline nearest to anchor `to`, moved `bank_m` to the north bank. */
  | { kind: 'river-nearest'; to: string; bank_m: number }
  /** Anchor `from` moved `km` across the river (perpendicular to the centreline), to the north or south bank. */
  | { kind: 'across-river'; from: string; km: number; side: 'north' | 'south' }
  /** Where a ray from anchor `from` at `bearing` degrees meets the 徒骇河 centreline, moved `south_m` to its south side. */
  | { kind: 'tuhai-ray'; from: string; bearing: number; south_m: number }
  /** The centroid of the map's own boundary (geodata/boundary.geojson): the marker for a project whose site is not published. */
  | { kind: 'area-centre' }
  /** A generated feature of an earlier step (`layer` file in geodata/): a Point's coordinate, or a point inside an outline. */
  | { kind: 'feature'; layer: string; id: string };

export interface Anchor {
  id: string;
  name_zh: string;
  rule: AnchorRule;
  how_en: string;
  how_zh: string;
  accuracy_m: number;
  refs: string[];
}

// ---------------------------------------------------------------------------------------------------------
// References
// ---------------------------------------------------------------------------------------------------------

function poiTable(): Map<string, Position> {
  return new Map(referencePoints().map(({ name, position }) => [name, position]));
}

// ---------------------------------------------------------------------------------------------------------
// Geometry helpers
// ---------------------------------------------------------------------------------------------------------

const KM_PER_DEG_LAT = 110.574;
const kmPerDegLon = (lat: number): number => 111.32 * Math.cos((lat * Math.PI) / 180);

function bandBox(south: number, fromKm: number, toKm: number): Feature<Polygon> {
  const a = south + fromKm / KM_PER_DEG_LAT;
  const b = south + toKm / KM_PER_DEG_LAT;
  return turf.bboxPolygon([100, a, 130, b]);
}

function clip(a: Area, b: Area): Area {
  const r = turf.intersect(turf.featureCollection([a, b]));
  if (!r) throw new Error('empty intersection');
  return r as Area;
}

/** The part of `area` north-west of the Yellow River (the river runs west–east through the districts concerned). */
function northOfRiver(area: Area): Area {
  const river = riverLine('yellow').geometry.coordinates.filter((c) => c[0]! >= 116.6 && c[0]! <= 117.5);
  const ring: Position[] = [...river, [117.5, 37.4], [116.6, 37.4], river[0]!];
  return clip(area, turf.polygon([ring]));
}

/** Unit vector (east km, north km) pointing to the river's north (left-hand) bank at the centreline point nearest `p`. */
function northBankNormal(p: Position): { on: Position; nx: number; ny: number } {
  const line = riverLine('yellow');
  const snapped = turf.nearestPointOnLine(line, turf.point(p));
  const i = snapped.properties.index ?? 0;
  const cs = line.geometry.coordinates;
  const a = cs[Math.max(0, i)]!;
  const b = cs[Math.min(cs.length - 1, i + 1)]!;
  const lat = a[1]!;
  const ex = (b[0]! - a[0]!) * kmPerDegLon(lat);
  const ey = (b[1]! - a[1]!) * KM_PER_DEG_LAT;
  const len = Math.hypot(ex, ey) || 1;
  // Left of the flow direction (west → east) is north; rotate the tangent +90°.
  let nx = -ey / len;
  let ny = ex / len;
  if (ny < 0) {
    nx = -nx;
    ny = -ny;
  }
  return { on: snapped.geometry.coordinates, nx, ny };
}

function moveKm(p: Position, eastKm: number, northKm: number): Position {
  return [p[0]! + eastKm / kmPerDegLon(p[1]!), p[1]! + northKm / KM_PER_DEG_LAT];
}

export function round5(p: Position): Position {
  return [Math.round(p[0]! * 1e5) / 1e5, Math.round(p[1]! * 1e5) / 1e5];
}

// ---------------------------------------------------------------------------------------------------------
// Anchors
// ---------------------------------------------------------------------------------------------------------

export function resolveAnchors(anchors: Anchor[]): Map<string, Position> {
  const pois = poiTable();
  const done = new Map<string, Position>();
  const byId = new Map(anchors.map((a) => [a.id, a]));
  const resolve = (id: string, stack: string[] = []): Position => {
    const hit = done.get(id);
    if (hit) return hit;
    if (stack.includes(id)) throw new Error(`anchor cycle: ${[...stack, id].join(' -> ')}`);
    const a = byId.get(id);
    if (!a) throw new Error(`unknown anchor ${id}`);
    const p = compute(a.rule, (x) => resolve(x, [...stack, id]), pois);
    done.set(id, p);
    return p;
  };
  for (const a of anchors) resolve(a.id);
  return done;
}

function compute(rule: AnchorRule, anchor: (id: string) => Position, pois: Map<string, Position>): Position {
  switch (rule.kind) {
    case 'poi': {
      const p = pois.get(rule.name);
      if (!p) throw new Error(`point of interest ${rule.name} has no coordinate in the reference`);
      return p;
    }
    case 'lonlat':
      return rule.lonlat;
    case 'band': {
      const d = district(rule.district);
      const south = turf.bbox(d)[1];
      let part = clip(d, bandBox(south, rule.from_km, rule.to_km));
      if (rule.within_km_of_river !== undefined) part = clip(part, turf.buffer(riverLine('yellow'), rule.within_km_of_river, { units: 'kilometers' }) as Area);
      return turf.centroid(part).geometry.coordinates;
    }
    case 'north-bank-split': {
      const north = northOfRiver(district(rule.district));
      const [w, s, e, n] = turf.bbox(north);
      // Find the meridian whose western side holds `west_km2` (bisection on a monotone function).
      let lo = w;
      let hi = e;
      for (let k = 0; k < 60; k += 1) {
        const mid = (lo + hi) / 2;
        const westPart = turf.intersect(turf.featureCollection([north, turf.bboxPolygon([w - 1, s - 1, mid, n + 1])]));
        const km2 = westPart ? turf.area(westPart) / 1e6 : 0;
        if (km2 < rule.west_km2) lo = mid;
        else hi = mid;
      }
      const box = rule.part === 'west' ? turf.bboxPolygon([w - 1, s - 1, lo, n + 1]) : turf.bboxPolygon([lo, s - 1, e + 1, n + 1]);
      return turf.centroid(clip(north, box)).geometry.coordinates;
    }
    case 'distances': {
      const a = anchor(rule.west_of);
      const b = anchor(rule.north_of);
      const lon = a[0]! - rule.west_km / kmPerDegLon(a[1]!);
      const dx = (lon - b[0]!) * kmPerDegLon(b[1]!);
      const dy = Math.sqrt(Math.max(0, rule.north_km ** 2 - dx ** 2));
      return [lon, b[1]! + dy / KM_PER_DEG_LAT];
    }
    case 'river-distance': {
      const from = turf.point(anchor(rule.from));
      const cs = riverLine('yellow').geometry.coordinates;
      for (let i = 0; i + 1 < cs.length; i += 1) {
        const d0 = turf.distance(from, turf.point(cs[i]!));
        const d1 = turf.distance(from, turf.point(cs[i + 1]!));
        if ((d0 - rule.km) * (d1 - rule.km) <= 0 && d0 !== d1) {
          const t = (rule.km - d0) / (d1 - d0);
          const on: Position = [cs[i]![0]! + t * (cs[i + 1]![0]! - cs[i]![0]!), cs[i]![1]! + t * (cs[i + 1]![1]! - cs[i]![1]!)];
          const { nx, ny } = northBankNormal(on);
          return moveKm(on, (nx * rule.bank_m) / 1000, (ny * rule.bank_m) / 1000);
        }
      }
      throw new Error(`no river point at ${rule.km} km from ${rule.from}`);
    }
    case 'river-nearest': {
      const { on, nx, ny } = northBankNormal(anchor(rule.to));
      return moveKm(on, (nx * rule.bank_m) / 1000, (ny * rule.bank_m) / 1000);
    }
    case 'across-river': {
      const from = anchor(rule.from);
      const { nx, ny } = northBankNormal(from);
      const s = rule.side === 'north' ? 1 : -1;
      return moveKm(from, s * nx * rule.km, s * ny * rule.km);
    }
    case 'area-centre': {
      const fc = JSON.parse(fs.readFileSync(path.join(REPO, 'geodata', 'boundary.geojson'), 'utf8')) as FeatureCollection;
      const b = fc.features[0] as Area;
      const c = turf.centroid(b);
      return turf.booleanPointInPolygon(c, b) ? c.geometry.coordinates : turf.pointOnFeature(b).geometry.coordinates;
    }
    case 'feature': {
      const fc = JSON.parse(fs.readFileSync(path.join(REPO, 'geodata', rule.layer), 'utf8')) as FeatureCollection;
      const f = fc.features.find((x) => x.properties?.['id'] === rule.id);
      if (!f?.geometry) throw new Error(`anchor: no feature ${rule.id} in ${rule.layer}`);
      if (f.geometry.type === 'Point') return f.geometry.coordinates;
      const c = turf.centroid(f);
      return turf.booleanPointInPolygon(c, f as Area) ? c.geometry.coordinates : turf.pointOnFeature(f).geometry.coordinates;
    }
    case 'tuhai-ray': {
      const from = anchor(rule.from);
      const far = turf.destination(turf.point(from), 40, rule.bearing, { units: 'kilometers' });
      const hits = turf.lineIntersect(turf.lineString([from, far.geometry.coordinates]), riverLine('tuhai')).features;
      if (!hits.length) throw new Error(`no 徒骇河 crossing from ${rule.from} at ${rule.bearing}°`);
      const nearest = hits.map((h) => h.geometry.coordinates).sort((a, b) => turf.distance(from, a) - turf.distance(from, b))[0]!;
      return moveKm(nearest, 0, -rule.south_m / 1000);
    }
  }
}

/** The anchors of facts/projects.json, resolved. */
export function projectAnchors(): Map<string, Position> {
  return resolveAnchors(readFacts<{ anchors: Anchor[] }>('projects.json').anchors);
}
