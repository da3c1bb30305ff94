import type { TransitionLevel, TransitionMatrix } from '../../core/landuse/transition-matrix.js';
import type { LandUseIssue } from './landuse-issues.js';
import type { LandUseLayerSettings } from './prepare-landuse-layer.js';

/**
 * The second land-use state in the land-use worker (src/data/landuse/landuse-states-worker.ts), beside the layer in
 * force: the two states of a plan (现状 and 规划) overlaid there, so neither layer's parcels cross to the page.
 * - `state`: read, reproject and classify `files` as the other state, kept apart from the layers a `prepare`'s
 *   `keep` drops (a new classification of the layer in force leaves it); answered with its id and parcel count;
 * - `transition`: the transition matrix from one state to the other (`from` / `to`: a prepared layer's id, or a
 *   state's id with `state: true`), by indicator group or first-level class.
 */
export type LandUseStatesRequest =
  | { type: 'state'; files: File[]; settings: LandUseLayerSettings }
  | { type: 'transition'; from: LandUseStateRef; to: LandUseStateRef; level: TransitionLevel };

/** A layer in the worker: the prepared layer in force (`layer` id) or a second state (`state` id). */
export type LandUseStateRef = { layer: number } | { state: number };

export type LandUseStateResult =
  | { ok: true; state: number; featureCount: number; classified: boolean; issues: LandUseIssue[] }
  | { ok: false; issues: LandUseIssue[] };

export type LandUseTransitionResult = { ok: true; matrix: TransitionMatrix; milliseconds: number } | { ok: false; detail: string };

export type LandUseStatesResponse =
  | { type: 'state'; id: number; result: LandUseStateResult }
  | { type: 'transition'; id: number; result: LandUseTransitionResult };
