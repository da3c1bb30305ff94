import type { AnalysisClient } from '../analysis-client.ts';
import type { BasisKind } from '../../state/basis.ts';

/**
 * The figures clients of the app, one per basis, for other features (statistics, study-area tool, what-if
 * editing, inspector, compare): `schematic` is the analysis worker over the plan's layers (started after
 * map-idle by src/app/analysis/analysis-feature.ts); `landuse` answers the same questions from the planner's
 * land-use layer while one is loaded (src/app/landuse/landuse-feature.ts).
 */
const current = new Map<BasisKind, AnalysisClient>();
const waiting = new Map<BasisKind, ((client: AnalysisClient) => void)[]>();

/** Resolves with the client of a basis as soon as one is provided. */
export function whenFiguresClient(basis: BasisKind): Promise<AnalysisClient> {
  const client = current.get(basis);
  if (client) return Promise.resolve(client);
  return new Promise((resolve) => waiting.set(basis, [...(waiting.get(basis) ?? []), resolve]));
}

/** The client of a basis if one is provided now. */
export function figuresClientNow(basis: BasisKind): AnalysisClient | undefined {
  return current.get(basis);
}

/** The schematic client (the analysis worker over the plan's layers). */
export function whenAnalysisClient(): Promise<AnalysisClient> {
  return whenFiguresClient('schematic');
}

/**
 * Provides the client of a basis.
 * @returns a function that withdraws it again (when its feature is disposed or its layer removed)
 */
export function provideFiguresClient(basis: BasisKind, client: AnalysisClient): () => void {
  current.set(basis, client);
  for (const resolve of waiting.get(basis)?.splice(0) ?? []) resolve(client);
  return () => {
    if (current.get(basis) === client) current.delete(basis);
  };
}

/** Called by the analysis feature with the worker it started. */
export function provideAnalysisClient(client: AnalysisClient): () => void {
  return provideFiguresClient('schematic', client);
}
