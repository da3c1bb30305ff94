import { describe, expect, it } from 'vitest';
import { applySavedSettings } from '../../src/state/saved-settings.ts';
import { initialState } from '../../src/state/plan-state.ts';
import type { SavedSettings } from '../../src/data/work-store.ts';

const saved: SavedSettings = { lang: 'zh', layerVisibility: { boundary: false, clusters: false }, layerOpacity: { clusters: 0.4 } };

describe('applySavedSettings', () => {
  it('restores every saved setting when there is no link', () => {
    const next = applySavedSettings(initialState('en'), saved, {});
    expect(next.lang).toBe('zh');
    expect(next.layerVisibility['boundary']).toBe(false);
    expect(next.layerOpacity).toEqual({ clusters: 0.4 });
  });

  it('keeps what the link states: language and visible layers', () => {
    const state = { ...initialState('en'), layerVisibility: { boundary: true, clusters: true } };
    const next = applySavedSettings(state, saved, { lang: 'en', visibleLayers: ['boundary', 'clusters'] });
    expect(next.lang).toBe('en');
    expect(next.layerVisibility).toEqual({ boundary: true, clusters: true });
    // the link says nothing about opacity: the saved value fills it in
    expect(next.layerOpacity).toEqual({ clusters: 0.4 });
  });

  it('fills in the language when the link states only the layers', () => {
    const next = applySavedSettings(initialState('en'), saved, { visibleLayers: [] });
    expect(next.lang).toBe('zh');
  });

  it('does not change its input', () => {
    const state = initialState('en');
    const copy = structuredClone(state);
    applySavedSettings(state, saved, { lang: 'en' });
    expect(state).toEqual(copy);
  });

  it('restores large text when it was saved', () => {
    expect(applySavedSettings(initialState('zh'), { ...saved, largeText: true }, {}).largeText).toBe(true);
    const large = { ...initialState('zh'), largeText: true };
    expect(applySavedSettings(large, { ...saved, largeText: false }, {}).largeText).toBe(false);
  });

  it('keeps the start-up large-text default when the saved settings do not say', () => {
    const large = { ...initialState('zh'), largeText: true };
    expect(applySavedSettings(large, saved, {}).largeText).toBe(true);
    expect(applySavedSettings(initialState('zh'), saved, {}).largeText).toBe(false);
  });

  it('keeps large text when the link states it', () => {
    expect(applySavedSettings({ ...initialState('zh'), largeText: true }, { ...saved, largeText: false }, { largeText: true }).largeText).toBe(true);
  });
});
