/**
 * The end-of-run summary of `npm run bench`: every figure line the benchmark files printed, side by side
 * with its baseline and goal. Figures from bench/analysis.bench.ts (p50/p95 beside a naive turf
 * implementation) are normalised here: baseline = naive p95, ratio = p95 / naive p95, and the dragged
 * study polygon gets its goal (p95 ≤ 4 ms).
 */
import type { Figure } from './report.ts';

export const DRAG_P95_GOAL_MS = 4;

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Fills baseline / ratio / goal / met for figures that came without them (analysis lines). */
export function normaliseFigure(figure: Figure): Figure {
  if (!figure.bench.startsWith('analysis.')) return figure;
  const p95 = num(figure.p95);
  const naive = num(figure.naive_p95);
  const normalised: Figure = { ...figure };
  if (normalised.baseline === undefined && naive !== null) normalised.baseline = naive;
  if (normalised.ratio === undefined && p95 !== null && naive !== null && naive > 0) normalised.ratio = Math.round((p95 / naive) * 1000) / 1000;
  if (normalised.note === undefined) normalised.note = 'ms, p95; baseline: naive turf p95';
  if (figure.bench === 'analysis.drag' && normalised.goal === undefined) {
    normalised.goal = `p95 ≤ ${DRAG_P95_GOAL_MS} ms`;
    normalised.met = p95 === null ? null : p95 <= DRAG_P95_GOAL_MS;
  }
  return normalised;
}

/** Goals every full run must report, so a missing benchmark shows up as a row rather than silence. */
export const EXPECTED_FIGURES = [
  'load.app_idle_ms',
  'js.app_on_top_kb',
  'interaction.frame_ms',
  'analysis.drag',
  'import.visible_ms',
  'import.longest_task_ms',
  'basemap.open_200mb_rss_mb',
] as const;

export function summaryFigures(figures: readonly Figure[], expectAll: boolean): Figure[] {
  const rows = figures.map(normaliseFigure);
  if (expectAll) {
    for (const name of EXPECTED_FIGURES) {
      if (!rows.some((row) => row.bench === name)) rows.push({ bench: name, met: null, note: 'missing: its benchmark did not report' });
    }
  }
  return rows;
}
