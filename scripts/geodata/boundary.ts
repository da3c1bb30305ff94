/**
 * Builds geodata/boundary.geojson: the Start-up Area outline (002 §一: 西起济南德州界, 东至小清河—白云湖湿地,
 * 南起黄河—济青高速, 北至徒骇河).
 *
 * The outline is assembled from district polygons and river lines of the reference, cut by the lines in
 * facts/boundary.json. Each edge there says what it follows, which reference it comes from, its error, and whether
 * it had to be placed by judgement (no published course). Nothing is adjusted to make the area come out at the
 * plan's 798 km²: the area is whatever these edges give, and it is reported next to the official figure.
 *
 *  - north-west of the river: 天桥区 ∪ 济阳区, north-west of the Yellow River's north bank (so the channel and the
 *    south-bank city, 槐荫区 included, stay out), south of 徒骇河, west of the limit
 *    against 回河 (济阳区);
 *  - the river channel where both banks are in the area (遥墙 opposite 崔寨);
 *  - south-east of the river: 历城区 ∪ 章丘区 between the river, the 济青高速 line, the 小清河–白云湖 line and the
 *    高官寨 north line (fitted to 高官寨's published area).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Feature, Polygon, Position } from 'geojson';
import * as turf from '@turf/turf';
import {
  REF_DISTRICTS,
  REF_RIVERS,
  REPO,
  SEED_PLAN,
  type Area,
  type EdgeFact,
  bisect,
  difference,
  district,
  dropSlivers,
  feature,
  intersect,
  km2,
  poly,
  readFacts,
  sideOf,
  simplify,
  solidLargest,
  tidy,
  tuhai,
  union,
  writeGeodata,
  yellowRiver,
} from './common.ts';

export const OFFICIAL_AREA_KM2 = 798;

interface BoundaryFacts {
  edges: EdgeFact[];
}

export function boundaryFacts(): BoundaryFacts {
  return readFacts<BoundaryFacts>('boundary.json');
}

export function edge(facts: BoundaryFacts, key: string): EdgeFact {
  const e = facts.edges.find((x) => x.key === key);
  if (!e) throw new Error(`boundary facts: no edge ${key}`);
  return e;
}

function line(facts: BoundaryFacts, key: string): Position[] {
  const l = edge(facts, key).line;
  if (!l || l.length < 2) throw new Error(`boundary facts: edge ${key} has no line`);
  return l;
}

/** The pieces the outline is made of (kept apart so subdistricts.ts can reuse them). */
export interface Pieces {
  /** north-west bank: 天桥区 ∪ 济阳区 inside the edges */
  nw: Area;
  /** the river channel between 遥墙 and 崔寨 */
  channel: Area | null;
  /** south-east bank, 历城区 part (遥墙, 临港, 唐王) */
  licheng: Area;
  /** south-east bank, 章丘区 part (高官寨) before its north line is applied */
  zhangqiuOpen: Area;
  /** the keep polygon of the south-east bank without the 高官寨 north line */
  seKeepOpen: Feature<Polygon>;
}

/** South-east keep polygon: north of the 济青高速 line, west of the 小清河–白云湖 line, south of `northLat`. */
function seKeep(facts: BoundaryFacts, northLat: number): Feature<Polygon> {
  const g20 = line(facts, 'south-g20');
  const east = line(facts, 'east').filter((p) => p[1]! < northLat);
  const start = g20[0]!;
  // from the 遥墙 west end on the river, east along the G20 line, north along the east line, west along the parallel,
  // and back to the start across the river (the north-west side lies in 济阳区, which this keep is never used with)
  const eastTop: Position = [line(facts, 'east').find((p) => p[1]! >= northLat)?.[0] ?? east[east.length - 1]![0]!, northLat];
  return poly([...g20, ...east.slice(1), eastTop, [start[0]! - 0.01, northLat], [start[0]! - 0.01, start[1]!]]);
}

/**
 * The Yellow River's north bank with the reach where the NGCC 1:4M bank lines are off replaced: between the `from` and
 * `to` meridians of the `south-river-centre` edge, the encyclopaedia coordinates of the bridges (G104 1982 bridge,
 * 泺口 railway bridge) lie 0.5–1 km north of the NGCC north bank but within 0.06–0.26 km of the WDBII centreline, so
 * there the bank is the WDBII centreline moved to its left (north-west) by half the local channel width (the distance
 * between the two NGCC bank lines, which have the right width but the wrong place).
 */
export function northBank(facts: BoundaryFacts): Position[] {
  const river = yellowRiver();
  const span = edge(facts, 'south-river-centre').span;
  if (!span) throw new Error('boundary facts: south-river-centre has no span');
  const south = turf.lineString(river.south);
  const north = turf.lineString(river.north);
  const moved: Position[] = [];
  const cs = river.centre;
  for (let i = 0; i < cs.length; i++) {
    const p = cs[i]!;
    if (p[0]! < span.from_lon || p[0]! > span.to_lon) continue;
    const width = turf.distance(turf.nearestPointOnLine(north, p), turf.nearestPointOnLine(south, p));
    const a = cs[Math.max(0, i - 1)]!;
    const b = cs[Math.min(cs.length - 1, i + 1)]!;
    const flow = turf.bearing(a, b);
    moved.push(turf.destination(p, width / 2, flow - 90).geometry.coordinates);
  }
  if (moved.length < 2) throw new Error('boundary: no centreline in the corrected reach');
  return [...river.north.filter((p) => p[0]! < span.from_lon), ...moved, ...river.north.filter((p) => p[0]! > span.to_lon)];
}

export function buildPieces(facts: BoundaryFacts, gaoguanzhaiNorthLat: number): Pieces & { se: Area } {
  const river = { ...yellowRiver(), north: northBank(facts) };
  const tianqiao = district('天桥区');
  const jiyang = district('济阳区');
  const licheng = district('历城区');
  const zhangqiu = district('章丘区');

  // --- north-west of the river
  const northKeep = sideOf(tuhai(), 'se');
  const jiyangCut = line(facts, 'north-east-jiyang');
  const westOfCut = poly([[110, jiyangCut[0]![1]!], ...jiyangCut, [110, jiyangCut[jiyangCut.length - 1]![1]!]]);
  // DataV borders of neighbouring districts overlap by a few metres: take the neighbours' land out explicitly
  const outside = union(district('槐荫区'), district('齐河县'), district('临邑县'));
  const land = difference(union(tianqiao, jiyang), outside)!;
  // where a published south-bank site lies north of the bank line, the edge passes north of that site
  const scenic = line(facts, 'south-scenic-area');
  const southOfScenic = poly([...scenic, [scenic[scenic.length - 1]![0]!, 36.6], [scenic[0]![0]!, 36.6]]);
  let nw = difference(intersect(intersect(intersect(land, sideOf(river.north, 'nw')), northKeep), westOfCut), southOfScenic);
  if (!nw) throw new Error('boundary: empty north-west part');
  nw = dropSlivers(nw, 0.2);

  // --- south-east of the river (no river line needed: 历城区 / 章丘区 end at the river themselves)
  const open = seKeep(facts, 37.3);
  const keep = seKeep(facts, gaoguanzhaiNorthLat);
  const lichengPart = intersect(licheng, keep);
  const zhangqiuOpen = intersect(zhangqiu, open);
  const zhangqiuPart = intersect(zhangqiu, keep);
  if (!lichengPart || !zhangqiuOpen || !zhangqiuPart) throw new Error('boundary: empty south-east part');

  // --- the channel where both banks are in: between the north bank and the 历城区 border, east of the 遥墙 west end
  const g20Start = line(facts, 'south-g20')[0]!;
  const reach = intersect(westOfCut, poly([[g20Start[0]!, 36.5], [118, 36.5], [118, 37.5], [g20Start[0]!, 37.5]]));
  const channel = difference(intersect(intersect(sideOf(river.north, 'se'), sideOf(river.south, 'nw')), reach), licheng);

  const lichengIn = difference(lichengPart, hehuaStrip(facts, lichengPart))!;
  const se = union(lichengIn, zhangqiuPart)!;
  return { nw, channel, licheng: lichengIn, zhangqiuOpen, seKeepOpen: open, se };
}

/**
 * The 荷花路 land south-west of 遥墙, which is not part of the area. 历城区 has three subdistricts in the area here:
 * 遥墙 (published 52.22 km²), 临港 (east and south of 遥墙) and the central-western part of 唐王. 临港 was split from
 * the former 遥墙镇 (91.3 km²) together with 遥墙 in 2010, so its area is 91.3 − 52.22 = 39.08 km². 遥墙 and 唐王 are
 * cut as in subdistricts.ts; of the 历城区 land left, 临港 is the part east of a meridian placed so that it has
 * 39.08 km², and the part west of it (towards 荷花路 and 华山) is left out. Nothing here is sized to reach the plan's
 * 798 km²: the areas are the subdistricts' published or derived ones.
 */
export function hehuaStrip(facts: BoundaryFacts, licheng: Area): Area | null {
  const fit = edge(facts, 'south-hehua').fit;
  if (!fit || !fit.derived_area_km2) throw new Error('boundary facts: south-hehua has no derived area');
  const sd = readFacts<{ subdistricts: { key: string; cut: { how: string; lo?: number; hi?: number; target_km2?: number; east_lon?: number; box?: number[] } }[] }>('subdistricts.json').subdistricts;
  const yq = sd.find((x) => x.key === 'yaoqiang')!.cut;
  const tw = sd.find((x) => x.key === 'tangwang')!.cut;
  const northOf = (lat: number, eastLon: number): Feature<Polygon> => poly([[100, lat], [eastLon, lat], [eastLon, 40], [100, 40]]);
  const lat = bisect((v) => km2(intersect(licheng, northOf(v, yq.east_lon!))), yq.target_km2!, yq.lo!, yq.hi!, 1e-5);
  const [x0, y0, x1, y1] = tw.box as [number, number, number, number];
  const rest = difference(difference(licheng, northOf(lat, yq.east_lon!)), poly([[x0, y0], [x1, y0], [x1, y1], [x0, y1]]));
  const eastOf = (x: number): Feature<Polygon> => poly([[x, 30], [125, 30], [125, 40], [x, 40]]);
  const x = bisect((v) => -km2(intersect(rest, eastOf(v))), -fit.derived_area_km2, fit.lon_min, fit.lon_max, 1e-5);
  return difference(rest, eastOf(x));
}

/** 高官寨's north line: the parallel at which the 章丘区 part south of it has 高官寨's published area. */
export function fitGaoguanzhaiNorth(facts: BoundaryFacts): number {
  const fit = edge(facts, 'north-east-gaoguanzhai').fit;
  if (!fit) throw new Error('boundary facts: 高官寨 north line has no fit');
  const zhangqiu = district('章丘区');
  const open = intersect(zhangqiu, seKeep(facts, 37.3));
  const areaSouthOf = (lat: number): number => km2(intersect(open, poly([[110, 30], [125, 30], [125, lat], [110, lat]])));
  return bisect(areaSouthOf, fit.area_km2, fit.lat_min, fit.lat_max, 1e-5);
}

export function buildBoundary(): { feature: Feature<Polygon>; gaoguanzhaiNorthLat: number } {
  const facts = boundaryFacts();
  const lat = fitGaoguanzhaiNorth(facts);
  const p = buildPieces(facts, lat);
  const all = union(p.nw, p.channel, p.se);
  if (!all) throw new Error('boundary: empty');
  const solid = solidLargest(dropSlivers(all, 0.2));
  const geom = tidy(simplify(solid, 0.0004).geometry, 'boundary');
  const area = km2(geom);
  const pct = (a: number): string => `${a >= OFFICIAL_AREA_KM2 ? '+' : '−'}${Math.abs(((a - OFFICIAL_AREA_KM2) / OFFICIAL_AREA_KM2) * 100).toFixed(1)} %`;
  const byDistrict = Object.fromEntries(['天桥区', '济阳区', '历城区', '章丘区'].map((d) => [d, km2(intersect(turf.feature(geom) as Area, district(d))).toFixed(1)]));
  const judged = facts.edges.filter((e) => e.placed_by_judgement);
  const edges = facts.edges.map((e) => ({
    edge: e.edge,
    follows_en: e.follows_en,
    follows_zh: e.follows_zh,
    how: e.how,
    reference: e.reference,
    accuracy_m: e.accuracy_m,
    placed_by_judgement: e.placed_by_judgement,
  }));
  const f = feature(geom, {
    id: 'boundary',
    name_zh: '济南新旧动能转换起步区',
    name_en: 'Jinan Start-up Area (New and Old Growth Drivers Conversion)',
    kind: 'boundary',
    source: `${SEED_PLAN};${REF_DISTRICTS};${REF_RIVERS}`,
    refs: 'scripts/geodata/facts/boundary.json lists every source (gazetteer pages for 太平, 高官寨, 白云湖; DataV district seats)',
    accuracy: 'traced',
    official_area_km2: OFFICIAL_AREA_KM2,
    area_km2: Math.round(area * 10) / 10,
    area_is_independent_check: judged.length === 0,
    area_note_en:
      `Area of this outline: ${area.toFixed(0)} km² (plan: about ${OFFICIAL_AREA_KM2} km², ${pct(area)}). ` +
      `${judged.length} of ${facts.edges.length} edge sections have no published course and were placed by judgement ` +
      '(see edges), so the difference from the plan figure measures those placements, not the plan. ' +
      `By district: the Tianqiao part ${byDistrict['天桥区']} km² against Daqiao + Sangzidian 187.48 km² (published) plus Luokou's unpublished north-bank strip; ` +
      `the Licheng part ${byDistrict['历城区']} km² = Yaoqiang 52.22 + Lingang 39.08 (91.3 − 52.22, derived) + the central-western part of Tangwang (not published); ` +
      `the Zhangqiu part ${byDistrict['章丘区']} km² against Gaoguanzhai's 136 km²; the Jiyang part ${byDistrict['济阳区']} km² = Taiping 126 + Cuizhai 87 + Sungeng (not published).`,
    area_note_zh:
      `本边界面积${area.toFixed(0)}平方千米(规划约${OFFICIAL_AREA_KM2}平方千米,${pct(area)})。` +
      `${facts.edges.length}段边界中有${judged.length}段没有公开线位,按判断绘制(见edges),因此与规划数字的差值反映的是这些绘制,而非规划本身。` +
      `分区:天桥区部分${byDistrict['天桥区']}平方千米,对照大桥+桑梓店187.48平方千米(公开)及泺口街道黄河以北部分(未公开);` +
      `历城区部分${byDistrict['历城区']}平方千米=遥墙52.22+临港39.08(91.3−52.22推算)+唐王中西部(未公开);` +
      `章丘区部分${byDistrict['章丘区']}平方千米,对照高官寨136平方千米;济阳区部分${byDistrict['济阳区']}平方千米=太平126+崔寨87+孙耿(未公开)。`,
    edges,
    position_source: 'traced from district borders (DataV) and river lines (GSHHG, NGCC) where the plan names them; the other edges placed by judgement as listed in edges',
    position_source_zh: '规划所指之界取自区县界(DataV)与河道线(GSHHG、NGCC);其余边段按判断绘制,见edges',
    position_accuracy_m: Math.max(...facts.edges.map((e) => e.accuracy_m)),
  });
  return { feature: f as Feature<Polygon>, gaoguanzhaiNorthLat: lat };
}

/**
 * Test fixture: the reference districts the tests check against (槐荫区 for "no city land", and the four districts
 * of the area for "each subdistrict lies in its district"), clipped to the area's surroundings and simplified
 * (~50 m), so the tests can run without ../shared.
 */
export function writeDistrictFixture(): void {
  const clip = poly([[116.7, 36.55], [117.6, 36.55], [117.6, 37.3], [116.7, 37.3]]);
  const features = ['槐荫区', '天桥区', '济阳区', '历城区', '章丘区'].map((name) => {
    const part = intersect(district(name), clip)!;
    const g = tidy(simplify(part, 0.0005).geometry, `fixture ${name}`);
    return { type: 'Feature' as const, properties: { name_zh: name }, geometry: g };
  });
  const dir = path.join(REPO, 'test', 'fixtures', 'geodata-reference');
  fs.mkdirSync(dir, { recursive: true });
  const body = features.map((f) => '  ' + JSON.stringify(f)).join(',\n');
  fs.writeFileSync(path.join(dir, 'districts-simplified.geojson'), `{"type":"FeatureCollection","features":[\n${body}\n]}\n`);
  console.log(`wrote test/fixtures/geodata-reference/districts-simplified.geojson (${features.length} districts)`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeDistrictFixture();
  const { feature: f, gaoguanzhaiNorthLat } = buildBoundary();
  console.log(`boundary: area ${km2(f).toFixed(1)} km² (plan ~${OFFICIAL_AREA_KM2}), 高官寨 north line ${gaoguanzhaiNorthLat.toFixed(4)} N`);
  const huaiyin = intersect(f as Area, district('槐荫区'));
  console.log(`  in 槐荫区: ${km2(huaiyin).toFixed(3)} km²; in 齐河/临邑: ${km2(intersect(f as Area, union(district('齐河县'), district('临邑县')))).toFixed(3)} km²`);
  for (const d of ['天桥区', '济阳区', '历城区', '章丘区']) console.log(`  ∩ ${d}: ${km2(intersect(f as Area, district(d))).toFixed(1)} km²`);
  writeGeodata('boundary.geojson', [f]);
}
