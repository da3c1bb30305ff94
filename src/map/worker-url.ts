import { setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';

// The normal build loads MapLibre's worker as a same-origin file. The single-file build swaps this
// module for worker-url.single.ts (see vite.single.config.ts).
setWorkerUrl(workerUrl);
