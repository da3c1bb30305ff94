/**
 * Builds geodata/crossings.geojson, geodata/projects.geojson and geodata/context.geojson.
 *
 *   npx tsx scripts/geodata/build-points.ts
 *
 * The hand-written tables below ARE the data: every row names its source document(s) (../shared/seeds/*.txt)
 * and/or reference file (../shared/reference/*). Positions come from
 *   - `points-of-interest.csv` where a public coordinate exists (accuracy `point-approx`), or
 *   - a schematic placement (accuracy `schematic`): along the traced Yellow River for crossings, inside the
 *     cluster polygon of geodata/structure.geojson for cluster projects, or a hand-picked spot otherwise.
 * River lines are traced from `rivers-wgs84.geojson` (clipped + simplified, accuracy `traced`).
 *
 * Needs ../shared/reference (not in CI): the OUTPUT files are committed, the tests read only geodata/.
 * Reads geodata/boundary.geojson and geodata/structure.geojson when they exist, to
 * check containment, set `outside`, and place cluster projects inside their cluster.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const refDir = resolve(repo, '../shared/reference');
const geodataDir = resolve(repo, 'geodata');

const S001 = '001_42cd662d68b88e93.txt';
const S002 = '002_411b5032421d841b.txt';
const S003 = '003_2eeaad20f77cb63a.txt';
const S004 = '004_0efa58b41b94a17d.txt';
const POI = 'reference/points-of-interest.csv';
const RIVERS = 'reference/rivers-wgs84.geojson';

type Accuracy = 'traced' | 'schematic' | 'point-approx';
type Status = 'open' | 'under-construction' | 'planned';
type ClusterKey = 'daqiao' | 'cuizhai' | 'sangzidian' | 'sungeng-taiping' | 'airport';
type Area = Polygon | MultiPolygon;

// ---------------------------------------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------------------------------------

function round5(n: number): number {
  return Math.round(n * 1e5) / 1e5;
}

function roundCoords<T>(value: T): T {
  if (Array.isArray(value)) {
    if (value.length >= 2 && typeof value[0] === 'number') return (value as number[]).map(round5) as T;
    return value.map((v: unknown) => roundCoords(v)) as T;
  }
  return value;
}

/** Drops consecutive duplicate positions created by rounding. */
function dedupe(coords: Position[]): Position[] {
  return coords.filter((c, i) => i === 0 || c[0] !== coords[i - 1]![0] || c[1] !== coords[i - 1]![1]);
}

function offsetKm(p: Position, dxKm: number, dyKm: number): Position {
  const lat = p[1]!;
  return [p[0]! + dxKm / (111.32 * Math.cos((lat * Math.PI) / 180)), lat + dyKm / 110.57];
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Minimal CSV parser (quoted fields, doubled quotes). */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field); field = '';
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

// ---------------------------------------------------------------------------------------------------------
// reference inputs
// ---------------------------------------------------------------------------------------------------------

const rivers = readJson<FeatureCollection>(resolve(refDir, 'rivers-wgs84.geojson'));
const yellowRef = rivers.features.find((f) => f.properties?.['name_zh'] === '黄河' && f.geometry.type === 'LineString'
  && String(f.properties?.['kind']).includes('centreline')) as Feature<LineString> | undefined;
const tuhaiRef = rivers.features.find((f) => String(f.properties?.['name_zh']).startsWith('徒骇河')) as Feature<LineString> | undefined;
if (!yellowRef || !tuhaiRef) throw new Error('rivers-wgs84.geojson: Yellow River or Tuhai centreline not found');

const poiRows = parseCsv(readFileSync(resolve(refDir, 'points-of-interest.csv'), 'utf8'));
function poi(prefix: string): Position {
  const row = poiRows.find((r) => r['name_zh'] === prefix || r['name_zh']!.startsWith(`${prefix}（`));
  if (!row || row['lon'] === '' || row['lat'] === '') throw new Error(`points-of-interest.csv: no coordinate for ${prefix}`);
  return [Number(row['lon']), Number(row['lat'])];
}

const boundaryPath = resolve(geodataDir, 'boundary.geojson');
const boundary: Feature<Area> | null = existsSync(boundaryPath)
  ? (readJson<FeatureCollection>(boundaryPath).features[0] as Feature<Area>)
  : null;
const structurePath = resolve(geodataDir, 'structure.geojson');
const clusterPolys = new Map<string, Feature<Area>>();
const corePolys = new Map<string, Feature<Area>>();
if (existsSync(structurePath)) {
  for (const f of readJson<FeatureCollection>(structurePath).features) {
    if (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon') continue;
    if (f.properties?.['kind'] === 'cluster') clusterPolys.set(String(f.properties['cluster_key']), f as Feature<Area>);
    if (f.properties?.['kind'] === 'core') corePolys.set(String(f.properties['core_key']), f as Feature<Area>);
  }
}
if (!boundary) console.warn('! geodata/boundary.geojson not found: containment not checked');
if (!clusterPolys.size) console.warn('! geodata/structure.geojson has no clusters yet: cluster projects placed in their subdistricts');

function inBoundary(p: Position): boolean | null {
  return boundary ? turf.booleanPointInPolygon(p, boundary) : null;
}

// ---------------------------------------------------------------------------------------------------------
// context rivers (traced, simplified) - also the line crossings are checked against
// ---------------------------------------------------------------------------------------------------------

const EXTENT: [number, number, number, number] = [116.6, 36.45, 117.75, 37.25];

function traceRiver(line: Feature<LineString>, tolerance: number): Feature<LineString> {
  const clipped = turf.bboxClip(line, EXTENT);
  const geom = clipped.geometry;
  // bboxClip may return a MultiLineString: keep the longest part (the river runs through the box once).
  const parts: Position[][] = geom.type === 'LineString' ? [geom.coordinates] : (geom as { coordinates: Position[][] }).coordinates;
  const longest = parts.reduce((a, b) => (turf.length(turf.lineString(b)) > turf.length(turf.lineString(a)) ? b : a));
  const simple = turf.simplify(turf.lineString(longest), { tolerance, highQuality: true });
  return turf.lineString(dedupe(roundCoords(simple.geometry.coordinates)));
}

const yellow = traceRiver(yellowRef, 0.002);
const tuhai = traceRiver(tuhaiRef, 0.003);

// ---------------------------------------------------------------------------------------------------------
// 6. crossings
// ---------------------------------------------------------------------------------------------------------

interface CrossingRow {
  slug: string;
  name_zh: string;
  name_en: string;
  structure: 'bridge' | 'tunnel';
  mode: 'road' | 'rail' | 'metro' | 'road-rail';
  status: Status;
  year_open: number | null;
  year_start: number | null;
  /** `poi`: the CSV coordinate is the line's midpoint. `river`: schematic spot, snapped to the river. */
  at: { poi: string; shiftKm?: number } | { river: Position };
  lengthKm: number;
  source: string[];
  note: string;
}

const CROSSING_NOTE_POS = 'Position schematic: no public coordinate found; placed along the traced river in a plausible order.';

/**
 * Numbered: open 1-9, under construction 10-12, planned 13-21; within each group west to east.
 * 004 §一(三): 19 crossings planned, raised to 21; 济泺路隧道 and 凤凰黄河大桥 opened, 9 open in total (end-2023).
 */
const CROSSINGS: CrossingRow[] = [
  // --- open (9) ---
  {
    slug: 'beijing-shanghai-hsr', name_zh: '京沪高铁济南黄河特大桥', name_en: 'Beijing–Shanghai HSR Jinan Yellow River Bridge',
    structure: 'bridge', mode: 'rail', status: 'open', year_open: 2011, year_start: null,
    at: { river: [116.855, 36.733] }, lengthKm: 2.4, source: [S004, POI],
    note: `Closed 2009-12-30, line opened 2011 (CSV). Counted among the 9 open by the brief, not by name in 004. ${CROSSING_NOTE_POS}`,
  },
  {
    slug: 'qilu', name_zh: '齐鲁黄河大桥', name_en: 'Qilu Yellow River Bridge',
    structure: 'bridge', mode: 'road', status: 'open', year_open: 2022, year_start: null,
    at: { river: [116.897, 36.731] }, lengthKm: 2.6, source: [S004, POI],
    note: `Acceptance 2022-11-19, 3209 m, links 槐荫区 and 天桥区 (CSV); northern extension of 齐鲁大道. ${CROSSING_NOTE_POS}`,
  },
  {
    slug: 'jianbang', name_zh: '建邦黄河大桥', name_en: 'Jianbang Yellow River Bridge',
    structure: 'bridge', mode: 'road', status: 'open', year_open: 2010, year_start: 2008,
    at: { river: [116.935, 36.729] }, lengthKm: 2.2, source: [S004, POI],
    note: `Works 2008-05-10, completed end-2010; north end 桑梓店丁庄, south end 二环西路 (CSV). ${CROSSING_NOTE_POS}`,
  },
  {
    slug: 'jiluo-tunnel', name_zh: '济泺路穿黄隧道', name_en: 'Jiluo Road Yellow River Tunnel',
    structure: 'tunnel', mode: 'road', status: 'open', year_open: 2021, year_start: 2017,
    at: { poi: '济泺路穿黄隧道' }, lengthKm: 3.0, source: [S004, POI],
    note: 'Named as newly opened in 004. Works 2017-11-30, opened 2021-09-29; road upper deck, lower deck reserved for rail transit (CSV). Midpoint = CSV estimate (Yellow River Forest Park beside the 泺口 pontoon bridge it passes under), error up to ~1 km.',
  },
  {
    slug: 'luokou-rail', name_zh: '泺口黄河铁路大桥', name_en: 'Luokou Yellow River Railway Bridge',
    structure: 'bridge', mode: 'rail', status: 'open', year_open: 1912, year_start: null,
    at: { poi: '泺口黄河铁路大桥' }, lengthKm: 2.0, source: [S002, POI],
    note: 'Heritage site in 002 §六(五). Opened 1912-11-16 (CSV, some sources 1913). Midpoint = de.wikipedia coordinate (en.wikipedia ~0.5 km away).',
  },
  {
    slug: 'jinan-yr-bridge', name_zh: '济南黄河公路大桥', name_en: 'Jinan Yellow River Highway Bridge (G104, 1982)',
    structure: 'bridge', mode: 'road', status: 'open', year_open: 1982, year_start: null,
    at: { poi: '济南黄河公路大桥' }, lengthKm: 2.2, source: [S004, POI],
    note: 'Opened 1982-07-14 (CSV). Midpoint = en.wikipedia coordinate, 0.06 km from the traced river line.',
  },
  {
    slug: 'shiji-road-rail', name_zh: '石济客专济南黄河公铁两用桥', name_en: 'Shijiazhuang–Jinan PDL Yellow River Road-Rail Bridge',
    structure: 'bridge', mode: 'road-rail', status: 'open', year_open: 2018, year_start: null,
    at: { river: [117.066, 36.771] }, lengthKm: 2.2, source: [S004, POI],
    note: `Works done 2017, rail opening planned end-2018 (CSV, actual date not verified); road deck = 济乐高速南延; crosses north of 历城区傅家庄. ${CROSSING_NOTE_POS}`,
  },
  {
    slug: 'fenghuang', name_zh: '凤凰黄河大桥', name_en: 'Fenghuang (Phoenix) Yellow River Bridge',
    structure: 'bridge', mode: 'road', status: 'open', year_open: 2022, year_start: null,
    at: { river: [117.118, 36.82] }, lengthKm: 2.8, source: [S004, POI],
    note: `Named as newly opened in 004. Opened 2022-01-18; 凤凰北路 north across the river to 黄河大道, links the 新东站 area with 崔寨; rail reserved in the deck centre (CSV). ${CROSSING_NOTE_POS}`,
  },
  {
    slug: 'jiyang', name_zh: '济阳黄河大桥', name_en: 'Jiyang Yellow River Bridge',
    structure: 'bridge', mode: 'road', status: 'open', year_open: 2008, year_start: null,
    at: { river: [117.165, 36.875] }, lengthKm: 2.2, source: [S004],
    note: 'ASSUMPTION: 004 gives only the count (9 open). This existing road bridge (济南黄河四桥, G220 to 济阳) fills the 9th place; the year 2008 is general knowledge, not verified. An equally plausible 9th is the G3 济南黄河二桥. Position schematic.',
  },
  // --- under construction / advancing in 2024 (004 §三(一)) ---
  {
    slug: 'huanggang-tunnel', name_zh: '黄岗路穿黄隧道', name_en: 'Huanggang Road Yellow River Tunnel',
    structure: 'tunnel', mode: 'road', status: 'under-construction', year_open: null, year_start: null,
    at: { river: [117.014, 36.746] }, lengthKm: 3.0, source: [S004, POI],
    note: `004: construction pushed in 2024. 5755 m tunnel, river section bored 2025-06-22 (CSV). ${CROSSING_NOTE_POS}`,
  },
  {
    slug: 'jinan-yr-bridge-2', name_zh: '济南黄河大桥复线桥', name_en: 'Jinan Yellow River Bridge duplicate (parallel) bridge',
    structure: 'bridge', mode: 'road', status: 'under-construction', year_open: null, year_start: null,
    at: { poi: '济南黄河公路大桥', shiftKm: 0.25 }, lengthKm: 2.4, source: [S004, POI],
    note: 'Probably the G104 济南黄河公路大桥扩建 (new bridge beside the 1982 one, 33.5 m axis spacing, line 7 corridor reserved) - NOT verified (CSV). Drawn 0.25 km downstream of the old bridge so both stay visible.',
  },
  {
    slug: 'hangtian-tunnel', name_zh: '航天大道穿黄隧道', name_en: 'Hangtian Avenue Yellow River Tunnel',
    structure: 'tunnel', mode: 'road', status: 'under-construction', year_open: null, year_start: null,
    at: { river: [117.205, 36.94] }, lengthKm: 3.0, source: [S004, POI],
    note: `004: construction pushed in 2024. Portals near 章丘区姚家村 and 济阳区南张村 (CSV). ${CROSSING_NOTE_POS}`,
  },
  // --- planned ---
  {
    slug: 'aoti-west-tunnel', name_zh: '奥体西路穿黄隧道', name_en: 'Aoti West Road Yellow River Tunnel',
    structure: 'tunnel', mode: 'road', status: 'planned', year_open: null, year_start: null,
    at: { river: [117.091, 36.786] }, lengthKm: 3.0, source: [S004],
    note: `004: to start construction in 2024 (start not confirmed). ${CROSSING_NOTE_POS}`,
  },
  {
    slug: 'queshan-bridge', name_zh: '鹊山桥', name_en: 'Queshan Bridge',
    structure: 'bridge', mode: 'road', status: 'planned', year_open: null, year_start: null,
    at: { river: [116.966, 36.72] }, lengthKm: 2.2, source: [S004],
    note: `004: to start construction in 2024 (start not confirmed); mode not stated, road assumed. Placed west of 鹊山 by name only. ${CROSSING_NOTE_POS}`,
  },
];

// The 7 crossings the documents count but do not name: numbered corridors 15-21 (west to east).
const CORRIDOR_SPOTS: Position[] = [
  [116.876, 36.738], [116.916, 36.735], [117.047, 36.763], [117.145, 36.859],
  [117.186, 36.925], [117.221, 36.952], [117.231, 36.969],
];
for (const spot of CORRIDOR_SPOTS) {
  const n = CROSSINGS.length + 1;
  CROSSINGS.push({
    slug: `corridor-${n}`, name_zh: `规划过河通道 ${n}`, name_en: `Planned crossing corridor ${n}`,
    structure: 'tunnel', mode: 'road', status: 'planned', year_open: null, year_start: null,
    at: { river: spot }, lengthKm: 2.0, source: [S004, S002],
    note: '004 counts 21 planned crossings but does not name this one. Position, structure and mode are schematic: tunnel assumed from 002 "多建隧道少建桥梁", road assumed.',
  });
}

function riverBearingAt(line: Feature<LineString>, p: Position): { on: Position; bearing: number } {
  const near = turf.nearestPointOnLine(line, p);
  const loc = near.properties.location;
  const total = turf.length(line);
  const a = turf.along(line, Math.max(0, loc - 0.6));
  const b = turf.along(line, Math.min(total, loc + 0.6));
  return { on: near.geometry.coordinates, bearing: turf.bearing(a, b) };
}

function crossingLine(row: CrossingRow): { coords: Position[]; accuracy: Accuracy } {
  let centre: Position;
  let accuracy: Accuracy;
  if ('poi' in row.at) {
    centre = poi(row.at.poi);
    accuracy = 'point-approx';
    if (row.at.shiftKm) {
      // move along the river (downstream) so a parallel structure does not hide its neighbour
      const { bearing } = riverBearingAt(yellow, centre);
      centre = turf.destination(centre, row.at.shiftKm, bearing).geometry.coordinates;
      accuracy = 'schematic';
    }
  } else {
    centre = riverBearingAt(yellow, row.at.river).on;
    accuracy = 'schematic';
  }
  const { bearing } = riverBearingAt(yellow, centre);
  const half = row.lengthKm / 2;
  // river flows west -> east here, so bearing + 90 is the right (south / city) bank: draw south -> north
  const south = turf.destination(centre, half, bearing + 90).geometry.coordinates;
  const north = turf.destination(centre, half, bearing - 90).geometry.coordinates;
  return { coords: roundCoords([south, centre, north]), accuracy };
}

const crossingFeatures: Feature<LineString>[] = CROSSINGS.map((row, i) => {
  const number = i + 1;
  const id = `x-${String(number).padStart(2, '0')}-${row.slug}`;
  const { coords, accuracy } = crossingLine(row);
  const geometry: LineString = { type: 'LineString', coordinates: coords };
  for (const [label, river] of [['context', yellow], ['reference', yellowRef]] as const) {
    if (!turf.booleanIntersects(geometry, river)) throw new Error(`${id} does not cross the ${label} Yellow River line`);
  }
  return {
    type: 'Feature', id, geometry,
    properties: {
      id, name_zh: row.name_zh, name_en: row.name_en, kind: 'crossing',
      structure: row.structure, mode: row.mode, status: row.status,
      year_open: row.year_open, year_start: row.year_start, number,
      source: row.source.join(';'), accuracy, note: row.note,
    },
  };
});

// ---------------------------------------------------------------------------------------------------------
// 7. projects
// ---------------------------------------------------------------------------------------------------------

type Category = 'industry' | 'public-service' | 'infrastructure' | 'transport' | 'heritage';
interface ProjectRow {
  id: string;
  name_zh: string;
  name_en: string;
  category: Category;
  status: Status;
  phase: 2025 | 2030 | 2035 | null;
  year_open: number | null;
  cluster_key: ClusterKey | null;
  /** cluster: offset (km) from the cluster anchor; lonlat: hand-picked schematic spot; poi: CSV (+ optional offset km) */
  at: { dx: number; dy: number; core?: 'sci-tech' | 'airport-economy' } | { lonlat: Position } | { poi: string; dx?: number; dy?: number };
  outside?: boolean;
  desc_zh: string;
  desc_en: string;
  source: string[];
}

/** Used only until geodata/structure.geojson has the cluster polygons. */
const FALLBACK_ANCHORS: Record<ClusterKey, Position> = {
  daqiao: [117.04, 36.8],
  cuizhai: [117.105, 36.86],
  sangzidian: [116.93, 36.83],
  'sungeng-taiping': [117.0, 36.94],
  airport: [117.225, 36.855],
};

const PROJECTS: ProjectRow[] = [
  // ----- industry -----
  {
    id: 'p-byd', name_zh: '比亚迪新能源乘用车及零部件产业园', name_en: 'BYD new-energy passenger car and components park',
    category: 'industry', status: 'open', phase: null, year_open: 2023, cluster_key: 'cuizhai', at: { dx: 0.5, dy: 2.5 },
    desc_zh: '起步区投资规模最大的引爆型产业项目;一期2023年投产,年产整车超24万辆;二期2024年加快建设。',
    desc_en: 'The largest industrial project in the area; phase 1 in production in 2023 with over 240,000 vehicles a year; phase 2 pushed in 2024.',
    source: [S003, S004],
  },
  {
    id: 'p-aiko', name_zh: '爱旭太阳能高效电池组件项目', name_en: 'AIKO high-efficiency solar cell and module project',
    category: 'industry', status: 'under-construction', phase: null, year_open: null, cluster_key: 'cuizhai', at: { dx: 2.0, dy: 1.5 },
    desc_zh: '2023年签约的引领性项目;2024年加快建设,与国电投共同引领新能源新材料产业链。',
    desc_en: 'Flagship project signed in 2023 and pushed in 2024; with SPIC it leads the new-energy and new-materials chain.',
    source: [S004],
  },
  {
    id: 'p-spic-base', name_zh: '国家电投黄河流域产业基地', name_en: 'SPIC Yellow River Basin industrial base',
    category: 'industry', status: 'under-construction', phase: null, year_open: null, cluster_key: 'cuizhai', at: { dx: -1.5, dy: 1.0 },
    desc_zh: '国电投等龙头企业落地建设(2022);2024年推进一期建设。按氢能主题示意置于崔寨组团。',
    desc_en: 'SPIC came in as an anchor firm (2022); phase 1 advanced in 2024. Placed in the Cuizhai hydrogen cluster by theme (schematic).',
    source: [S003, S004],
  },
  {
    id: 'p-intl-invest-park', name_zh: '济南国际招商产业园(起步区片区)', name_en: 'Jinan International Investment Industrial Park (Start-up Area section)',
    category: 'industry', status: 'under-construction', phase: null, year_open: null, cluster_key: 'cuizhai', at: { dx: -1.0, dy: -1.2 },
    desc_zh: '2023年加快建设,集聚国电投济南绿动氢能科技公司等多家科技型企业。',
    desc_en: 'Being built out in 2023; hosts tech firms such as SPIC Jinan Lvdong Hydrogen Technology.',
    source: [S004],
  },
  {
    id: 'p-yr-digital-park', name_zh: '山东黄河数字经济产业园', name_en: 'Shandong Yellow River Digital Economy Industrial Park',
    category: 'industry', status: 'open', phase: null, year_open: null, cluster_key: null, at: { lonlat: [117.0, 36.79] },
    desc_zh: '特色园区,2023年入驻企业突破700家;配套公寓2023年完工。',
    desc_en: 'Themed park with more than 700 firms by 2023; its staff apartments were completed in 2023.',
    source: [S004],
  },
  {
    id: 'p-yr-big-data', name_zh: '黄河大数据中心', name_en: 'Yellow River Big Data Center',
    category: 'industry', status: 'under-construction', phase: null, year_open: null, cluster_key: null, at: { lonlat: [117.015, 36.81] },
    desc_zh: '2023年开工建设;2024年依托其争取省级“产业大脑”赋能中心等数据要素平台。',
    desc_en: 'Construction started in 2023; in 2024 it is to host data platforms such as a provincial "industry brain" centre.',
    source: [S004],
  },
  {
    id: 'p-iiot-data', name_zh: '国家工业互联网大数据中心山东分中心', name_en: 'National Industrial Internet Big Data Center, Shandong branch',
    category: 'industry', status: 'under-construction', phase: null, year_open: null, cluster_key: null, at: { lonlat: [117.022, 36.815] },
    desc_zh: '2023年与黄河大数据中心一同开工建设。',
    desc_en: 'Construction started in 2023 together with the Yellow River Big Data Center.',
    source: [S004],
  },
  {
    id: 'p-north-seed-capital', name_zh: '北方种业之都基地', name_en: 'Northern Seed Industry Capital base',
    category: 'industry', status: 'planned', phase: null, year_open: null, cluster_key: 'sungeng-taiping', at: { dx: -1.0, dy: 1.0 },
    desc_zh: '2023年签约;2024年加快落地总部基地一期,建设种业科创港。孙耿太平组团以生物育种为主,打造“种子库”。',
    desc_en: 'Signed in 2023; HQ base phase 1 and a seed-industry innovation port to land in 2024. The cluster focuses on bio-breeding ("Seed Bank").',
    source: [S002, S004],
  },
  {
    id: 'p-zhongke-park', name_zh: '中科新经济科创园', name_en: 'CAS New Economy Sci-Tech Park',
    category: 'industry', status: 'open', phase: null, year_open: null, cluster_key: null, at: { core: 'sci-tech', dx: -1.5, dy: 1.0 },
    desc_zh: '科创平台载体;2023年获评“国际人才俱乐部”“首批济南市港澳台青年交流实践基地”。',
    desc_en: 'Innovation platform; named an "international talent club" and a youth exchange base in 2023.',
    source: [S004],
  },
  {
    id: 'p-advanced-power', name_zh: '济南先进动力研究所', name_en: 'Jinan Institute of Advanced Power',
    category: 'industry', status: 'open', phase: null, year_open: null, cluster_key: null, at: { core: 'sci-tech', dx: 0.0, dy: 2.0 },
    desc_zh: '2023年获批轻型涡轮动力全国重点实验室济南基地,落地国际首台高空模拟细分领域试验平台装置。',
    desc_en: 'Became the Jinan base of a national key lab on light turbine power in 2023, with a first-of-its-kind altitude simulation test rig.',
    source: [S004],
  },
  {
    id: 'p-sino-singapore', name_zh: '中新(济南)绿色智慧示范区', name_en: 'China–Singapore (Jinan) Green Smart Demonstration Zone',
    category: 'industry', status: 'planned', phase: null, year_open: null, cluster_key: 'daqiao', at: { dx: 2.5, dy: 1.5 },
    desc_zh: '2023年谋划建设;2024年推动合作项目落地,启动中新未来公园建设。',
    desc_en: 'Conceived in 2023; in 2024 cooperation projects are to land and the China–Singapore Future Park is to start.',
    source: [S004],
  },
  {
    id: 'p-hq-zone', name_zh: '总部经济区', name_en: 'Headquarters economy zone',
    category: 'industry', status: 'planned', phase: null, year_open: null, cluster_key: 'daqiao', at: { dx: 0.0, dy: -1.0 },
    desc_zh: '城市副中心的总部功能区;2024年开工总部经济区地下空间立体城,逐步完善配套。',
    desc_en: 'HQ district of the city sub-centre; its underground "vertical city" is to start in 2024.',
    source: [S002, S004],
  },
  {
    id: 'p-research-office', name_zh: '科研办公区', name_en: 'Research and office district',
    category: 'industry', status: 'planned', phase: null, year_open: null, cluster_key: 'daqiao', at: { dx: -1.5, dy: 0.5 },
    desc_zh: '2024年开展详细城市设计和街区详细规划编制,加快建设,导入高端产业。',
    desc_en: 'Detailed urban design and block plans in 2024; to be built up with high-end industries.',
    source: [S004],
  },
  {
    id: 'p-scifin', name_zh: '科创金融区', name_en: 'Sci-tech finance district',
    category: 'industry', status: 'planned', phase: null, year_open: null, cluster_key: 'daqiao', at: { dx: 1.0, dy: 0.5 },
    desc_zh: '2024年开展详细城市设计和街区详细规划编制,制定科创金融产业发展规划。',
    desc_en: 'Detailed urban design and block plans in 2024, with a sci-tech finance development plan.',
    source: [S004],
  },
  {
    id: 'p-univ-sci-park', name_zh: '济南山东省大学科技园', name_en: 'Jinan Shandong Provincial University Science Park',
    category: 'industry', status: 'open', phase: null, year_open: 2023, cluster_key: null, at: { core: 'sci-tech', dx: 1.2, dy: -0.8 },
    desc_zh: '2023年正式运营,为开放式大学科技园。',
    desc_en: 'An open university science park, in operation since 2023.',
    source: [S003, S004],
  },
  {
    id: 'p-jd-digital', name_zh: '京东(山东)数字经济产业园', name_en: 'JD (Shandong) Digital Economy Industrial Park',
    category: 'industry', status: 'open', phase: null, year_open: null, cluster_key: null, at: { lonlat: [116.99, 36.8] },
    desc_zh: '2023年获批山东省众创空间。',
    desc_en: 'Recognised as a provincial maker space in 2023.',
    source: [S004],
  },
  {
    id: 'p-ev-credit', name_zh: '黄河流域新能源汽车商业信用中心及检测基地', name_en: 'Yellow River Basin NEV commercial credit and testing centre',
    category: 'industry', status: 'planned', phase: null, year_open: null, cluster_key: 'cuizhai', at: { dx: 1.5, dy: 3.2 },
    desc_zh: '2023年成功签约的引领性项目。',
    desc_en: 'Flagship project signed in 2023.',
    source: [S004],
  },
  {
    id: 'p-green-smart-eco-city', name_zh: '山东高速绿色智造生态城', name_en: 'Shandong Hi-speed Green Smart Manufacturing Eco-city',
    category: 'industry', status: 'under-construction', phase: null, year_open: null, cluster_key: 'sangzidian', at: { dx: 0.5, dy: 0.5 },
    desc_zh: '2024年推进建设。位置未见公开资料,按高端制造主题示意置于桑梓店组团。',
    desc_en: 'Construction advanced in 2024. No public location: placed in the Sangzidian manufacturing cluster by theme (schematic).',
    source: [S004],
  },
  {
    id: 'p-yr-incubator', name_zh: '黄河创新孵化产业园', name_en: 'Yellow River Innovation Incubation Industrial Park',
    category: 'industry', status: 'planned', phase: null, year_open: null, cluster_key: 'sangzidian', at: { dx: -1.0, dy: -0.5 },
    desc_zh: '2024年推动基础设施等一批重点项目落地开工。位置示意。',
    desc_en: 'Infrastructure works to start in 2024. Position schematic.',
    source: [S004],
  },
  // ----- public services -----
  {
    id: 'p-yr-sports-center', name_zh: '黄河体育中心', name_en: 'Yellow River Sports Center',
    category: 'public-service', status: 'under-construction', phase: null, year_open: null, cluster_key: 'daqiao', at: { dx: 2.0, dy: -0.8 },
    desc_zh: '足球场主体2023年封顶;2024年推进一期足球场、体育馆、游泳馆、全民健身中心建设。',
    desc_en: 'Football stadium topped out in 2023; in 2024 phase 1 (stadium, arena, pool, fitness centre) continues.',
    source: [S003, S004],
  },
  {
    id: 'p-sdu2-north', name_zh: '山东大学第二医院北院区', name_en: 'Second Hospital of Shandong University, North Campus',
    category: 'public-service', status: 'under-construction', phase: null, year_open: null, cluster_key: 'daqiao', at: { dx: -2.0, dy: -1.5 },
    desc_zh: '一期2023年竣工;2024年推进交付运营,年内实现开诊。',
    desc_en: 'Phase 1 completed in 2023; to be handed over and open to patients in 2024.',
    source: [S003, S004],
  },
  {
    id: 'p-sy-quehua', name_zh: '山东省实验中学鹊华校区', name_en: 'Shandong Experimental High School, Quehua Campus',
    category: 'public-service', status: 'under-construction', phase: null, year_open: null, cluster_key: 'daqiao', at: { dx: -1.0, dy: 1.8 },
    desc_zh: '主体2023年封顶;2024年加快高中项目建设,推进省实验中小学全面开工。',
    desc_en: 'Main structure topped out in 2023; the senior-school part is pushed in 2024.',
    source: [S003, S004],
  },
  {
    id: 'p-yr-expo', name_zh: '济南黄河国际会展中心', name_en: 'Jinan Yellow River International Convention & Exhibition Center',
    category: 'public-service', status: 'open', phase: null, year_open: 2023, cluster_key: 'daqiao', at: { dx: 3.0, dy: 0.2 },
    desc_zh: '2023年首展成功举办,500余家企业参展、近4万人次参观;会展文旅产业链平台。',
    desc_en: 'First exhibition held in 2023 (500+ exhibitors, ~40,000 visitors); platform of the expo and tourism chain.',
    source: [S003, S004],
  },
  {
    id: 'p-yr-culture-museum', name_zh: '济南黄河文化博物馆', name_en: 'Jinan Yellow River Culture Museum',
    category: 'public-service', status: 'under-construction', phase: null, year_open: null, cluster_key: 'daqiao', at: { dx: 0.8, dy: -2.2 },
    desc_zh: '省市重点项目,2022年加快推进;地标性建筑,结合泉城风韵与黄河特色优化设计。',
    desc_en: 'Provincial/city key project pushed from 2022; a landmark blending spring-city and Yellow River character.',
    source: [S003],
  },
  {
    id: 'p-yr-pearl-tower', name_zh: '黄河明珠塔', name_en: 'Yellow River Pearl Tower',
    category: 'public-service', status: 'planned', phase: null, year_open: null, cluster_key: 'daqiao', at: { dx: -0.2, dy: -2.6 },
    desc_zh: '规划地标性建筑,2022年提出全面优化设计方案。',
    desc_en: 'Planned landmark; its design was being refined in 2022.',
    source: [S003],
  },
  {
    id: 'p-city-museum-new', name_zh: '济南市博物馆新馆', name_en: 'Jinan Museum, new building',
    category: 'public-service', status: 'planned', phase: null, year_open: null, cluster_key: 'daqiao', at: { dx: 1.6, dy: -1.8 },
    desc_zh: '2024年有序推进落地的重点公共服务项目。位置示意。',
    desc_en: 'Key public project to be brought forward in 2024. Position schematic.',
    source: [S004],
  },
  {
    id: 'p-tv-tower', name_zh: '电视塔', name_en: 'TV tower',
    category: 'public-service', status: 'planned', phase: null, year_open: null, cluster_key: 'daqiao', at: { dx: 2.4, dy: -2.4 },
    desc_zh: '2024年有序推进落地的重点公共服务项目。位置示意。',
    desc_en: 'Key public project to be brought forward in 2024. Position schematic.',
    source: [S004],
  },
  {
    id: 'p-urban-balcony-school', name_zh: '都市阳台国际学校', name_en: 'Urban Balcony international school',
    category: 'public-service', status: 'planned', phase: null, year_open: null, cluster_key: 'daqiao', at: { dx: -2.5, dy: 0.8 },
    desc_zh: '国际学校2023年签约落地,2024年开工;都市阳台九年一贯制学校推动签约。',
    desc_en: 'International school signed in 2023, to start in 2024; a nine-year school is also sought.',
    source: [S004],
  },
  {
    id: 'p-urban-balcony-home', name_zh: '都市阳台东组团家园中心', name_en: 'Urban Balcony east group community centre',
    category: 'public-service', status: 'under-construction', phase: null, year_open: null, cluster_key: 'daqiao', at: { dx: -0.5, dy: 0.0 },
    desc_zh: '2024年持续推进的城市服务设施。',
    desc_en: 'Community service centre being advanced in 2024.',
    source: [S004],
  },
  {
    id: 'p-urban-balcony-tod', name_zh: '都市阳台西组团TOD', name_en: 'Urban Balcony west group TOD',
    category: 'public-service', status: 'planned', phase: null, year_open: null, cluster_key: 'daqiao', at: { dx: -3.0, dy: -0.5 },
    desc_zh: '2024年推动都市阳台未来住宅、家园中心、西组团TOD等项目开工。',
    desc_en: 'Transit-oriented development; to start in 2024 with the Urban Balcony future housing.',
    source: [S004],
  },
  {
    id: 'p-quehua-jiuliju', name_zh: '鹊华九里居安置区', name_en: 'Quehua Jiuliju resettlement community',
    category: 'public-service', status: 'open', phase: null, year_open: 2023, cluster_key: 'daqiao', at: { dx: 1.0, dy: 2.2 },
    desc_zh: '大桥鹊华九里居(一期)2023年实现1516户居民回迁安置;全区805万平方米安置房稳步推进。',
    desc_en: 'Phase 1 rehoused 1,516 households in 2023, part of 8.05 million m² of resettlement housing.',
    source: [S004],
  },
  {
    id: 'p-integrated-medical', name_zh: '整合型医疗中心', name_en: 'Integrated medical centre',
    category: 'public-service', status: 'planned', phase: null, year_open: null, cluster_key: 'daqiao', at: { dx: -2.8, dy: -2.0 },
    desc_zh: '2024年扎实推进项目全面开工。位置示意。',
    desc_en: 'To start construction in 2024. Position schematic.',
    source: [S004],
  },
  {
    id: 'p-emergency-station', name_zh: '应急消防一体化救援站', name_en: 'Integrated emergency and fire rescue station',
    category: 'public-service', status: 'under-construction', phase: null, year_open: null, cluster_key: 'daqiao', at: { dx: 3.2, dy: 1.6 },
    desc_zh: '2024年持续推进,提升示范区城市服务设施水平。',
    desc_en: 'Being advanced in 2024 to raise service levels in the demonstration zone.',
    source: [S004],
  },
  {
    id: 'p-smart-city-ops', name_zh: '新型智慧城市运营指挥中心', name_en: 'Smart city operations command centre',
    category: 'public-service', status: 'open', phase: null, year_open: 2023, cluster_key: 'daqiao', at: { dx: 0.3, dy: 1.0 },
    desc_zh: '2023年与绿色数字城市平台启动试运营,“城市大脑”中枢。',
    desc_en: 'Started trial operation in 2023 with the green digital city platform: the "city brain".',
    source: [S003, S004],
  },
  {
    id: 'p-quanyun-village', name_zh: '泉韵乡居乡村振兴齐鲁样板示范区', name_en: 'Quanyun Xiangju rural revitalisation demonstration area',
    category: 'public-service', status: 'under-construction', phase: null, year_open: null, cluster_key: null, at: { lonlat: [116.96, 36.95] },
    desc_zh: '2023年获批,获5000万元奖补;2024年启动示范片区内13个村庄打造,优化济太路沿线环境。',
    desc_en: 'Approved in 2023 with a 50 million yuan award; 13 villages upgraded from 2024 along the Ji–Tai road. Position schematic.',
    source: [S004],
  },
  {
    id: 'p-queshan-eco-culture', name_zh: '鹊山生态文化区', name_en: 'Queshan eco-cultural area',
    category: 'public-service', status: 'planned', phase: null, year_open: null, cluster_key: null, at: { poi: '鹊山', dx: 0.4, dy: 0.9 },
    desc_zh: '2023年签约的引领性项目;2024年做好建设,推动鹊山山体景观环境提升工程。',
    desc_en: 'Signed in 2023; in 2024 the area and a Mt Que landscape upgrade go ahead. Placed just north of the hill.',
    source: [S004, POI],
  },
  // ----- infrastructure -----
  {
    id: 'p-daqiao-waterworks', name_zh: '大桥水厂', name_en: 'Daqiao waterworks',
    category: 'infrastructure', status: 'open', phase: null, year_open: 2023, cluster_key: 'daqiao', at: { dx: -2.2, dy: 2.6 },
    desc_zh: '2023年具备供水条件,为10处水电气热污市政场站之一。',
    desc_en: 'Able to supply water in 2023; one of ten utility plants launched.',
    source: [S004],
  },
  {
    id: 'p-cuizhai-reclaimed', name_zh: '崔寨再生水厂', name_en: 'Cuizhai reclaimed-water plant',
    category: 'infrastructure', status: 'open', phase: null, year_open: 2023, cluster_key: 'cuizhai', at: { dx: 1.0, dy: -1.8 },
    desc_zh: '2023年具备水处理条件;2024年做好运行管理。',
    desc_en: 'Able to treat water in 2023; in operation in 2024.',
    source: [S004],
  },
  {
    id: 'p-cuizhai-110kv', name_zh: '110千伏崔寨变电站', name_en: 'Cuizhai 110 kV substation',
    category: 'infrastructure', status: 'open', phase: null, year_open: 2023, cluster_key: 'cuizhai', at: { dx: -0.3, dy: 0.2 },
    desc_zh: '2023年完成改造提升。',
    desc_en: 'Upgraded in 2023.',
    source: [S004],
  },
  {
    id: 'p-taiping-reservoir', name_zh: '太平水库', name_en: 'Taiping reservoir',
    category: 'infrastructure', status: 'under-construction', phase: null, year_open: null, cluster_key: null, at: { lonlat: [116.93, 36.97] },
    desc_zh: '防洪排涝工程,2023年加快建设;2024年完成供地。位置示意。',
    desc_en: 'Flood-control reservoir pushed in 2023; land supply to be completed in 2024. Position schematic.',
    source: [S004],
  },
  {
    id: 'p-500kv-xianxing', name_zh: '山东济南先行500千伏变电站', name_en: 'Jinan Xianxing 500 kV substation',
    category: 'infrastructure', status: 'under-construction', phase: null, year_open: null, cluster_key: null, at: { lonlat: [117.075, 36.9] },
    desc_zh: '2024年加快其220千伏送出工程,完善示范区供电框架。位置示意。',
    desc_en: 'Its 220 kV outgoing lines are pushed in 2024 to frame the power supply. Position schematic.',
    source: [S004],
  },
  {
    id: 'p-longhu-220kv', name_zh: '济南北起(龙湖)220千伏输变电工程', name_en: 'Jinan Beiqi (Longhu) 220 kV transmission project',
    category: 'infrastructure', status: 'under-construction', phase: null, year_open: null, cluster_key: 'daqiao', at: { dx: -3.2, dy: -2.8 },
    desc_zh: '2024年加快建设。位置按龙湖名称示意。',
    desc_en: 'Pushed in 2024. Placed by the name Longhu (Long Lake), schematic.',
    source: [S004],
  },
  {
    id: 'p-daqiao-gas-heat', name_zh: '大桥燃气热源厂', name_en: 'Daqiao gas-fired heating plant',
    category: 'infrastructure', status: 'under-construction', phase: null, year_open: null, cluster_key: 'daqiao', at: { dx: 0.5, dy: 3.0 },
    desc_zh: '2024年加快建设,提高城市供热能力。',
    desc_en: 'Pushed in 2024 to raise heating capacity.',
    source: [S004],
  },
  {
    id: 'p-dasi-river', name_zh: '大寺河流域综合治理(一期)工程', name_en: 'Dasi River basin restoration, phase 1',
    category: 'infrastructure', status: 'under-construction', phase: null, year_open: null, cluster_key: null, at: { lonlat: [117.06, 36.84] },
    desc_zh: '2024年加快实施,并实施支流水系连通工程;大寺河2023年达到Ⅲ类水标准。',
    desc_en: 'Accelerated in 2024 with tributary linking works; the river met Class III water quality in 2023.',
    source: [S004],
  },
  {
    id: 'p-sungeng-taiping-reclaimed', name_zh: '孙耿、太平再生水厂', name_en: 'Sungeng and Taiping reclaimed-water plants',
    category: 'infrastructure', status: 'planned', phase: null, year_open: null, cluster_key: 'sungeng-taiping', at: { dx: 1.5, dy: -1.0 },
    desc_zh: '2024年谋划建设。位置示意。',
    desc_en: 'Being prepared in 2024. Position schematic.',
    source: [S004],
  },
  // ----- transport -----
  {
    id: 'p-huanghe-avenue-1', name_zh: '黄河大道(一期)', name_en: 'Huanghe Avenue, phase 1',
    category: 'transport', status: 'under-construction', phase: null, year_open: null, cluster_key: null, at: { lonlat: [117.08, 36.82] },
    desc_zh: '主干道,2023年与50条市政道路加快建设;2024年推进全线贯通,打造智慧隧道标杆。',
    desc_en: 'Trunk road built in 2023 with 50 other streets; to be completed end to end in 2024, with a smart tunnel.',
    source: [S004],
  },
  {
    id: 'p-huanghe-avenue-2', name_zh: '黄河大道(二期)', name_en: 'Huanghe Avenue, phase 2',
    category: 'transport', status: 'planned', phase: null, year_open: null, cluster_key: null, at: { lonlat: [116.97, 36.78] },
    desc_zh: '2024年推动开工、加快实施的主干道路。位置示意。',
    desc_en: 'Trunk road to start in 2024. Position schematic.',
    source: [S004],
  },
  {
    id: 'p-metro-7', name_zh: '轨道交通7号线(一期)', name_en: 'Metro line 7, phase 1',
    category: 'transport', status: 'under-construction', phase: null, year_open: null, cluster_key: 'daqiao', at: { dx: 0.2, dy: -0.2 },
    desc_zh: '2024年加快建设,属起步区“三横五纵”轨道交通网络。',
    desc_en: 'Pushed in 2024; part of the "three east-west, five north-south" rail network.',
    source: [S002, S004],
  },
  {
    id: 'p-jiluo-tunnel-north-ext', name_zh: '济泺路穿黄隧道北延', name_en: 'Jiluo Road Yellow River Tunnel, northern extension',
    category: 'transport', status: 'under-construction', phase: null, year_open: null, cluster_key: null, at: { poi: '济泺路穿黄隧道', dx: 0.3, dy: 3.2 },
    desc_zh: '2024年推动建设;济泺路穿黄隧道(2021年通车)向北延伸。作为隧道的延伸而非新的过河通道处理,位置示意。',
    desc_en: 'Pushed in 2024: extends the Jiluo Road tunnel (open 2021) northwards. Treated as an extension, not an extra river crossing; position schematic.',
    source: [S004, POI],
  },
  {
    id: 'p-t1-line', name_zh: 'T1号线', name_en: 'Line T1',
    category: 'transport', status: 'under-construction', phase: null, year_open: null, cluster_key: 'daqiao', at: { dx: 1.8, dy: 0.9 },
    desc_zh: '2024年加快建设,完善起步区“三横五纵”轨道交通网络。',
    desc_en: 'Pushed in 2024 as part of the "three east-west, five north-south" rail network.',
    source: [S004],
  },
  {
    id: 'p-airport', name_zh: '济南遥墙国际机场(改扩建)', name_en: 'Jinan Yaoqiang International Airport (expansion)',
    category: 'transport', status: 'under-construction', phase: null, year_open: null, cluster_key: 'airport', at: { poi: '济南遥墙国际机场' },
    desc_zh: '机场1992年启用;加快推进改扩建工程,高标准打造4F级机场,与周边机场协同联动。',
    desc_en: 'Airport open since 1992; its expansion to a 4F airport is being accelerated.',
    source: [S002, POI],
  },
  {
    id: 'p-xiaoqing-port', name_zh: '小清河复航工程 / 济南港', name_en: 'Xiaoqing River navigation restoration / Port of Jinan',
    category: 'transport', status: 'under-construction', phase: null, year_open: null, cluster_key: null, at: { lonlat: [117.33, 36.86] },
    desc_zh: '加快推进小清河复航工程,高质量建设济南港,打造海河联运“黄金水道”。位置示意(起步区东缘小清河)。',
    desc_en: 'Restoring navigation on the Xiaoqing River and building the Port of Jinan for river-sea transport. Placed on the eastern edge, schematic.',
    source: [S002],
  },
  // ----- heritage (002 §六(五)) -----
  {
    id: 'p-h-luokou-rail-bridge', name_zh: '泺口黄河铁路大桥', name_en: 'Luokou Yellow River Railway Bridge (heritage)',
    category: 'heritage', status: 'open', phase: null, year_open: 1912, cluster_key: null, at: { poi: '泺口黄河铁路大桥', dx: 0.3, dy: 0.9 },
    desc_zh: '历史遗迹,1912年建成;意见提出保护开发。标注于北岸桥头(示意)。',
    desc_en: 'Historic bridge, opened 1912, to be protected and developed. Marker set at the north bridgehead (schematic).',
    source: [S002, POI],
  },
  {
    id: 'p-h-bianque-tomb', name_zh: '扁鹊墓', name_en: 'Tomb of Bian Que',
    category: 'heritage', status: 'open', phase: null, year_open: null, cluster_key: null, at: { poi: '鹊山', dx: -0.5, dy: 0.2 },
    desc_zh: '历史遗迹,意见提出保护开发。置于鹊山脚下(按传统说法,位置示意)。',
    desc_en: 'Historic site to be protected and developed. Placed at the foot of Mt Que, by tradition (schematic).',
    source: [S002, POI],
  },
  {
    id: 'p-h-jiaxuan', name_zh: '稼轩纪念馆', name_en: 'Jiaxuan (Xin Qiji) memorial hall',
    category: 'heritage', status: 'open', phase: null, year_open: null, cluster_key: null, at: { lonlat: [117.245, 36.875] },
    desc_zh: '历史遗迹,意见提出保护开发。置于辛弃疾故里遥墙一带(位置示意)。',
    desc_en: 'Historic site to be protected and developed. Placed near Yaoqiang, Xin Qiji\'s home area (schematic).',
    source: [S002],
  },
  {
    id: 'p-h-mao-inspection', name_zh: '毛主席视察黄河纪念地', name_en: 'Memorial site of Chairman Mao\'s Yellow River inspection',
    category: 'heritage', status: 'open', phase: null, year_open: null, cluster_key: null, at: { lonlat: [117.006, 36.718] }, outside: true,
    desc_zh: '历史遗迹,意见提出保护开发。置于泺口南岸(位置示意,在起步区界外)。',
    desc_en: 'Historic site to be protected and developed. Placed on the south bank at Luokou (schematic, outside the area).',
    source: [S002],
  },
  {
    id: 'p-h-wang-deng', name_zh: '王尽美邓恩铭纪念地', name_en: 'Memorial site of Wang Jinmei and Deng Enming',
    category: 'heritage', status: 'open', phase: null, year_open: null, cluster_key: null, at: { lonlat: [117.022, 36.672] }, outside: true,
    desc_zh: '历史遗迹,意见提出保护开发。文件未给位置,示意置于老城(起步区界外)。',
    desc_en: 'Historic site to be protected and developed. The document gives no location; placed in the old city (schematic, outside the area).',
    source: [S002],
  },
  {
    id: 'p-h-qingzhao', name_zh: '清照纪念馆', name_en: 'Li Qingzhao memorial hall',
    category: 'heritage', status: 'open', phase: null, year_open: null, cluster_key: null, at: { poi: '趵突泉', dx: 0.25, dy: 0.1 }, outside: true,
    desc_zh: '历史遗迹,意见提出保护开发。示意置于趵突泉(起步区界外)。',
    desc_en: 'Historic site to be protected and developed. Placed at Baotu Spring (schematic, outside the area).',
    source: [S002, POI],
  },
  {
    id: 'p-h-cuizhai-willow', name_zh: '崔寨柳编', name_en: 'Cuizhai willow weaving (intangible heritage)',
    category: 'heritage', status: 'open', phase: null, year_open: null, cluster_key: 'cuizhai', at: { dx: -2.0, dy: -0.2 },
    desc_zh: '非物质文化遗产,意见提出保护开发。标注于崔寨(示意)。',
    desc_en: 'Intangible cultural heritage to be protected and developed. Marked at Cuizhai (schematic).',
    source: [S002],
  },
];

/** Until structure.geojson has the clusters, the cluster's home subdistrict(s) (geodata/subdistricts.geojson) hold it. */
const CLUSTER_SUBDISTRICTS: Record<ClusterKey, string[]> = {
  daqiao: ['sd-daqiao'],
  cuizhai: ['sd-cuizhai'],
  sangzidian: ['sd-sangzidian'],
  'sungeng-taiping': ['sd-sungeng', 'sd-taiping'],
  airport: ['sd-yaoqiang'],
};
const subdistrictsPath = resolve(geodataDir, 'subdistricts.geojson');
const subdistricts = existsSync(subdistrictsPath) ? readJson<FeatureCollection>(subdistrictsPath).features : [];

function clusterContainer(key: ClusterKey): Feature<Area> | null {
  const cluster = clusterPolys.get(key);
  if (cluster) return cluster;
  const parts = subdistricts.filter((f) => CLUSTER_SUBDISTRICTS[key].includes(String(f.properties?.['id']))) as Feature<Area>[];
  if (!parts.length) return null;
  if (parts.length === 1) return parts[0]!;
  return turf.union(turf.featureCollection(parts)) as Feature<Area>;
}

function clusterAnchor(key: ClusterKey): { anchor: Position; poly: Feature<Area> | null } {
  const poly = clusterContainer(key);
  if (!poly) return { anchor: FALLBACK_ANCHORS[key], poly: null };
  let anchor = turf.centerOfMass(poly).geometry.coordinates;
  if (!turf.booleanPointInPolygon(anchor, poly)) anchor = turf.pointOnFeature(poly).geometry.coordinates;
  return { anchor, poly };
}

function projectPosition(row: ProjectRow): { p: Position; accuracy: Accuracy } {
  if ('poi' in row.at) {
    const base = poi(row.at.poi);
    const moved = Boolean(row.at.dx || row.at.dy);
    return { p: moved ? offsetKm(base, row.at.dx ?? 0, row.at.dy ?? 0) : base, accuracy: moved ? 'schematic' : 'point-approx' };
  }
  if ('lonlat' in row.at) return { p: row.at.lonlat, accuracy: 'schematic' };
  let placed: { anchor: Position; poly: Feature<Area> | null };
  const core = row.at.core ? corePolys.get(row.at.core) : undefined;
  if (core) placed = { anchor: turf.pointOnFeature(core).geometry.coordinates, poly: core };
  else if (row.cluster_key) placed = clusterAnchor(row.cluster_key);
  else if (row.at.core === 'sci-tech') placed = { anchor: [117.09, 36.82], poly: null };
  else throw new Error(`${row.id}: offset placement needs a cluster_key or a core`);
  const { anchor, poly } = placed;
  // Shrink the offset until the point is inside the cluster polygon (keeps the hand layout, stays inside).
  for (let k = 1; k > 0.05; k *= 0.8) {
    const p = offsetKm(anchor, row.at.dx * k, row.at.dy * k);
    if (!poly || turf.booleanPointInPolygon(p, poly)) return { p, accuracy: 'schematic' };
  }
  return { p: anchor, accuracy: 'schematic' };
}

const problems: string[] = [];
const projectFeatures: Feature<Point>[] = PROJECTS.map((row) => {
  const { p, accuracy } = projectPosition(row);
  const coords = roundCoords(p);
  const inside = inBoundary(coords);
  if (inside === false && !row.outside) problems.push(`${row.id} is outside the boundary (${coords.join(', ')})`);
  if (inside === true && row.outside) problems.push(`${row.id} is marked outside but lies inside the boundary`);
  return {
    type: 'Feature', id: row.id,
    geometry: { type: 'Point', coordinates: coords },
    properties: {
      id: row.id, name_zh: row.name_zh, name_en: row.name_en, kind: 'project',
      category: row.category, status: row.status, phase: row.phase, year_open: row.year_open,
      desc_zh: row.desc_zh, desc_en: row.desc_en, cluster_key: row.cluster_key,
      source: row.source.join(';'), accuracy, outside: row.outside === true,
    },
  };
});

// ---------------------------------------------------------------------------------------------------------
// 8. context
// ---------------------------------------------------------------------------------------------------------

/**
 * Schematic outline of the built-up main city south of the river (central districts between the hills in the
 * south and the Yellow River), drawn by hand; the part overlapping the Start-up Area is cut away.
 */
const CITY_OUTLINE: Position[] = [
  [116.86, 36.62], [116.93, 36.61], [117.0, 36.62], [117.06, 36.625], [117.13, 36.635], [117.2, 36.65],
  [117.26, 36.665], [117.3, 36.685], [117.29, 36.72], [117.23, 36.74], [117.16, 36.75], [117.1, 36.765],
  [117.06, 36.752], [117.025, 36.738], [117.005, 36.716], [116.975, 36.712], [116.94, 36.718],
  [116.9, 36.722], [116.87, 36.715], [116.86, 36.68], [116.86, 36.62],
];

function cityPolygon(): Feature<Area> {
  let city: Feature<Area> = turf.polygon([CITY_OUTLINE]);
  // keep the city clear of the river channel and of the Start-up Area
  const riverBuffer = turf.buffer(yellow, 0.4, { units: 'kilometers' });
  if (riverBuffer) city = (turf.difference(turf.featureCollection([city, riverBuffer])) ?? city) as Feature<Area>;
  if (boundary) city = (turf.difference(turf.featureCollection([city, boundary])) ?? city) as Feature<Area>;
  if (city.geometry.type === 'MultiPolygon') {
    // keep the main part only
    const parts = city.geometry.coordinates.map((c) => turf.polygon(c));
    city = parts.reduce((a, b) => (turf.area(b) > turf.area(a) ? b : a));
  }
  const simple = turf.simplify(city, { tolerance: 0.0005, highQuality: true });
  return turf.rewind(simple as Feature<Polygon>) as Feature<Area>;
}

interface ContextPoint {
  id: string; name_zh: string; name_en: string; kind: 'historic-node' | 'place';
  at: { poi: string } | { lonlat: Position }; source: string[]; accuracy?: Accuracy;
}

const CONTEXT_POINTS: ContextPoint[] = [
  // the southern nodes of 一纵 (002 §四(二))
  { id: 'ctx-qianfoshan', name_zh: '千佛山', name_en: 'Thousand Buddha Mountain (Qianfoshan)', kind: 'historic-node', at: { lonlat: [117.032, 36.642] }, source: [S002] },
  { id: 'ctx-baotu-spring', name_zh: '趵突泉', name_en: 'Baotu Spring', kind: 'historic-node', at: { poi: '趵突泉' }, source: [S002, POI] },
  { id: 'ctx-daming-lake', name_zh: '大明湖', name_en: 'Daming Lake', kind: 'historic-node', at: { poi: '大明湖' }, source: [S002, POI] },
  { id: 'ctx-mingfu-city', name_zh: '明府城', name_en: 'Mingfu old walled city', kind: 'historic-node', at: { poi: '明府城' }, source: [S002, POI], accuracy: 'schematic' },
  // place labels
  { id: 'ctx-place-jinan', name_zh: '济南', name_en: 'Jinan', kind: 'place', at: { lonlat: [117.0, 36.69] }, source: [S002] },
  { id: 'ctx-place-jiyang', name_zh: '济阳', name_en: 'Jiyang', kind: 'place', at: { lonlat: [117.18, 36.98] }, source: [S001] },
  { id: 'ctx-place-qihe', name_zh: '齐河', name_en: 'Qihe', kind: 'place', at: { lonlat: [116.76, 36.79] }, source: ['reference/jinan-districts-wgs84.geojson'] },
  { id: 'ctx-place-zhangqiu', name_zh: '章丘', name_en: 'Zhangqiu', kind: 'place', at: { lonlat: [117.53, 36.71] }, source: ['reference/jinan-districts-wgs84.geojson'] },
  { id: 'ctx-place-changqing', name_zh: '长清', name_en: 'Changqing', kind: 'place', at: { lonlat: [116.75, 36.56] }, source: ['reference/jinan-districts-wgs84.geojson'] },
  { id: 'ctx-place-linyi', name_zh: '临邑', name_en: 'Linyi (Dezhou)', kind: 'place', at: { lonlat: [116.87, 37.19] }, source: ['reference/jinan-districts-wgs84.geojson'] },
];

const contextFeatures: Feature[] = [];
{
  const city = cityPolygon();
  contextFeatures.push({
    type: 'Feature', id: 'ctx-city-jinan', geometry: roundCoords(city.geometry),
    properties: {
      id: 'ctx-city-jinan', name_zh: '济南主城区', name_en: 'Jinan main city', kind: 'city',
      source: `${S001};${S002}`, accuracy: 'schematic', outside: true,
    },
  });
  for (const c of CONTEXT_POINTS) {
    const fromPoi = 'poi' in c.at;
    const coords = roundCoords('poi' in c.at ? poi(c.at.poi) : c.at.lonlat);
    const inside = inBoundary(coords);
    contextFeatures.push({
      type: 'Feature', id: c.id, geometry: { type: 'Point', coordinates: coords },
      properties: {
        id: c.id, name_zh: c.name_zh, name_en: c.name_en, kind: c.kind,
        source: c.source.join(';'), accuracy: c.accuracy ?? (fromPoi ? 'point-approx' : 'schematic'),
        outside: inside !== true,
      },
    });
  }
  contextFeatures.push({
    type: 'Feature', id: 'ctx-river-yellow', geometry: yellow.geometry,
    properties: {
      id: 'ctx-river-yellow', name_zh: '黄河', name_en: 'Yellow River', kind: 'river',
      source: `${RIVERS};${S002}`, accuracy: 'traced', outside: true,
    },
  });
  contextFeatures.push({
    type: 'Feature', id: 'ctx-river-tuhai', geometry: tuhai.geometry,
    properties: {
      id: 'ctx-river-tuhai', name_zh: '徒骇河', name_en: 'Tuhai River', kind: 'river',
      source: `${RIVERS};${S002}`, accuracy: 'traced', outside: true,
    },
  });
}

// ---------------------------------------------------------------------------------------------------------
// write
// ---------------------------------------------------------------------------------------------------------

function write(name: string, features: Feature[]): void {
  const text = `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
  JSON.parse(text); // sanity
  writeFileSync(resolve(geodataDir, name), text);
  console.log(`wrote geodata/${name}: ${features.length} features`);
}

if (problems.length) {
  for (const p of problems) console.error(`✗ ${p}`);
  process.exitCode = 1;
}
write('crossings.geojson', crossingFeatures);
write('projects.geojson', projectFeatures);
write('context.geojson', contextFeatures);
