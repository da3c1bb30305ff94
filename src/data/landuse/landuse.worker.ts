/// <reference lib="webworker" />
/**
 * Reads, reprojects and classifies a land-use layer off the main thread and keeps its parcels for the
 * indicators. Never lets an exception escape: failures are posted as results with an `internal` issue.
 */
import { prepareLandUseParcels, type PreparedLandUseParcels } from '../../core/landuse/landuse-indicators.js';
import { landUseRegionFigures } from '../../core/landuse/landuse-figures.js';
import type { LandUseWorkerRequest, LandUseWorkerResponse } from './landuse-protocol.js';
import { prepareLandUseLayer } from './prepare-landuse-layer.js';
import { hasGeoPackage } from './database-files.js';
import { geoPackageReader, loadSqlite } from './read-geopackage.js';
import type { GeoPackageReader } from './read-landuse-files.js';
import { overviewGrid } from '../../core/landuse/overview-grid.js';

/** From this many parcels on, small map scales show the overview instead of every parcel. */
const OVERVIEW_FROM_PARCELS = 5000;
/** Overview cell size in degrees of latitude (about 280 m). */
const OVERVIEW_CELL_DEGREES = 0.0025;

const scope = self as unknown as DedicatedWorkerGlobalScope;
let parcels: PreparedLandUseParcels | undefined;

function post(message: LandUseWorkerResponse): void {
  scope.postMessage(message);
}

async function prepare(request: Extract<LandUseWorkerRequest, { type: 'prepare' }>): Promise<void> {
  const total = request.files.reduce((sum, file) => sum + file.size, 0) || 1;
  let read = 0;
  const files = [];
  post({ type: 'progress', stage: 'read', fraction: 0 });
  for (const file of request.files) {
    files.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    read += file.size;
    post({ type: 'progress', stage: 'read', fraction: read / total });
  }
  post({ type: 'progress', stage: 'prepare', fraction: 0 });
  // SQLite (sql.js and its wasm) is loaded only for a delivery that holds a GeoPackage.
  let geopackage: GeoPackageReader | undefined;
  if (hasGeoPackage(files)) {
    const loaded = await loadSqlite();
    if (!loaded.ok) {
      post({ type: 'prepared', id: request.id, result: loaded });
      return;
    }
    geopackage = geoPackageReader(loaded.sqlite);
  }
  const result = prepareLandUseLayer(files, request.settings, (fraction, parcels) => post({ type: 'progress', stage: 'prepare', fraction, ...(parcels ? { parcels } : {}) }), geopackage);
  if (!result.ok) {
    post({ type: 'prepared', id: request.id, result });
    return;
  }
  post({ type: 'progress', stage: 'write', fraction: 0 });
  const { collection, parcels: indicatorParcels, ...summary } = result.layer;
  parcels = prepareLandUseParcels(indicatorParcels);
  const data = new Blob([JSON.stringify(collection)], { type: 'application/geo+json' });
  const overview = collection.features.length >= OVERVIEW_FROM_PARCELS
    ? new Blob([JSON.stringify(overviewGrid(collection.features, OVERVIEW_CELL_DEGREES))], { type: 'application/geo+json' })
    : null;
  post({ type: 'prepared', id: request.id, result: { ok: true, issues: result.issues, summary, data, overview } });
}

scope.onmessage = async (event: MessageEvent<LandUseWorkerRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'prepare') await prepare(request);
    else {
      const layer = parcels;
      post({ type: 'figures', id: request.id, results: layer ? request.regions.map(({ region, clip }) => landUseRegionFigures(layer, region, clip ? request.boundary : null)) : null });
    }
  } catch (error) {
    if (request.type === 'prepare') {
      post({ type: 'prepared', id: request.id, result: { ok: false, issues: [{ code: 'internal', severity: 'error', params: { detail: String((error as Error)?.message ?? error) } }] } });
    } else {
      const detail = String((error as Error)?.message ?? error);
      post({ type: 'figures', id: request.id, results: request.regions.map(() => ({ ok: false, issues: [{ reason: 'clip-failed', severity: 'error', message: detail }] })) });
    }
  }
};
