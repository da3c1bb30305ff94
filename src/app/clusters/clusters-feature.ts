/**
 * Cluster explorer: `<plan-clusters>` cards in the side panel. Choosing a card selects the cluster
 * (state.selection, layer 'structure') and fits the map to it; the selection draws the highlight (see
 * install-interface.ts). A cluster picked on the map (same selection) opens its card.
 */
import '../../ui/components/clusters/clusters.ts';
import { mountSection } from '../shell/panel-section.ts';
import { selectedClusterId } from '../../ui/components/clusters/clusters.ts';
import type { AppServices, Dispose } from '../shell/services.ts';
import { Lifetime } from '../shell/lifetime.ts';
import { findFeature } from '../../state/selected-feature.ts';
import { announce } from '../../state/plan-state.ts';
import { clearSelection, select } from '../../state/actions.ts';
import { translate } from '../../i18n/messages.ts';
import { featureName } from '../../i18n/feature-name.ts';
import { focusCluster } from '../../map/cluster-focus.ts';

export function install({ app, store, view }: AppServices): Dispose {
  const life = new Lifetime();
  const explorer = mountSection(app, life, { id: 'clusters', labelKey: 'clusters.panel', content: document.createElement('plan-clusters'), order: 15 });

  life.listen(app, 'plan-cluster-choose', ({ detail: { id } }) => {
    const feature = findFeature(store.getState(), 'structure', id);
    if (!feature) return;
    store.update((state) => announce(select(state, { type: 'feature', layer: 'structure', id }), 'info',
      translate(state.lang, 'clusters.shown', { name: featureName(feature, state.lang, id) })));
    focusCluster(view, feature);
  });
  life.listen(app, 'plan-cluster-close', () => {
    const id = selectedClusterId(store.getState());
    store.update(clearSelection);
    if (id) explorer.focusCard(id);
  });

  // A cluster picked on the map (or anywhere else) opens its card: show the section after the
  // inspector has revealed itself, so the card is what scrolls into view.
  let frame = 0;
  life.add(() => cancelAnimationFrame(frame));
  life.add(store.select(selectedClusterId, (id) => {
    if (!id) return;
    frame = requestAnimationFrame(() => {
      const section = explorer.closest('plan-panel-section');
      if (section) section.open = true;
      const panel = app.querySelector('plan-side-panel');
      if (panel) panel.collapsed = false;
      void explorer.updateComplete.then(() => explorer.revealCard(id));
    });
  }));
  return () => life.dispose();
}
