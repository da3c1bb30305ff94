/**
 * Compare: two states of the map (plan vs what-if outlines, one year vs another, schematic layers vs the
 * land-use layer) under a swipe divider or side by side on wide screens, with the indicator deltas between
 * them. The panel and the divider render the compare state and emit `plan-compare`; the commands become the
 * compare actions; while `state.compare.active` the map shows the sides (src/map/compare-view.ts) and the
 * deltas go into `state.compareFigures`.
 * `c` starts or stops it. `dispose` removes the second map, the panel, the divider, the shortcut and the listeners.
 */
import '../../ui/components/compare/compare-panel.ts';
import '../../ui/components/compare/compare-divider.ts';
import { mountSection } from '../shell/panel-section.ts';
import { sideSummary } from '../../ui/components/compare/compare-panel.ts';
import type { AppServices, Dispose } from '../shell/services.ts';
import { Lifetime } from '../shell/lifetime.ts';
import type { PlanState } from '../../state/plan-state.ts';
import { announce } from '../../state/plan-state.ts';
import type { Store } from '../../state/store.ts';
import { sameItems } from '../../state/store.ts';
import { setCompareLayout, setComparePosition, setCompareSide, setMode, startCompare, stopCompare } from '../../state/actions.ts';
import { SIDE_BY_SIDE_MIN_WIDTH } from '../../state/compare-state.ts';
import { IDLE_COMPARE_FIGURES, presetSides, setCompareFigures } from '../../state/compare-deltas.ts';
import type { CompareFigures } from '../../state/compare-deltas.ts';
import type { CompareCommand, ComparePreset } from '../../state/compare-state.ts';
import { translate } from '../../i18n/messages.ts';
import { CompareMap } from './compare-map.ts';
import { deltaComputer, figureInputs, isMissingBasis } from './compare-figures.ts';

function mountPanel(app: HTMLElement, life: Lifetime): void {
  mountSection(app, life, { id: 'compare', labelKey: 'compare.title', content: document.createElement('plan-compare-panel'), order: 46, open: false });
}

function mountDivider(app: HTMLElement, life: Lifetime): void {
  const divider = document.createElement('plan-compare-divider');
  divider.slot = 'map';
  // Inline style wins over the shell's ::slotted([slot='map']); above the compare map, below the map's controls.
  divider.setAttribute('style', 'position:absolute;inset:0;z-index:2');
  divider.hidden = true;
  life.append(app, divider);
}

/** Carries out a command of the panel, the divider or the shortcut. */
function run(store: Store<PlanState>, command: CompareCommand): void {
  if (command.command === 'start') {
    const preset: ComparePreset = command.preset;
    store.update((state) => setMode(startCompare(state, presetSides(preset, { year: state.year, basis: state.basis.kind })), 'analyse'));
  } else if (command.command === 'stop') store.update(stopCompare);
  else if (command.command === 'side') store.update((state) => setCompareSide(state, command.side, command.change));
  else if (command.command === 'layout') store.update((state) => setCompareLayout(state, command.layout));
  else store.update((state) => setComparePosition(state, command.position));
}

/** The figures of the sides into the store while comparing (latest wins). */
function followFigures({ store, figures: service }: AppServices, life: Lifetime): void {
  const set = (figures: CompareFigures) => { if (!life.disposed) store.update((state) => setCompareFigures(state, figures)); };
  const { compute, stop } = deltaComputer(
    service,
    () => store.getState(),
    (deltas) => set({ status: 'ready', deltas }),
    (error) => {
      const lang = store.getState().lang;
      const detail = isMissingBasis(error) ? translate(lang, 'compare.landuseMissing') : error instanceof Error ? error.message : String(error);
      set({ status: 'error', detail });
    },
  );
  const refresh = () => {
    if (!store.getState().compare.active) {
      set(IDLE_COMPARE_FIGURES);
      return;
    }
    set({ status: 'computing' });
    void compute();
  };
  life.add(stop);
  life.add(store.select((state) => [state.compare.active, ...figureInputs(state)], refresh, sameItems));
  refresh();
}

export function install(services: AppServices): Dispose {
  const { app, store, keys } = services;
  const life = new Lifetime();
  mountPanel(app, life);
  mountDivider(app, life);
  const wide = window.matchMedia(`(min-width: ${SIDE_BY_SIDE_MIN_WIDTH}px)`);
  const map = new CompareMap(services, () => wide.matches);
  life.add(() => map.stop());

  const render = () => {
    map.follow(store.getState());
  };
  const onWidth = () => render();
  wide.addEventListener('change', onWidth);
  life.add(() => wide.removeEventListener('change', onWidth));
  life.listen(app, 'plan-compare', ({ detail }) => run(store, detail));
  life.add(keys.register({
    scope: 'map', keys: ['c', 'C'], id: 'compare.toggle', notWhileTyping: true,
    run: () => run(store, store.getState().compare.active ? { command: 'stop' } : { command: 'start', preset: 'plan-whatif' }),
  }));
  life.add(store.select((state) => state.compare.active, (active, _previous, state) => {
    if (active) app.querySelector('plan-side-panel')?.reveal('compare');
    const text = active
      ? translate(state.lang, 'compare.started', { left: sideSummary(state.lang, state.compare.left), right: sideSummary(state.lang, state.compare.right) })
      : translate(state.lang, 'compare.stopped');
    store.update((current) => announce(current, 'info', text));
  }));
  life.add(store.subscribe(render));
  followFigures(services, life);
  render();
  // a shared link that opens a compare shows its panel
  if (store.getState().compare.active) app.querySelector('plan-side-panel')?.reveal('compare');
  return () => life.dispose();
}
