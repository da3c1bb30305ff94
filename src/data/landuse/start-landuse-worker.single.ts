import LandUseWorker from './landuse.worker.ts?worker&inline';

// Single-file build: the land-use worker's code is inlined and started from a blob: URL.
export function startLandUseWorker(): Worker {
  return new LandUseWorker();
}
