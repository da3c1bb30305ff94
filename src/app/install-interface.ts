/**
 * Planner and public interface: side panel (inspector, layer tree, legend), search in the header,
 * map picking and highlight, layer visibility and opacity, the URL hash. Events from the components become
 * actions on the store; selectors drive the map and the panels. `dispose` removes all of it.
 */
import '../ui/components/side-panel/side-panel.ts';
import '../ui/components/layer-tree/layer-tree.ts';
import '../ui/components/legend/legend.ts';
import '../ui/components/inspector/inspector.ts';
import '../ui/components/search/search.ts';
import '../ui/components/mode-switch/mode-switch.ts';
import { PlanSidePanel } from '../ui/components/side-panel/side-panel.ts';
import type { PlanInspector } from '../ui/components/inspector/inspector.ts';
import type { PlanLegend } from '../ui/components/legend/legend.ts';
import type { PlanSearch } from '../ui/components/search/search.ts';
import type { PlanSidePanel as SidePanel } from '../ui/components/side-panel/side-panel.ts';
import type { AppServices, Dispose } from './shell/services.ts';
import { Lifetime } from './shell/lifetime.ts';
import { announce } from '../state/plan-state.ts';
import type { PlanState } from '../state/plan-state.ts';
import { clearLegendFilter, clearSelection, filterToLegendLayer, select, setLayerOpacity, setLayersVisible, setLegend, setMode } from '../state/actions.ts';
import { MODES } from '../state/modes.ts';
import { drawnVisibility, LAYER_GROUPS } from '../state/layer-catalog.ts';
import { sameItems } from '../state/store.ts';
import { translate } from '../i18n/messages.ts';
import { featureName } from '../i18n/feature-name.ts';
import { findFeature } from '../state/selected-feature.ts';
import { mapSceneOf } from '../map/scene/map-scene.ts';
import { legendEntries } from '../map/legend-entries.ts';
import { planImageLegendEntries } from '../state/plan-image-state.ts';
import { onLandUseLayerChange } from '../map/landuse-on-map.ts';
import { flyToFeature } from '../map/highlight.ts';
import type { PickedFeature } from '../map/pointer.ts';
import { collapseAttribution, fitInitialView } from '../map/initial-view.ts';
import { mapCanvas, mapContainer } from '../map/map-element.ts';
import { installUrlSync, linkHasCamera } from './url-sync.ts';
import { installCoreFigures } from './inspector-figures.ts';

/** Phone layout (the shell's side panel becomes a bottom sheet at this width). */
const PHONE_QUERY = '(max-width: 700px)';
const phone = () => globalThis.matchMedia?.(PHONE_QUERY).matches ?? false;

interface InterfaceParts {
  search: PlanSearch;
  panel: SidePanel;
  inspector: PlanInspector;
  legend: PlanLegend;
}

/** Creates the search box and the side panel with its inspector, layer tree and legend sections. */
function mountInterface({ app }: AppServices, life: Lifetime): InterfaceParts {
  life.toolbar(app, document.createElement('plan-mode-switch'), 5);
  const search = life.toolbar(app, document.createElement('plan-search'), 10);
  const panel = document.createElement('plan-side-panel');
  panel.slot = 'panel';
  life.append(app, panel);
  // On phones the sheet starts as a peek bar so the map is the main thing; choosing a feature opens it.
  panel.collapsed = phone();
  const inspector = document.createElement('plan-inspector');
  const legend = document.createElement('plan-legend');
  PlanSidePanel.addSection({ id: 'inspector', labelKey: 'panel.inspector', content: inspector, order: 10 }, app);
  PlanSidePanel.addSection({ id: 'layers', labelKey: 'panel.layers', content: document.createElement('plan-layer-tree'), order: 20 }, app);
  PlanSidePanel.addSection({ id: 'legend', labelKey: 'panel.legend', content: legend, order: 30 }, app);
  return { search, panel, inspector, legend };
}

/** Choosing features: search, inspector links, map clicks and taps, Escape; hover and selection highlight. */
function installSelection(services: AppServices, life: Lifetime, { search, panel, inspector }: InterfaceParts): void {
  const { store, view, app, pointer, keys } = services;
  let returnFocus: HTMLElement | undefined;
  /** set after a pointer pick on the map: the next Tab from the map goes to the inspector's heading */
  let tabToInspector = false;
  let hovered: PickedFeature | undefined;

  const drawHighlight = (state: PlanState) => {
    // the scene draws the selection from the state and the hovered feature from this part (src/map/scene)
    mapSceneOf(view)?.setPart('hovered', (hovered ? findFeature(state, hovered.layer, hovered.id) : undefined) ?? null);
  };
  const choose = (picked: PickedFeature | undefined) => {
    store.update((state) => {
      if (!picked) return clearSelection(state);
      // a map pick tells the inspector where it was clicked (its "Where" context); other choices do not
      const next = select(state, { type: 'feature', layer: picked.layer, id: picked.id, ...(picked.at ? { at: picked.at } : {}) });
      const name = featureName(findFeature(state, picked.layer, picked.id), state.lang, picked.id);
      // screen readers hear what was chosen (the inspector itself is not a live region)
      return announce(next, 'info', translate(state.lang, 'inspector.selected', { name }));
    });
    if (picked) panel.reveal('inspector');
  };
  const chooseAndShow = (picked: PickedFeature) => {
    choose(picked);
    const feature = findFeature(store.getState(), picked.layer, picked.id);
    if (feature) flyToFeature(view, feature);
  };

  life.listen(app, 'plan-search-choose', (event) => {
    chooseAndShow(event.detail);
    returnFocus = search;
    inspector.focusHeading();
  });
  // the inspector's "Where" / "Contains" buttons select like a search result (focus stays in the inspector)
  life.listen(app, 'plan-inspector-choose', (event) => {
    chooseAndShow(event.detail);
    inspector.focusHeading({ preventScroll: true });
  });
  life.listen(app, 'plan-inspector-close', () => {
    store.update(clearSelection);
    returnFocus?.focus();
    returnFocus = undefined;
  });
  // Escape anywhere else (the map, the panel) closes the inspector too.
  life.add(keys.register({
    scope: 'panel', keys: ['Escape'], id: 'selection.clear',
    when: () => store.getState().selection.type !== 'none',
    run: () => choose(undefined),
  }));
  // Keyboard users: after a pick on the map, one Tab from the map reaches the inspector's heading.
  life.add(keys.register({
    scope: 'map', keys: ['Tab'], id: 'map.toInspector',
    when: () => tabToInspector,
    run: (event) => {
      if (event.shiftKey || !event.composedPath().includes(mapContainer(view))) return false;
      tabToInspector = false;
      if (store.getState().selection.type === 'none') return false;
      returnFocus = mapCanvas(view);
      inspector.focusHeading();
    },
  }));
  /** A map click or tap: focus follows only for keyboard / assistive clicks and on phones. */
  life.add(pointer.onClick(({ plan, originalEvent }) => {
    if (store.getState().study.mode !== 'off') return; // the study tool places vertices
    choose(plan);
    tabToInspector = Boolean(plan);
    // detail 0: a click synthesised by the keyboard or a screen reader, not a pointer
    if (plan && ((originalEvent !== undefined && originalEvent.detail === 0) || phone())) {
      returnFocus = mapCanvas(view);
      inspector.focusHeading({ preventScroll: true });
    }
  }));
  life.add(pointer.onHover((picked) => {
    hovered = picked;
    drawHighlight(store.getState());
  }));
  // the study tool owns the map's pointer while it draws or edits: drop any hover highlight
  life.add(store.select((state) => state.study.mode !== 'off', (active, _previous, state) => {
    if (!active || !hovered) return;
    hovered = undefined;
    drawHighlight(state);
  }));
  life.add(store.select((state) => state.data, (_value, _previous, state) => drawHighlight(state)));
  drawHighlight(store.getState());
  life.add(() => mapSceneOf(view)?.setPart('hovered', null));
}

/** Layer tree events → actions; opacity and legend follow the state. */
function installLayerControls(services: AppServices, life: Lifetime): void {
  const { store, view, app } = services;
  life.listen(app, 'plan-layers-visible', ({ detail }) => store.update((state) => setLayersVisible(state, detail.ids, detail.visible)));
  life.listen(app, 'plan-layer-opacity', ({ detail }) => store.update((state) => setLayerOpacity(state, detail.id, detail.opacity)));
  life.listen(app, 'plan-mode-change', ({ detail }) => store.update((state) => setMode(state, detail)));
  life.listen(app, 'plan-landuse-open', () => {
    store.update((state) => setMode(state, 'analyse'));
    app.querySelector('plan-side-panel')?.reveal('landuse');
  });
  life.add(services.keys.register({
    scope: 'map', keys: ['1', '2', '3'], id: 'mode.switch', notWhileTyping: true,
    run: (event) => store.update((state) => setMode(state, MODES[Number(event.key) - 1]!)),
  }));
  life.listen(app, 'plan-legend-filter', ({ detail }) => {
    const { id } = detail;
    const group = id ? LAYER_GROUPS.find((candidate) => candidate.layers.some((layer) => layer.id === id)) : undefined;
    store.update((state) => (id && group ? filterToLegendLayer(state, id, group.layers.map((layer) => layer.id)) : clearLegendFilter(state)));
  });
  const refreshLegend = (state: PlanState) => store.update((current) => setLegend(current, [
    ...legendEntries(view, drawnVisibility(state.layerVisibility, state.data), state.lang),
    ...planImageLegendEntries(state.planImages, translate(state.lang, 'planImage.title')),
  ]));
  refreshLegend(store.getState());
  life.add(store.select((state) => [state.layerVisibility, state.lang, state.layerOpacity, state.data, state.basemap.current, state.planImages.images],
    (_value, _previous, state) => refreshLegend(state), sameItems));
  life.add(onLandUseLayerChange(view, () => refreshLegend(store.getState())));
}

export function installInterface(services: AppServices): Dispose {
  const { store, view } = services;
  const life = new Lifetime();
  const parts = mountInterface(services, life);
  const url = installUrlSync(services, life);
  // Initial camera when the URL has none: the whole boundary, computed before the first full frame.
  if (!linkHasCamera()) {
    const stop = store.select((state) => state.data.boundary, (boundary) => {
      if (!boundary) return;
      stop();
      fitInitialView(view, boundary);
    });
    life.add(stop);
  }
  void view.whenLoaded().then(async () => {
    if (life.disposed) return;
    collapseAttribution(view);
    await url.whenReady;
    if (life.disposed) return;
    // a link with a selection shows that feature's details (on phones: opens the sheet)
    if (store.getState().selection.type === 'feature') parts.panel.reveal('inspector');
    installLayerControls(services, life);
  });
  installSelection(services, life, parts);
  life.add(installCoreFigures(store, services.figures));
  return () => life.dispose();
}
