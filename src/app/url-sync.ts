/**
 * The URL hash: read at start-up (camera, visible layers, opacity, year, compare, large text, language,
 * selection, mode, basis), then kept up to date with `history.replaceState` (debounced) once the app is ready,
 * so the page's URL is always a link to exactly this view. A hash edited by hand is applied too.
 */
import type { AppServices } from './shell/services.ts';
import type { Lifetime } from './shell/lifetime.ts';
import { CATALOG_LAYERS, defaultLayerVisibility } from '../state/layer-catalog.ts';
import { layerOfFeature } from '../state/selected-feature.ts';
import { applyUrlState, formatUrlHash, parseUrlHash, urlStateOf } from '../state/url-state.ts';
import type { UrlState } from '../state/url-state.ts';
import { select } from '../state/actions.ts';
import { announce } from '../state/plan-state.ts';
import type { PlanState } from '../state/plan-state.ts';
import type { Store } from '../state/store.ts';
import { sameItems } from '../state/store.ts';
import { loadCatalogues, translate } from '../i18n/messages.ts';
import { currentCamera, jumpToCamera, onCameraMoved } from '../map/camera.ts';

const WRITE_DELAY_MS = 300;
const KNOWN = CATALOG_LAYERS.map((layer) => layer.id);

/** Writes the hash now (a pending debounced write included); set while url-sync is installed. */
let writeNow: (() => void) | undefined;

/** True when the page was opened with a camera in its link. */
export function linkHasCamera(): boolean {
  return Boolean(parseUrlHash(location.hash, KNOWN).view);
}

/**
 * Brings the page's URL up to date at once (e.g. before it is shared).
 * @returns the page's full URL, a link to exactly this view
 */
export function currentLink(): string {
  writeNow?.();
  return location.href;
}

/**
 * A link asking for the land-use basis: the land-use feature restores this device's own land-use layer if it
 * was in use; without one the figures stay on the schematic basis, and the live region says so.
 */
async function checkLandUseBasis(store: Store<PlanState>, life: Lifetime): Promise<void> {
  if (store.getState().basis.kind === 'landuse') return;
  const { loadLandUse } = await import('../data/landuse/landuse-saved.ts');
  const saved = await loadLandUse();
  if (life.disposed || store.getState().basis.kind === 'landuse' || (saved.ok && saved.value?.inUse)) return;
  await loadCatalogues(['share']);
  if (life.disposed) return;
  store.update((state) => announce(state, 'info', translate(state.lang, 'link.basisUnavailable')));
}

/**
 * @returns `whenReady`: resolves when the link's selection has been resolved against the loaded data
 */
export function installUrlSync({ store, view, ready }: AppServices, life: Lifetime): { whenReady: Promise<void> } {
  const defaults = Object.entries(defaultLayerVisibility()).filter(([, visible]) => visible).map(([id]) => id);
  let pending: UrlState = {};

  const apply = (parsed: UrlState) => {
    if (parsed.view) jumpToCamera(view, parsed.view);
    store.update((state) => applyUrlState(state, parsed, KNOWN));
    pending = parsed;
  };
  // The selection needs the loaded data, the basis the land-use layer: both are resolved once the app is ready.
  const resolvePending = () => {
    const { selectedId, basis } = pending;
    pending = {};
    if (basis === 'landuse') void checkLandUseBasis(store, life);
    if (!selectedId) return;
    store.update((state) => {
      const layer = layerOfFeature(state, selectedId);
      return layer ? select(state, { type: 'feature', layer, id: selectedId }) : state;
    });
  };

  apply(parseUrlHash(location.hash, KNOWN));

  let lastWritten = '';
  let live = false;
  const write = () => {
    if (!live || life.disposed) return;
    const hash = formatUrlHash({ view: currentCamera(view), ...urlStateOf(store.getState(), KNOWN) }, defaults);
    if (hash === lastWritten) return;
    lastWritten = hash;
    history.replaceState(history.state, '', hash);
  };
  const schedule = life.debounce(write, WRITE_DELAY_MS);
  writeNow = write;
  life.add(() => { if (writeNow === write) writeNow = undefined; });

  const whenReady = ready.then(() => {
    if (life.disposed) return;
    resolvePending();
    live = true;
    write();
    life.add(onCameraMoved(view, schedule));
    life.add(store.select((state) => [state.lang, state.layerVisibility, state.selection, state.mode, state.layerOpacity, state.year,
      state.basis, state.compare, state.largeText], schedule, sameItems));
    life.listen(window, 'hashchange', () => {
      if (location.hash === lastWritten) return;
      apply(parseUrlHash(location.hash, KNOWN));
      resolvePending();
    });
  });
  return { whenReady };
}
