/**
 * The three control lines beside the land-use layer: the "Control lines" panel section, its events and the
 * session that reads the lines into the land-use worker (./control-lines-session.ts). Installed by the land-use
 * feature (the lines are cut into its layer's parcels); `life` removes the section, the listeners, the worker
 * and the slice with it.
 */
import type { Store } from '../../state/store.ts';
import type { PlanState } from '../../state/plan-state.ts';
import type { Lifetime } from '../shell/lifetime.ts';
import { mountSection } from '../shell/panel-section.ts';
import '../../ui/components/landuse/control-lines-panel.ts';
import '../../ui/components/landuse/control-lines-conflicts.ts';
import { initialControlLinesState, onControlLines, setLinesVisible } from '../../state/control-lines-state.ts';
import { ControlLinesSession } from './control-lines-session.ts';
import type { FiguresService } from '../analysis/figures-service.ts';
import { provideScenePart } from '../../map/scene/lazy-parts.ts';
import { controlLinesScenePart } from '../../map/scene/control-line-specs.ts';

export function installControlLines(app: HTMLElement, store: Store<PlanState>, life: Lifetime, figures: FiguresService): ControlLinesSession {
  provideScenePart('controlLines', controlLinesScenePart);
  // The lines leave with the feature: the slice goes back to empty once the panel reading it has gone.
  life.add(() => store.update((state) => ({ ...state, controlLines: initialControlLinesState() })));
  mountSection(app, life, { id: 'control-lines', labelKey: 'controlLines.title', content: document.createElement('plan-control-lines-panel'), order: 46, open: true });
  const session = new ControlLinesSession(store, life, figures);
  life.listen(app, 'plan-control-lines-files', ({ detail }) => session.open(detail.files));
  life.listen(app, 'plan-control-lines-role', ({ detail }) => session.answer(detail.id, detail.choice));
  life.listen(app, 'plan-control-lines-kind', ({ detail }) => session.kind(detail.kind));
  life.listen(app, 'plan-control-lines-cancel', () => session.cancel());
  life.listen(app, 'plan-control-lines-remove', () => void session.remove());
  life.listen(app, 'plan-control-lines-display', ({ detail }) => store.update((state) => onControlLines(state, (slice) => setLinesVisible(slice, detail.visible))));
  // A question for the planner opens the section.
  life.add(store.select((state) => state.controlLines.question !== null || state.controlLines.mixed !== null, (asking) => {
    if (asking) app.querySelector('plan-side-panel')?.reveal('control-lines');
  }));
  return session;
}
