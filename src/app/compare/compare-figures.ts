/**
 * The figures of the two compare sides: each side asks the figures client of its basis (the analysis worker
 * for the schematic layers, the land-use worker for a loaded land-use layer) for the whole area and the
 * cluster table, with that side's what-if outlines swapped in or the plan's. The latest computation wins.
 */
import type { PlanState } from '../../state/plan-state.ts';
import { compareDeltas } from '../../state/compare-deltas.ts';
import type { CompareDeltas, CompareSideFigures } from '../../state/compare-deltas.ts';
import type { CompareSide } from '../../state/compare-state.ts';
import { clusterRegions } from '../analysis/analysis-feature.ts';
import { figuresClientNow, whenFiguresClient } from '../analysis/analysis-service.ts';
import type { AnalysisClient } from '../analysis-client.ts';

/** Thrown when a side's basis has no figures client (no land-use layer loaded). */
export class MissingBasisError extends Error {
  constructor(readonly basis: string) {
    super(`no figures client for the ${basis} basis`);
    this.name = 'MissingBasisError';
  }
}

/** The schematic client is waited for (it starts after the first frame); a land-use one must be there. */
async function clientOf(side: CompareSide): Promise<AnalysisClient> {
  const client = figuresClientNow(side.basis) ?? (side.basis === 'schematic' ? await whenFiguresClient('schematic') : undefined);
  if (!client) throw new MissingBasisError(side.basis);
  return client;
}

async function sideFigures(state: PlanState, side: CompareSide): Promise<CompareSideFigures> {
  const client = await clientOf(side);
  const classes = [...state.analysisClasses];
  const regions = clusterRegions(side.whatIf ? state : { ...state, study: { ...state.study, whatIf: {} } });
  const [whole, rows] = await Promise.all([client.whole(classes), client.table(regions, classes)]);
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
 * @returns a function that computes the deltas of the current state and calls `done` with them, unless
 *   a newer call superseded it; `failed` gets the error of the newest call
 */
export function deltaComputer(getState: () => PlanState, done: (deltas: CompareDeltas) => void, failed: (error: unknown) => void): () => Promise<void> {
  let generation = 0;
  return async () => {
    const token = ++generation;
    const state = getState();
    try {
      const [left, right] = await Promise.all([sideFigures(state, state.compare.left), sideFigures(state, state.compare.right)]);
      if (token === generation) done(compareDeltas(left, right));
    } catch (error) {
      if (token === generation) failed(error);
    }
  };
}
