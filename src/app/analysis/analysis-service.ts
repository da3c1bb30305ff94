import type { AnalysisClient } from '../analysis-client.ts';

/**
 * The one analysis client of the app, for other features (study-area tool, what-if editing, inspector).
 * Resolves after map-idle once the analysis feature (src/app/analysis/analysis-feature.ts) has started the worker.
 */
let current: AnalysisClient | undefined;
const waiting: ((client: AnalysisClient) => void)[] = [];

export function whenAnalysisClient(): Promise<AnalysisClient> {
  return current ? Promise.resolve(current) : new Promise((resolve) => waiting.push(resolve));
}

/**
 * Called by installAnalysis with the client it started.
 * @returns a function that withdraws it again (when the analysis feature is disposed)
 */
export function provideAnalysisClient(client: AnalysisClient): () => void {
  current = client;
  for (const resolve of waiting.splice(0)) resolve(client);
  return () => {
    if (current === client) current = undefined;
  };
}
