import type { AppServices } from './services.ts';
import { CATALOG_LAYERS, defaultLayerVisibility } from '../state/layer-catalog.ts';
import { layerOfFeature } from '../state/selected-feature.ts';
import { formatUrlHash, parseUrlHash } from '../state/url-state.ts';
import type { UrlState } from '../state/url-state.ts';

const WRITE_DELAY_MS = 300;

/**
 * Reads the URL hash at start-up (view, visible layers, language, selection) and, once the app is
 * ready, keeps it up to date with `history.replaceState` (debounced). A hash change by hand is applied too.
 * @returns resolves when the initial selection has been resolved against the loaded data
 */
export function installUrlState({ store, view, ready }: AppServices): Promise<void> {
  const known = CATALOG_LAYERS.map((layer) => layer.id);
  const defaults = Object.entries(defaultLayerVisibility()).filter(([, visible]) => visible).map(([id]) => id);
  let pendingSelection: string | undefined;

  const apply = (parsed: UrlState) => {
    if (parsed.view) view.map.jumpTo({ ...parsed.view });
    store.update((state) => {
      let next = state;
      if (parsed.lang && parsed.lang !== state.lang) next = { ...next, lang: parsed.lang };
      if (parsed.visibleLayers) {
        const visible = new Set(parsed.visibleLayers);
        next = { ...next, layerVisibility: Object.fromEntries(known.map((id) => [id, visible.has(id)])) };
      }
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
      return layer ? { ...state, selection: { type: 'feature', layer, id } } : state;
    });
  };

  apply(parseUrlHash(location.hash, known));

  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastWritten = '';
  const write = () => {
    timer = undefined;
    const map = view.map;
    const state = store.getState();
    const center = map.getCenter();
    const hash = formatUrlHash({
      view: { center: [center.lng, center.lat], zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() },
      visibleLayers: known.filter((id) => state.layerVisibility[id]),
      lang: state.lang,
      selectedId: state.selection.type === 'feature' ? state.selection.id : undefined,
    }, defaults);
    if (hash === lastWritten) return;
    lastWritten = hash;
    history.replaceState(history.state, '', hash);
  };
  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(write, WRITE_DELAY_MS);
  };

  return ready.then(() => {
    resolveSelection();
    write();
    view.map.on('moveend', schedule);
    store.subscribe((next, previous) => {
      if (next.lang !== previous.lang || next.layerVisibility !== previous.layerVisibility || next.selection !== previous.selection) schedule();
    });
    window.addEventListener('hashchange', () => {
      if (location.hash === lastWritten) return;
      apply(parseUrlHash(location.hash, known));
      resolveSelection();
    });
  });
}
