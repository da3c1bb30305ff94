/**
 * Builds geodata/subdistricts.geojson: the ten subdistricts (街道) of the Start-up Area.
 *
 * No subdistrict outline is published (none in the reference, none found in public records), so the boundary is
 * partitioned, and every feature says how its lines were drawn (position_source). The facts and the rules live in
 * facts/subdistricts.json:
 *  - district borders are traced from the reference: each subdistrict is cut from its own district's land
 *    (高官寨 = 章丘区; 桑梓店, 大桥, 泺口 = 天桥区; 遥墙, 临港, 唐王 = 历城区; 太平, 孙耿, 崔寨 = 济阳区);
 *  - inside a district, a line is either fitted to a published area (`cut.how = "fit"`: one parameter, a meridian
 *    or a parallel, found by bisection so the subdistrict gets its published area), drawn by judgement
 *    (`cut.how = "box"`), or is what is left (`cut.how = "remainder"`).
 * Cells are taken in order, each minus the ones before, so they tile the boundary; pieces left over by the
 * simplified outline (the river channel between 遥墙 and 崔寨, slivers along district borders) fall to the 济阳区
 * cells, which come last.
 */
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import * as turf from '@turf/turf';
import {
  REF_DISTRICTS,
  REF_RIVERS,
  SEED_PLAN,
  type Area,
  bisect,
  difference,
  district,
  dropSlivers,
  feature,
  intersect,
  km2,
  poly,
  readFacts,
  readGeodata,
  tidy,
  tuhai,
  union,
  writeGeodata,
} from './common.ts';

type Cut =
  | { how: 'fit'; param: string; target_km2: number; lo: number; hi: number; north_lat?: number; east_lon?: number }
  | { how: 'box'; box: [number, number, number, number] }
  | { how: 'remainder' }
  | { how: 'district' };

interface SdFact {
  key: string;
  name_zh: string;
  name_en: string;
  district_zh: string;
  district_en: string;
  whole: boolean;
  area_published_km2: number | null;
  area_source: string | null;
  seat_zh: string;
  seat_position: Position | null;
  seat_position_accuracy_m: number | null;
  seat_position_source_en: string;
  seat_position_source_zh: string;
  neighbours_zh: string;
  rivers_roads_zh: string;
  /** ids of the sources (facts file `sources`) this subdistrict's facts come from */
  refs: string[];
  cut: Cut;
  position_source_en: string;
  position_source_zh: string;
  position_accuracy_m: number;
}

interface SdFacts {
  sources: { id: string; url?: string; cite?: string }[];
  subdistricts: SdFact[];
}

const W = 110;
const E = 125;
const S = 30;
const N = 40;
const westOf = (x: number): Feature<Polygon> => poly([[W, S], [x, S], [x, N], [W, N]]);
const eastOf = (x: number): Feature<Polygon> => poly([[x, S], [E, S], [E, N], [x, N]]);
const northOf = (y: number): Feature<Polygon> => poly([[W, y], [E, y], [E, N], [W, N]]);
const southOf = (y: number): Feature<Polygon> => poly([[W, S], [E, S], [E, y], [W, y]]);
const box = ([x0, y0, x1, y1]: [number, number, number, number]): Feature<Polygon> => poly([[x0, y0], [x1, y0], [x1, y1], [x0, y1]]);

/** The region a fitted cut keeps, for parameter v. */
function fitRegion(key: string, cut: Extract<Cut, { how: 'fit' }>, v: number): Feature<Polygon> {
  switch (key) {
    case 'sangzidian':
      return westOf(v);
    case 'taiping':
      return turf.buffer(turf.lineString(tuhai()), v, { units: 'kilometers' }) as Feature<Polygon>;
    case 'cuizhai':
      return intersect(eastOf(v), southOf(cut.north_lat ?? N)) as Feature<Polygon>;
    case 'yaoqiang':
      return intersect(northOf(v), westOf(cut.east_lon ?? E)) as Feature<Polygon>;
    default:
      throw new Error(`no fitted cut defined for ${key}`);
  }
}

export interface Built {
  fact: SdFact;
  area: Area;
  fitted: number | null;
}

export function buildSubdistricts(): Built[] {
  const facts = readFacts<SdFacts>('subdistricts.json');
  const boundary = readGeodata('boundary.geojson').features[0] as Area;
  const byKey = new Map(facts.subdistricts.map((s) => [s.key, s]));
  const landOf = new Map<string, Area | null>();
  for (const d of ['天桥区', '济阳区', '历城区', '章丘区']) landOf.set(d, intersect(boundary, district(d)));

  const order = ['gaoguanzhai', 'luokou', 'sangzidian', 'daqiao', 'yaoqiang', 'tangwang', 'lingang', 'taiping', 'cuizhai', 'sungeng'];
  const out: Built[] = [];
  let taken: Area | null = null;
  for (const key of order) {
    const fact = byKey.get(key);
    if (!fact) throw new Error(`facts: no subdistrict ${key}`);
    // 济阳区 cells come last and take whatever is left of the boundary (the district's land plus leftovers)
    const available = fact.district_zh === '济阳区' ? difference(boundary, taken) : difference(landOf.get(fact.district_zh)!, taken);
    if (!available) throw new Error(`nothing left for ${key}`);
    let region: Area | null;
    let fitted: number | null = null;
    const cut = fact.cut;
    if (cut.how === 'fit') {
      const areaFor = (v: number): number => km2(intersect(available, fitRegion(key, cut, v)));
      fitted = bisect(areaFor, cut.target_km2, cut.lo, cut.hi, 1e-5);
      region = intersect(available, fitRegion(key, cut, fitted));
    } else if (cut.how === 'box') {
      region = intersect(available, box(cut.box));
    } else {
      region = available;
    }
    if (!region) throw new Error(`empty ${key}`);
    region = dropSlivers(region, 0.3);
    out.push({ fact, area: region, fitted });
    taken = union(taken, region);
  }
  return mergeExclaves(out);
}

/**
 * A part cut off from the rest of its subdistrict by a fitted line (e.g. the tip of the 济阳区 strip west of
 * 崔寨's meridian) goes to the neighbour of the same district that it touches: a subdistrict is one piece.
 */
function mergeExclaves(built: Built[]): Built[] {
  for (const b of built) {
    if (b.area.geometry.type !== 'MultiPolygon') continue;
    const parts = b.area.geometry.coordinates.map((c) => turf.polygon(c)).sort((x, y) => km2(y) - km2(x));
    const [main, ...minor] = parts;
    const keep: Area[] = [main!];
    for (const part of minor) {
      const near = turf.buffer(part, 0.02, { units: 'kilometers' }) as Area;
      const host = built.find((o) => o !== b && o.fact.district_zh === b.fact.district_zh && intersect(o.area, near));
      if (host) host.area = union(host.area, part)!;
      else keep.push(part);
    }
    b.area = union(...keep)!;
  }
  return built;
}

/** The feature's geometry after rounding, without the crumbs rounding can split off (< 0.05 km²). */
function finished(a: Area, label: string): Polygon | MultiPolygon {
  const g = tidy(a.geometry, label);
  return tidy(dropSlivers(turf.feature(g) as Area, 0.05).geometry, label);
}

function toFeature(b: Built, sourceUrls: Map<string, string>): Feature<Polygon | MultiPolygon> {
  const f = b.fact;
  const refs = f.refs.map((id) => {
    const u = sourceUrls.get(id);
    if (!u) throw new Error(`facts: ${f.key} cites unknown source ${id}`);
    return u;
  });
  return feature(finished(b.area, `sd-${f.key}`), {
    id: `sd-${f.key}`,
    name_zh: f.name_zh,
    name_en: f.name_en,
    kind: 'subdistrict',
    source: `${SEED_PLAN};${REF_DISTRICTS};${REF_RIVERS}`,
    refs: refs.join(' ; '),
    accuracy: 'schematic',
    whole: f.whole,
    district_zh: f.district_zh,
    district_en: f.district_en,
    area_km2: Math.round(km2(b.area) * 10) / 10,
    area_published_km2: f.area_published_km2,
    area_published_source: f.area_source,
    seat_zh: f.seat_zh,
    seat_position: f.seat_position,
    seat_position_accuracy_m: f.seat_position_accuracy_m,
    seat_position_source: f.seat_position_source_en,
    seat_position_source_zh: f.seat_position_source_zh,
    neighbours_zh: f.neighbours_zh,
    rivers_roads_zh: f.rivers_roads_zh,
    position_source: f.position_source_en,
    position_source_zh: f.position_source_zh,
    position_accuracy_m: f.position_accuracy_m,
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const facts = readFacts<SdFacts>('subdistricts.json');
  const urls = new Map(facts.sources.map((s) => [s.id, s.url ?? s.cite ?? s.id]));
  const built = buildSubdistricts();
  const fs = built.map((b) => toFeature(b, urls));
  const b = readGeodata('boundary.geojson').features[0] as Area;
  let sum = 0;
  for (const [i, f] of fs.entries()) {
    const a = km2(f);
    sum += a;
    const p = f.properties!;
    const d = district(p.district_zh as string);
    const inDistrict = km2(intersect(f as Area, d)) / a;
    const seat = p.seat_position as Position | null;
    const seatIn = seat ? turf.booleanPointInPolygon(seat, f as Area) : null;
    const c = turf.centroid(f).geometry.coordinates;
    const fit = built[i]!.fitted;
    console.log(
      `${String(p.id).padEnd(16)} ${a.toFixed(1).padStart(6)} km² (published ${p.area_published_km2 ?? '—'})  in ${p.district_zh} ${(inDistrict * 100).toFixed(1)}%  ` +
        `centroid ${c[0]!.toFixed(3)},${c[1]!.toFixed(3)}  seat inside: ${seatIn ?? 'n/a'}${fit !== null ? `  fitted ${fit.toFixed(4)}` : ''}  ${f.geometry.type}`,
    );
  }
  const u = union(...(fs as Area[]));
  console.log(`sum ${sum.toFixed(2)}, union ${km2(u).toFixed(2)}, boundary ${km2(b).toFixed(2)}, gap ${km2(difference(b, u)).toFixed(3)}, outside ${km2(difference(u, b)).toFixed(3)}`);
  writeGeodata('subdistricts.geojson', fs);
}
