/**
 * Pure statistics for the benchmarks: percentiles with linear interpolation between closest ranks
 * (the same definition as NumPy's default and a spreadsheet's PERCENTILE.INC).
 */

export interface Summary {
  n: number;
  min: number;
  p25: number;
  median: number;
  p75: number;
  p95: number;
  max: number;
  mean: number;
}

function sorted(values: readonly number[]): number[] {
  const finite = values.filter((value) => Number.isFinite(value));
  return finite.sort((a, b) => a - b);
}

/** The p-th percentile (0 ≤ p ≤ 100) of the finite values; NaN for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile ${p} is outside 0..100`);
  const list = sorted(values);
  if (list.length === 0) return Number.NaN;
  const rank = (p / 100) * (list.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return list[low] + (list[high] - list[low]) * (rank - low);
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

export function summarize(values: readonly number[]): Summary {
  const list = sorted(values);
  const mean = list.length ? list.reduce((sum, value) => sum + value, 0) / list.length : Number.NaN;
  return {
    n: list.length,
    min: list.length ? list[0] : Number.NaN,
    p25: percentile(list, 25),
    median: percentile(list, 50),
    p75: percentile(list, 75),
    p95: percentile(list, 95),
    max: list.length ? list[list.length - 1] : Number.NaN,
    mean,
  };
}

/** a / b, or NaN when b is zero or either is not finite. */
export function ratio(a: number, b: number): number {
  return Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? a / b : Number.NaN;
}

/** Rounds to `digits` decimals, keeping NaN as null so JSON lines stay valid. */
export function round(value: number, digits = 1): number | null {
  if (!Number.isFinite(value)) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
