/**
 * Builds geodata/structure.geojson, geodata/blue-green.geojson and geodata/construction.geojson.
 *
 * Everything here is SCHEMATIC (hand-placed from the plan documents and general geography), except the Yellow River
 * channel / floodplain / belt and the 徒骇河 strip, which are derived from reference/rivers-wgs84.geojson and clipped
 * to the boundary. Hand-written coordinates are WGS84 lon/lat.
 *
 * The plan's ratios are produced by the geometry, not typed in:
 *  - construction = the clusters' and cores' urban development areas (hand-drawn) minus all non-farmland blue-green;
 *  - farmland      = boundary − construction (with a ~80 m margin for roads / villages / strategic reserve land)
 *                    − the other blue-green polygons, cut per subdistrict so each feature stays readable.
 * The analysis code unions blue-green ∩ boundary and construction ∩ boundary; see geodata/README.md for the figures.
 */
import * as turf from '@turf/turf';
import type { Feature, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import {
  REF_POI,
  REF_RIVERS,
  SEED_2023,
  SEED_2024,
  SEED_PLAN,
  type Area,
  type BaseProps,
  difference,
  dropSlivers,
  feature,
  intersect,
  km2,
  poly,
  readGeodata,
  riverLine,
  riverWaterPolygon,
  simplify,
  union,
  writeGeodata,
} from './common.ts';

const boundary = readGeodata('boundary.geojson').features[0] as Area;
const subdistricts = readGeodata('subdistricts.geojson').features as Area[];

const clip = (a: Area | null): Area | null => intersect(a, boundary);
const buffer = (g: Feature | Position[], km: number): Area => {
  const f = Array.isArray(g) ? turf.lineString(g) : g;
  return turf.buffer(f, km, { units: 'kilometers', steps: 4 }) as Area;
};
const line = (ps: Position[]): Feature<LineString> => turf.lineString(ps);
const S = (...xs: string[]): string => xs.join(';');

/* ------------------------------------------------------------------ structure */

/** 一纵: 千佛山 → 趵突泉 → 明府城 → 大明湖 → across the river → 鹊山/华山 gap → the sub-centre. */
const AXIS_SOUTH: Position[] = [
  [117.033, 36.645], // 千佛山 (general knowledge; no sourced coordinate in the reference)
  [117.0094, 36.6607], // 趵突泉 (reference/points-of-interest.csv)
  [117.0135, 36.6678], // 明府城 (reference estimate)
  [117.01755, 36.67485], // 大明湖 (reference)
  [117.02, 36.71],
  [117.025, 36.745], // Yellow River (centreline ≈36.747 here)
];
const AXIS_NORTH: Position[] = [
  [117.025, 36.749],
  [117.028, 36.78],
  [117.032, 36.815],
  [117.04, 36.86], // area centre (大桥 / 崔寨)
];

interface ClusterDef {
  key: string;
  zh: string;
  en: string;
  themeZh: string;
  themeEn: string;
  nickZh: string | null;
  nickEn: string | null;
  ring: Position[];
  /** urban development area inside the cluster (construction land) */
  dev: Position[];
  source: string;
}

const CLUSTERS: ClusterDef[] = [
  {
    key: 'daqiao',
    zh: '济南城市副中心（大桥组团）',
    en: 'Jinan City Sub-centre (Daqiao cluster)',
    themeZh: '行政办公、总部经济、文化体育、会展',
    themeEn: 'administration, headquarters, culture, sport, exhibition',
    nickZh: null,
    nickEn: null,
    ring: [[116.975, 36.768], [117.02, 36.758], [117.06, 36.772], [117.07, 36.81], [117.05, 36.838], [117.0, 36.84], [116.972, 36.81]],
    dev: [[116.98, 36.772], [117.02, 36.762], [117.055, 36.775], [117.065, 36.808], [117.047, 36.834], [117.0, 36.836], [116.977, 36.808]],
    source: S(SEED_PLAN, SEED_2023, SEED_2024),
  },
  {
    key: 'cuizhai',
    zh: '崔寨高新产业集聚区',
    en: 'Cuizhai High-tech Industry Cluster',
    themeZh: '氢能产业',
    themeEn: 'hydrogen energy industry',
    nickZh: '氢能谷',
    nickEn: 'Hydrogen Valley',
    ring: [[117.075, 36.86], [117.12, 36.852], [117.15, 36.87], [117.148, 36.898], [117.1, 36.91], [117.072, 36.895]],
    dev: [[117.078, 36.862], [117.12, 36.855], [117.146, 36.872], [117.144, 36.895], [117.1, 36.906], [117.075, 36.892]],
    source: SEED_PLAN,
  },
  {
    key: 'sangzidian',
    zh: '桑梓店高端制造产业基地',
    en: 'Sangzidian High-end Manufacturing Base',
    themeZh: '数控机床、机器人等高端装备制造',
    themeEn: 'high-end equipment: CNC machine tools, robots',
    nickZh: '智能岛',
    nickEn: 'Smart Island',
    ring: [[116.89, 36.79], [116.935, 36.782], [116.955, 36.8], [116.955, 36.84], [116.925, 36.85], [116.895, 36.835]],
    dev: [[116.893, 36.792], [116.935, 36.785], [116.952, 36.802], [116.952, 36.838], [116.925, 36.847], [116.898, 36.833]],
    source: SEED_PLAN,
  },
  {
    key: 'sungeng-taiping',
    zh: '孙耿太平绿色发展基地',
    en: 'Sungeng–Taiping Green Development Base',
    themeZh: '生物育种、现代生物技术',
    themeEn: 'bio-breeding and modern biotechnology',
    nickZh: '种子库',
    nickEn: 'Seed Bank',
    ring: [[116.95, 36.915], [117.0, 36.91], [117.03, 36.93], [117.025, 36.965], [116.98, 36.975], [116.948, 36.95]],
    dev: [[116.958, 36.92], [116.998, 36.915], [117.022, 36.932], [117.018, 36.958], [116.982, 36.966], [116.956, 36.948]],
    source: SEED_PLAN,
  },
  {
    key: 'airport',
    zh: '临空产业集聚区',
    en: 'Airport Industry Cluster',
    themeZh: '民用与通用航空装备',
    themeEn: 'civil and general aviation equipment',
    nickZh: '航空港',
    nickEn: 'Airport Harbour',
    ring: [[117.235, 36.815], [117.3, 36.822], [117.322, 36.838], [117.3, 36.852], [117.255, 36.85], [117.232, 36.835]],
    dev: [[117.238, 36.818], [117.298, 36.825], [117.318, 36.838], [117.298, 36.849], [117.256, 36.847], [117.236, 36.834]],
    source: SEED_PLAN,
  },
];

interface CoreDef {
  key: string;
  zh: string;
  en: string;
  ring: Position[];
  dev: Position[];
}

const CORES: CoreDef[] = [
  {
    key: 'sci-tech',
    zh: '城市科创区',
    en: 'City Science and Innovation Core',
    ring: [[117.072, 36.8], [117.098, 36.795], [117.118, 36.82], [117.128, 36.848], [117.1, 36.85], [117.075, 36.84], [117.062, 36.82]],
    dev: [[117.075, 36.803], [117.098, 36.799], [117.114, 36.822], [117.122, 36.845], [117.1, 36.847], [117.077, 36.837], [117.066, 36.82]],
  },
  {
    key: 'airport-economy',
    zh: '临空经济区',
    en: 'Airport Economy Core',
    ring: [[117.17, 36.84], [117.2, 36.825], [117.232, 36.83], [117.255, 36.855], [117.25, 36.885], [117.215, 36.895], [117.18, 36.875]],
    dev: [[117.174, 36.842], [117.2, 36.829], [117.23, 36.834], [117.25, 36.856], [117.246, 36.882], [117.215, 36.891], [117.183, 36.872]],
  },
];

/* ------------------------------------------------------------------ blue-green */

interface Bg {
  id: string;
  zh: string;
  en: string;
  cls: 'water' | 'wetland' | 'forest' | 'park' | 'farmland';
  kind: string;
  geom: Area | null;
  source: string;
  accuracy: 'traced' | 'schematic';
  outside?: boolean;
}

function blueGreenNonFarm(): Bg[] {
  const yellow = riverLine('yellow');
  const yellowIn = turf.lineString(yellow.geometry.coordinates.filter((p) => p[0]! > 116.8 && p[0]! < 117.3));
  const channel = clip(simplify(riverWaterPolygon(), 0.0004));
  // 滩区 / floodplain between the dykes: ~1.2 km either side of the centreline
  const floodplain = difference(clip(simplify(buffer(yellowIn, 1.2), 0.0004)), channel);
  const tuhai = clip(simplify(buffer(riverLine('tuhai'), 0.15), 0.0003));

  const river = (id: string, zh: string, en: string, ps: Position[], widthKm: number, source: string): Bg => ({
    id, zh, en, cls: 'water', kind: 'river', geom: clip(buffer(ps, widthKm / 2)), source, accuracy: 'schematic',
  });
  const forest = (id: string, zh: string, en: string, ps: Position[], widthKm: number): Bg => ({
    id, zh, en, cls: 'forest', kind: 'forest-belt', geom: clip(buffer(ps, widthKm / 2)), source: SEED_PLAN, accuracy: 'schematic',
  });
  const area = (id: string, zh: string, en: string, cls: Bg['cls'], kind: string, ring: Position[], source: string): Bg => ({
    id, zh, en, cls, kind, geom: clip(poly(ring)), source, accuracy: 'schematic',
  });
  const hill = (id: string, zh: string, en: string, c: Position, rKm: number, outside: boolean): Bg => {
    const circle = turf.circle(c, rKm, { units: 'kilometers', steps: 24 }) as Area;
    return { id, zh, en, cls: 'park', kind: 'hill', geom: outside ? circle : clip(circle), source: S(SEED_PLAN, REF_POI), accuracy: 'schematic', outside };
  };

  return [
    { id: 'bg-yellow-river', zh: '黄河', en: 'Yellow River (channel)', cls: 'water', kind: 'river', geom: channel, source: S(SEED_PLAN, REF_RIVERS), accuracy: 'traced' },
    { id: 'bg-yellow-river-floodplain', zh: '黄河滩区', en: 'Yellow River floodplain (between the dykes)', cls: 'wetland', kind: 'floodplain', geom: floodplain, source: S(SEED_PLAN, REF_RIVERS), accuracy: 'schematic' },
    { id: 'bg-tuhai', zh: '徒骇河', en: 'Tuhai River', cls: 'water', kind: 'river', geom: tuhai, source: S(SEED_PLAN, SEED_2024, REF_RIVERS), accuracy: 'traced' },
    river('bg-xiaoqing', '小清河', 'Xiaoqing River', [[117.07, 36.755], [117.12, 36.79], [117.2, 36.815], [117.27, 36.828], [117.31, 36.84], [117.33, 36.86], [117.36, 36.88], [117.4, 36.9]], 0.12, SEED_PLAN),
    river('bg-dasi', '大寺河', 'Dasi River', [[116.965, 36.775], [116.99, 36.82], [117.005, 36.86], [117.03, 36.9], [117.045, 36.96], [117.05, 37.05]], 0.08, S(SEED_PLAN, SEED_2024)),
    river('bg-dasi-branch', '大寺河支流', 'Dasi River tributary', [[116.93, 36.8], [116.95, 36.83], [116.975, 36.85], [117.0, 36.855]], 0.05, SEED_2024),
    river('bg-qingning', '青宁沟', 'Qingning Ditch', [[116.905, 36.9], [116.94, 36.935], [116.975, 36.985], [116.99, 37.03]], 0.05, SEED_2024),
    river('bg-cuizhai-bojiliu', '崔寨簸箕刘沟', 'Cuizhai Bojiliu Ditch', [[117.06, 36.84], [117.09, 36.87], [117.12, 36.9], [117.13, 36.92]], 0.04, SEED_2024),
    area('bg-baiyun-lake', '白云湖湿地', 'Baiyun Lake wetland', 'wetland', 'wetland',
      [[117.318, 36.852], [117.338, 36.848], [117.356, 36.856], [117.362, 36.872], [117.352, 36.888], [117.33, 36.892], [117.315, 36.878]], S(SEED_PLAN, REF_POI)),
    area('bg-queshan-reservoir', '鹊山水库', 'Queshan Reservoir', 'water', 'reservoir',
      [[116.958, 36.752], [116.985, 36.75], [116.996, 36.758], [116.993, 36.772], [116.97, 36.776], [116.956, 36.766]], S(SEED_PLAN, SEED_2024, REF_POI)),
    area('bg-taiping-reservoir', '太平水库', 'Taiping Reservoir (under construction)', 'water', 'reservoir',
      [[116.925, 36.958], [116.945, 36.955], [116.95, 36.966], [116.935, 36.972], [116.922, 36.967]], S(SEED_2024, SEED_PLAN)),
    area('bg-longhu', '龙湖', 'Long Lake (Longhu)', 'water', 'lake',
      [[117.003, 36.755], [117.018, 36.754], [117.022, 36.762], [117.01, 36.767], [117.0, 36.762]], SEED_PLAN),
    forest('bg-forest-sangzidian-huihe', '桑梓店—大桥—崔寨—回河生态森林带', 'Sangzidian–Daqiao–Cuizhai–Huihe ecological forest belt',
      [[116.88, 36.858], [116.93, 36.86], [116.97, 36.858], [117.03, 36.85], [117.07, 36.85], [117.11, 36.88], [117.16, 36.91], [117.2, 36.94]], 0.6),
    forest('bg-forest-xingjiadu', '邢家渡干渠生态森林带', 'Xingjiadu main canal ecological forest belt',
      [[117.07, 36.79], [117.06, 36.85], [117.04, 36.9], [117.02, 36.97], [117.01, 37.04]], 0.5),
    hill('bg-queshan', '鹊山', 'Mount Que', [117.0008, 36.739], 0.5, false),
    hill('bg-huashan', '华山（华不注山）', 'Mount Hua (Huabuzhu), south of the river', [117.0639, 36.7286], 0.6, true),
    area('bg-yellow-river-forest-park', '黄河森林公园', 'Yellow River Forest Park', 'park', 'park',
      [[116.978, 36.728], [116.998, 36.73], [117.0, 36.738], [116.985, 36.74], [116.976, 36.735]], REF_POI),
  ];
}

/* ------------------------------------------------------------------ assemble */

type Out = Feature<Polygon | MultiPolygon | LineString>;

/**
 * The hand-drawn cluster/core rings above are shapes; this linear factor (about each ring's own centroid) sets their
 * size. It is the calibration knob that brings construction land to ~27 % of the boundary (plan: ≤ 30 %).
 */
const SIZE_FACTOR = 1.1;
const scaled = (ring: Position[]): Area =>
  turf.transformScale(poly(ring), SIZE_FACTOR, { origin: 'centroid' }) as Area;

function asFeature(g: Area | null, props: BaseProps): Out | null {
  if (!g) return null;
  const cleaned = dropSlivers(g, 0.005);
  return feature(cleaned.geometry, props);
}

export function build(): { structure: Out[]; blueGreen: Out[]; construction: Out[] } {
  const structure: Out[] = [];
  structure.push(feature(line(AXIS_SOUTH).geometry, {
    id: 'axis-south', name_zh: '泉城特色风貌轴（千佛山—趵突泉—大明湖—明府城）', name_en: 'Spring City axis, southern part (Qianfo Hill – Baotu Spring – Daming Lake – old city)',
    kind: 'axis', source: S(SEED_PLAN, REF_POI), accuracy: 'schematic', outside: true,
  }));
  structure.push(feature(line(AXIS_NORTH).geometry, {
    id: 'axis-north', name_zh: '泉城特色风貌轴（起步区段）', name_en: 'Spring City axis, Start-up Area part',
    kind: 'axis', source: SEED_PLAN, accuracy: 'schematic', outside: false,
  }));
  const yellow = riverLine('yellow');
  const belt = clip(simplify(buffer(turf.lineString(yellow.geometry.coordinates.filter((p) => p[0]! > 116.8 && p[0]! < 117.3)), 2.0), 0.0008));
  structure.push(asFeature(belt, {
    id: 'belt-yellow-river', name_zh: '黄河生态风貌带', name_en: 'Yellow River ecological landscape belt',
    kind: 'belt', source: S(SEED_PLAN, SEED_2024, REF_RIVERS), accuracy: 'schematic',
  })!);
  for (const c of CORES) {
    structure.push(asFeature(clip(scaled(c.ring)), {
      id: `core-${c.key}`, name_zh: c.zh, name_en: c.en, kind: 'core', source: SEED_PLAN, accuracy: 'schematic', core_key: c.key,
    })!);
  }
  for (const c of CLUSTERS) {
    structure.push(asFeature(clip(scaled(c.ring)), {
      id: `cluster-${c.key}`, name_zh: c.zh, name_en: c.en, kind: 'cluster', source: c.source, accuracy: 'schematic',
      cluster_key: c.key, theme_zh: c.themeZh, theme_en: c.themeEn, nickname_zh: c.nickZh, nickname_en: c.nickEn,
    })!);
  }

  const nonFarm = blueGreenNonFarm();
  const nonFarmUnion = union(...nonFarm.map((b) => b.geom));

  const construction: Out[] = [];
  const devAreas: Area[] = [];
  const addDev = (id: string, zh: string, en: string, ring: Position[], key: { cluster_key: string | null; core_key: string | null }, source: string): void => {
    let g = clip(scaled(ring));
    g = difference(g, nonFarmUnion);
    g = difference(g, union(...devAreas)); // cores and clusters must not double count
    if (!g) return;
    devAreas.push(g);
    construction.push(asFeature(g, { id, name_zh: zh, name_en: en, kind: 'urban-development', source, accuracy: 'schematic', ...key })!);
  };
  for (const c of CORES) addDev(`con-${c.key}`, `${c.zh}城镇开发区`, `${c.en}: urban development area`, c.dev, { cluster_key: null, core_key: c.key }, SEED_PLAN);
  for (const c of CLUSTERS) addDev(`con-${c.key}`, `${c.zh}城镇开发区`, `${c.en}: urban development area`, c.dev, { cluster_key: c.key, core_key: null }, c.source);

  // Farmland: what is left, with an 80 m margin around construction land (roads, villages, strategic reserve).
  const devUnion = union(...devAreas);
  const margin = devUnion ? (turf.buffer(devUnion, 0.08, { units: 'kilometers', steps: 2 }) as Area) : null;
  const blueGreen: Out[] = [];
  for (const b of nonFarm) {
    const f = asFeature(b.geom, {
      id: b.id, name_zh: b.zh, name_en: b.en, kind: b.kind, source: b.source, accuracy: b.accuracy, class: b.cls,
      ...(b.outside ? { outside: true } : {}),
    });
    if (f) blueGreen.push(f);
  }
  for (const sd of subdistricts) {
    const key = String(sd.properties!.id).replace(/^sd-/, '');
    let g = difference(sd, margin);
    g = difference(g, nonFarmUnion);
    if (!g) continue;
    g = simplify(dropSlivers(g, 0.2), 0.0006) as Area;
    blueGreen.push(asFeature(g, {
      id: `bg-farmland-${key}`, name_zh: `${String(sd.properties!.name_zh).replace(/（.*）/, '')}农田`, name_en: `Farmland, ${String(sd.properties!.name_en).replace(/ \(.*\)/, '')}`,
      kind: 'farmland', source: S(SEED_PLAN, SEED_2023, SEED_2024), accuracy: 'schematic', class: 'farmland',
    })!);
  }
  return { structure, blueGreen, construction };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { structure, blueGreen, construction } = build();
  writeGeodata('structure.geojson', structure);
  writeGeodata('blue-green.geojson', blueGreen);
  writeGeodata('construction.geojson', construction);
  const B = km2(boundary);
  const bg = km2(intersect(union(...(blueGreen.filter((f) => f.geometry.type !== 'LineString') as Area[])), boundary));
  const con = km2(intersect(union(...(construction as Area[])), boundary));
  const ov = km2(intersect(union(...(blueGreen as Area[])), union(...(construction as Area[]))));
  console.log(`boundary ${B.toFixed(1)} km²; blue-green ${bg.toFixed(1)} (${((bg / B) * 100).toFixed(1)} %); construction ${con.toFixed(1)} (${((con / B) * 100).toFixed(1)} %); overlap ${ov.toFixed(2)} km²`);
}
