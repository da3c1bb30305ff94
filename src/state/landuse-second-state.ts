/**
 * The second land-use state (`state.landuse.second`): a layer read while another is in force is offered as the other
 * state of the plan — 现状 (current) or 规划 (plan) — never put in place of the first without the planner's word.
 * Once the planner gives it a role, the land-use worker reads it beside the first and overlays the two: the
 * transition matrix from 现状 to 规划, by indicator group or (on demand) by first-level class. Written by
 * src/app/landuse/landuse-states.ts through the named actions below; read by `<plan-landuse-states>`, the statistics'
 * `<plan-transition-matrix>` and compare.
 */
import type { TransitionLevel, TransitionMatrix } from '../core/landuse/transition-matrix.ts';
import type { LandUseLayerSummary } from '../data/landuse/landuse-protocol.ts';

/** The slice the actions work on (`state.landuse`; typed by shape so that it and this file need not import each other). */
interface WithSecond { second?: LandUseSecondState | null }

/** 现状 (the current state) or 规划 (the plan). */
export type StateRole = 'current' | 'plan';

export interface LandUseSecondState {
  summary: LandUseLayerSummary;
  /** its parcels as the map draws them (compare shows it on one side), as `LandUseDrawn` */
  drawn: { data: Blob; overview: Blob | null; classes: LandUseLayerSummary['classes']; name: string };
  /** null while offered; the first state has the other role */
  role: StateRole | null;
  /** `offered` (waiting for the planner), `reading` (in the worker beside the first), `ready` */
  status: 'offered' | 'reading' | 'ready';
  level: TransitionLevel;
  /** from 现状 to 规划 at `level`; null while it is computed */
  matrix: TransitionMatrix | null;
  /** the matrix could not be computed: why */
  error: string | null;
}

/** The other role. */
export const otherRole = (role: StateRole): StateRole => (role === 'current' ? 'plan' : 'current');

/** A read layer is offered as the second state (it replaces an earlier offer or second state). */
export function offerSecondState<S extends WithSecond>(state: S, summary: LandUseLayerSummary, data: Blob, overview: Blob | null): S {
  return { ...state, second: { summary, drawn: { data, overview, classes: summary.classes, name: summary.name }, role: null, status: 'offered', level: 'group', matrix: null, error: null } };
}

/** The planner gives the offered layer its role: it is read beside the first state. */
export function chooseStateRole<S extends WithSecond>(state: S, role: StateRole): S {
  const second = state.second;
  return second ? { ...state, second: { ...second, role, status: second.status === 'ready' ? 'ready' : 'reading', matrix: second.role === role ? second.matrix : null, error: null } } : state;
}

/** The second state is read beside the first: the matrix follows. */
export function secondStateReady<S extends WithSecond>(state: S, summary: LandUseLayerSummary): S {
  const second = state.second;
  return second?.summary === summary ? { ...state, second: { ...second, status: 'ready' } } : state;
}

/** By group or by first-level class: the matrix at the new level is computed again. */
export function setTransitionLevel<S extends WithSecond>(state: S, level: TransitionLevel): S {
  const second = state.second;
  return second && second.level !== level ? { ...state, second: { ...second, level, matrix: null, error: null } } : state;
}

/** The matrix for this second state, role and level (an answer for another is dropped). */
export function setTransitionMatrix<S extends WithSecond>(state: S, summary: LandUseLayerSummary, role: StateRole, matrix: TransitionMatrix): S {
  const second = state.second;
  if (!second || second.summary !== summary || second.role !== role || second.level !== matrix.level) return state;
  return { ...state, second: { ...second, matrix, error: null } };
}

/** The matrix could not be computed (the first state stays as it is). */
export function transitionFailed<S extends WithSecond>(state: S, summary: LandUseLayerSummary, error: string): S {
  const second = state.second;
  return second?.summary === summary ? { ...state, second: { ...second, matrix: null, error } } : state;
}

/** The offer is declined or the second state removed. */
export function dropSecondState<S extends WithSecond>(state: S): S {
  return state.second ? { ...state, second: null } : state;
}

/** Selectors. */

/** The second state, if any. */
export const selectSecondState = (state: { landuse: WithSecond }): LandUseSecondState | null => state.landuse.second ?? null;

/** The second state with its role given (what compare and the statistics show), else null. */
export const selectStates = (state: { landuse: WithSecond }): (LandUseSecondState & { role: StateRole }) | null => {
  const second = state.landuse.second;
  return second && second.role ? (second as LandUseSecondState & { role: StateRole }) : null;
};
