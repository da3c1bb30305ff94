import { describe, expect, it } from 'vitest';
import {
  buildCsv, csvCell, formatNumber, formatPercent, formatSigned, nextSort, sortRows, statsCsv, statsRows,
} from '../../src/ui/components/stats/stats-table.ts';
import type { StatsRow } from '../../src/ui/components/stats/stats-table.ts';
import type { RegionTableRow } from '../../src/core/analysis/index.ts';

const row = (id: string, nameEn: string, areaKm2: number | null, blueGreen: number | null, construction: number | null, nameZh = nameEn): StatsRow =>
  ({ id, type: 'cluster', nameZh, nameEn, areaKm2, blueGreen, construction, blueGreenPass: 'unknown', constructionPass: 'unknown' });

describe('csvCell: CSV injection and quoting', () => {
  it.each(['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx'])('prefixes a formula start with a quote: %j', (value) => {
    expect(csvCell(value).replace(/^"/, '').startsWith(`'${value[0]}`)).toBe(true);
  });
  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
  });
  it('leaves plain text, Chinese and numbers alone; null and non-finite become empty', () => {
    expect(csvCell('崔寨 cluster')).toBe('崔寨 cluster');
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });
  it('buildCsv: BOM, CRLF rows', () => {
    expect(buildCsv([['a', 1], ['b', null]])).toBe('\uFEFFa,1\r\nb,\r\n');
  });
});

describe('statsCsv', () => {
  it('writes one line per row with rounded figures and escaped names', () => {
    const csv = statsCsv([row('c1', '=evil()', 12.34567, 0.71234, 0.2)], ['id', 'type', 'zh', 'en', 'area', 'bg', 'c', 'basis'], () => 'cluster', 'Basis: land-use layer “plan, 2024”');
    const lines = csv.replace('\uFEFF', '').trimEnd().split('\r\n');
    expect(lines).toEqual(['id,type,zh,en,area,bg,c,basis', "c1,cluster,'=evil(),'=evil(),12.346,71.23,20,\"Basis: land-use layer “plan, 2024”\""]);
  });

  it('adds the two verdicts when asked: a share without one says it is a lower bound', () => {
    const decided: StatsRow = { ...row('c2', 'Decided', 10, 0.75, 0.35), blueGreenPass: 'true', constructionPass: 'false' };
    const csv = statsCsv([row('c1', 'Mapped', 12, 0.129, 0.027), decided], ['id', 'type', 'zh', 'en', 'area', 'bg', 'c', 'basis', 'bgv', 'cv'], () => 'cluster', 'b',
      (pass) => ({ true: 'meets', false: 'misses', unknown: 'lower bound, no verdict' })[pass]);
    const lines = csv.replace('\uFEFF', '').trimEnd().split('\r\n');
    expect(lines[1]).toBe('c1,cluster,Mapped,Mapped,12,12.9,2.7,b,"lower bound, no verdict","lower bound, no verdict"');
    expect(lines[2]).toBe('c2,cluster,Decided,Decided,10,75,35,b,meets,misses');
  });
});

describe('sorting', () => {
  const rows = [row('a', 'Beta', 10, 0.5, 0.2), row('b', 'alpha', 30, null, 0.1), row('c', 'Gamma', 20, 0.9, 0.3), row('d', 'Delta', 20, 0.5, 0.4)];
  it('sorts by blue-green descending, nulls last, ties in input order', () => {
    expect(sortRows(rows, { key: 'blueGreen', direction: 'descending' }, 'en').map((r) => r.id)).toEqual(['c', 'a', 'd', 'b']);
    expect(sortRows(rows, { key: 'blueGreen', direction: 'ascending' }, 'en').map((r) => r.id)).toEqual(['a', 'd', 'c', 'b']);
  });
  it('sorts by name case-insensitively in the language', () => {
    expect(sortRows(rows, { key: 'name', direction: 'ascending' }, 'en').map((r) => r.nameEn)).toEqual(['alpha', 'Beta', 'Delta', 'Gamma']);
  });
  it('does not mutate its input', () => {
    const before = rows.map((r) => r.id);
    sortRows(rows, { key: 'area', direction: 'ascending' }, 'en');
    expect(rows.map((r) => r.id)).toEqual(before);
  });
  it('nextSort: figures start descending, text ascending, then toggles', () => {
    expect(nextSort(undefined, 'blueGreen')).toEqual({ key: 'blueGreen', direction: 'descending' });
    expect(nextSort({ key: 'blueGreen', direction: 'descending' }, 'blueGreen')).toEqual({ key: 'blueGreen', direction: 'ascending' });
    expect(nextSort({ key: 'blueGreen', direction: 'ascending' }, 'name')).toEqual({ key: 'name', direction: 'ascending' });
  });
});

describe('formatting per language', () => {
  it('percent with one decimal', () => {
    expect(formatPercent(0.71234, 'en')).toBe('71.2%');
    expect(formatPercent(0.71234, 'zh')).toBe('71.2%');
    expect(formatPercent(null, 'en')).toBe('—');
  });
  it('numbers with grouping and signed differences', () => {
    expect(formatNumber(1234.56, 'en', 1)).toBe('1,234.6');
    expect(formatNumber(798, 'zh', 0)).toBe('798');
    expect(formatSigned(0.0098, 'en', 2)).toBe('+0.01');
    expect(formatSigned(-1.234, 'en', 1)).toBe('-1.2');
  });
});

describe('statsRows', () => {
  it('keeps invalid regions as rows with null figures', () => {
    const rows: RegionTableRow[] = [{ id: 'x', nameZh: '甲', nameEn: null, result: { ok: false, issues: [] } }];
    expect(statsRows('subdistrict', rows)).toEqual([{ id: 'x', type: 'subdistrict', nameZh: '甲', nameEn: '甲', areaKm2: null, blueGreen: null, construction: null, blueGreenPass: 'unknown', constructionPass: 'unknown' }]);
  });
});
