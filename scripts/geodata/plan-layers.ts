/**
 * Builds geodata/structure.geojson, geodata/blue-green.geojson and geodata/construction.geojson.
 *
 * Run alone from the repo root (needs ../shared/reference): npx tsx scripts/geodata/plan-layers.ts
 * It reads the committed geodata/boundary.geojson and geodata/subdistricts.geojson and clips everything to them.
 *
 * Every position comes from a record listed in scripts/geodata/facts/*.json (reference geometry, published
 * descriptions, areas, lengths); the facts files also hold each feature's `position_source`, `position_source_zh` and
 * `position_accuracy_m`. No size is tuned towards a target: a site is drawn at its published area, a river at its
 * stated (sourced or stated-as-assumed) width, and the resulting blue-green and construction shares are only reported.
 * Farmland is not drawn: no record gives its outline (the published figures are kept in facts/blue-green.json).
 */
import fs from 'node:fs';
import path from 'node:path';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { projectAnchors } from './anchors.ts';
import { gcj02ToWgs84 } from '../../src/core/import/china-offset.ts';
import {
  type Area,
  type BaseProps,
  REF_POI,
  REF_RIVERS,
  difference,
  dropSlivers,
  feature,
  intersect,
  km2,
  largestPart,
  poly,
  readGeodata,
  readReference,
  referencePoints,
  riverLine,
  riverWaterPolygon,
  simplify,
  union,
  writeGeodata,
} from './common.ts';

/* ------------------------------------------------------------------ facts */

interface Source {
  cite: string;
  url?: string;
  title?: string;
  says: string;
}

interface FactFeature {
  name_zh: string;
  name_en: string;
  source: string[];
  refs: string[];
  accuracy: 'traced' | 'schematic' | 'point-approx';
  position_source: string;
  position_source_zh: string;
  position_accuracy_m: number;
  [k: string]: unknown;
}

interface Facts {
  sources: Record<string, Source>;
  features: Record<string, FactFeature>;
  [k: string]: unknown;
}

const FACTS_DIR = path.join(path.dirname(new URL(import.meta.url).pathname), 'facts');
const readFacts = (name: string): Facts => JSON.parse(fs.readFileSync(path.join(FACTS_DIR, name), 'utf8')) as Facts;

const BG = readFacts('blue-green.json');
const CON = readFacts('construction.json');
const ST = readFacts('structure.json');

function fact(facts: Facts, id: string): FactFeature {
  const f = facts.features[id];
  if (!f) throw new Error(`no facts for ${id}`);
  return f;
}

const num = (f: FactFeature, key: string): number => {
  const v = f[key];
  if (typeof v !== 'number') throw new Error(`fact ${key} missing`);
  return v;
};
const str = (f: FactFeature, key: string): string => {
  const v = f[key];
  if (typeof v !== 'string') throw new Error(`fact ${key} missing`);
  return v;
};
const strs = (f: FactFeature, key: string): string[] => {
  const v = f[key];
  if (!Array.isArray(v)) throw new Error(`fact ${key} missing`);
  return v as string[];
};

/** The common properties of a feature, from its facts entry: file citations in `source`, public records in `refs`. */
function baseProps(facts: Facts, id: string, kind: string): BaseProps {
  const f = fact(facts, id);
  const cite = (key: string): Source => {
    const s = facts.sources[key];
    if (!s) throw new Error(`${id}: unknown source ${key}`);
    return s;
  };
  const files = f.source.map((k) => cite(k).cite);
  const refs = f.refs.map((k) => {
    const s = cite(k);
    return s.url ? `${s.cite} <${s.url}>` : s.cite;
  });
  return {
    id,
    name_zh: f.name_zh,
    name_en: f.name_en,
    kind,
    source: [...new Set(files)].join(';'),
    accuracy: f.accuracy,
    refs: refs.join('; '),
    position_source: f.position_source,
    position_source_zh: f.position_source_zh,
    position_accuracy_m: f.position_accuracy_m,
    // the same real-world thing in another layer (one status there), or the outline a point lies in
    ...(Array.isArray(f['same_as']) ? { same_as: f['same_as'] as string[] } : {}),
    ...(Array.isArray(f['within']) ? { within: f['within'] as string[] } : {}),
  };
}

/* ------------------------------------------------------------------ inputs */

/** Boundary and subdistricts: geodata/ by default; PLAN_LAYERS_INPUT=<dir> reads them from another folder instead. */
const readInput = (name: string): FeatureCollection =>
  process.env.PLAN_LAYERS_INPUT ? (JSON.parse(fs.readFileSync(path.join(process.env.PLAN_LAYERS_INPUT, name), 'utf8')) as FeatureCollection) : readGeodata(name);
const boundary = readInput('boundary.geojson').features[0] as Area;
const subdistricts = new Map(readInput('subdistricts.geojson').features.map((f) => [String(f.properties?.id), f as Area]));
const sd = (id: string): Area => {
  const f = subdistricts.get(id);
  if (!f) throw new Error(`subdistricts.geojson has no ${id}`);
  return f;
};

/** Reference POI coordinate by the start of its Chinese name. */
function poi(prefix: string): Position {
  const row = referencePoints().find(({ name, position }) => name.startsWith(prefix) && position.every(Number.isFinite));
  if (!row) throw new Error(`no coordinate for ${prefix} in ${REF_POI}`);
  return row.position;
}

/* ------------------------------------------------------------------ geometry helpers */

const KM = { units: 'kilometers' as const };
const clip = (a: Area | null): Area | null => intersect(a, boundary);
const bufferKm = (g: Feature, km: number): Area => turf.buffer(g, km, { ...KM, steps: 8 }) as Area;
const lineBuffer = (ps: Position[], widthKm: number): Area => bufferKm(turf.lineString(ps), widthKm / 2);

/** Shift a position by dx (east) and dy (north) kilometres. */
function shift(p: Position, dxKm: number, dyKm: number): Position {
  let q = p;
  if (dxKm !== 0) q = turf.destination(q, Math.abs(dxKm), dxKm > 0 ? 90 : -90, KM).geometry.coordinates;
  if (dyKm !== 0) q = turf.destination(q, Math.abs(dyKm), dyKm > 0 ? 0 : 180, KM).geometry.coordinates;
  return q;
}

/** Ellipse of the given area (km²) and axis ratio; the long axis points to `bearing` (degrees from north). */
function ellipseOfArea(center: Position, areaKm2: number, ratio: number, bearing = 90): Area {
  const b = Math.sqrt(areaKm2 / (Math.PI * ratio));
  return turf.ellipse(center, ratio * b, b, { ...KM, angle: bearing - 90, steps: 96 }) as Area;
}

/** Axis ratio of the ellipse with area A and perimeter P (Ramanujan's approximation), by bisection. */
function ratioForPerimeter(areaKm2: number, perimeterKm: number): number {
  const perim = (r: number): number => {
    const b = Math.sqrt(areaKm2 / (Math.PI * r));
    const a = r * b;
    return Math.PI * (3 * (a + b) - Math.sqrt((3 * a + b) * (a + 3 * b)));
  };
  let lo = 1;
  let hi = 50;
  if (perim(lo) >= perimeterKm) return 1;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (perim(mid) < perimeterKm) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Axis-aligned rectangle of the given size (km) around a centre. */
function rectangle(center: Position, ewKm: number, nsKm: number): Area {
  const w = shift(center, -ewKm / 2, 0)[0]!;
  const e = shift(center, ewKm / 2, 0)[0]!;
  const s = shift(center, 0, -nsKm / 2)[1]!;
  const n = shift(center, 0, nsKm / 2)[1]!;
  return poly([[w, s], [e, s], [e, n], [w, n]]);
}

/**
 * The longest east–west chord of a polygon at `fraction` of its north–south extent (0 = south edge, 1 = north edge),
 * found by sampling every ~100 m; returns its two ends pulled in by `inset` of its length at each end.
 */
function chord(a: Area, fraction: number, inset = 0.1): [Position, Position] {
  const [minX, minY, maxX, maxY] = turf.bbox(a);
  const y = minY + fraction * (maxY - minY);
  const step = 0.001;
  let best: [number, number] | null = null;
  let runStart: number | null = null;
  for (let x = minX; x <= maxX + step; x += step) {
    const inside = x <= maxX && turf.booleanPointInPolygon([x, y], a);
    if (inside && runStart === null) runStart = x;
    if (!inside && runStart !== null) {
      if (!best || x - step - runStart > best[1] - best[0]) best = [runStart, x - step];
      runStart = null;
    }
  }
  if (!best) throw new Error('chord: polygon not crossed');
  const len = best[1] - best[0];
  return [[best[0] + inset * len, y], [best[1] - inset * len, y]];
}

const chordMid = (a: Area, fraction: number): Position => {
  const [p, q] = chord(a, fraction, 0);
  return [(p[0]! + q[0]!) / 2, p[1]!];
};

/** A point well inside a polygon: the middle of its longest chord half-way up. */
const inner = (a: Area): Position => chordMid(a, 0.5);

/** Union of subdistrict outlines by id. */
const sdUnion = (ids: string[]): Area => union(...ids.map(sd))!;

/* ------------------------------------------------------------------ shared river geometry */

const yr = BG.yellow_river as Record<string, number>;
/** Mean floodplain width: 济阳's published floodplain area over its published river length. */
const FLOODPLAIN_KM = yr.floodplain_km2_jiyang! / yr.river_km_jiyang!;
/** Mean width of the planted dyke-back strip: Jinan's published strip area (亩 → km²) over its published dyke length. */
const DYKE_STRIP_KM = yr.dyke_back_strip_mu_jinan! / yr.mu_per_km2! / yr.dyke_total_km_jinan!;

const [bx0, by0, bx1, by1] = turf.bbox(boundary);
const around = turf.bboxPolygon([bx0 - 0.1, by0 - 0.1, bx1 + 0.1, by1 + 0.1]) as Area;
const channelAll = simplify(intersect(riverWaterPolygon() as Area, around)!, 0.0002);
const channelOuter = bufferKm(channelAll, FLOODPLAIN_KM);
const dykeOuter = bufferKm(channelAll, FLOODPLAIN_KM + DYKE_STRIP_KM);
const yellowLine = riverLine('yellow');
const tuhaiLine = riverLine('tuhai');

/* ------------------------------------------------------------------ blue-green */

type Out = Feature<Polygon | MultiPolygon | LineString>;
interface BgPart {
  id: string;
  kind: string;
  geom: Area | null;
  outside?: boolean;
  extra?: Record<string, unknown>;
}

function blueGreenParts(): BgPart[] {
  const f = (id: string): FactFeature => fact(BG, id);
  const parts: BgPart[] = [];
  const channel = clip(channelAll);
  parts.push({ id: 'bg-yellow-river', kind: 'river', geom: channel });
  parts.push({ id: 'bg-yellow-river-floodplain', kind: 'floodplain', geom: clip(difference(channelOuter, channelAll)), extra: { width_km: round3(FLOODPLAIN_KM) } });
  parts.push({ id: 'bg-yellow-river-dykes', kind: 'dyke', geom: clip(difference(dykeOuter, channelOuter)), extra: { width_km: round3(DYKE_STRIP_KM) } });

  // 示范段: 4 km downstream of the G104 bridge, ~100 m wide, on the north bank outside the dyke strip.
  {
    const d = f('bg-yellow-river-belt-demo');
    const bridge = poi('济南黄河公路大桥');
    const coords = yellowLine.geometry.coordinates;
    const downstreamIsForward = coords[coords.length - 1]![0]! > coords[0]![0]!;
    const line = downstreamIsForward ? yellowLine : turf.lineString([...coords].reverse());
    const at = turf.nearestPointOnLine(line, bridge, KM).properties.location;
    const slice = turf.lineSliceAlong(line, at, at + num(d, 'length_km'), KM);
    const northSide = poly([...slice.geometry.coordinates, ...turf.lineOffset(slice, -4, KM).geometry.coordinates.reverse()]);
    const strip = difference(bufferKm(dykeOuter, num(d, 'width_km')), dykeOuter);
    parts.push({ id: 'bg-yellow-river-belt-demo', kind: 'park', geom: clip(intersect(strip, northSide)), extra: { published_area_ha: num(d, 'published_area_ha') } });
  }

  parts.push({ id: 'bg-tuhai', kind: 'river', geom: clip(simplify(bufferKm(tuhaiLine, num(f('bg-tuhai'), 'width_km') / 2), 0.0002)), extra: { width_km: num(f('bg-tuhai'), 'width_km') } });

  {
    const d = f('bg-xiaoqing');
    parts.push({ id: 'bg-xiaoqing', kind: 'river', geom: clip(lineBuffer(d.course as Position[], num(d, 'width_km'))), extra: { width_km: num(d, 'width_km') } });
  }
  {
    const d = f('bg-dasi');
    const pts = strs(d, 'via_subdistricts').map((id) => inner(sd(id)));
    // downstream it reaches 垛石, north-east of 太平: end at the easternmost 徒骇河 point on the boundary
    const near = bufferKm(boundary, 1);
    const onBoundary = tuhaiLine.geometry.coordinates.filter((p) => turf.booleanPointInPolygon(p, near));
    const mouth = onBoundary.reduce((e, p) => (p[0]! > e[0]! ? p : e));
    parts.push({ id: 'bg-dasi', kind: 'river', geom: clip(lineBuffer([...pts, mouth], num(d, 'width_km'))), extra: { width_km: num(d, 'width_km') } });
  }
  for (const id of ['bg-qingning', 'bg-cuizhai-bojiliu']) {
    const d = f(id);
    const a = sd(str(d, 'subdistrict'));
    parts.push({ id, kind: 'river', geom: intersect(clip(lineBuffer(chord(a, num(d, 'lat_fraction')), num(d, 'width_km'))), a), extra: { width_km: num(d, 'width_km') } });
  }

  {
    const d = f('bg-queshan-reservoir');
    const [dx, dy] = d.offset_from_queshan_km as [number, number];
    const ratio = ratioForPerimeter(num(d, 'published_area_km2'), num(d, 'published_dyke_km'));
    // a water-supply reservoir lies behind the dyke: step north until the ellipse is clear of the dyke strip
    let centre = shift(poi('鹊山'), dx, dy);
    let geom = ellipseOfArea(centre, num(d, 'published_area_km2'), ratio);
    for (let i = 0; i < 50 && turf.booleanIntersects(geom, dykeOuter); i++) {
      centre = shift(centre, 0, 0.1);
      geom = ellipseOfArea(centre, num(d, 'published_area_km2'), ratio);
    }
    parts.push({ id: 'bg-queshan-reservoir', kind: 'reservoir', geom: clip(geom), extra: { published_area_km2: num(d, 'published_area_km2'), published_dyke_km: num(d, 'published_dyke_km') } });
  }
  {
    const d = f('bg-taiping-reservoir');
    const area = num(d, 'published_land_mu') / (BG.yellow_river as Record<string, number>).mu_per_km2!;
    const taiping = sd('sd-taiping');
    const inTaiping = tuhaiLine.geometry.coordinates.filter((p) => turf.booleanPointInPolygon(p, bufferKm(taiping, 0.5)));
    if (inTaiping.length < 2) throw new Error('徒骇河 does not cross sd-taiping');
    // anchor on the river: north-east of the 太平 seat where subdistricts.geojson gives the seat, else mid-reach
    const seat = taiping.properties?.seat_position as Position | null | undefined;
    let k = Math.floor(inTaiping.length / 2);
    if (Array.isArray(seat) && seat.length === 2) {
      const ray = turf.lineString([seat, turf.destination(seat, 20, 45, KM).geometry.coordinates]);
      const hit = turf.lineIntersect(ray, turf.lineString(inTaiping)).features[0]?.geometry.coordinates;
      const target = hit ?? seat;
      k = inTaiping.reduce((best, p, i) => (turf.distance(p, target) < turf.distance(inTaiping[best]!, target) ? i : best), 0);
    }
    const mid = inTaiping[Math.min(k, inTaiping.length - 2)]!;
    const ahead = inTaiping[Math.min(k, inTaiping.length - 2) + 1]!;
    const along = turf.bearing(mid, ahead);
    const ratio = num(d, 'aspect');
    const semiMinor = Math.sqrt(area / (Math.PI * ratio));
    const left = turf.destination(mid, 1, along - 90, KM).geometry.coordinates;
    const right = turf.destination(mid, 1, along + 90, KM).geometry.coordinates;
    const southward = left[1]! < right[1]! ? along - 90 : along + 90;
    // on the south bank: step away from the river until the ellipse keeps the stated gap from the 徒骇河 strip
    const keepOff = bufferKm(tuhaiLine, num(f('bg-tuhai'), 'width_km') / 2 + num(d, 'gap_km'));
    let offset = semiMinor;
    let lake = ellipseOfArea(turf.destination(mid, offset, southward, KM).geometry.coordinates, area, ratio, along);
    while (turf.booleanIntersects(lake, keepOff) && offset < semiMinor + 5) {
      offset += 0.1;
      lake = ellipseOfArea(turf.destination(mid, offset, southward, KM).geometry.coordinates, area, ratio, along);
    }
    parts.push({ id: 'bg-taiping-reservoir', kind: 'reservoir', geom: clip(lake), extra: { published_area_km2: round3(area), status: str(d, 'status'), status_date: str(d, 'status_date') } });
  }
  {
    const d = f('bg-baiyun-lake');
    const zq = readReference('jinan-districts-gcj02.geojson').features.find((x) => x.properties?.name_zh === '章丘区');
    const mingshui = gcj02ToWgs84(zq!.properties!.datav_center_gcj02 as number[]);
    const centre = turf.destination(mingshui, num(d, 'from_mingshui_km'), num(d, 'bearing_from_mingshui_deg'), KM).geometry.coordinates;
    // The plan makes this wetland the east edge: when most of it falls outside the boundary it is kept whole and
    // flagged `outside` rather than cut to a sliver.
    const lake = turf.ellipse(centre, num(d, 'ew_km') / 2, num(d, 'ns_km') / 2, { ...KM, steps: 96 }) as Area;
    const inside = clip(lake);
    const outside = !inside || km2(inside) < 0.5 * km2(lake);
    parts.push({
      id: 'bg-baiyun-lake', kind: 'wetland', geom: outside ? lake : inside, outside,
      extra: { published_area_km2: num(d, 'published_area_km2') },
    });
  }
  {
    const d = f('bg-longhu');
    const [dx, dy] = d.offset_from_queshan_km as [number, number];
    parts.push({ id: 'bg-longhu', kind: 'lake', geom: clip(turf.circle(shift(poi('鹊山'), dx, dy), num(d, 'marker_radius_km'), { ...KM, steps: 24 }) as Area), extra: { area_published: false } });
  }
  for (const [id, prefix] of [['bg-queshan', '鹊山'], ['bg-huashan', '华山']] as const) {
    const d = f(id);
    const circle = turf.circle(poi(prefix), num(d, 'radius_km'), { ...KM, steps: 24 }) as Area;
    const outside = d.outside === true;
    parts.push({ id, kind: 'hill', geom: outside ? circle : clip(circle), outside });
  }
  {
    const d = f('bg-yellow-river-forest-park');
    parts.push({ id: 'bg-yellow-river-forest-park', kind: 'park', geom: clip(turf.circle(poi('黄河森林公园'), num(d, 'marker_radius_km'), { ...KM, steps: 24 }) as Area), extra: { area_published: false } });
  }
  {
    const d = f('bg-forest-sangzidian-huihe');
    const pts = strs(d, 'via_subdistricts').map((id) => inner(sd(id)));
    const jy = readReference('jinan-districts-gcj02.geojson').features.find((x) => x.properties?.name_zh === '济阳区');
    const jiyang = gcj02ToWgs84(jy!.properties!.datav_center_gcj02 as number[]);
    const last = pts[pts.length - 1]!;
    const end = turf.destination(last, 15, turf.bearing(last, jiyang), KM).geometry.coordinates;
    parts.push({ id: 'bg-forest-sangzidian-huihe', kind: 'forest-belt', geom: clip(lineBuffer([...pts, end], num(d, 'width_km'))), extra: { width_km: num(d, 'width_km') } });
  }
  {
    const d = f('bg-forest-xingjiadu');
    const hw = num(d, 'half_width_km');
    const strip = intersect(bufferKm(sd(str(d, 'subdistrict')), hw), bufferKm(sdUnion(strs(d, 'neighbours')), hw));
    parts.push({ id: 'bg-forest-xingjiadu', kind: 'forest-belt', geom: clip(strip), extra: { width_km: 2 * hw } });
  }
  return parts;
}

const round3 = (v: number): number => Math.round(v * 1000) / 1000;

function asFeature(g: Area | null, props: BaseProps): Out | null {
  if (!g) return null;
  return feature(dropSlivers(g, 0.002).geometry, props);
}

/* ------------------------------------------------------------------ construction */

interface ConPart {
  id: string;
  geom: Area;
  publishedKm2: number;
}

function constructionParts(): ConPart[] {
  const f = (id: string): FactFeature => fact(CON, id);
  const muPerKm2 = CON.mu_per_km2 as number;
  const parts: ConPart[] = [];
  {
    const d = f('con-byd');
    const area = num(d, 'published_area_mu') / muPerKm2;
    const side = Math.sqrt(area);
    parts.push({ id: 'con-byd', geom: rectangle(chordMid(sd(str(d, 'subdistrict')), num(d, 'lat_fraction')), side, side), publishedKm2: area });
  }
  {
    // the exhibition centre is on the river bank 10 km from the airport (projects' anchor): the park's land is put
    // behind the floodplain and dyke strip there, its centre half a side from the strip's outer edge
    const d = f('con-greenland-expo');
    const area = num(d, 'published_area_mu') / muPerKm2;
    const side = Math.sqrt(area);
    const at = projectAnchors().get(str(d, 'anchor'));
    if (!at) throw new Error(`con-greenland-expo: no anchor ${str(d, 'anchor')}`);
    const ring = turf.polygonToLine(largestPart(bufferKm(dykeOuter, side / 2 + 0.05))) as Feature<LineString | MultiLineString>;
    const lines = ring.geometry.type === 'LineString' ? [ring.geometry.coordinates] : ring.geometry.coordinates;
    const centre = lines.map((l) => turf.nearestPointOnLine(turf.lineString(l), at)).sort((a, b) => a.properties.dist - b.properties.dist)[0]!.geometry.coordinates;
    parts.push({ id: 'con-greenland-expo', geom: rectangle(centre, side, side), publishedKm2: area });
  }
  {
    const d = f('con-airport');
    const area = num(d, 'published_area_ha') / 100;
    const ns = num(d, 'ns_km');
    parts.push({ id: 'con-airport', geom: rectangle(shift(poi('济南遥墙国际机场'), -num(d, 'west_shift_km'), 0), area / ns, ns), publishedKm2: area });
  }
  {
    const d = f('con-yellow-river-sports-centre');
    const area = num(d, 'published_area_mu') / muPerKm2;
    const side = Math.sqrt(area);
    // next to the outer edge of the dyke strip, in the middle of 崔寨's river frontage
    const frontage = intersect(difference(bufferKm(dykeOuter, side + 0.05), dykeOuter), sd(str(d, 'subdistrict')));
    if (!frontage) throw new Error('崔寨 has no river frontage');
    const centre = turf.pointOnFeature(dropSlivers(frontage, 0.05)).geometry.coordinates;
    parts.push({ id: 'con-yellow-river-sports-centre', geom: rectangle(centre, side, side), publishedKm2: area });
  }
  return parts;
}

/* ------------------------------------------------------------------ structure */

function structureFeatures(): Out[] {
  const out: Out[] = [];
  const axis = ST.axis as { south: Position[]; north: Position[] };
  out.push(feature(turf.lineString(axis.south).geometry, { ...baseProps(ST, 'axis-south', 'axis'), outside: true }));
  out.push(feature(turf.lineString(axis.north).geometry, { ...baseProps(ST, 'axis-north', 'axis'), outside: false }));
  out.push(asFeature(clip(simplify(dykeOuter, 0.0003)), baseProps(ST, 'belt-yellow-river', 'belt'))!);
  for (const key of ['sci-tech', 'airport-economy']) {
    const id = `core-${key}`;
    out.push(asFeature(clip(sdUnion(strs(fact(ST, id), 'subdistricts'))), { ...baseProps(ST, id, 'core'), core_key: key })!);
  }
  for (const key of ['daqiao', 'cuizhai', 'sangzidian', 'sungeng-taiping', 'airport']) {
    const id = `cluster-${key}`;
    const d = fact(ST, id);
    out.push(asFeature(clip(sdUnion(strs(d, 'subdistricts'))), {
      ...baseProps(ST, id, 'cluster'),
      cluster_key: key,
      theme_zh: str(d, 'theme_zh'),
      theme_en: str(d, 'theme_en'),
      nickname_zh: (d.nickname_zh as string | null) ?? null,
      nickname_en: (d.nickname_en as string | null) ?? null,
    })!);
  }
  return out;
}

/* ------------------------------------------------------------------ assemble */

export function build(): { structure: Out[]; blueGreen: Out[]; construction: Out[] } {
  const structure = structureFeatures();

  const blueGreen: Out[] = [];
  for (const p of blueGreenParts()) {
    const d = fact(BG, p.id);
    const out = asFeature(p.geom, { ...baseProps(BG, p.id, p.kind), class: d.class as string, ...(p.outside ? { outside: true } : {}), ...(p.extra ?? {}) });
    if (!out) throw new Error(`${p.id}: nothing left inside the boundary`);
    blueGreen.push(out);
  }
  const blueGreenInside = union(...(blueGreen.filter((x) => x.properties?.outside !== true) as Area[]));

  const construction: Out[] = [];
  let taken: Area | null = null;
  for (const p of constructionParts()) {
    const d = fact(CON, p.id);
    // clipped to the boundary, minus blue-green space and minus the sites before it: nothing is counted twice
    let g = clip(p.geom);
    g = difference(g, blueGreenInside);
    g = difference(g, taken);
    if (!g) throw new Error(`${p.id}: nothing left`);
    taken = union(taken, g);
    const out = asFeature(g, {
      ...baseProps(CON, p.id, 'urban-development'),
      cluster_key: (d.cluster_key as string | null) ?? null,
      core_key: (d.core_key as string | null) ?? null,
      status: d.status as string,
      status_date: str(d, 'status_date'),
      published_area_km2: round3(p.publishedKm2),
      drawn_area_km2: round3(km2(g)),
    })!;
    construction.push(out);
  }
  return { structure, blueGreen, construction };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { structure, blueGreen, construction } = build();
  writeGeodata('structure.geojson', structure);
  writeGeodata('blue-green.geojson', blueGreen);
  writeGeodata('construction.geojson', construction);
  const B = km2(boundary);
  const polys = (fs: Out[]): Area[] => fs.filter((f) => f.geometry.type !== 'LineString' && f.properties?.outside !== true) as Area[];
  const bgU = intersect(union(...polys(blueGreen)), boundary);
  const conU = intersect(union(...polys(construction)), boundary);
  const bg = km2(bgU);
  const con = km2(conU);
  const ov = km2(intersect(bgU, conU));
  console.log(`boundary ${B.toFixed(1)} km²; blue-green ${bg.toFixed(1)} km² (${((bg / B) * 100).toFixed(1)} %); construction ${con.toFixed(1)} km² (${((con / B) * 100).toFixed(1)} %); overlap ${ov.toFixed(3)} km²`);
  for (const f of [...blueGreen, ...construction]) {
    if (f.geometry.type === 'LineString') continue;
    console.log(`  ${String(f.id).padEnd(34)} ${km2(f).toFixed(2).padStart(7)} km²  ±${String(f.properties?.position_accuracy_m)} m`);
  }
  console.log(`sources: ${REF_RIVERS}, ${REF_POI}, facts/*.json`);
}
