import { describe, expect, it } from 'vitest';
import { initialState } from '../../src/state/plan-state.ts';
import {
  addMeasurePoint, clearMeasure, measurementOf, setMeasureMode, startMeasuring, stopMeasuring, undoMeasurePoint,
} from '../../src/state/measure-state.ts';
import { measurePoints } from '../../src/core/measure/measure-points.ts';

describe('measure slice', () => {
  const base = initialState('zh');

  it('adds points only while measuring, and keeps them when measuring stops', () => {
    expect(addMeasurePoint(base, [117, 36.8])).toBe(base);
    let state = startMeasuring(base);
    expect(state.measure.active).toBe(true);
    state = addMeasurePoint(addMeasurePoint(state, [117, 36.8]), [117, 36.9]);
    expect(state.measure.points).toEqual([[117, 36.8], [117, 36.9]]);
    state = stopMeasuring(state);
    expect(state.measure).toEqual({ active: false, mode: 'distance', points: [[117, 36.8], [117, 36.9]] });
    expect(stopMeasuring(state)).toBe(state);
  });

  it('refuses a point that is not a finite position', () => {
    const state = startMeasuring(base);
    expect(addMeasurePoint(state, [Number.NaN, 36])).toBe(state);
    expect(addMeasurePoint(state, [117])).toBe(state);
  });

  it('undo, clear and mode change are no-ops when nothing would change', () => {
    expect(undoMeasurePoint(base)).toBe(base);
    expect(clearMeasure(base)).toBe(base);
    expect(setMeasureMode(base, 'distance')).toBe(base);
    const state = addMeasurePoint(addMeasurePoint(startMeasuring(base), [117, 36.8]), [117.1, 36.8]);
    expect(undoMeasurePoint(state).measure.points).toEqual([[117, 36.8]]);
    expect(clearMeasure(state).measure.points).toEqual([]);
  });

  it('derives the measurement from the slice, once per slice', () => {
    expect(measurementOf(base)).toBeNull();
    let state = startMeasuring(base);
    for (const point of [[117, 36.8], [117.1, 36.8], [117.1, 36.9]]) state = addMeasurePoint(state, point);
    state = setMeasureMode(state, 'area');
    const measurement = measurementOf(state);
    expect(measurement).toEqual(measurePoints([[117, 36.8], [117.1, 36.8], [117.1, 36.9]], 'area'));
    expect(measurement?.squareMeters).toBeGreaterThan(0);
    expect(measurementOf(state)).toBe(measurement);
  });
});
