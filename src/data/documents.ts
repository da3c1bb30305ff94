/**
 * The documents and reference data the map is built from, by the name the data cites them with (`source`
 * properties, slide sources). The data keeps file names for provenance; what the audience sees is the title.
 */
import type { Lang } from '../i18n/messages.ts';

export interface DocumentTitle {
  zh: string;
  en: string;
}

/** Seed documents (file name → title) and reference files (path → what they are). */
export const DOCUMENT_TITLES: Readonly<Record<string, DocumentTitle>> = {
  '000_942adfb8c8746117.txt': {
    zh: '《关于济南高新区新型城镇化规划执行情况的报告》（2024年2月）',
    en: 'Report on the Implementation of the Jinan High-tech Zone New Urbanisation Plan (February 2024)',
  },
  '001_42cd662d68b88e93.txt': {
    zh: '《济南市新型城镇化规划（2021—2035年）》（济政发〔2022〕9号）',
    en: 'Jinan New Urbanisation Plan 2021–2035 (Jinan Municipal Government, 2022)',
  },
  '002_411b5032421d841b.txt': {
    zh: '《中共济南市委关于加快济南新旧动能转换起步区建设的意见》（2021年）',
    en: 'Opinions of the CPC Jinan Municipal Committee on Accelerating the Construction of the Jinan Start-up Area (2021)',
  },
  '003_2eeaad20f77cb63a.txt': {
    zh: '起步区高质量发展动员大会新闻报道（2022年8月）',
    en: 'News report on the Start-up Area high-quality development mobilisation meeting (August 2022)',
  },
  '004_0efa58b41b94a17d.txt': {
    zh: '《济南新旧动能转换起步区2023年计划执行情况与2024年计划》',
    en: 'Jinan Start-up Area: 2023 Plan Execution and 2024 Plan',
  },
  'reference/rivers-wgs84.geojson': {
    zh: '河流参考线（GSHHG/WDBII 河流、国家基础地理信息中心 1:400万 黄河岸线）',
    en: 'River reference lines (GSHHG/WDBII rivers; NGCC 1:4,000,000 Yellow River banks)',
  },
  'reference/jinan-districts-wgs84.geojson': {
    zh: '区县界参考（DataV/高德行政区轮廓，已转为 WGS84）',
    en: 'District border reference (DataV/Amap outlines, converted to WGS84)',
  },
  'reference/points-of-interest.csv': {
    zh: '公开坐标（百科信息框、机场 ICAO 基准点）',
    en: 'Public coordinates (encyclopaedia infoboxes, the airport’s ICAO reference point)',
  },
};

const SEED_FILE = /\b(\d{3}_[0-9a-f]{16}\.txt)(\s*\([^()]*\))?/g;

/** The title of a cited document or reference file, or the citation as it is when it names neither. */
export function documentTitle(citation: string, lang: Lang): string {
  const title = DOCUMENT_TITLES[citation.trim()];
  return title ? title[lang] : citeDocuments(citation, lang);
}

/**
 * Replaces every seed-document file name in a text (with the parenthesis that may follow it) by the document's
 * title in the given language, so captions and credits cite documents as their audience knows them.
 * @example citeDocuments('002_411b5032421d841b.txt §一', 'en') // 'Opinions of … (2021) §一'
 */
export function citeDocuments(text: string, lang: Lang): string {
  return text.replace(SEED_FILE, (match, file: string) => DOCUMENT_TITLES[file]?.[lang] ?? match);
}
