/**
 * Saved settings meet a shared link: what the link states (view, layers, language, selection, …) wins, and the
 * saved settings fill in only what the link does not say. Pure.
 */
import type { SavedSettings } from '../data/work-store.ts';
import type { PlanState } from './plan-state.ts';
import type { UrlState } from './url-state.ts';

/**
 * Applies saved settings to the state, except the parts a link states.
 * @param link - what the link (the URL hash at start-up) says; `{}` when there is no link
 */
export function applySavedSettings(state: PlanState, saved: SavedSettings, link: UrlState): PlanState {
  return {
    ...state,
    lang: link.lang ?? saved.lang,
    layerVisibility: link.visibleLayers ? state.layerVisibility : { ...state.layerVisibility, ...saved.layerVisibility },
    // a link that states opacity has set every catalog layer's; saved values fill in the imported layers'
    layerOpacity: link.layerOpacity ? { ...saved.layerOpacity, ...state.layerOpacity } : saved.layerOpacity,
    // settings saved before large text existed do not say: the start-up default (prefers-contrast) stays
    largeText: link.largeText ?? saved.largeText ?? state.largeText,
  };
}
