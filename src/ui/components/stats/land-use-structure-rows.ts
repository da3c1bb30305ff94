/**
 * Pure helpers of the land-use structure table (用地结构表): the display order of its rows and its CSV. No DOM,
 * no Lit: unit-tested in node (test/unit/landuse-structure-view.test.ts).
 */
import type { LandUseStructure, StructureRow, StructureSubtotal } from '../../../core/landuse/structure-table.ts';
import { translate, type Lang, type MessageKey } from '../../../i18n/messages.ts';
import { buildCsv } from './stats-table.ts';

export type StructureDisplayRow =
  | { kind: 'first-level'; subtotal: StructureSubtotal }
  | { kind: 'class'; row: StructureRow };

/** Each first-level subtotal followed by its classes, in the classification's order; unrecognised codes last. */
export function structureDisplayRows(structure: LandUseStructure): StructureDisplayRow[] {
  const out: StructureDisplayRow[] = [];
  for (const subtotal of structure.firstLevel) {
    out.push({ kind: 'first-level', subtotal });
    for (const row of structure.rows) if (row.firstLevelKey === subtotal.key) out.push({ kind: 'class', row });
  }
  for (const row of structure.rows) if (row.firstLevelKey === null) out.push({ kind: 'class', row });
  return out;
}

/** A class row's name in a language: the class's name, or what is known of an unrecognised code. */
export function structureRowName(row: StructureRow, lang: Lang): string {
  if (row.nameZh !== null) return (lang === 'zh' ? row.nameZh : row.nameEn) ?? row.nameZh;
  return row.code ? translate(lang, 'structure.unknownCode', { code: row.code }) : translate(lang, 'structure.noCode');
}

const round = (value: number | null, digits: number) => (value === null ? null : Number(value.toFixed(digits)));

/**
 * The structure table of one region as CSV: a row per class, per first-level subtotal and per group subtotal, and
 * the development intensity (its lower and upper bound when part of the region is unknown), each with the region
 * and the basis on every row so a copied row still says what it is.
 */
export function structureCsv(structure: LandUseStructure, lang: Lang, region: string, basis: string): string {
  const t = (key: MessageKey) => translate(lang, key);
  const header = [t('structure.csv.region'), t('structure.csv.level'), t('structure.csv.system'), t('structure.col.code'), t('stats.csv.nameZh'), t('stats.csv.nameEn'),
    t('structure.csv.areaM2'), t('structure.col.km2'), t('structure.col.ha'), t('structure.col.mu'), t('structure.csv.sharePercent'), t('stats.csv.basis')];
  const area = (m2: number) => [round(m2, 2), round(m2 / 1e6, 6), round(m2 / 1e4, 4), round(m2 / (10000 / 15), 2)];
  const percent = (share: number | null) => round(share === null ? null : share * 100, 4);
  const rows: (string | number | null)[][] = [header];
  for (const item of structureDisplayRows(structure)) {
    if (item.kind === 'first-level') {
      const s = item.subtotal;
      rows.push([region, t('structure.csv.level.firstLevel'), s.system, s.code, s.nameZh, s.nameEn, ...area(s.areaSquareMeters), percent(s.share), basis]);
    } else {
      const r = item.row;
      rows.push([region, t('structure.csv.level.class'), r.system ?? '', r.code ?? '', r.nameZh ?? structureRowName(r, 'zh'), r.nameEn ?? structureRowName(r, 'en'),
        ...area(r.areaSquareMeters), percent(r.share), basis]);
    }
  }
  for (const group of structure.groups) {
    rows.push([region, t('structure.csv.level.group'), '', group.group, translate('zh', `structure.group.${group.group}`), translate('en', `structure.group.${group.group}`),
      ...area(group.areaSquareMeters), percent(group.share), basis]);
  }
  const intensity = structure.developmentIntensity;
  const intensityName = (l: Lang) => translate(l, 'structure.intensity') + (intensity.decided ? '' : ' ≥');
  rows.push([region, t('structure.csv.level.intensity'), '', 'development-intensity', intensityName('zh'), intensityName('en'),
    ...area(intensity.constructionSquareMeters), percent(intensity.value), basis]);
  if (!intensity.decided) {
    rows.push([region, t('structure.csv.level.intensity'), '', 'development-intensity-upper', `${translate('zh', 'structure.intensity')} ≤`, `${translate('en', 'structure.intensity')} ≤`,
      ...area(intensity.constructionSquareMeters + intensity.unknownSquareMeters), percent(intensity.upperBound), basis]);
  }
  return buildCsv(rows);
}
