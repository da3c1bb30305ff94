/**
 * Builds geodata/context.geojson: the city, the historic nodes of the axis, place labels and the traced rivers.
 *
 *   npx tsx scripts/geodata/build-points.ts
 *
 * The hand-written tables below ARE the data: every row names its source document(s) (../shared/seeds/*.txt)
 * and/or reference file (../shared/reference/*). Points come from `points-of-interest.csv` where a public
 * coordinate exists (accuracy `point-approx`); the city outline is schematic. River lines are traced from
 * `rivers-wgs84.geojson` (clipped + simplified, accuracy `traced`). Crossings and projects have their own
 * generators (crossings.ts, projects.ts) reading researched facts from scripts/geodata/facts/.
 *
 * Needs ../shared/reference (not in CI): the OUTPUT files are committed, the tests read only geodata/.
 * Reads geodata/boundary.geojson when it exists, to set `outside` on features beyond the boundary.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon, Position } from 'geojson';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const refDir = resolve(repo, '../shared/reference');
const geodataDir = resolve(repo, 'geodata');

const S001 = '001_42cd662d68b88e93.txt';
const S002 = '002_411b5032421d841b.txt';
const POI = 'reference/points-of-interest.csv';
const RIVERS = 'reference/rivers-wgs84.geojson';

type Accuracy = 'traced' | 'schematic' | 'point-approx';
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
  /** how the position is known (en, zh) and its estimated error in metres */
  how: [string, string]; errorM: number;
}

const INFOBOX: [string, string] = ['encyclopaedia infobox coordinate (Wikipedia)', '百科信息框坐标（维基百科）'];
const LABEL: [string, string] = ['map label placed by hand near the town centre; not a surveyed point', '地名注记，手工置于城区附近，非测绘点位'];

const CONTEXT_POINTS: ContextPoint[] = [
  // the southern nodes of 一纵 (002 §四(二))
  { id: 'ctx-qianfoshan', name_zh: '千佛山', name_en: 'Thousand Buddha Mountain (Qianfoshan)', kind: 'historic-node', at: { lonlat: [117.032, 36.642] }, source: [S002], how: ['placed by hand on the hill south of the old city; no public coordinate was found', '手工置于老城以南的千佛山上，未找到公开坐标'], errorM: 800 },
  { id: 'ctx-baotu-spring', name_zh: '趵突泉', name_en: 'Baotu Spring', kind: 'historic-node', at: { poi: '趵突泉' }, source: [S002, POI], how: INFOBOX, errorM: 100 },
  { id: 'ctx-daming-lake', name_zh: '大明湖', name_en: 'Daming Lake', kind: 'historic-node', at: { poi: '大明湖' }, source: [S002, POI], how: INFOBOX, errorM: 300 },
  { id: 'ctx-mingfu-city', name_zh: '明府城', name_en: 'Mingfu old walled city', kind: 'historic-node', at: { poi: '明府城' }, source: [S002, POI], accuracy: 'schematic', how: ['midpoint of 趵突泉 and 大明湖 (the old walled city lies between them)', '趵突泉与大明湖的中点（明府城位于两者之间）'], errorM: 600 },
  // place labels
  { id: 'ctx-place-jinan', name_zh: '济南', name_en: 'Jinan', kind: 'place', at: { lonlat: [117.0, 36.69] }, source: [S002], how: LABEL, errorM: 3000 },
  { id: 'ctx-place-jiyang', name_zh: '济阳', name_en: 'Jiyang', kind: 'place', at: { lonlat: [117.18, 36.98] }, source: [S001], how: LABEL, errorM: 3000 },
  { id: 'ctx-place-qihe', name_zh: '齐河', name_en: 'Qihe', kind: 'place', at: { lonlat: [116.76, 36.79] }, source: ['reference/jinan-districts-wgs84.geojson'], how: LABEL, errorM: 3000 },
  { id: 'ctx-place-zhangqiu', name_zh: '章丘', name_en: 'Zhangqiu', kind: 'place', at: { lonlat: [117.53, 36.71] }, source: ['reference/jinan-districts-wgs84.geojson'], how: LABEL, errorM: 3000 },
  { id: 'ctx-place-changqing', name_zh: '长清', name_en: 'Changqing', kind: 'place', at: { lonlat: [116.75, 36.56] }, source: ['reference/jinan-districts-wgs84.geojson'], how: LABEL, errorM: 3000 },
  { id: 'ctx-place-linyi', name_zh: '临邑', name_en: 'Linyi (Dezhou)', kind: 'place', at: { lonlat: [116.87, 37.19] }, source: ['reference/jinan-districts-wgs84.geojson'], how: LABEL, errorM: 3000 },
];

const contextFeatures: Feature[] = [];
{
  const city = cityPolygon();
  contextFeatures.push({
    type: 'Feature', id: 'ctx-city-jinan', geometry: { ...city.geometry, coordinates: roundCoords(city.geometry.coordinates) } as Area,
    properties: {
      id: 'ctx-city-jinan', name_zh: '济南主城区', name_en: 'Jinan main city', kind: 'city',
      source: `${S001};${S002}`, accuracy: 'schematic', outside: true,
      position_source: 'outline of the built-up city south of the river drawn by hand (between the southern hills and the river); not a district border',
      position_source_zh: '手工勾绘的黄河以南建成区轮廓（南部山地与黄河之间），不是行政界线',
      position_accuracy_m: 3000,
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
        position_source: c.how[0], position_source_zh: c.how[1], position_accuracy_m: c.errorM,
      },
    });
  }
  contextFeatures.push({
    type: 'Feature', id: 'ctx-river-yellow', geometry: yellow.geometry,
    properties: {
      id: 'ctx-river-yellow', name_zh: '黄河', name_en: 'Yellow River', kind: 'river',
      source: `${RIVERS};${S002}`, accuracy: 'traced', outside: true,
      position_source: 'GSHHG/WDBII centreline, simplified (median 0.3 km, at most 1 km from the NGCC bank lines)',
      position_source_zh: 'GSHHG/WDBII 河道中心线，已简化（与国家基础地理信息中心岸线相距中位 0.3 千米、最多 1 千米）',
      position_accuracy_m: 700,
    },
  });
  contextFeatures.push({
    type: 'Feature', id: 'ctx-river-tuhai', geometry: tuhai.geometry,
    properties: {
      id: 'ctx-river-tuhai', name_zh: '徒骇河', name_en: 'Tuhai River', kind: 'river',
      source: `${RIVERS};${S002}`, accuracy: 'traced', outside: true,
      position_source: 'GSHHG/WDBII river line identified as 徒骇河 by its course (the data set has no names), simplified',
      position_source_zh: 'GSHHG/WDBII 河道线，按走向识别为徒骇河（数据无名称），已简化',
      position_accuracy_m: 1500,
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

write('context.geojson', contextFeatures);
