/**
 * JS size reference: MapLibre alone, every export kept, plus its bundled worker — what the app
 * would ship if it were nothing but MapLibre. `npm run bench` gzips this build to split the app's JS
 * into "MapLibre" and "the app on top". Never served to users.
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';

maplibregl.setWorkerUrl(workerUrl);
Object.assign(globalThis, { maplibregl });
