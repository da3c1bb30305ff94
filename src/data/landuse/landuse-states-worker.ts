/**
 * The land-use worker's part for two states (see ./landuse-states-protocol.ts): reads a second state's files beside
 * the layer in force and overlays two states. Each state is projected and indexed once (`prepareTransitionState`, in
 * the first state's plane) and kept with it, so a matrix by first-level class after one by group projects nothing.
 * Never throws: failures are answered as results.
 */
import type { IndicatorParcel, PreparedLandUseParcels } from '../../core/landuse/landuse-indicators.js';
import { prepareTransitionState, transitionMatrix, type TransitionState } from '../../core/landuse/transition-matrix.js';
import type { LandUseStateRef, LandUseStateResult, LandUseStatesRequest, LandUseStatesResponse, LandUseTransitionResult } from './landuse-states-protocol.js';
import { classifyLandUseLayer } from './prepare-landuse-layer.js';
import { hasGeoPackage } from './database-files.js';
import { geoPackageReader, loadSqlite } from './read-geopackage.js';
import { readLandUseFiles } from './read-landuse-files.js';

/** second states by id, with their overlay-ready projections (by the plane they were projected in) */
const states = new Map<number, { parcels: readonly IndicatorParcel[]; prepared: TransitionState | null }>();
/** the layers in force, projected for overlays (by layer id) */
const projected = new Map<number, TransitionState>();
let nextState = 1;

async function readState(request: Extract<LandUseStatesRequest, { type: 'state' }>): Promise<LandUseStateResult> {
  const files = await Promise.all(request.files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
  let geopackage;
  if (hasGeoPackage(files)) {
    const loaded = await loadSqlite();
    if (!loaded.ok) return loaded;
    geopackage = geoPackageReader(loaded.sqlite);
  }
  const read = readLandUseFiles(files, request.settings, undefined, geopackage);
  if (!read.ok) return { ok: false, issues: read.issues };
  const classified = classifyLandUseLayer(read, request.settings);
  if (!classified.ok) return classified;
  const state = nextState++;
  states.clear(); // one second state at a time
  states.set(state, { parcels: classified.layer.parcels, prepared: null });
  return { ok: true, state, featureCount: classified.layer.parcels.length, classified: classified.layer.choice !== null, issues: classified.issues };
}

function transition(request: Extract<LandUseStatesRequest, { type: 'transition' }>, layers: ReadonlyMap<number, PreparedLandUseParcels>): LandUseTransitionResult {
  const started = performance.now();
  for (const id of projected.keys()) if (!layers.has(id)) projected.delete(id);
  const layerOf = (ref: LandUseStateRef) => ('layer' in ref ? layers.get(ref.layer) : undefined);
  const first = 'layer' in request.from ? request.from : 'layer' in request.to ? request.to : null;
  const base = first ? layerOf(first) : undefined;
  if (!first || !base) return { ok: false, detail: 'the layer in force is no longer in the worker' };
  const baseState = projected.get(first.layer) ?? prepareTransitionState(base.parcels);
  projected.set(first.layer, baseState);
  const resolve = (ref: LandUseStateRef): TransitionState | null => {
    if ('layer' in ref) return ref.layer === first.layer ? baseState : null;
    const kept = states.get(ref.state);
    if (!kept) return null;
    if (!kept.prepared || kept.prepared.origin !== baseState.origin) kept.prepared = prepareTransitionState(kept.parcels, baseState.origin);
    return kept.prepared;
  };
  const [from, to] = [resolve(request.from), resolve(request.to)];
  if (!from || !to) return { ok: false, detail: 'the second state is no longer in the worker' };
  return { ok: true, matrix: transitionMatrix(from, to, request.level), milliseconds: performance.now() - started };
}

/**
 * Answers a two-states request.
 * @param layers - the worker's prepared layers (the layer in force among them)
 */
export async function answerStates(body: LandUseStatesRequest & { id: number }, layers: ReadonlyMap<number, PreparedLandUseParcels>, post: (message: LandUseStatesResponse) => void): Promise<void> {
  try {
    if (body.type === 'state') post({ type: 'state', id: body.id, result: await readState(body) });
    else post({ type: 'transition', id: body.id, result: transition(body, layers) });
  } catch (error) {
    const detail = String((error as Error)?.message ?? error);
    if (body.type === 'state') post({ type: 'state', id: body.id, result: { ok: false, issues: [{ code: 'internal', severity: 'error', params: { detail } }] } });
    else post({ type: 'transition', id: body.id, result: { ok: false, detail } });
  }
}
