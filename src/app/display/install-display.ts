/**
 * Large text and high contrast (大字号), in the spirit of the elderly-friendly web guidelines: the first view
 * applies the setting saved on this device (or the system's `prefers-contrast: more` when nothing is saved)
 * before the map draws; the header switch and its shortcut load after the first map frame.
 * The state's `largeText` drives a class on <html> (large-text.css: interface text at least 18 px, stronger
 * borders and focus outlines) and an attribute on the shell; the map's scene scales its labels by it (src/map/scene).
 */
import './large-text.css';
import type { AppServices, Dispose } from '../shell/services.ts';
import { Lifetime } from '../shell/lifetime.ts';
import { lazyFeature } from '../shell/lazy-feature.ts';
import { setLargeText } from '../../state/actions.ts';
import { LARGE_TEXT_LABEL_SCALE } from '../../map/scene/scene-input.ts';
import { loadSaved } from '../../data/persist.ts';
import { SETTINGS_VERSION, validateSettings } from '../../data/work-store.ts';

/** Map labels grow by this factor: the style's smallest label (11 px) becomes at least 18 px. */
export const LABEL_SCALE = LARGE_TEXT_LABEL_SCALE;
const ROOT_CLASS = 'plan-large-text';

const installSwitch = lazyFeature(() => import('./display-feature.ts'));

/** Large text as saved on this device, else whether the system asks for more contrast. */
function startingLargeText(): boolean {
  const saved = loadSaved('settings', SETTINGS_VERSION, validateSettings);
  if (saved.ok && saved.value?.largeText !== undefined) return saved.value.largeText;
  return globalThis.matchMedia?.('(prefers-contrast: more)').matches ?? false;
}

export function installDisplay(services: AppServices): Dispose {
  const { store, app } = services;
  const life = new Lifetime();
  const starting = startingLargeText();
  store.update((state) => setLargeText(state, starting));
  const apply = (on: boolean) => {
    document.documentElement.classList.toggle(ROOT_CLASS, on);
    app.toggleAttribute('large-text', on);
  };
  apply(store.getState().largeText);
  life.add(store.select((state) => state.largeText, apply));
  life.add(installSwitch(services));
  life.add(() => {
    document.documentElement.classList.remove(ROOT_CLASS);
    app.removeAttribute('large-text');
  });
  return () => life.dispose();
}
