import { describe, expect, it } from 'vitest';
import { initialState } from '../../src/state/plan-state.ts';
import {
  addPlanImage, askPlanImageSystem, cancelPlacingPlanImage, clearPlanImageQuestion, finishPlacingPlanImage, planImageLegendEntries, removePlanImage,
  setPlanImageCorners, setPlanImageOpacity, setPlanImagePosition, setPlanImageVisible, startPlacingPlanImage, type Corners, type PlanImage,
} from '../../src/state/plan-image-state.ts';

const corners: Corners = [[117, 36.9], [117.01, 36.9], [117.01, 36.89], [117, 36.89]];
const image = (id: string, extra: Partial<PlanImage> = {}): PlanImage => ({
  id, name: `${id}.png`, image: new Blob(['x']), corners, opacity: 1, position: 'above', visible: true, placement: 'world-file', crsLabel: 'CGCS2000 / 3-degree Gauss-Kruger zone 39', ...extra,
});

describe('plan image slice', () => {
  it('adds images on top, replaces by id and removes', () => {
    let state = addPlanImage(addPlanImage(initialState('en'), image('a')), image('b'));
    expect(state.planImages.images.map((item) => item.id)).toEqual(['a', 'b']);
    state = addPlanImage(state, image('a', { name: 'again.png' }));
    expect(state.planImages.images.map((item) => item.name)).toEqual(['b.png', 'again.png']);
    state = removePlanImage(state, 'b');
    expect(state.planImages.images.map((item) => item.id)).toEqual(['a']);
    expect(removePlanImage(state, 'nope')).toBe(state);
  });

  it('refuses corners that are not four finite positions', () => {
    const state = initialState('en');
    expect(addPlanImage(state, image('a', { corners: [[1, 2], [3, Number.NaN], [1, 1], [0, 0]] }))).toBe(state);
    const added = addPlanImage(state, image('a'));
    expect(setPlanImageCorners(added, 'a', [[1, 2], [3, 4]] as unknown as Corners)).toBe(added);
  });

  it('sets opacity (clamped), position and visibility, returning the same state when nothing changes', () => {
    let state = addPlanImage(initialState('en'), image('a'));
    state = setPlanImageOpacity(state, 'a', 1.7);
    expect(state.planImages.images[0]!.opacity).toBe(1);
    state = setPlanImageOpacity(state, 'a', 0.4);
    expect(state.planImages.images[0]!.opacity).toBe(0.4);
    expect(setPlanImageOpacity(state, 'a', Number.NaN)).toBe(state);
    state = setPlanImagePosition(state, 'a', 'below');
    expect(state.planImages.images[0]!.position).toBe('below');
    expect(setPlanImagePosition(state, 'a', 'below')).toBe(state);
    state = setPlanImageVisible(state, 'a', false);
    expect(state.planImages.images[0]!.visible).toBe(false);
    expect(setPlanImageVisible(state, 'zzz', true)).toBe(state);
  });

  it('places by corners: done keeps the corners as a manual placement, cancel restores them', () => {
    const moved: Corners = [[117.1, 36.9], [117.2, 36.9], [117.2, 36.8], [117.1, 36.8]];
    let state = startPlacingPlanImage(addPlanImage(initialState('en'), image('a')), 'a');
    expect(state.planImages.placing).toEqual({ id: 'a', before: corners });
    state = setPlanImageCorners(state, 'a', moved);
    const cancelled = cancelPlacingPlanImage(state);
    expect(cancelled.planImages.images[0]!.corners).toEqual(corners);
    expect(cancelled.planImages.placing).toBeNull();
    const done = finishPlacingPlanImage(state);
    expect(done.planImages.images[0]).toMatchObject({ corners: moved, placement: 'manual', crsLabel: null });
    expect(done.planImages.placing).toBeNull();
  });

  it('a new image placed by corners is removed on cancel', () => {
    const state = startPlacingPlanImage(addPlanImage(initialState('en'), image('n', { placement: 'manual' })), 'n', true);
    expect(cancelPlacingPlanImage(state).planImages.images).toEqual([]);
    expect(removePlanImage(state, 'n').planImages.placing).toBeNull();
  });

  it('asks for a system and clears the question', () => {
    const options = [{ id: 'EPSG:4527', label: 'CGCS2000 / 3-degree Gauss-Kruger zone 39' }];
    const asked = askPlanImageSystem(initialState('en'), 'plan.png', 'EPSG:4527', options);
    expect(asked.planImages.question).toEqual({ name: 'plan.png', suggested: 'EPSG:4527', options });
    expect(clearPlanImageQuestion(asked).planImages.question).toBeNull();
  });

  it('gives a legend row per image shown, topmost first', () => {
    const state = setPlanImageVisible(addPlanImage(addPlanImage(addPlanImage(initialState('en'), image('a')), image('b')), image('c')), 'b', false);
    const rows = planImageLegendEntries(state.planImages, 'Plan image');
    expect(rows.map((row) => row.label)).toEqual(['c.png', 'a.png']);
    expect(rows.every((row) => row.groupLabel === 'Plan image' && row.filterable === false)).toBe(true);
  });
});
