import BlobTilesWorker from './blob-tiles.worker.ts?worker&inline';

// Single-file build: the tile worker's code is inlined and started from a blob: URL.
export function startBlobTilesWorker(): Worker {
  return new BlobTilesWorker();
}
