// The normal build loads the land-use worker as a same-origin module file; the single-file build uses the
// sibling start-landuse-worker.single.ts, which inlines it.
export function startLandUseWorker(): Worker {
  return new Worker(new URL('./landuse.worker.ts', import.meta.url), { type: 'module' });
}
