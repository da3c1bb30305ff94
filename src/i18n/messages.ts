/**
 * The message catalogue. Every UI string lives here, in both languages; components look strings up
 * with `translate(lang, key)`. `en` is typed against `zh`, so a key missing in one language fails tsc.
 */
export type Lang = 'zh' | 'en';

export const zh = {
  'app.title': '济南新旧动能转换起步区 规划地图',
  'app.shortTitle': '起步区规划地图',
  'app.lang.switch': 'English',
  'app.lang.switchLabel': '切换到英文界面',
  'app.loading': '正在加载地图…',
  'app.ready': '地图已加载',
  'app.mapLabel': '起步区规划地图',
  'app.schematicNote': '示意图：部分边界与要素为示意位置，详见数据说明。',
  'group.boundary': '边界与街道',
  'group.structure': '空间结构 一纵一横两核五组团',
  'group.blueGreen': '蓝绿空间',
  'group.construction': '城镇建设用地',
  'group.crossings': '跨黄河通道（按状态）',
  'group.projects': '重点项目',
  'group.context': '背景',
  'layer.boundary': '起步区边界',
  'layer.subdistricts': '街道（示意）',
  'layer.axis': '一纵：泉城特色风貌轴',
  'layer.belt': '一横：黄河生态风貌带',
  'layer.cores': '两核',
  'layer.clusters': '五组团',
  'layer.blueGreen': '蓝绿空间',
  'layer.construction': '城镇建设用地',
  'layer.crossingsOpen': '已通车',
  'layer.crossingsUnderConstruction': '在建',
  'layer.crossingsPlanned': '规划',
  'layer.crossingsLabels': '通道名称',
  'layer.projects': '重点项目',
  'layer.contextCity': '济南主城区',
  'layer.contextRivers': '河流',
  'layer.contextNodes': '历史节点',
  'error.geodata': '数据加载失败',
  'error.map': '地图错误',
} as const;

export type MessageKey = keyof typeof zh;

export const en: Record<MessageKey, string> = {
  'app.title': 'Jinan Start-up Area — spatial plan map',
  'app.shortTitle': 'Start-up Area plan map',
  'app.lang.switch': '中文',
  'app.lang.switchLabel': 'Switch the interface to Chinese',
  'app.loading': 'Loading the map…',
  'app.ready': 'Map loaded',
  'app.mapLabel': 'Start-up Area plan map',
  'app.schematicNote': 'Schematic: some boundaries and features are approximate; see the data notes.',
  'group.boundary': 'Boundary & subdistricts',
  'group.structure': 'Structure: one axis, one belt, two cores, five clusters',
  'group.blueGreen': 'Blue-green space',
  'group.construction': 'Urban construction land',
  'group.crossings': 'Yellow River crossings by status',
  'group.projects': 'Key projects',
  'group.context': 'Context',
  'layer.boundary': 'Start-up Area boundary',
  'layer.subdistricts': 'Subdistricts (schematic)',
  'layer.axis': 'Axis: Spring City heritage axis',
  'layer.belt': 'Belt: Yellow River ecological belt',
  'layer.cores': 'Two cores',
  'layer.clusters': 'Five clusters',
  'layer.blueGreen': 'Blue-green space',
  'layer.construction': 'Urban construction land',
  'layer.crossingsOpen': 'Open',
  'layer.crossingsUnderConstruction': 'Under construction',
  'layer.crossingsPlanned': 'Planned',
  'layer.crossingsLabels': 'Crossing names',
  'layer.projects': 'Key projects',
  'layer.contextCity': 'Jinan main city',
  'layer.contextRivers': 'Rivers',
  'layer.contextNodes': 'Historic nodes',
  'error.geodata': 'Data failed to load',
  'error.map': 'Map error',
};

const catalogues: Record<Lang, Record<MessageKey, string>> = { zh, en };

/** Looks up a UI string; `{name}` placeholders are filled from `params` as plain text. */
export function translate(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = catalogues[lang][key];
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

/** The default language from the browser's preferences: Chinese if any preferred language is zh. */
export function languageFromNavigator(languages: readonly string[]): Lang {
  for (const language of languages) {
    const lower = language.toLowerCase();
    if (lower.startsWith('zh')) return 'zh';
    if (lower.startsWith('en')) return 'en';
  }
  return 'zh';
}
