/**
 * User-imported GeoJSON layers (#7): plain data in PlanState.imports, with pure updates and the views the
 * map, the layer tree and the analysis read. `original` is the validated WGS84-as-given collection;
 * `data` is what is drawn and analysed (the original, or its GCJ-02/BD-09 → WGS84 conversion when the user
 * chose one), so switching the conversion is lossless.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { ImportIssue } from '../core/import/import-issues.ts';
import type { ImportSummary } from '../core/import/validate-import.ts';
import type { OffsetDatum } from '../core/import/china-offset.ts';
import { convertToWgs84 } from '../core/import/convert-collection.ts';
import type { PlanState } from './plan-state.ts';

export interface ImportedLayer {
  /** `imp-…`, unique in this browser; also the prefix of its MapLibre source and layers */
  id: string;
  /** the file name (untrusted text) */
  name: string;
  original: FeatureCollection;
  data: FeatureCollection;
  conversion: 'none' | OffsetDatum;
  summary: ImportSummary;
  visible: boolean;
  /** count this layer's polygons as a blue-green class in the analysis */
  countAsBlueGreen: boolean;
  /** size of the source text in bytes */
  bytes: number;
  importedAt: string;
}

/** One line of the import message list (dismissable). */
export interface ImportMessage {
  id: number;
  /** the file (or "pasted text") it is about; untrusted text */
  source: string;
  issue: ImportIssue;
}

export interface ImportSession {
  /** visible, dismissable message list */
  messages: readonly ImportMessage[];
  /** the import running in the worker, if any */
  progress: { source: string; stage: 'read' | 'parse' | 'validate' | 'add'; fraction: number } | null;
  /** the imported feature whose properties the inspector shows */
  inspected: { layerId: string; featureIndex: number } | null;
  /** saved data that could not be read, kept for download */
  backups: readonly { id: string; label: string; raw: string }[];
  /** storage problem: saving is failing, offer an export */
  storageProblem: 'quota' | 'unavailable' | 'too-large' | null;
}

export function initialImportSession(): ImportSession {
  return { messages: [], progress: null, inspected: null, backups: [], storageProblem: null };
}

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

/** Applies (or undoes, with 'none') a GCJ-02 / BD-09 → WGS84 conversion, always from the original. */
export function setImportConversion(state: PlanState, id: string, conversion: ImportedLayer['conversion']): PlanState {
  return updateLayer(state, id, (layer) => ({
    ...layer,
    conversion,
    data: conversion === 'none' ? layer.original : convertToWgs84(layer.original, conversion),
  }));
}

export function inspectImported(state: PlanState, inspected: ImportSession['inspected']): PlanState {
  return { ...state, importSession: { ...state.importSession, inspected } };
}

type PolygonFeature = Feature<Polygon | MultiPolygon>;

function polygonsOf(layer: ImportedLayer): PolygonFeature[] {
  return layer.data.features.filter((feature): feature is PolygonFeature =>
    feature.geometry?.type === 'Polygon' || feature.geometry?.type === 'MultiPolygon');
}

/** For the analysis: polygons of visible imports the user marked "count as blue-green". */
export function importedBlueGreenPolygons(state: PlanState): PolygonFeature[] {
  return state.imports.filter((layer) => layer.visible && layer.countAsBlueGreen).flatMap(polygonsOf);
}

/** For the analysis: every imported polygon, with its layer id and feature index (study-area candidates). */
export function importedPolygons(state: PlanState): { layerId: string; featureIndex: number; feature: PolygonFeature }[] {
  return state.imports.flatMap((layer) => layer.data.features.flatMap((feature, featureIndex) =>
    feature.geometry?.type === 'Polygon' || feature.geometry?.type === 'MultiPolygon'
      ? [{ layerId: layer.id, featureIndex, feature: feature as PolygonFeature }] : []));
}
