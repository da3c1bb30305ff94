/**
 * The planner's own land-use layer: `<plan-landuse-panel>` in the side panel; chosen files go to the
 * land-use worker (read, reproject, classify); the parcels are drawn in their class colours. The prepared
 * layer is provided as the figures client of the `landuse` basis (./landuse-figures-client.ts); "Use for
 * indicators" makes it the basis of every figure (state.basis), and the analysis recomputes the whole area,
 * clusters, subdistricts, cores, study area and what-if outlines from it. A file that cannot be read leaves
 * the layer, its figures and the map as they were. The files and the user's choices are saved (IndexedDB)
 * and read again at the next visit, with the control lines and the second state. `dispose` stops the worker and removes the panel, the listeners, the map
 * layer and the basis (back to the schematic layers).
 */
import type { AppServices, Dispose } from '../shell/services.ts';
import { Lifetime } from '../shell/lifetime.ts';
import { LandUseLayer } from '../../map/landuse-layer.ts';
import '../../ui/components/landuse/landuse-panel.ts';
import { mountSection } from '../shell/panel-section.ts';
import type { PlanLandUsePanel } from '../../ui/components/landuse/landuse-panel.ts';
import { LandUseSession } from './landuse-session.ts';
import { installControlLines } from './control-lines-feature.ts';
import { LandUseStates } from './landuse-states.ts';
import { restoreSecondState } from './second-state-restore.ts';
import { initialLandUseState, onLandUse, setLandUseOpacity, setLandUseVisible } from '../../state/landuse-state.ts';

/** The panel reads `state.landuse` itself (through the store context). */
function mountPanel(app: HTMLElement, life: Lifetime): PlanLandUsePanel {
  return mountSection(app, life, { id: 'landuse', labelKey: 'landuse.title', content: document.createElement('plan-landuse-panel'), order: 45, open: true });
}

export function install({ app, store, view, figures }: AppServices): Dispose {
  const life = new Lifetime();
  // The layer leaves with its feature: the slice goes back to empty — last, once the panel reading it has gone.
  life.add(() => store.update((state) => ({ ...state, landuse: initialLandUseState() })));
  mountPanel(app, life);
  const layer = new LandUseLayer(view);
  const session = new LandUseSession(store, layer, life, figures);
  const lines = installControlLines(app, store, life, figures);
  // A dropped delivery may hold the control lines rather than a land-use layer (./control-lines-feature.ts).
  life.listen(app, 'plan-landuse-files', ({ detail }) => (detail.dropped ? void lines.route(detail.files, () => session.open(detail.files)) : session.open(detail.files)));
  life.listen(app, 'plan-landuse-settings', ({ detail }) => session.change(detail));
  life.listen(app, 'plan-landuse-use', ({ detail }) => session.use(detail.use));
  life.listen(app, 'plan-landuse-display', ({ detail }) => store.update((state) => onLandUse(state, (slice) => {
    const shown = detail.visible === undefined ? slice : setLandUseVisible(slice, detail.visible);
    return detail.opacity === undefined ? shown : setLandUseOpacity(shown, detail.opacity);
  })));
  life.listen(app, 'plan-landuse-confirm', () => session.confirm());
  life.listen(app, 'plan-landuse-cancel', () => session.cancel());
  // a second layer is offered as the other state (现状 / 规划), with the transition matrix between the two
  const states = new LandUseStates(store, session, life, figures);
  life.listen(app, 'plan-landuse-state', ({ detail }) => void states.choose(detail.choice));
  life.listen(app, 'plan-transition-level', ({ detail }) => void states.level(detail.level));
  // what was saved at the last visit: the layer first, then the control lines cut into it and the second state beside it
  void session.restore().then(() => Promise.all([lines.restore(), restoreSecondState(store, session, states, figures, life)]));
  return () => life.dispose();
}
