/**
 * Cluster explorer: `<plan-clusters>` cards in the side panel. Choosing a card selects the cluster
 * (state.selection, layer 'structure') and fits the map to it; the selection draws the highlight (see
 * install-interface.ts). A cluster picked on the map (same selection) opens its card.
 */
import '../ui/components/side-panel/side-panel.ts';
import '../ui/components/clusters/clusters.ts';
import { PlanSidePanel } from '../ui/components/side-panel/side-panel.ts';
import { selectedClusterId } from '../ui/components/clusters/clusters.ts';
import type { AppServices } from './services.ts';
import { findFeature } from '../state/selected-feature.ts';
import { announce } from '../state/plan-state.ts';
import { translate } from '../i18n/messages.ts';
import { focusCluster } from '../map/cluster-focus.ts';

export function installClusters(services: AppServices): void {
  const { app, store, view } = services;
  const explorer = document.createElement('plan-clusters');
  const section = PlanSidePanel.addSection({ id: 'clusters', labelKey: 'clusters.panel', content: explorer, order: 15 }, app);
  if (!section) {
    explorer.slot = 'panel';
    app.append(explorer);
  }

  explorer.addEventListener('plan-cluster-choose', (event) => {
    const { id } = (event as CustomEvent<{ id: string }>).detail;
    const feature = findFeature(store.getState(), 'structure', id);
    if (!feature) return;
    store.update((state) => {
      const name = String((state.lang === 'zh' ? feature.properties?.name_zh : feature.properties?.name_en) ?? id);
      return announce({ ...state, selection: { type: 'feature', layer: 'structure', id } }, 'info', translate(state.lang, 'clusters.shown', { name }));
    });
    focusCluster(view.map, feature);
  });
  explorer.addEventListener('plan-cluster-close', () => {
    const id = selectedClusterId(store.getState());
    store.update((state) => ({ ...state, selection: { type: 'none' } }));
    if (id) explorer.focusCard(id);
  });

  // A cluster picked on the map (or anywhere else) opens its card: show the section after the
  // inspector has revealed itself, so the card is what scrolls into view.
  store.subscribe((next, previous) => {
    const id = selectedClusterId(next);
    if (!id || id === selectedClusterId(previous)) return;
    requestAnimationFrame(() => {
      if (section) section.open = true;
      const panel = app.querySelector('plan-side-panel');
      if (panel) panel.collapsed = false;
      void explorer.updateComplete.then(() => {
        explorer.shadowRoot?.querySelector(`li.card[data-id="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'nearest' });
      });
    });
  });
}
