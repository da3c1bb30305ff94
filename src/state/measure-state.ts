/**
 * The measure tool's state: whether map clicks add points, distance or area, and the points picked ([lng, lat]).
 * Named pure actions; the measurement itself is derived (`measurementOf`), never stored.
 */
import type { Position } from 'geojson';
import { measurePoints } from '../core/measure/measure-points.ts';
import type { Measurement, MeasureMode } from '../core/measure/measure-points.ts';

export interface MeasureState {
  /** map clicks add points (feature picking is suspended meanwhile) */
  active: boolean;
  mode: MeasureMode;
  points: readonly Position[];
}

export const initialMeasureState: MeasureState = { active: false, mode: 'distance', points: [] };

interface WithMeasure { measure: MeasureState }

function withMeasure<S extends WithMeasure>(state: S, measure: MeasureState): S {
  return { ...state, measure };
}

export function startMeasuring<S extends WithMeasure>(state: S): S {
  return state.measure.active ? state : withMeasure(state, { ...state.measure, active: true });
}

export function stopMeasuring<S extends WithMeasure>(state: S): S {
  return state.measure.active ? withMeasure(state, { ...state.measure, active: false }) : state;
}

export function setMeasureMode<S extends WithMeasure>(state: S, mode: MeasureMode): S {
  return state.measure.mode === mode ? state : withMeasure(state, { ...state.measure, mode });
}

/** Adds a point while measuring; outside measuring the state is unchanged. */
export function addMeasurePoint<S extends WithMeasure>(state: S, point: Position): S {
  if (!state.measure.active || point.length < 2 || !point.every(Number.isFinite)) return state;
  return withMeasure(state, { ...state.measure, points: [...state.measure.points, [point[0]!, point[1]!]] });
}

export function undoMeasurePoint<S extends WithMeasure>(state: S): S {
  return state.measure.points.length ? withMeasure(state, { ...state.measure, points: state.measure.points.slice(0, -1) }) : state;
}

export function clearMeasure<S extends WithMeasure>(state: S): S {
  return state.measure.points.length ? withMeasure(state, { ...state.measure, points: [] }) : state;
}

const measured = new WeakMap<MeasureState, Measurement | null>();

/** The geodesic measurement of the picked points (null with none); the same object while the slice is unchanged. */
export function measurementOf(state: WithMeasure): Measurement | null {
  const slice = state.measure;
  let result = measured.get(slice);
  if (result === undefined) {
    result = slice.points.length ? measurePoints(slice.points, slice.mode) : null;
    measured.set(slice, result);
  }
  return result;
}
