import type { AnalysisClient } from '../analysis-client.ts';

/**
 * The one analysis client of the app, for other features (study-area tool, what-if editing).
 * Resolves after map-idle when the worker has been started by installAnalysis (src/app/install-analysis.ts).
 */
let provide: (client: AnalysisClient) => void = () => undefined;
const clientPromise = new Promise<AnalysisClient>((resolve) => { provide = resolve; });

export function whenAnalysisClient(): Promise<AnalysisClient> {
  return clientPromise;
}

/** Internal: called once by installAnalysis. */
export function provideAnalysisClient(client: AnalysisClient): void {
  provide(client);
}
