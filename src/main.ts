/**
 * Composition root: creates the store, the map and the shell, loads the geodata and wires
 * state → map. `performance.mark('map-idle')` marks the first frame with every default layer drawn.
 */
import './app/plan-app.ts';
import { MapView } from './map/map-view.ts';
import { Store } from './state/store.ts';
import { announce, initialState } from './state/plan-state.ts';
import type { PlanState } from './state/plan-state.ts';
import { GEODATA_LAYERS, loadGeodata } from './data/geodata.ts';
import { languageFromNavigator, translate } from './i18n/messages.ts';

async function start(): Promise<void> {
  const store = new Store<PlanState>(initialState(languageFromNavigator(navigator.languages)));
  const app = document.querySelector('plan-app');
  const container = document.getElementById('map');
  if (!app || !container) throw new Error('index.html must contain <plan-app> with #map');
  app.store = store;
  document.documentElement.lang = store.getState().lang === 'zh' ? 'zh-CN' : 'en';

  const geodata = loadGeodata();
  const view = new MapView(container);
  view.map.on('error', (event) => {
    store.update((state) => announce(state, 'error', `${translate(state.lang, 'error.map')}: ${event.error?.message ?? 'unknown'}`));
  });

  const [{ data, problems }] = await Promise.all([geodata, view.whenLoaded()]);
  store.update((state) => {
    let next: PlanState = { ...state, data, status: problems.length ? 'error' : 'ready' };
    for (const problem of problems) next = announce(next, 'error', `${translate(state.lang, 'error.geodata')}: ${problem.message}`);
    return next;
  });

  const render = (state: PlanState, previous?: PlanState): void => {
    if (state.data !== previous?.data) {
      for (const name of GEODATA_LAYERS) {
        const layer = state.data[name];
        if (layer) view.setLayerData(name, layer);
      }
    }
    if (state.layerVisibility !== previous?.layerVisibility) view.applyVisibility(state.layerVisibility);
    if (state.lang !== previous?.lang) {
      view.setLanguage(state.lang);
      document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
    }
  };
  render(store.getState());
  store.subscribe(render);

  await view.whenIdle();
  performance.mark('map-idle');
  store.update((state) => announce(state, 'info', translate(state.lang, 'app.ready')));
  // A narrow automation hook for the browser tests and benchmarks (read-only use).
  Object.assign(globalThis, { __plan: { map: view.map, store } });
}

void start();
