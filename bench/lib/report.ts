/**
 * Pure formatting for benchmark output: one JSON line per figure (machine-readable, comparable across
 * runs) and a readable fixed-width table. A figure's headline number is `value`, else `median`, else `p95`.
 */

export interface Figure {
  /** dotted name, unit last: `load.app_idle_ms`, `js.app_on_top_kb` */
  bench: string;
  value?: number | null;
  median?: number | null;
  p95?: number | null;
  /** the same figure for bare MapLibre, measured in the same run */
  baseline?: number | null;
  /** value / baseline */
  ratio?: number | null;
  /** the goal in words, e.g. `≤ 1.10× baseline` */
  goal?: string;
  /** whether the goal is met; null when it could not be measured */
  met?: boolean | null;
  /** why a figure is missing, or what it counts */
  note?: string;
  [extra: string]: unknown;
}

const HEADLINE_KEYS = ['value', 'median', 'p95', 'p50', 'mean', 'ms'] as const;

/** The figure's headline number, or null. */
export function headline(figure: Record<string, unknown>): number | null {
  for (const key of HEADLINE_KEYS) {
    const candidate = figure[key];
    if (typeof candidate === 'number' && Number.isFinite(candidate)) return candidate;
  }
  return null;
}

/** Parses the JSON figure lines out of mixed benchmark output; other lines are ignored. */
export function parseFigureLines(output: string): Figure[] {
  const figures: Figure[] = [];
  for (const line of output.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed.startsWith('{') || !trimmed.includes('"bench"')) continue;
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (typeof parsed === 'object' && parsed !== null && typeof (parsed as { bench?: unknown }).bench === 'string') {
        figures.push(parsed as Figure);
      }
    } catch {
      // not a figure line
    }
  }
  return figures;
}

/** One figure as one JSON line (NaN and undefined dropped to null / omitted). */
export function figureLine(figure: Figure): string {
  return JSON.stringify(figure, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value));
}

/** One decimal, or three for numbers under 1 (sub-millisecond analysis figures). */
function formatNumber(value: unknown, digits?: number): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  return value.toFixed(digits ?? (Math.abs(value) < 1 && value !== 0 ? 3 : 1));
}

/** Left-aligned fixed-width text table. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => (cell ?? '').padEnd(widths[column])).join('  ').trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

function verdict(met: unknown): string {
  if (met === true) return 'yes';
  if (met === false) return 'NO';
  return '—';
}

/** The readable table of figures: figure, app, baseline, ratio, goal, met, note. */
export function figuresTable(figures: readonly Figure[]): string {
  const rows = figures.map((figure) => [
    figure.bench,
    formatNumber(headline(figure)),
    formatNumber(figure.baseline),
    typeof figure.ratio === 'number' ? `${figure.ratio.toFixed(2)}×` : '—',
    figure.goal ?? '',
    verdict(figure.met),
    figure.note ?? '',
  ]);
  return formatTable(['figure', 'app', 'baseline', 'ratio', 'goal', 'met', 'note'], rows);
}

/** Prints the readable table, then one JSON line per figure. */
export function printFigures(title: string, figures: readonly Figure[]): void {
  console.log(`\n${title}\n${figuresTable(figures)}\n`);
  for (const figure of figures) console.log(figureLine(figure));
}
