/**
 * User-imported GeoJSON layers: plain data in PlanState.imports, with pure updates and the views the
 * map, the layer tree and the analysis read. `original` is the validated WGS84-as-given collection;
 * `data` is what is drawn and analysed (the original, or its GCJ-02/BD-09 → WGS84 conversion when the user
 * chose one), so switching the conversion is lossless. Both are Blobs of GeoJSON text written by the import
 * worker: the main thread never holds an imported FeatureCollection; MapLibre reads `data` through an
 * object URL and the analysis worker reads it itself.
 */
import type { ImportIssue } from '../core/import/import-issues.ts';
import type { PlanState } from './plan-state.ts';
import type { ImportSession, ImportedLayer } from './import-session.ts';

export type { ImportMessage, ImportSession, ImportedLayer, InspectedFeature } from './import-session.ts';
export { initialImportSession } from './import-session.ts';

let nextMessageId = 1;
let nextLayerNumber = 1;

export function newImportId(): string {
  return `imp-${Date.now().toString(36)}-${(nextLayerNumber++).toString(36)}`;
}

export function withImportMessages(state: PlanState, source: string, issues: readonly ImportIssue[]): PlanState {
  const added = issues.map((issue) => ({ id: nextMessageId++, source, issue }));
  return { ...state, importSession: { ...state.importSession, messages: [...state.importSession.messages, ...added].slice(-60) } };
}

export function dismissImportMessage(state: PlanState, id: number | 'all'): PlanState {
  const messages = id === 'all' ? [] : state.importSession.messages.filter((message) => message.id !== id);
  return { ...state, importSession: { ...state.importSession, messages } };
}

export function setImportProgress(state: PlanState, progress: ImportSession['progress']): PlanState {
  return { ...state, importSession: { ...state.importSession, progress } };
}

export function addImportedLayer(state: PlanState, layer: ImportedLayer): PlanState {
  return { ...state, imports: [...state.imports, layer] };
}

function updateLayer(state: PlanState, id: string, change: (layer: ImportedLayer) => ImportedLayer): PlanState {
  if (!state.imports.some((layer) => layer.id === id)) return state;
  return { ...state, imports: state.imports.map((layer) => (layer.id === id ? change(layer) : layer)) };
}

export function removeImportedLayer(state: PlanState, id: string): PlanState {
  const inspected = state.importSession.inspected?.layerId === id ? null : state.importSession.inspected;
  return {
    ...state,
    imports: state.imports.filter((layer) => layer.id !== id),
    importSession: { ...state.importSession, inspected },
  };
}

export function setImportVisible(state: PlanState, id: string, visible: boolean): PlanState {
  return updateLayer(state, id, (layer) => ({ ...layer, visible }));
}

export function setImportBlueGreen(state: PlanState, id: string, countAsBlueGreen: boolean): PlanState {
  return updateLayer(state, id, (layer) => ({ ...layer, countAsBlueGreen }));
}

/** Sets a layer's conversion and the matching drawn data (made by the import worker from `original`). */
export function setImportConversion(state: PlanState, id: string, conversion: ImportedLayer['conversion'], data: Blob): PlanState {
  return updateLayer(state, id, (layer) => ({ ...layer, conversion, data }));
}

export function inspectImported(state: PlanState, inspected: ImportSession['inspected']): PlanState {
  return { ...state, importSession: { ...state.importSession, inspected } };
}

/** For the analysis: the drawn data of visible imports with polygons that the user marked "count as blue-green". */
export function blueGreenImportData(state: PlanState): Blob[] {
  return state.imports.filter((layer) => layer.visible && layer.countAsBlueGreen).map((layer) => layer.data);
}
