// The normal build loads the tile worker as a same-origin module file; the single-file build uses the
// sibling start-blob-tiles-worker.single.ts, which inlines it.
export function startBlobTilesWorker(): Worker {
  return new Worker(new URL('./blob-tiles.worker.ts', import.meta.url), { type: 'module' });
}
