// The normal build loads the MBTiles worker as a same-origin module file; the single-file build uses the
// sibling start-mbtiles-worker.single.ts, which inlines it.
export function startMbtilesWorker(): Worker {
  return new Worker(new URL('./mbtiles.worker.ts', import.meta.url), { type: 'module' });
}
