import type { TransitionMatrix } from '../../../core/landuse/transition-matrix.ts';
import { lookupClass, type ClassificationSystem } from '../../../core/landuse/classes.ts';
import { translate, type Lang, type MessageKey } from '../../../i18n/messages.ts';
import { buildCsv } from './stats-table.ts';

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

/**
 * The matrix as CSV: one row per cell (from key and name, to key and name, m², km²), then the row totals, the column
 * totals and the area both states cover; the two states' names on every row so a copied row still says what it is.
 */
export function transitionCsv(lang: Lang, matrix: TransitionMatrix, current: string, plan: string): string {
  const t = (key: MessageKey) => translate(lang, key);
  const { rows, columns } = transitionTotals(matrix);
  const area = (m2: number) => [Number(m2.toFixed(2)), Number((m2 / 1e6).toFixed(6))];
  const total = t('landuse.states.total');
  return buildCsv([
    [t('landuse.states.csv.from'), t('landuse.states.csv.fromName'), t('landuse.states.csv.to'), t('landuse.states.csv.toName'), t('landuse.states.csv.areaM2'), t('landuse.states.csv.areaKm2'),
      t('landuse.states.csv.current'), t('landuse.states.csv.plan')],
    ...matrix.cells.map((cell) => [cell.from, transitionLabel(lang, cell.from), cell.to, transitionLabel(lang, cell.to), ...area(cell.areaSquareMeters), current, plan]),
    ...[...rows].map(([from, m2]) => [from, transitionLabel(lang, from), 'total', total, ...area(m2), current, plan]),
    ...[...columns].map(([to, m2]) => ['total', total, to, transitionLabel(lang, to), ...area(m2), current, plan]),
    ['total', total, 'total', total, ...area(matrix.commonSquareMeters), current, plan],
  ]);
}
