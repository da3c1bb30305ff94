import AnalysisWorker from './analysis.worker.ts?worker&inline';

// Single-file build: the analysis worker's code is inlined and started from a blob: URL.
export function startAnalysisWorker(): Worker {
  return new AnalysisWorker({ name: 'plan-analysis' });
}
