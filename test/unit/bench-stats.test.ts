import { describe, expect, it } from 'vitest';
import { median, percentile, ratio, round, summarize } from '../../bench/lib/stats.ts';
import { figureLine, figuresTable, formatTable, headline, parseFigureLines } from '../../bench/lib/report.ts';

describe('bench statistics', () => {
  it('median of odd and even counts, unsorted input', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('percentile interpolates linearly between closest ranks', () => {
    const values = [10, 20, 30, 40, 50];
    expect(percentile(values, 0)).toBe(10);
    expect(percentile(values, 25)).toBe(20);
    expect(percentile(values, 95)).toBeCloseTo(48);
    expect(percentile(values, 100)).toBe(50);
    expect(percentile([7], 95)).toBe(7);
  });

  it('ignores non-finite values and is NaN when nothing is left', () => {
    expect(median([1, Number.NaN, 3, Number.POSITIVE_INFINITY])).toBe(2);
    expect(median([])).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });

  it('does not reorder the caller\'s array', () => {
    const values = [3, 1, 2];
    summarize(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('summarize gives n, quartiles, p95, min, max, mean', () => {
    const summary = summarize([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(summary).toMatchObject({ n: 10, min: 1, max: 10, median: 5.5, mean: 5.5 });
    expect(summary.p25).toBeCloseTo(3.25);
    expect(summary.p75).toBeCloseTo(7.75);
    expect(summary.p95).toBeCloseTo(9.55);
  });

  it('ratio and round keep JSON valid for missing numbers', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(3, 0)).toBeNaN();
    expect(round(1.23456, 2)).toBe(1.23);
    expect(round(Number.NaN)).toBeNull();
  });
});

describe('bench report', () => {
  it('writes one JSON line per figure with NaN as null, and reads it back from mixed output', () => {
    const line = figureLine({ bench: 'load.app_idle_ms', median: 120, baseline: 100, ratio: Number.NaN });
    expect(line).toBe('{"bench":"load.app_idle_ms","median":120,"baseline":100,"ratio":null}');
    const parsed = parseFigureLines(`table text\n${line}\n{"not":"a figure"}\n{broken\n`);
    expect(parsed).toEqual([{ bench: 'load.app_idle_ms', median: 120, baseline: 100, ratio: null }]);
  });

  it('headline prefers value, then median, then p95', () => {
    expect(headline({ value: 1, median: 2 })).toBe(1);
    expect(headline({ median: 2, p95: 3 })).toBe(2);
    expect(headline({ p95: 3 })).toBe(3);
    expect(headline({ note: 'not available yet' })).toBeNull();
  });

  it('formats an aligned table with a verdict column', () => {
    expect(formatTable(['a', 'bb'], [['ccc', 'd']])).toBe('a    bb\n---  --\nccc  d');
    const table = figuresTable([{ bench: 'x_ms', median: 12.34, baseline: 10, ratio: 1.234, goal: '≤ 1.10× baseline', met: false }]);
    expect(table).toContain('12.3');
    expect(table).toContain('1.23×');
    expect(table).toMatch(/NO/);
  });
});

describe('bench summary', () => {
  it('gives analysis figures their naive baseline, ratio and the drag goal', async () => {
    const { normaliseFigure, summaryFigures } = await import('../../bench/lib/summary.ts');
    const drag = normaliseFigure({ bench: 'analysis.drag', p50: 1, p95: 2, naive_p95: 40 });
    expect(drag).toMatchObject({ baseline: 40, ratio: 0.05, goal: 'p95 ≤ 4 ms', met: true });
    expect(normaliseFigure({ bench: 'analysis.drag', p95: 5, naive_p95: 40 }).met).toBe(false);
    const load = { bench: 'load.app_idle_ms', median: 1, baseline: 1, ratio: 1 };
    expect(normaliseFigure(load)).toBe(load);
    const rows = summaryFigures([load], true);
    expect(rows.find((row) => row.bench === 'import.visible_ms')).toMatchObject({ met: null });
    expect(summaryFigures([load], false)).toHaveLength(1);
  });
});

describe('bench helpers', () => {
  it('initialChunks follows static imports from the entries only', async () => {
    const { initialChunks } = await import('../../bench/lib/js-size.ts');
    const chunks = [
      { fileName: 'index.js', isEntry: true, imports: ['shared.js'] },
      { fileName: 'shared.js', imports: [] },
      { fileName: 'draw.js', imports: ['shared.js'] },
    ];
    expect([...initialChunks(chunks)].sort()).toEqual(['index.js', 'shared.js']);
  });

  it('generated import plots are closed, counter-clockwise rings inside the area, same every run', async () => {
    const { AREA_BBOX, plotFeature, seededRandom } = await import('../../bench/lib/generate-import.ts');
    const random = seededRandom(8);
    const feature = JSON.parse(plotFeature(0, random)) as { geometry: { coordinates: number[][][] } };
    const ring = feature.geometry.coordinates[0];
    expect(ring).toHaveLength(25);
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    let twiceArea = 0;
    for (let i = 0; i < ring.length - 1; i += 1) twiceArea += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
    expect(twiceArea).toBeGreaterThan(0);
    for (const [lon, lat] of ring) {
      expect(lon).toBeGreaterThan(AREA_BBOX[0] - 0.01);
      expect(lat).toBeLessThan(AREA_BBOX[3] + 0.01);
    }
    expect(plotFeature(0, seededRandom(8))).toBe(plotFeature(0, seededRandom(8)));
  });
});

describe('bench table numbers', () => {
  it('shows sub-millisecond figures with three decimals', () => {
    const table = figuresTable([{ bench: 'analysis.whole.warm', p95: 0.011, baseline: 437.4, ratio: 0.00003 }]);
    expect(table).toContain('0.011');
    expect(table).toContain('437.4');
    expect(table).toContain('0.00×');
  });
});
