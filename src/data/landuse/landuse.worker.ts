/// <reference lib="webworker" />
/**
 * Reads, reprojects and classifies a land-use layer off the main thread and keeps its parcels for the
 * indicators. It stays alive with the layer: the files' bytes and the read (reprojected) layer are kept, so a
 * new classification or grouping of the same files only classifies again. Never lets an exception escape:
 * failures are posted as results with an `internal` issue.
 */
import { prepareLandUseParcels, type PreparedLandUseParcels } from '../../core/landuse/landuse-indicators.js';
import { landUseRegionFigures } from '../../core/landuse/landuse-figures.js';
import type { ControlLinesResult, LandUsePrepareResult, LandUseWorkerRequest, LandUseWorkerResponse } from './landuse-protocol.js';
import { classifyLandUseLayer, type LandUseLayerSettings } from './prepare-landuse-layer.js';
import { hasGeoPackage } from './database-files.js';
import { geoPackageReader, loadSqlite } from './read-geopackage.js';
import { readLandUseFiles, type GeoPackageReader, type LandUseReadResult } from './read-landuse-files.js';
import type { InputFile } from './collect-files.js';
import { overviewGrid } from '../../core/landuse/overview-grid.js';
import { DEFAULT_TARGETS } from '../../core/analysis/target-check.js';
import { describeDeliveryKinds, readControlLines, type KeptControlLines } from './control-lines-work.js';
import { answerStates } from './landuse-states-worker.js';

/** From this many parcels on, small map scales show the overview instead of every parcel. */
const OVERVIEW_FROM_PARCELS = 5000;
/** Overview cell size in degrees of latitude (about 280 m). */
const OVERVIEW_CELL_DEGREES = 0.0025;

type PrepareRequest = Extract<LandUseWorkerRequest, { type: 'prepare' }>;

const scope = self as unknown as DedicatedWorkerGlobalScope;
/** prepared layers by id: the one in force and, while the planner decides, a new one */
const layers = new Map<number, PreparedLandUseParcels>();
let nextLayer = 1;
/** the files of the last prepare, and their last reading (with the settings it was read with) */
let source: { files: InputFile[]; geopackage?: GeoPackageReader; read?: { key: string; result: Extract<LandUseReadResult, { ok: true }> } } | undefined;

/** the control lines read last, and their cut into one prepared layer (its figures then carry the conflicts) */
let controlLines: KeptControlLines | null = null;

type ControlLinesRequest = Extract<LandUseWorkerRequest, { type: 'control-lines' }>;

/** The bytes of `files`, and the GeoPackage reader when they hold a .gpkg (null with the failure when SQLite cannot load). */
async function inputFiles(files: File[]): Promise<{ files: InputFile[]; geopackage?: GeoPackageReader } | { failure: string }> {
  const read: InputFile[] = [];
  for (const file of files) read.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  if (!hasGeoPackage(read)) return { files: read };
  const loaded = await loadSqlite();
  if (!loaded.ok) return { failure: loaded.issues.map((issue) => JSON.stringify(issue.params)).join('; ') };
  return { files: read, geopackage: geoPackageReader(loaded.sqlite) };
}

/** Reads the control lines and keeps them (the lines before are dropped only when these read). */
async function controlLinesOf(request: ControlLinesRequest): Promise<ControlLinesResult> {
  if (request.files.length === 0) {
    // the planner removed the lines: none kept, the figures without conflicts again
    controlLines = null;
    return { ok: true, lines: [], data: new Blob(['{"type":"FeatureCollection","features":[]}'], { type: 'application/geo+json' }), issues: [], question: null, conflicts: false };
  }
  const input = await inputFiles(request.files);
  if ('failure' in input) return { ok: false as const, issues: [{ code: 'internal' as const, severity: 'error' as const, params: { detail: input.failure } }], question: null };
  const prepared = request.layer === null ? undefined : layers.get(request.layer);
  const { result, kept } = readControlLines(input.files, request.roles, input.geopackage, prepared && request.layer !== null ? { layer: request.layer, prepared } : undefined);
  if (kept) controlLines = kept;
  return result;
}

/** The conflicts cut into prepared layer `layer`, if the lines in force were. */
const conflictsOf = (layer: number) => (controlLines?.conflicts?.layer === layer ? controlLines.conflicts.prepared : undefined);

function post(message: LandUseWorkerResponse): void {
  scope.postMessage(message);
}

/** The settings that change what is read (the rest only changes the classification). */
const readingKey = ({ encoding, crsId, layer, acceptInferredCrs }: LandUseLayerSettings) => JSON.stringify([encoding ?? null, crsId ?? null, layer ?? null, acceptInferredCrs ?? false]);

/** Reads the request's files (their bytes are kept for later preparations); null with the answer when it must stop. */
async function loadFiles(request: PrepareRequest): Promise<LandUsePrepareResult | null> {
  const total = (request.files ?? []).reduce((sum, file) => sum + file.size, 0) || 1;
  let read = 0;
  const files: InputFile[] = [];
  post({ type: 'progress', stage: 'read', fraction: 0 });
  for (const file of request.files ?? []) {
    files.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    read += file.size;
    post({ type: 'progress', stage: 'read', fraction: read / total });
  }
  source = { files };
  // SQLite (sql.js and its wasm) is loaded only for a delivery that holds a GeoPackage.
  if (hasGeoPackage(files)) {
    const loaded = await loadSqlite();
    if (!loaded.ok) return loaded;
    source.geopackage = geoPackageReader(loaded.sqlite);
  }
  return null;
}

async function prepare(request: PrepareRequest): Promise<LandUsePrepareResult> {
  for (const id of [...layers.keys()]) if (!request.keep.includes(id)) layers.delete(id);
  if (request.files || !source) {
    const stop = await loadFiles(request);
    if (stop) return stop;
  }
  const kept = source!;
  const key = readingKey(request.settings);
  const reclassified = kept.read?.key === key;
  post({ type: 'progress', stage: 'prepare', fraction: reclassified ? 0.9 : 0 });
  if (!reclassified) {
    const read = readLandUseFiles(kept.files, request.settings, (fraction, parcels) => post({ type: 'progress', stage: 'prepare', fraction: fraction * 0.9, ...(parcels ? { parcels } : {}) }), kept.geopackage);
    if (!read.ok) return read;
    kept.read = { key, result: read };
  }
  const result = classifyLandUseLayer(kept.read!.result, request.settings);
  if (!result.ok) return result;
  post({ type: 'progress', stage: 'write', fraction: 0 });
  const { collection, parcels: indicatorParcels, ...summary } = result.layer;
  const layer = nextLayer++;
  layers.set(layer, prepareLandUseParcels(indicatorParcels));
  const data = new Blob([JSON.stringify(collection)], { type: 'application/geo+json' });
  const overview = collection.features.length >= OVERVIEW_FROM_PARCELS
    ? new Blob([JSON.stringify(overviewGrid(collection.features, OVERVIEW_CELL_DEGREES))], { type: 'application/geo+json' })
    : null;
  return { ok: true, issues: result.issues, summary, data, overview, layer, reclassified };
}

scope.onmessage = async (event: MessageEvent<LandUseWorkerRequest>) => {
  const request = event.data;
  if (request.type === 'state' || request.type === 'transition') return answerStates(request, layers, post);
  try {
    if (request.type === 'prepare') post({ type: 'prepared', id: request.id, result: await prepare(request) });
    else if (request.type === 'control-lines') post({ type: 'control-lines', id: request.id, result: await controlLinesOf(request) });
    else if (request.type === 'describe-delivery') {
      const input = await inputFiles(request.files);
      post({ type: 'delivery', id: request.id, result: 'failure' in input ? { controlLines: [], landUse: [] } : describeDeliveryKinds(input.files, input.geopackage) });
    } else {
      const layer = layers.get(request.layer);
      post({ type: 'figures', id: request.id, results: layer ? request.regions.map(({ region, clip }) => landUseRegionFigures(layer, region, clip ? request.boundary : null, DEFAULT_TARGETS, conflictsOf(request.layer))) : null });
    }
  } catch (error) {
    const detail = String((error as Error)?.message ?? error);
    if (request.type === 'control-lines') {
      post({ type: 'control-lines', id: request.id, result: { ok: false, issues: [{ code: 'internal', severity: 'error', params: { detail } }], question: null } });
    } else if (request.type === 'describe-delivery') {
      post({ type: 'delivery', id: request.id, result: { controlLines: [], landUse: [] } });
    } else if (request.type === 'prepare') {
      post({ type: 'prepared', id: request.id, result: { ok: false, issues: [{ code: 'internal', severity: 'error', params: { detail } }] } });
    } else {
      post({ type: 'figures', id: request.id, results: request.regions.map(() => ({ ok: false, issues: [{ reason: 'clip-failed', severity: 'error', message: detail }] })) });
    }
  }
};
