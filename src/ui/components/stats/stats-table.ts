/**
 * Pure helpers of the statistics panel: table rows from analysis results, sorting, number
 * formatting per language, and CSV export (RFC 4180, safe against CSV/formula injection).
 * No DOM, no Lit: unit-tested in node (test/unit/stats-table.test.ts).
 */
import type { RegionTableRow } from '../../../core/analysis/index.ts';
import type { Lang } from '../../../i18n/messages.ts';

export type RegionType = 'cluster' | 'subdistrict';

/** One row of the statistics table. Ratios are 0..1; null where undefined (empty or invalid region). */
export interface StatsRow {
  id: string;
  type: RegionType;
  nameZh: string;
  nameEn: string;
  areaKm2: number | null;
  blueGreen: number | null;
  construction: number | null;
  /** the verdicts: `unknown` where the basis does not decide (the shares are then lower bounds) */
  blueGreenPass: PassValue;
  constructionPass: PassValue;
}

/** A verdict as text: decided `true` / `false`, or `unknown`. */
export type PassValue = 'true' | 'false' | 'unknown';

function passValue(pass: boolean | 'unknown' | undefined): PassValue {
  return pass === undefined || pass === 'unknown' ? 'unknown' : pass ? 'true' : 'false';
}

export type SortKey = 'name' | 'type' | 'area' | 'blueGreen' | 'construction';
export type SortDirection = 'ascending' | 'descending';
export interface SortState {
  key: SortKey;
  direction: SortDirection;
}

export const SORT_KEYS: readonly SortKey[] = ['name', 'type', 'area', 'blueGreen', 'construction'];

/** Rows of one region type from `regionTable` results (invalid regions keep their row with null figures). */
export function statsRows(type: RegionType, rows: readonly RegionTableRow[]): StatsRow[] {
  return rows.map((row) => {
    const figures = row.result.ok ? row.result.figures : null;
    return {
      id: row.id,
      type,
      nameZh: row.nameZh ?? row.id,
      nameEn: row.nameEn ?? row.nameZh ?? row.id,
      areaKm2: figures ? figures.areaKm2 : null,
      blueGreen: figures ? figures.blueGreenRatio : null,
      construction: figures ? figures.constructionRatio : null,
      blueGreenPass: passValue(figures?.blueGreenTarget.pass),
      constructionPass: passValue(figures?.constructionTarget.pass),
    };
  });
}

export function locale(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}

/** The row's name in a language. */
export function rowName(row: StatsRow, lang: Lang): string {
  return lang === 'zh' ? row.nameZh : row.nameEn;
}

function numericValue(row: StatsRow, key: SortKey): number | null {
  if (key === 'area') return row.areaKm2;
  if (key === 'blueGreen') return row.blueGreen;
  if (key === 'construction') return row.construction;
  return null;
}

/**
 * A sorted copy (never mutates). Missing values sort last in both directions; ties keep the input order.
 * Names sort by the language's collation (Chinese by pinyin where the runtime supports it).
 */
export function sortRows(rows: readonly StatsRow[], sort: SortState, lang: Lang): StatsRow[] {
  const collator = new Intl.Collator(locale(lang), { numeric: true, sensitivity: 'base' });
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      let order: number;
      if (sort.key === 'name') order = collator.compare(rowName(a.row, lang), rowName(b.row, lang)) * sign;
      else if (sort.key === 'type') order = a.row.type.localeCompare(b.row.type) * sign;
      else {
        const x = numericValue(a.row, sort.key);
        const y = numericValue(b.row, sort.key);
        if (x === null || y === null) order = x === y ? 0 : x === null ? 1 : -1;
        else order = (x - y) * sign;
      }
      return order !== 0 ? order : a.index - b.index;
    })
    .map(({ row }) => row);
}

/** The sort after activating a column header: a new column starts descending for figures, ascending for text. */
export function nextSort(current: SortState | undefined, key: SortKey): SortState {
  if (current?.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: key === 'name' || key === 'type' ? 'ascending' : 'descending' };
}

export { formatNumber, formatPercent, formatSigned } from '../../../i18n/format.ts';

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell. Text starting with = + - @ (or tab / carriage return) is prefixed with ' so spreadsheet
 * programs never run it as a formula; cells with a comma, quote or line break are quoted (quotes doubled).
 * Numbers are written as plain numbers (dot decimal) so spreadsheets read them as numbers.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows of cells → CSV text with CRLF line ends and a UTF-8 byte-order mark (so Excel reads Chinese). */
export function buildCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

const round = (value: number | null, digits: number) => (value === null ? null : Number(value.toFixed(digits)));

/**
 * The statistics table as CSV: id, type, Chinese and English name, area km², blue-green %, construction %
 * (percent with two decimals, area with three), the basis the figures come from on every row, so a copied row
 * still says it, and — when `verdictLabel` is given — the two verdicts (a share without a verdict is a lower
 * bound of what the basis maps, and its verdict cell says so). `headers` are the header cells (translated by the caller).
 */
export function statsCsv(rows: readonly StatsRow[], headers: readonly string[], typeLabel: (type: RegionType) => string, basis: string,
  verdictLabel?: (pass: PassValue) => string): string {
  return buildCsv([
    headers,
    ...rows.map((row) => [
      row.id,
      typeLabel(row.type),
      row.nameZh,
      row.nameEn,
      round(row.areaKm2, 3),
      round(row.blueGreen === null ? null : row.blueGreen * 100, 2),
      round(row.construction === null ? null : row.construction * 100, 2),
      basis,
      ...(verdictLabel ? [verdictLabel(row.blueGreenPass), verdictLabel(row.constructionPass)] : []),
    ]),
  ]);
}
