/**
 * Planner and public interface: side panel (inspector, layer tree, legend), search in the header,
 * map picking and highlight, layer opacity, URL hash state. Wires state ↔ map ↔ ui; see README.
 */
import '../ui/components/side-panel/side-panel.ts';
import '../ui/components/layer-tree/layer-tree.ts';
import '../ui/components/legend/legend.ts';
import '../ui/components/inspector/inspector.ts';
import '../ui/components/search/search.ts';
import { PlanSidePanel } from '../ui/components/side-panel/side-panel.ts';
import type { AppServices } from './services.ts';
import { announce } from '../state/plan-state.ts';
import type { PlanState } from '../state/plan-state.ts';
import { translate } from '../i18n/messages.ts';
import { findFeature, selectedFeature } from '../state/selected-feature.ts';
import { applyLayerOpacity } from '../map/layer-opacity.ts';
import { legendEntries } from '../map/legend-entries.ts';
import { flyToFeature, listenForFeatures, setHighlight } from '../map/highlight.ts';
import type { PickedFeature } from '../map/highlight.ts';
import { installUrlState } from './url-sync.ts';
import { importedStyleLayers } from '../map/imported-opacity.ts';
import { collapseAttribution, fitInitialView } from '../map/initial-view.ts';
import { parseUrlHash } from '../state/url-state.ts';
import { CATALOG_LAYERS } from '../state/layer-catalog.ts';
import { installCoreFigures } from './inspector-figures.ts';

/** Phone layout (the shell's side panel becomes a bottom sheet at this width). */
const PHONE_QUERY = '(max-width: 700px)';

export function installInterface(services: AppServices): Promise<void> {
  const { store, view, app } = services;
  const map = view.map;
  const urlHasView = Boolean(parseUrlHash(location.hash, CATALOG_LAYERS.map((layer) => layer.id)).view);
  const whenReady = installUrlState(services);
  const phone = () => globalThis.matchMedia?.(PHONE_QUERY).matches ?? false;

  const search = document.createElement('plan-search');
  search.slot = 'toolbar';
  app.append(search);

  const panel = document.createElement('plan-side-panel');
  panel.slot = 'panel';
  app.append(panel);
  // On phones the sheet starts as a peek bar so the map is the main thing; choosing a feature opens it.
  panel.collapsed = phone();
  const inspector = document.createElement('plan-inspector');
  const legend = document.createElement('plan-legend');
  PlanSidePanel.addSection({ id: 'inspector', labelKey: 'panel.inspector', content: inspector, order: 10 }, app);
  PlanSidePanel.addSection({ id: 'layers', labelKey: 'panel.layers', content: document.createElement('plan-layer-tree'), order: 20 }, app);
  PlanSidePanel.addSection({ id: 'legend', labelKey: 'panel.legend', content: legend, order: 30 }, app);

  let hovered: PickedFeature | undefined;
  const drawHighlight = (state: PlanState) => {
    const hoveredFeature = hovered ? findFeature(state, hovered.layer, hovered.id) : undefined;
    setHighlight(view, selectedFeature(state), hoveredFeature);
  };
  const refreshLegend = (state: PlanState) => {
    legend.items = legendEntries(map, state.layerVisibility, state.lang);
  };

  let returnFocus: HTMLElement | undefined;
  /** set after a pointer pick on the map: the next Tab from the map goes to the inspector's heading */
  let tabToInspector = false;
  const select = (picked: PickedFeature | undefined) => {
    // a map pick tells the inspector where it was clicked (its "Where" context); other choices do not
    inspector.pickedAt = picked?.at ? picked : undefined;
    store.update((state) => {
      if (!picked) return state.selection.type === 'none' ? state : { ...state, selection: { type: 'none' } };
      const next: PlanState = { ...state, selection: { type: 'feature', layer: picked.layer, id: picked.id } };
      const properties = findFeature(state, picked.layer, picked.id)?.properties ?? {};
      const name = String(properties[`name_${state.lang}`] ?? properties.name_zh ?? properties.name_en ?? picked.id);
      // screen readers hear what was chosen (the inspector itself is not a live region)
      return announce(next, 'info', translate(state.lang, 'inspector.selected', { name }));
    });
    if (picked) panel.reveal('inspector');
  };

  search.addEventListener('plan-search-choose', (event) => {
    const { layer, id } = event.detail;
    select({ layer, id });
    const feature = findFeature(store.getState(), layer, id);
    if (feature) flyToFeature(map, feature);
    returnFocus = search;
    inspector.focusHeading();
  });
  // the inspector's "Where" / "Contains" buttons select like a search result (focus stays in the inspector)
  inspector.addEventListener('plan-inspector-choose', (event) => {
    const { layer, id } = event.detail;
    select({ layer, id });
    const feature = findFeature(store.getState(), layer, id);
    if (feature) flyToFeature(map, feature);
    inspector.focusHeading({ preventScroll: true });
  });
  installCoreFigures(store, inspector);
  inspector.addEventListener('plan-inspector-close', () => {
    returnFocus?.focus();
    returnFocus = undefined;
  });
  // Escape anywhere else (the map, the panel) closes the inspector too.
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || event.defaultPrevented || store.getState().selection.type === 'none') return;
    select(undefined);
  });

  // Keyboard users: after a pick on the map, one Tab from the map reaches the inspector's heading.
  map.getContainer().addEventListener('keydown', (event) => {
    if (event.key !== 'Tab' || event.shiftKey || !tabToInspector) return;
    tabToInspector = false;
    if (store.getState().selection.type === 'none') return;
    event.preventDefault();
    returnFocus = map.getCanvas();
    inspector.focusHeading();
  });
  /** A map click or tap that chose a feature: focus follows only for keyboard / assistive clicks and on phones. */
  const mapPick = (picked: PickedFeature | undefined, originalEvent: MouseEvent | undefined) => {
    if (store.getState().study.mode !== 'off') return; // the study tool places vertices
    select(picked);
    tabToInspector = Boolean(picked);
    if (!picked) return;
    // detail 0: a click synthesised by the keyboard or a screen reader, not a pointer
    const assistive = originalEvent !== undefined && originalEvent.detail === 0;
    if (assistive || phone()) {
      returnFocus = map.getCanvas();
      inspector.focusHeading({ preventScroll: true });
    }
  };

  // Initial camera when the URL has none: the whole boundary, computed before the first full frame.
  if (!urlHasView) {
    const unsubscribe = store.subscribe((next) => {
      const boundary = next.data.boundary;
      if (!boundary) return;
      unsubscribe();
      fitInitialView(map, boundary);
    });
  }

  return view.whenLoaded().then(async () => {
    collapseAttribution(map);
    await whenReady;
    const state = store.getState();
    // a link with a selection shows that feature's details (on phones: opens the sheet)
    if (state.selection.type === 'feature') panel.reveal('inspector');
    applyLayerOpacity(map, state.layerOpacity, importedStyleLayers(state.imports));
    refreshLegend(state);
    drawHighlight(state);
    store.subscribe((next, previous) => {
      if (next.layerOpacity !== previous.layerOpacity || next.imports !== previous.imports) {
        applyLayerOpacity(map, next.layerOpacity, importedStyleLayers(next.imports));
      }
      // the study tool owns the map's pointer while it draws or edits: drop any hover highlight
      if (next.study.mode !== 'off' && previous.study.mode === 'off' && hovered) {
        hovered = undefined;
        drawHighlight(next);
      }
      if (next.layerVisibility !== previous.layerVisibility || next.lang !== previous.lang || next.layerOpacity !== previous.layerOpacity) {
        refreshLegend(next);
      }
      if (next.selection !== previous.selection || next.data !== previous.data) drawHighlight(next);
    });
    // while the study tool draws or edits, map clicks place vertices and do not select features
    // (hover highlight and pointer cursor too: they stay quiet while the study tool is active)
    listenForFeatures(map, mapPick, (picked) => {
      hovered = picked;
      drawHighlight(store.getState());
    }, () => store.getState().study.mode === 'off');
  });
}
