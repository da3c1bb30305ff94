/**
 * Builds geodata/subdistricts.geojson: the 10 subdistricts (街道) of the Start-up Area, SCHEMATIC.
 *
 * No public subdistrict outline exists (reference/README.md "What I could NOT find"), so the boundary polygon is
 * partitioned into cells that tile it exactly:
 *  - the district split is TRACED from the reference districts: 高官寨 = boundary ∩ 章丘区; 桑梓店/大桥/泺口 lie in
 *    boundary ∩ 天桥区; the rest of the north-west side (济阳区) is 太平/孙耿/崔寨; south-east of the river (历城区) is
 *    临港/遥墙/唐王;
 *  - inside a district, the lines between subdistricts are hand-drawn (CUTS below), placed from general geography:
 *    太平 west by the Dezhou border, 孙耿 north by 徒骇河, 崔寨 along the river south of 济阳 town, 桑梓店 west,
 *    大桥 centre north of 鹊山, 泺口 a strip on the north bank opposite the old city, 临港 between 华山 and the airport,
 *    遥墙 around the airport, 唐王 (central-west part) east of it, 高官寨 north-east by 白云湖.
 * Cells are assigned in order, each minus the ones before, and 崔寨 takes the remainder, so gaps/overlaps are ~0.
 */
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { riverHalves } from './boundary.ts';
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
  poly,
  readGeodata,
  simplify,
  union,
  writeGeodata,
} from './common.ts';

interface Sd {
  key: string;
  zh: string;
  en: string;
  whole: boolean;
  districtZh: string;
  districtEn: string;
}

const SD: Record<string, Sd> = {
  gaoguanzhai: { key: 'gaoguanzhai', zh: '高官寨街道', en: 'Gaoguanzhai Subdistrict', whole: true, districtZh: '章丘区', districtEn: 'Zhangqiu District' },
  luokou: { key: 'luokou', zh: '泺口街道（黄河以北部分）', en: 'Luokou Subdistrict (part north of the Yellow River)', whole: false, districtZh: '天桥区', districtEn: 'Tianqiao District' },
  sangzidian: { key: 'sangzidian', zh: '桑梓店街道', en: 'Sangzidian Subdistrict', whole: true, districtZh: '天桥区', districtEn: 'Tianqiao District' },
  daqiao: { key: 'daqiao', zh: '大桥街道', en: 'Daqiao Subdistrict', whole: true, districtZh: '天桥区', districtEn: 'Tianqiao District' },
  lingang: { key: 'lingang', zh: '临港街道', en: 'Lingang Subdistrict', whole: true, districtZh: '历城区', districtEn: 'Licheng District' },
  yaoqiang: { key: 'yaoqiang', zh: '遥墙街道', en: 'Yaoqiang Subdistrict', whole: true, districtZh: '历城区', districtEn: 'Licheng District' },
  tangwang: { key: 'tangwang', zh: '唐王街道（中西部）', en: 'Tangwang Subdistrict (central-western part)', whole: false, districtZh: '历城区', districtEn: 'Licheng District' },
  taiping: { key: 'taiping', zh: '太平街道', en: 'Taiping Subdistrict', whole: true, districtZh: '济阳区', districtEn: 'Jiyang District' },
  sungeng: { key: 'sungeng', zh: '孙耿街道', en: 'Sungeng Subdistrict', whole: true, districtZh: '济阳区', districtEn: 'Jiyang District' },
  cuizhai: { key: 'cuizhai', zh: '崔寨街道', en: 'Cuizhai Subdistrict', whole: true, districtZh: '济阳区', districtEn: 'Jiyang District' },
};

/** Hand-drawn cells (generous outside the boundary; only their inner edges matter). */
const CELLS: Record<string, Position[]> = {
  // north-bank strip opposite 泺口 / the old city, up to just south of 鹊山水库 / 鹊山
  luokou: [[116.955, 36.6], [117.05, 36.6], [117.05, 36.76], [117.0, 36.752], [116.955, 36.748]],
  // west of a line ~116.965 E
  sangzidian: [[116.7, 36.6], [116.962, 36.6], [116.962, 36.76], [116.968, 36.82], [116.965, 37.0], [116.7, 37.0]],
  // 天桥区 north of the river east of 桑梓店 (clipped to 天桥区 and the north-west half)
  daqiao: [[116.955, 36.6], [117.2, 36.6], [117.2, 37.0], [116.955, 37.0]],
  // south-east of the river, west of ~117.165 E
  lingang: [[117.0, 36.6], [117.16, 36.6], [117.165, 36.79], [117.17, 37.0], [117.0, 37.0]],
  // around the airport (117.216 E, 36.857 N), west of ~117.268 E
  yaoqiang: [[117.0, 36.6], [117.27, 36.6], [117.268, 36.83], [117.265, 37.0], [117.0, 37.0]],
  // west of the 济阳 part, by the Dezhou border
  taiping: [[116.7, 36.8], [117.005, 36.8], [117.0, 36.9], [116.985, 36.95], [116.99, 37.2], [116.7, 37.2]],
  // north by 徒骇河
  sungeng: [[116.96, 36.92], [117.0, 36.91], [117.04, 36.905], [117.09, 36.915], [117.2, 36.94], [117.2, 37.2], [116.96, 37.2]],
};

export function buildSubdistricts(): Feature<Polygon | MultiPolygon>[] {
  const boundary = readGeodata('boundary.geojson').features[0] as Area;
  const { nw, se } = riverHalves();
  const tianqiao = simplify(district('天桥区'), 0.0008);
  const zhangqiu = simplify(district('章丘区'), 0.0008);
  const cell = (k: string): Area => poly(CELLS[k]!);

  const out: [Sd, Area][] = [];
  let taken: Area | null = null;
  const take = (sd: Sd, region: Area | null): void => {
    let r = difference(region, taken);
    if (!r) throw new Error(`empty ${sd.key}`);
    r = dropSlivers(r, 0.3);
    out.push([sd, r]);
    taken = union(taken, r);
  };

  take(SD.gaoguanzhai!, intersect(boundary, zhangqiu));
  take(SD.luokou!, intersect(boundary, cell('luokou')));
  // south of 36.80 N the river-side strip is 桑梓店 even where the DataV 天桥区 line stops short of the centreline
  const tianqiaoPlus = union(tianqiao, poly([[116.7, 36.6], [117.05, 36.6], [117.05, 36.8], [116.7, 36.8]]));
  take(SD.sangzidian!, intersect(intersect(boundary, tianqiaoPlus), cell('sangzidian')));
  take(SD.daqiao!, intersect(intersect(intersect(boundary, tianqiao), nw), cell('daqiao')));
  take(SD.lingang!, intersect(intersect(boundary, se), cell('lingang')));
  take(SD.yaoqiang!, intersect(intersect(boundary, se), cell('yaoqiang')));
  take(SD.tangwang!, intersect(boundary, se));
  take(SD.taiping!, intersect(intersect(boundary, nw), cell('taiping')));
  take(SD.sungeng!, intersect(intersect(boundary, nw), cell('sungeng')));
  take(SD.cuizhai!, boundary);

  return out.map(([sd, r]) =>
    feature(r.geometry, {
      id: `sd-${sd.key}`,
      name_zh: sd.zh,
      name_en: sd.en,
      kind: 'subdistrict',
      source: `${SEED_PLAN};${REF_DISTRICTS};${REF_RIVERS}`,
      accuracy: 'schematic',
      whole: sd.whole,
      district_zh: sd.districtZh,
      district_en: sd.districtEn,
    }),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const fs = buildSubdistricts();
  const b = readGeodata('boundary.geojson').features[0] as Area;
  let sum = 0;
  for (const f of fs) {
    const a = km2(f);
    sum += a;
    console.log(`${f.properties!.id}\t${a.toFixed(1)} km²\t${f.geometry.type}`);
  }
  const u = union(...(fs as Area[]));
  console.log(`sum ${sum.toFixed(2)}, union ${km2(u).toFixed(2)}, boundary ${km2(b).toFixed(2)}, gap ${km2(difference(b, u)).toFixed(3)}, outside ${km2(difference(u, b)).toFixed(3)}`);
  writeGeodata('subdistricts.geojson', fs);
}
