// The normal build loads the import worker as a same-origin module file. The single-file build swaps
// this module for start-import-worker.single.ts (see vite.single.config.ts), which inlines it.
export function startImportWorker(): Worker {
  return new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
}
