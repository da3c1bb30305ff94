import MbtilesWorker from './mbtiles.worker.ts?worker&inline';

// Single-file build: the MBTiles worker's code is inlined and started from a blob: URL.
export function startMbtilesWorker(): Worker {
  return new MbtilesWorker();
}
