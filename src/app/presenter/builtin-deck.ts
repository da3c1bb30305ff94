/**
 * The built-in deck: the plan's story in 12 slides. Every fact is from the plan documents
 * (the seed documents cited in geodata `source` properties); each slide names its source. Layers are given
 * by catalog group or layer id and expanded against the current catalog, so the deck follows it.
 */
import type { Deck, Slide, SlideCamera } from '../../core/deck/deck.ts';
import { LAYER_GROUPS } from '../../state/layer-catalog.ts';

const DOC_002 = '002_411b5032421d841b.txt';
const DOC_004 = '004_0efa58b41b94a17d.txt';
const DOC_003 = '003_2eeaad20f77cb63a.txt';
const DOC_001 = '001_42cd662d68b88e93.txt';

/** Expands group ids (`g-…`) to their layers; layer ids are kept if the catalog has them. */
export function expandLayers(ids: readonly string[]): string[] {
  const result: string[] = [];
  for (const id of ids) {
    const group = LAYER_GROUPS.find((candidate) => candidate.id === id);
    if (group) result.push(...group.layers.map((layer) => layer.id));
    else if (LAYER_GROUPS.some((candidate) => candidate.layers.some((layer) => layer.id === id))) result.push(id);
  }
  return [...new Set(result)];
}

function camera(lng: number, lat: number, zoom: number, bearing = 0, pitch = 0): SlideCamera {
  return { center: [lng, lat], zoom, bearing, pitch };
}

const BASE = ['g-boundary', 'g-context'];
const CLUSTERS = ['cluster-daqiao', 'cluster-cuizhai', 'cluster-sangzidian', 'cluster-sungeng-taiping', 'cluster-airport'];

interface SlideInput extends Omit<Slide, 'layers' | 'spotlight' | 'year'> {
  layers: string[];
  spotlight?: boolean;
  year?: number;
}

/** Speaker notes: what to say, and what the map can and cannot show (for the presenter only). */
const NOTES: Record<string, { zh: string; en: string }> = {
  'story-area': {
    zh: '规划面积约798平方公里。图上边界按区县界和河道描绘，另有几段没有公开线位、按判断绘制，所以图上面积约834平方公里；请引用规划数字。',
    en: 'The plan gives about 798 km². The outline on the map follows district borders and rivers, and some edges with no published course are placed by judgement, so it measures about 834 km²: quote the plan’s figure.',
  },
  'story-axis': {
    zh: '从老城的千佛山、趵突泉、大明湖说起，向北跨过黄河；鹊山与华山（“鹊华”）是轴线北段的地标。',
    en: 'Start in the old city (Thousand Buddha Mountain, Baotu Spring, Daming Lake) and go north across the river; Mt Que and Mt Hua ("Que-Hua") mark the axis on the north side.',
  },
  'story-belt': {
    zh: '黄河是起步区的生态脊梁：滩区、大堤和林带。图上的滩区与堤防宽度取自公开的平均数，是示意。',
    en: 'The river is the area’s green spine: floodplain, dykes and forest belts. Floodplain and dyke widths on the map are published averages, drawn schematically.',
  },
  'story-cores': {
    zh: '两个核心没有公开的范围：图上按所在街道示意。',
    en: 'Neither core has a published outline: the map draws each as the subdistricts it lies in.',
  },
  'story-clusters': {
    zh: '五个组团各有主题；组团范围同样按街道示意，点击组团卡片可看其项目。',
    en: 'Each cluster has its theme; the outlines are the subdistricts they are named after. The cluster cards list their projects.',
  },
  'story-clusters-west': {
    zh: '大桥是城市副中心；桑梓店发展数控机床与机器人。项目位置各注明依据与误差。',
    en: 'Daqiao is the city sub-centre; Sangzidian builds CNC machine tools and robots. Every project says how its position is known and its error.',
  },
  'story-clusters-north-east': {
    zh: '崔寨以氢能为主，比亚迪基地也在这一带；孙耿太平是“种子库”；临空组团围绕遥墙机场。',
    en: 'Cuizhai centres on hydrogen, with the BYD plant nearby; Sungeng–Taiping is the "Seed Bank"; the airport cluster surrounds Yaoqiang airport.',
  },
  'story-crossings': {
    zh: '规划文件计21条通道，2023年底通车9条。图上只标出有公开依据的12处，均为示意位置；其余9处位置未公布，列在统计面板里。齐鲁大桥与济南黄河大桥新桥已于2024年11月通车。',
    en: 'The documents count 21 crossings, 9 open at the end of 2023. The map marks the 12 with public evidence, all at indicative positions; the other 9 have no published site and are listed in the statistics panel. The Qilu bridge and the new G104 bridge opened in November 2024.',
  },
  'story-blue-green': {
    zh: '70%与30%是规划目标，不是本图的测量结果。图上的蓝绿与建设用地图层只含有公开依据的部分（耕地、村庄和城镇未测绘），据此算出的占比只是已测绘部分的下限，不能说明是否满足目标，请勿据此下结论；要核对指标，请在“分析”模式导入规划用地图层。',
    en: '70 % and 30 % are the plan’s targets, not measurements of this map. The map’s blue-green and construction layers hold only what public records locate (farmland, villages and towns are not mapped), so shares computed from them are lower bounds of what is mapped and say nothing about whether the targets are met; do not draw a conclusion from them. Checking the targets needs the plan’s land-use layer (Analyse mode).',
  },
  'story-2025': {
    zh: '时间轴按各项目的开工、通车年份显示状态。',
    en: 'The timeline shows each project’s status from its start and opening years.',
  },
  'story-2030': {
    zh: '2030年目标：枢纽功能、空气与水质指标。',
    en: '2030 goals: hub functions, air and water quality.',
  },
  'story-2035': {
    zh: '2035年建成绿色智慧宜居新城区；欢迎提问。',
    en: '2035: a green, smart, liveable new town. Invite questions.',
  },
};

function slide(input: SlideInput): Slide {
  const notes = NOTES[input.id];
  return { ...input, year: input.year ?? 2023, spotlight: input.spotlight ?? false, layers: expandLayers(input.layers), ...(notes ? { notes } : {}) };
}

/** The built-in story deck. */
const STORY: Deck = {
  title: { zh: '济南新旧动能转换起步区：一纵一横两核五组团', en: 'Jinan Start-up Area: one axis, one belt, two cores, five clusters' },
  slides: [
    slide({
      id: 'story-area', camera: camera(117.11, 36.88, 9.7), layers: [...BASE, 'g-blue-green'], highlight: ['boundary'], spotlight: true,
      caption: {
        zh: '起步区约798平方公里，位于黄河以北：西起济南德州界，东至小清河—白云湖湿地，南起黄河—济青高速，北至徒骇河；含8个街道及唐王、泺口部分区域。',
        en: 'About 798 km² north of the Yellow River: west to the Jinan–Dezhou border, east to the Xiaoqing River – Baiyun Lake wetland, south to the Yellow River – Jinan–Qingdao expressway, north to the Tuhai River; 8 whole subdistricts plus parts of Tangwang and Luokou.',
      },
      source: `${DOC_002} §一`,
    }),
    slide({
      id: 'story-axis', camera: camera(117.03, 36.77, 10.4, -8, 30), layers: [...BASE, 'g-structure'],
      highlight: ['axis-south', 'axis-north', 'ctx-qianfoshan', 'ctx-baotu-spring', 'ctx-daming-lake', 'ctx-mingfu-city'], spotlight: true,
      caption: {
        zh: '一纵：泉城特色风貌轴。南起千佛山、趵突泉、大明湖、明府城，跨过黄河向北延伸至起步区，串起“山、泉、湖、河、城”。',
        en: 'One axis: the Spring City character axis runs from Thousand Buddha Mountain, Baotu Spring, Daming Lake and the old city north across the Yellow River into the Start-up Area — "mountain, spring, lake, river, city".',
      },
      source: `${DOC_002} §四(二)`,
    }),
    slide({
      id: 'story-belt', camera: camera(117.06, 36.85, 10.0), layers: [...BASE, 'belt', 'g-blue-green'],
      highlight: ['belt-yellow-river', 'bg-yellow-river'], spotlight: true,
      caption: {
        zh: '一横：黄河生态风貌带。以黄河为生态脊梁，沿水、堤、林、湿地展开，“百里黄河携城、千年堤防护城”。',
        en: 'One belt: the Yellow River ecological belt — the river as the green spine, along its water, dykes, woods and wetlands: "a hundred li of Yellow River, thousand-year dykes".',
      },
      source: `${DOC_002} §四(二)(三)`,
    }),
    slide({
      id: 'story-cores', camera: camera(117.16, 36.85, 10.7), layers: [...BASE, 'axis', 'belt', 'cores'],
      highlight: ['core-sci-tech', 'core-airport-economy'], spotlight: true,
      caption: {
        zh: '两核：城市科创区与临空经济区（遥墙机场周边），“两岸互动、拥河发展”。',
        en: 'Two cores: the city science & innovation core and the airport economy core around Yaoqiang airport — "both banks interacting, developing along the river".',
      },
      source: `${DOC_002} §四(二)`,
    }),
    slide({
      id: 'story-clusters', camera: camera(117.1, 36.86, 9.9), layers: [...BASE, 'g-structure'], highlight: CLUSTERS,
      caption: {
        zh: '五组团：济南城市副中心（大桥）、崔寨高新产业集聚区、桑梓店高端制造产业基地、孙耿太平绿色发展基地、临空产业集聚区。',
        en: 'Five clusters: the Jinan city sub-centre (Daqiao), Cuizhai high-tech industry cluster, Sangzidian high-end manufacturing base, Sungeng–Taiping green development base, and the airport industry cluster.',
      },
      source: `${DOC_002} §四(二)`,
    }),
    slide({
      id: 'story-clusters-west', camera: camera(116.97, 36.81, 11.0), layers: [...BASE, 'g-structure', 'g-projects'],
      highlight: ['cluster-daqiao', 'cluster-sangzidian'], spotlight: true,
      caption: {
        zh: '济南城市副中心（大桥组团）：行政、总部、文化、体育、会展；桑梓店“智能岛”：数控机床、机器人等高端制造。',
        en: 'The city sub-centre (Daqiao): administration, headquarters, culture, sport, exhibitions. Sangzidian "Smart Island": CNC machine tools and robots.',
      },
      source: `${DOC_002} §四(二), §六(二); ${DOC_003}`,
    }),
    slide({
      id: 'story-clusters-north-east', camera: camera(117.13, 36.89, 10.4), layers: [...BASE, 'g-structure', 'g-projects'],
      highlight: ['cluster-cuizhai', 'cluster-sungeng-taiping', 'cluster-airport'], spotlight: true,
      caption: {
        zh: '崔寨“氢能谷”：氢能产业；孙耿太平“种子库”：生物育种、现代生物技术；临空“航空港”：民航与通用航空装备。',
        en: 'Cuizhai "Hydrogen Valley": hydrogen energy. Sungeng–Taiping "Seed Bank": bio-breeding and modern biotech. Airport cluster "Airport Harbour": civil and general aviation equipment.',
      },
      source: `${DOC_002} §六(二)`,
    }),
    slide({
      id: 'story-crossings', camera: camera(117.05, 36.79, 10.6), layers: [...BASE, 'g-crossings', 'belt'],
      highlight: ['x-04-jiluo-tunnel', 'x-08-fenghuang'], year: 2023,
      caption: {
        zh: '跨黄河通道：规划由19条增至21条，至2023年底已建成9条，包括新通车的济泺路穿黄隧道和凤凰黄河大桥；坚持“多建隧道少建桥梁”。',
        en: 'River crossings: planned crossings raised from 19 to 21; 9 open by end-2023, including the new Jiluo Road tunnel and Fenghuang Bridge. The plan prefers tunnels to bridges.',
      },
      source: `${DOC_004} §一(三), §三(一); ${DOC_002}`,
    }),
    slide({
      id: 'story-blue-green', camera: camera(117.11, 36.88, 9.7), layers: [...BASE, 'g-blue-green', 'g-construction'], highlight: [],
      caption: {
        zh: '生态优先（规划目标）：蓝绿空间（水、湿地、林地、绿地、农田）占比不少于70%，城镇建设用地控制在30%以内；划定生态保护红线、永久基本农田、城镇开发边界。',
        en: 'Ecology first (the plan’s targets): blue-green space (water, wetland, forest, green space, farmland) at least 70 % of the area, urban construction land at most 30 %; three control lines: ecological red line, permanent farmland, urban development boundary.',
      },
      source: `${DOC_002} §四(一); ${DOC_001} §三`,
    }),
    slide({
      id: 'story-2025', camera: camera(117.08, 36.83, 10.1), layers: [...BASE, 'g-structure', 'g-crossings', 'g-projects'], highlight: [], year: 2025,
      caption: {
        zh: '2025 五年成形：新城区框架基本形成，“一纵一横两核五组团”格局初步形成；单位GDP能耗下降20%。',
        en: '2025 — take shape: the new town’s framework is in place and the "one axis, one belt, two cores, five clusters" layout initially formed; energy per unit of GDP down 20 %.',
      },
      source: `${DOC_002} §三`,
    }),
    slide({
      id: 'story-2030', camera: camera(117.08, 36.83, 10.1), layers: [...BASE, 'g-structure', 'g-crossings', 'g-projects'], highlight: [], year: 2030,
      caption: {
        zh: '2030 十年成势：枢纽功能形成；空气优良天数增加15%，水体全部达到Ⅳ类及以上。',
        en: '2030 — gain momentum: hub functions in place; good-air days up 15 %; all water bodies Class IV or better.',
      },
      source: `${DOC_002} §三`,
    }),
    slide({
      id: 'story-2035', camera: camera(117.1, 36.86, 9.8), layers: [...BASE, 'g-structure', 'g-crossings', 'g-projects', 'g-blue-green'], highlight: [], year: 2035,
      caption: {
        zh: '2035 十五年成城：现代产业体系建成，基本建成绿色智慧宜居新城区，率先建设全国碳中和绿色城区。',
        en: '2035 — become a city: a modern industrial system; a green, smart, liveable new town; a pioneering carbon-neutral district.',
      },
      source: `${DOC_002} §三; ${DOC_001}`,
    }),
  ],
};

/** The built-in story deck (a fresh copy each call). */
export function builtinDeck(): Deck {
  return structuredClone(STORY);
}
