/**
 * The planner's land-use layer in the store (`state.landuse`): the reading under way (progress, parcels
 * counted), the reading waiting for the planner's word (a delivery layer to choose, or a read layer held back
 * and why), the accepted layer (its summary with the delivery layers, classes and grouping; its drawn parcels
 * as Blobs, by reference; its coverage of the Start-up Area), how it is drawn (opacity, visibility), the
 * reading's messages and whether it is used for the indicators. Written by src/app/landuse/landuse-session.ts
 * through the named actions below; read by `<plan-landuse-panel>` and by the map through the selectors.
 */
import type { LandUseCoverage } from '../core/analysis/types.ts';
import type { LandUseLayerSummary } from '../data/landuse/landuse-protocol.ts';
import type { LandUseClassRow } from '../data/landuse/prepare-landuse-layer.ts';
import type { LayerQuestion } from '../data/landuse/read-landuse-files.ts';
import type { LandUseSecondState } from './landuse-second-state.ts';

/** Why a read layer waits for the planner: a layer to choose, a guessed coordinate system, outside the area, no codes. */
export type PendingReason = 'layer' | 'crs' | 'outside' | 'unclassified';

export interface LandUseMessage {
  severity: string;
  text: string;
}

/** The accepted layer's parcels as the map draws them: GeoJSON Blobs from the land-use worker (never parsed here). */
export interface LandUseDrawn {
  data: Blob;
  /** a coarse overview for small scales (large layers only) */
  overview: Blob | null;
  /** the classes and their colours, in the summary's order */
  classes: readonly LandUseClassRow[];
  name: string;
}

export interface LandUseState {
  /** a reading under way, its share done (0..1) and the parcels read of all while the reader counts them */
  reading: { progress: number; parcels: { read: number; total: number } | null } | null;
  /** the delivery's layers when the planner must choose one */
  question: LayerQuestion | null;
  /** a read layer waiting for the planner's word, and why */
  pending: { summary: LandUseLayerSummary; reason: PendingReason } | null;
  /** the accepted layer (the one drawn, saved and — when `inUse` — driving the figures) */
  summary: LandUseLayerSummary | null;
  drawn: LandUseDrawn | null;
  /** what the accepted layer covers inside the Start-up Area, per class (null until computed) */
  coverage: LandUseCoverage | null;
  /** the last reading's messages, in the interface language of the moment they were made */
  messages: readonly LandUseMessage[];
  /** the last error (a reading that failed, a layer that could not be drawn), null when none */
  error: string | null;
  /** "Use for indicators" */
  inUse: boolean;
  opacity: number;
  visible: boolean;
  /** a second layer offered or used as the other state (现状 / 规划): src/state/landuse-second-state.ts */
  second?: LandUseSecondState | null;
}

export function initialLandUseState(): LandUseState {
  return { reading: null, question: null, pending: null, summary: null, drawn: null, coverage: null, messages: [], error: null, inUse: false, opacity: 1, visible: true };
}

/** Actions over the slice; each takes and returns the slice (wrap with `onLandUse` for the whole state). */

/** A reading starts: progress from 0, no question or held layer any more, the previous messages cleared. */
export function startReading(state: LandUseState): LandUseState {
  return { ...state, reading: { progress: 0, parcels: null }, question: null, pending: null, error: null };
}

/** How far the reading is. */
export function readingProgress(state: LandUseState, progress: number, parcels?: { read: number; total: number }): LandUseState {
  if (!state.reading) return state;
  return { ...state, reading: { progress, parcels: parcels ?? state.reading.parcels } };
}

/** The reading ended (read, failed or cancelled) with these messages. */
export function readingDone(state: LandUseState, messages: readonly LandUseMessage[] = state.messages): LandUseState {
  return { ...state, reading: null, messages };
}

/** The reading stopped without an answer (cancelled): nothing else changes. */
export function readingStopped(state: LandUseState): LandUseState {
  return state.reading ? { ...state, reading: null } : state;
}

/** The reading failed: the accepted layer stays as it was. */
export function readingFailed(state: LandUseState, error: string): LandUseState {
  return { ...state, reading: null, error };
}

/** The delivery has several candidate layers (or none with codes): the planner chooses. */
export function askLayer(state: LandUseState, question: LayerQuestion): LandUseState {
  return { ...state, question, pending: null };
}

/** A read layer is held back until the planner confirms, changes a setting or cancels. */
export function holdLayer(state: LandUseState, summary: LandUseLayerSummary, reason: PendingReason): LandUseState {
  return { ...state, pending: { summary, reason } };
}

/** The question or the held layer is answered or dropped. */
export function clearWaiting(state: LandUseState): LandUseState {
  return state.question || state.pending ? { ...state, question: null, pending: null } : state;
}

/** A read layer becomes the one in force: drawn (by reference), its coverage to be computed. */
export function acceptLayer(state: LandUseState, summary: LandUseLayerSummary, data: Blob, overview: Blob | null): LandUseState {
  return {
    ...state, question: null, pending: null, error: null, summary, coverage: null,
    drawn: { data, overview, classes: summary.classes, name: summary.name },
  };
}

/** The accepted layer's coverage of the Start-up Area (for the summary it was computed for only). */
export function setCoverage(state: LandUseState, summary: LandUseLayerSummary, coverage: LandUseCoverage | null): LandUseState {
  return state.summary === summary ? { ...state, coverage } : state;
}

export function setLandUseInUse(state: LandUseState, inUse: boolean): LandUseState {
  return state.inUse === inUse ? state : { ...state, inUse };
}

export function setLandUseOpacity(state: LandUseState, opacity: number): LandUseState {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(opacity) ? opacity : 1));
  return clamped === state.opacity ? state : { ...state, opacity: clamped };
}

export function setLandUseVisible(state: LandUseState, visible: boolean): LandUseState {
  return state.visible === visible ? state : { ...state, visible };
}

/** Applies a slice action to the whole state. */
export function onLandUse<S extends { landuse: LandUseState }>(state: S, action: (slice: LandUseState) => LandUseState): S {
  const next = action(state.landuse);
  return next === state.landuse ? state : { ...state, landuse: next };
}

/** Selectors. */

/** What the map draws of the layer: its parcels, classes and colours, opacity and visibility (null: nothing). */
export function selectLandUseDrawing(state: { landuse: LandUseState }): { drawn: LandUseDrawn; opacity: number; visible: boolean } | null {
  const { drawn, opacity, visible } = state.landuse;
  return drawn ? { drawn, opacity, visible } : null;
}

/** Whether a reading is under way. */
export function selectLandUseBusy(state: { landuse: LandUseState }): boolean {
  return state.landuse.reading !== null;
}

/** Equality for a selected LandUseDrawing: the same parcels, opacity and visibility. */
export function sameDrawing(a: ReturnType<typeof selectLandUseDrawing>, b: ReturnType<typeof selectLandUseDrawing>): boolean {
  return a === b || (!!a && !!b && a.drawn === b.drawn && a.opacity === b.opacity && a.visible === b.visible);
}
