/**
 * The figures of the two compare sides: each side asks the figures client of its basis (the analysis worker
 * for the schematic layers, the land-use worker for a loaded land-use layer) for the whole area and the
 * cluster table, with that side's what-if outlines swapped in or the plan's. The latest computation wins
 * (a newer one aborts the older).
 */
import type { PlanState } from '../../state/plan-state.ts';
import { compareDeltas } from '../../state/compare-deltas.ts';
import type { CompareDeltas, CompareSideFigures } from '../../state/compare-deltas.ts';
import type { CompareSide } from '../../state/compare-state.ts';
import { clusterRegions } from '../analysis/analysis-feature.ts';
import type { FiguresService } from '../analysis/figures-service.ts';
import type { AnalysisClient } from '../analysis/analysis-client.ts';
import { LatestWins, RequestError, isAborted } from '../../data/requests/index.ts';

/** True for the error of a side whose basis has no figures client (no land-use layer loaded). */
export function isMissingBasis(error: unknown): boolean {
  return error instanceof RequestError && error.reason === 'unavailable';
}

async function sideFigures(figures: FiguresService, state: PlanState, side: CompareSide, signal: AbortSignal): Promise<CompareSideFigures> {
  // The schematic client is waited for (it starts after the first frame); a land-use one must be there.
  const client: AnalysisClient = await figures.client(side.basis, signal);
  const classes = [...state.analysisClasses];
  const regions = clusterRegions(side.whatIf ? state : { ...state, study: { ...state.study, whatIf: {} } });
  const [whole, rows] = await Promise.all([client.whole(classes, { signal }), client.table(regions, classes, { signal })]);
  return {
    whole,
    clusters: rows.map((row) => ({ id: row.id, nameZh: row.nameZh, nameEn: row.nameEn, figures: row.result.ok ? row.result.figures : null })),
  };
}

/** What the figures depend on: a new computation starts when any of these changes. */
export function figureInputs(state: PlanState): unknown[] {
  const { left, right } = state.compare;
  return [left, right, state.analysisClasses, state.data.structure, state.study.whatIf];
}

/**
 * @returns `compute`, which computes the deltas of the current state and calls `done` with them unless a
 *   newer call superseded (aborted) it, `failed` getting the error of the newest call; and `stop`
 */
export function deltaComputer(figures: FiguresService, getState: () => PlanState, done: (deltas: CompareDeltas) => void, failed: (error: unknown) => void): { compute: () => Promise<void>; stop: () => void } {
  const latest = new LatestWins('compare figures');
  const compute = async () => {
    const state = getState();
    try {
      const [left, right] = await latest.run((signal) => Promise.all([
        sideFigures(figures, state, state.compare.left, signal),
        sideFigures(figures, state, state.compare.right, signal),
      ]));
      done(compareDeltas(left, right));
    } catch (error) {
      if (!isAborted(error)) failed(error);
    }
  };
  return { compute, stop: () => latest.abort() };
}
