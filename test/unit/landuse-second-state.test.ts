import { describe, expect, it } from 'vitest';
import { acceptLayer, initialLandUseState } from '../../src/state/landuse-state.ts';
import {
  chooseStateRole, dropSecondState, offerSecondState, otherRole, secondStateReady, selectSecondState, selectStates, setTransitionLevel,
  setTransitionMatrix, transitionFailed,
} from '../../src/state/landuse-second-state.ts';
import type { LandUseLayerSummary } from '../../src/data/landuse/landuse-protocol.ts';
import type { TransitionMatrix } from '../../src/core/landuse/transition-matrix.ts';

const summary = (name: string) => ({ name, classes: [{ key: 'land-sea-use-2023:0103', landUseClass: null, group: 'blue-green', parcelCount: 1 }] }) as unknown as LandUseLayerSummary;
const matrix = (level: TransitionMatrix['level'], area: number): TransitionMatrix => ({
  level, from: ['blue-green'], to: ['urban-construction'], cells: [{ from: 'blue-green', to: 'urban-construction', areaSquareMeters: area }], commonSquareMeters: area,
});

describe('the second land-use state', () => {
  const first = acceptLayer(initialLandUseState(), summary('现状'), new Blob(['{}']), null);
  const planned = summary('规划');
  const offered = offerSecondState(first, planned, new Blob(['{}']), null);

  it('is offered beside the first, never in its place', () => {
    expect(offered.summary?.name).toBe('现状');
    expect(offered.drawn?.name).toBe('现状');
    expect(selectSecondState({ landuse: offered })).toMatchObject({ role: null, status: 'offered', level: 'group', matrix: null });
    expect(selectSecondState({ landuse: offered })?.drawn.name).toBe('规划');
    // without a role it is not yet a state the statistics or compare show
    expect(selectStates({ landuse: offered })).toBeNull();
    expect(selectSecondState({ landuse: initialLandUseState() })).toBeNull();
  });

  it('gets a role, is read, and takes only the matrix asked for its summary, role and level', () => {
    const reading = chooseStateRole(offered, 'plan');
    expect(reading.second).toMatchObject({ role: 'plan', status: 'reading' });
    const ready = secondStateReady(reading, planned);
    expect(ready.second?.status).toBe('ready');
    expect(secondStateReady(reading, summary('other'))).toBe(reading);
    const withMatrix = setTransitionMatrix(ready, planned, 'plan', matrix('group', 5));
    expect(selectStates({ landuse: withMatrix })?.matrix?.cells[0].areaSquareMeters).toBe(5);
    // answers for another role, level or layer are dropped
    expect(setTransitionMatrix(ready, planned, 'current', matrix('group', 5))).toBe(ready);
    expect(setTransitionMatrix(ready, planned, 'plan', matrix('first-level', 5))).toBe(ready);
    expect(setTransitionMatrix(ready, summary('x'), 'plan', matrix('group', 5))).toBe(ready);
    // a new level clears the matrix until it comes; the same level changes nothing
    const byClass = setTransitionLevel(withMatrix, 'first-level');
    expect(byClass.second).toMatchObject({ level: 'first-level', matrix: null });
    expect(setTransitionLevel(byClass, 'first-level')).toBe(byClass);
    // swapping roles keeps it read and clears the matrix (it is the other way round now)
    const swapped = chooseStateRole(withMatrix, otherRole('plan'));
    expect(swapped.second).toMatchObject({ role: 'current', status: 'ready', matrix: null });
  });

  it('a failed matrix says why; dropping leaves the first state as it was', () => {
    const ready = secondStateReady(chooseStateRole(offered, 'current'), planned);
    expect(transitionFailed(ready, planned, 'worker stopped').second?.error).toBe('worker stopped');
    const dropped = dropSecondState(ready);
    expect(dropped.second).toBeNull();
    expect(dropped.summary).toBe(first.summary);
    expect(dropSecondState(dropped)).toBe(dropped);
  });
});
