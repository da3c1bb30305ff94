/**
 * Builds geodata/boundary.geojson: the 起步区 outline (see geodata/README.md, "boundary").
 *
 * Edges (002 §一: 西至济南德州界, 东至小清河—白云湖湿地, 南至黄河—济青高速, 北至徒骇河):
 *  - west : Jinan–Dezhou border, TRACED = everything inside 齐河县 ∪ 临邑县 (reference districts, WGS84) is removed;
 *  - south: Yellow River centreline, TRACED (reference rivers, GSHHG/WDBII), from the Dezhou border to ~117.035 E;
 *           then the 济青高速 (G20), SCHEMATIC (not in any reference), eastwards south of 遥墙 airport;
 *  - north: 徒骇河 centreline, TRACED (reference rivers) for 太平/孙耿; east of ~117.1 E a SCHEMATIC cut down to the
 *           Yellow River leaves 济阳 town (济阳街道, not in the area) outside; south-east of the river the north edge is
 *           the river again, and east of ~117.26 E the 章丘区/济阳区 border (TRACED: 济阳区 land is removed there);
 *  - east : 小清河 – 白云湖, SCHEMATIC; its longitude is the single calibration knob that makes the geodesic area
 *           equal 798 km² (bisection on a uniform east–west shift, see calibrate()).
 */
import * as turf from '@turf/turf';
import type { Feature, Polygon, Position } from 'geojson';
import {
  REF_DISTRICTS,
  REF_RIVERS,
  SEED_PLAN,
  type Area,
  difference,
  district,
  dropSlivers,
  feature,
  intersect,
  km2,
  largestPart,
  poly,
  riverLine,
  simplify,
  tidy,
  union,
  writeGeodata,
} from './common.ts';

export const OFFICIAL_AREA_KM2 = 798;

/** Yellow River centreline clipped to 116.70–117.62 E, used to split the plane into a north-west and a south-east half. */
export function riverHalves(): { nw: Feature<Polygon>; se: Feature<Polygon> } {
  const line = riverLine('yellow').geometry.coordinates.filter((p) => p[0]! >= 116.7 && p[0]! <= 117.62);
  const first = line[0]!;
  const last = line[line.length - 1]!;
  const nw = poly([...line, [last[0]!, 37.6], [116.6, 37.6], [116.6, first[1]!]]);
  const se = poly([...line, [117.9, last[1]!], [117.9, 36.3], [116.6, 36.3], [116.6, first[1]!]]);
  return { nw, se };
}

/** Area south of the 徒骇河 centreline. */
function southOfTuhai(): Feature<Polygon> {
  const line = riverLine('tuhai').geometry.coordinates.filter((p) => p[0]! >= 116.6 && p[0]! <= 117.3);
  const first = line[0]!;
  const last = line[line.length - 1]!;
  return poly([...line, [last[0]!, 36.3], [first[0]!, 36.3]]);
}

/** 济青高速 (G20), schematic: leaves the river near the G104 bridge, runs east ~5 km south of 遥墙 airport. */
export const G20: Position[] = [
  [117.035, 36.757],
  [117.07, 36.768],
  [117.12, 36.785],
  [117.18, 36.803],
  [117.25, 36.815],
  [117.33, 36.822],
  [117.42, 36.828],
  [117.7, 36.835],
];

/**
 * 小清河 – 白云湖 east edge before the calibration shift (schematic). 白云湖 is placed from the reference's text
 * (points-of-interest.csv: "<10 km east of the airport", "19.5 km NW of 章丘明水", 17.4 km²) at ≈117.33–117.39 E,
 * 36.84–36.89 N; the edge runs along its eastern shore and on south along 小清河 to the G20.
 */
export const EAST_EDGE_BASE: Position[] = [
  [117.385, 36.935],
  [117.395, 36.9],
  [117.4, 36.87],
  [117.395, 36.845],
  [117.4, 36.7],
];

/**
 * North edge south-east of the river (schematic): 高官寨 is the only 章丘区 subdistrict in the area; the 章丘区 lobe
 * north of it (黄河街道, up to the river at ~37.06 N) stays outside.
 */
export const SE_NORTH_EDGE: Position[] = [
  [117.3, 36.952],
  [117.245, 36.968],
  [117.2, 36.975],
  [117.035, 36.975],
];

/** Schematic cut that keeps 济阳 town (济阳街道) out: from 徒骇河 south-east to the Yellow River below the town. */
const JIYANG_TOWN_CUT: Position[] = [
  [117.02, 37.2],
  [117.02, 37.05],
  [117.03, 36.975],
  [117.08, 36.925],
  [117.14, 36.9],
  [117.3, 36.86],
];

function build(eastShift: number, simplifyTol: number): Feature<Polygon> {
  const { nw, se } = riverHalves();
  const dezhou = union(district('齐河县'), district('临邑县'));

  // North-west of the river: south of 徒骇河, west of the 济阳-town cut, east of the Dezhou border.
  const westOfCut = poly([[116.6, 37.2], ...JIYANG_TOWN_CUT, [117.3, 36.3], [116.6, 36.3]]);
  let nwPart = intersect(intersect(nw, southOfTuhai()), westOfCut);
  nwPart = difference(nwPart, dezhou);

  // South-east of the river: north of G20, west of the east edge, minus 济阳区 land on that side of the river.
  const east = EAST_EDGE_BASE.map(([x, y]) => [x! + eastShift, y!]);
  const seKeep = poly(southEastKeep(east));
  const sePart = intersect(se, seKeep);

  const all = union(nwPart, sePart);
  if (!all) throw new Error('boundary: empty');
  const main = largestPart(dropSlivers(all, 0.5) as Area);
  // Remove holes (slivers between reference lines) — the area is one contiguous region.
  const solid = turf.polygon([main.geometry.coordinates[0]!]);
  return simplify(solid, simplifyTol);
}

/** South-east keep polygon: G20 (west -> east) -> east edge (south -> north) -> north edge (east -> west). */
function southEastKeep(east: Position[]): Position[] {
  const southToNorth = east.slice().reverse();
  const eastAtG20 = southToNorth[1]![0]!;
  const g20 = G20.filter((p) => p[0]! < eastAtG20 - 0.01);
  const lastG = g20[g20.length - 1]!;
  const northPart = southToNorth.filter((p) => p[1]! > lastG[1]! + 0.004);
  return [...g20, ...northPart, ...SE_NORTH_EDGE];
}

export function calibrate(simplifyTol = 0.0012): { shift: number; polygon: Feature<Polygon>; area: number } {
  let lo = -0.06;
  let hi = 0.06;
  let best = build(0, simplifyTol);
  for (let i = 0; i < 30; i += 1) {
    const mid = (lo + hi) / 2;
    best = build(mid, simplifyTol);
    const a = km2(best);
    if (a > OFFICIAL_AREA_KM2) hi = mid;
    else lo = mid;
    if (Math.abs(a - OFFICIAL_AREA_KM2) < 0.05) return { shift: mid, polygon: best, area: a };
  }
  return { shift: (lo + hi) / 2, polygon: best, area: km2(best) };
}

export function buildBoundary(): { feature: Feature<Polygon>; shift: number } {
  const { shift, polygon } = calibrate();
  const geom = tidy(polygon.geometry);
  const f = feature(geom, {
    id: 'boundary',
    name_zh: '济南新旧动能转换起步区',
    name_en: 'Jinan Start-up Area (New and Old Growth Drivers Conversion)',
    kind: 'boundary',
    source: `${SEED_PLAN};${REF_DISTRICTS};${REF_RIVERS}`,
    accuracy: 'traced',
    official_area_km2: OFFICIAL_AREA_KM2,
    edges_note:
      'west: Jinan–Dezhou border traced (DataV districts, WGS84); south: Yellow River centreline traced (GSHHG) to ~117.035E, ' +
      'then 济青高速 schematic; north: 徒骇河 centreline traced, schematic cut around 济阳 town, 章丘/济阳 border traced; ' +
      `east: 小清河–白云湖 schematic, shifted ${shift >= 0 ? '+' : ''}${(shift * 1000).toFixed(1)} mdeg in longitude so the geodesic area is 798 km²`,
  });
  return { feature: f, shift };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { feature: f, shift } = buildBoundary();
  console.log(`boundary: area ${km2(f).toFixed(2)} km², east shift ${shift.toFixed(4)}°`);
  writeGeodata('boundary.geojson', [f]);
}
