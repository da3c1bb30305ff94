import type { TransitionMatrix } from '../../../core/landuse/transition-matrix.ts';
import { lookupClass, type ClassificationSystem } from '../../../core/landuse/classes.ts';
import { translate, type Lang } from '../../../i18n/messages.ts';

/** A matrix key's label: an indicator group's name, or a first-level class `system:code` as "code name". */
export function transitionLabel(lang: Lang, key: string): string {
  if (!key.includes(':')) return translate(lang, `landuse.group.${key as 'blue-green' | 'urban-construction' | 'other' | 'unclassified'}`);
  const [system, code] = key.split(':');
  const found = lookupClass(system as ClassificationSystem, code);
  return found ? `${code} ${lang === 'zh' ? found.name : found.nameEn}` : code;
}

/** Cell values by key, and the row and column totals (m²). */
export function transitionTotals(matrix: TransitionMatrix): { value: (from: string, to: string) => number; rows: Map<string, number>; columns: Map<string, number> } {
  const cells = new Map(matrix.cells.map((cell) => [`${cell.from}\u0000${cell.to}`, cell.areaSquareMeters]));
  const rows = new Map<string, number>();
  const columns = new Map<string, number>();
  for (const cell of matrix.cells) {
    rows.set(cell.from, (rows.get(cell.from) ?? 0) + cell.areaSquareMeters);
    columns.set(cell.to, (columns.get(cell.to) ?? 0) + cell.areaSquareMeters);
  }
  return { value: (from, to) => cells.get(`${from}\u0000${to}`) ?? 0, rows, columns };
}

/** CSV rows of the matrix: from, to, m², km² (for the statistics' CSV and the handout). */
export function transitionCsvRows(lang: Lang, matrix: TransitionMatrix): string[][] {
  return matrix.cells.map((cell) => [transitionLabel(lang, cell.from), transitionLabel(lang, cell.to), cell.areaSquareMeters.toFixed(1), (cell.areaSquareMeters / 1e6).toFixed(4)]);
}
