/**
 * Composition root: creates the store, the map and the shell, loads the geodata, wires state → map and
 * installs the features. `performance.mark('map-idle')` marks the first frame with every default layer drawn.
 */
import './app/plan-app.ts';
import { MapView } from './map/map-view.ts';
import { Store } from './state/store.ts';
import { announce, initialState } from './state/plan-state.ts';
import type { PlanState } from './state/plan-state.ts';
import { GEODATA_LAYERS, loadGeodata } from './data/geodata.ts';
import { languageFromNavigator, translate } from './i18n/messages.ts';
import type { AppServices, FeatureInstaller } from './app/services.ts';
import { installPresenter } from './app/presenter/install-presenter.ts';
import { installInterface } from './app/install-interface.ts';
import { installImport } from './app/install-import.ts';
import { installAnalysis } from './app/install-analysis.ts';
import { installStats } from './app/install-stats.ts';
import { installClusters } from './app/install-clusters.ts';
import { installStudy } from './app/study.ts';

/** Features, each wired in its own module (see src/app/services.ts). One line each. */
const FEATURES: FeatureInstaller[] = [
  installPresenter,
  installInterface,
  installImport,
  installAnalysis,
  installStats,
  installClusters,
  installStudy,
];

function renderCore(view: MapView, state: PlanState, previous?: PlanState): void {
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
}

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

  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => { markReady = resolve; });
  const services: AppServices = { store, view, app, ready };
  // A narrow automation hook for the browser tests and benchmarks.
  Object.assign(globalThis, { __plan: { map: view.map, store } });
  const installs = FEATURES.map((install) => install(services));

  const [{ data, problems }] = await Promise.all([geodata, view.whenLoaded()]);
  store.update((state) => {
    let next: PlanState = { ...state, data, status: problems.length ? 'error' : 'ready' };
    for (const problem of problems) next = announce(next, 'error', `${translate(state.lang, 'error.geodata')}: ${problem.message}`);
    return next;
  });
  renderCore(view, store.getState());
  store.subscribe((state, previous) => renderCore(view, state, previous));

  await view.whenIdle();
  performance.mark('map-idle');
  markReady();
  store.update((state) => announce(state, 'info', translate(state.lang, 'app.ready')));
  await Promise.all(installs);
}

void start();
