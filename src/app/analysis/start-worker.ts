// The normal build loads the analysis worker as a same-origin module file. The single-file build swaps
// this module for start-worker.single.ts (see vite.single.config.ts), which inlines it.
export function startAnalysisWorker(): Worker {
  return new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'plan-analysis' });
}
