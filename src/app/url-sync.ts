/**
 * The URL hash: read at start-up (camera, visible layers, language, selection), then kept up to date with
 * `history.replaceState` (debounced) once the app is ready. A hash edited by hand is applied too.
 */
import type { AppServices } from './services.ts';
import type { Lifetime } from './lifetime.ts';
import { CATALOG_LAYERS, defaultLayerVisibility } from '../state/layer-catalog.ts';
import { layerOfFeature } from '../state/selected-feature.ts';
import { formatUrlHash, parseUrlHash } from '../state/url-state.ts';
import type { UrlState } from '../state/url-state.ts';
import { select, setLanguage, setMode, showOnlyLayers } from '../state/actions.ts';
import { sameItems } from '../state/store.ts';
import { currentCamera, jumpToCamera, onCameraMoved } from '../map/camera.ts';

const WRITE_DELAY_MS = 300;
const KNOWN = CATALOG_LAYERS.map((layer) => layer.id);

/** True when the page was opened with a camera in its link. */
export function linkHasCamera(): boolean {
  return Boolean(parseUrlHash(location.hash, KNOWN).view);
}

/**
 * @returns `whenReady`: resolves when the link's selection has been resolved against the loaded data
 */
export function installUrlSync({ store, view, ready }: AppServices, life: Lifetime): { whenReady: Promise<void> } {
  const defaults = Object.entries(defaultLayerVisibility()).filter(([, visible]) => visible).map(([id]) => id);
  let pendingSelection: string | undefined;

  const apply = (parsed: UrlState) => {
    if (parsed.view) jumpToCamera(view, parsed.view);
    store.update((state) => {
      let next = parsed.lang ? setLanguage(state, parsed.lang) : state;
      if (parsed.visibleLayers) next = showOnlyLayers(next, KNOWN, parsed.visibleLayers);
      if (parsed.mode) next = setMode(next, parsed.mode);
      return next;
    });
    pendingSelection = parsed.selectedId;
  };
  const resolveSelection = () => {
    const id = pendingSelection;
    pendingSelection = undefined;
    if (!id) return;
    store.update((state) => {
      const layer = layerOfFeature(state, id);
      return layer ? select(state, { type: 'feature', layer, id }) : state;
    });
  };

  apply(parseUrlHash(location.hash, KNOWN));

  let lastWritten = '';
  const write = () => {
    const state = store.getState();
    const hash = formatUrlHash({
      view: currentCamera(view),
      visibleLayers: KNOWN.filter((id) => state.layerVisibility[id]),
      lang: state.lang,
      selectedId: state.selection.type === 'feature' ? state.selection.id : undefined,
      mode: state.mode,
    }, defaults);
    if (hash === lastWritten) return;
    lastWritten = hash;
    history.replaceState(history.state, '', hash);
  };
  const schedule = life.debounce(write, WRITE_DELAY_MS);

  const whenReady = ready.then(() => {
    if (life.disposed) return;
    resolveSelection();
    write();
    life.add(onCameraMoved(view, schedule));
    life.add(store.select((state) => [state.lang, state.layerVisibility, state.selection, state.mode], schedule, sameItems));
    life.listen(window, 'hashchange', () => {
      if (location.hash === lastWritten) return;
      apply(parseUrlHash(location.hash, KNOWN));
      resolveSelection();
    });
  });
  return { whenReady };
}
