/**
 * A page for component tests: the app's elements on their own, each handed a store the test fills, with none of
 * the map, workers or features. Built by test/browser/global-setup.ts into dist-components/; tests drive it
 * through `globalThis.harness`.
 */
import '../../src/i18n/all-messages.ts';
import '../../src/ui/components/indicators/indicator-bar.ts';
import '../../src/ui/components/landuse/landuse-panel.ts';
import '../../src/ui/presenter/deck-panel.ts';
import '../../src/ui/presenter/presenter-overlay.ts';
import { Store } from '../../src/state/store.ts';
import { initialState } from '../../src/state/plan-state.ts';
import type { PlanState } from '../../src/state/plan-state.ts';
import { checkTarget } from '../../src/core/analysis/target-check.ts';

interface Mounted {
  element: HTMLElement & { store: Store<PlanState> | undefined; updateComplete: Promise<boolean> };
  store: Store<PlanState>;
  /** how many times the element has rendered */
  renders: () => number;
  /** the events of these types the element fired, in order */
  events: { type: string; detail: unknown }[];
}

export interface Harness {
  initialState: typeof initialState;
  checkTarget: typeof checkTarget;
  mount(tag: string, state?: Partial<PlanState>, eventTypes?: readonly string[]): Promise<Mounted>;
}

const harness: Harness = {
  initialState,
  checkTarget,
  /**
   * Mounts `<tag>` in the body with a new store holding `state` (the initial state where omitted), counting renders
   * and recording the events of `eventTypes`.
   */
  async mount(tag: string, state: Partial<PlanState> = {}, eventTypes: readonly string[] = []): Promise<Mounted> {
    const store = new Store<PlanState>({ ...initialState('en'), ...state });
    const element = document.createElement(tag) as Mounted['element'];
    let renders = 0;
    const render = (element as unknown as { render: () => unknown }).render.bind(element);
    (element as unknown as { render: () => unknown }).render = () => {
      renders += 1;
      return render();
    };
    const events: Mounted['events'] = [];
    for (const type of eventTypes) element.addEventListener(type, (event) => events.push({ type, detail: (event as CustomEvent).detail }));
    element.store = store;
    document.body.append(element);
    await element.updateComplete;
    return { element, store, renders: () => renders, events };
  },
};

declare global {
  var harness: Harness;
  var mounted: Mounted | undefined;
}

globalThis.harness = harness;
