import { setWorkerUrl } from 'maplibre-gl';
import workerSource from 'maplibre-gl/dist/maplibre-gl-worker.mjs?raw';

// Single-file build: the worker's source is inlined and started from a blob: URL, so the page runs
// over file:// with no other file.
setWorkerUrl(URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' })));
