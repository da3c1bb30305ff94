/**
 * Composition root: creates the store, the map, the keyboard registry and the shell, loads the geodata,
 * draws the plan layers from the state and installs the features. Each feature is one line of FEATURES:
 * `install(services)` returns `dispose()`, which removes everything it added.
 * `performance.mark('map-idle')` marks the first frame with every default layer drawn.
 */
import './app/plan-app.ts';
import { MapView } from './map/map-view.ts';
import { MapPointer } from './map/pointer.ts';
import { exposeForAutomation, onMapError } from './map/map-element.ts';
import { Store } from './state/store.ts';
import { announce, initialState } from './state/plan-state.ts';
import type { PlanState } from './state/plan-state.ts';
import { GEODATA_LAYERS, loadGeodata } from './data/geodata.ts';
import { languageFromNavigator, translate } from './i18n/messages.ts';
import type { AppServices, Dispose, FeatureInstaller } from './app/services.ts';
import { FiguresService } from './app/analysis/figures-service.ts';
import { KeyRegistry } from './app/keyboard.ts';
import { installDisplay } from './app/display/install-display.ts';
import { installPresenter } from './app/presenter/install-presenter.ts';
import { installInterface } from './app/install-interface.ts';
import { installImport } from './app/install-import.ts';
import { installAnalysis } from './app/install-analysis.ts';
import { installStats } from './app/install-stats.ts';
import { installIndicators } from './app/install-indicators.ts';
import { installClusters } from './app/install-clusters.ts';
import { installMeasure } from './app/install-measure.ts';
import { installShortcuts } from './app/install-shortcuts.ts';
import { installShare } from './app/share/install-share.ts';
import { installStudy } from './app/install-study.ts';
import { installLandUse } from './app/install-landuse.ts';
import { installSavedWork } from './app/saved-work.ts';
import { installImportedLayers } from './app/install-imported-layers.ts';
import { installCompare } from './app/compare/install-compare.ts';

/** Features, each wired in its own module (see src/app/services.ts). One line each. */
const FEATURES: FeatureInstaller[] = [
  installDisplay,
  installPresenter,
  installInterface,
  installSavedWork,
  installImportedLayers,
  installImport,
  installAnalysis,
  installStats,
  installIndicators,
  installClusters,
  installStudy,
  installLandUse,
  installMeasure,
  installCompare,
  installShortcuts,
  installShare,
];

/** Installs every feature. @returns a function that disposes them all, last installed first */
function installFeatures(services: AppServices): Dispose {
  const disposers = FEATURES.map((install) => install(services));
  return () => {
    for (const dispose of disposers.reverse()) dispose();
  };
}

/** The plan layers, their visibility and the label language follow the state. */
function drawPlan(view: MapView, store: Store<PlanState>): void {
  const setData = (data: PlanState['data']) => {
    for (const name of GEODATA_LAYERS) {
      const layer = data[name];
      if (layer) view.setLayerData(name, layer);
    }
  };
  const { data, layerVisibility, lang } = store.getState();
  setData(data);
  view.applyVisibility(layerVisibility);
  view.setLanguage(lang);
  store.select((state) => state.data, setData);
  store.select((state) => state.layerVisibility, (visibility) => view.applyVisibility(visibility));
  store.select((state) => state.lang, (next) => view.setLanguage(next));
}

function followLanguage(store: Store<PlanState>): void {
  const apply = (lang: PlanState['lang']) => { document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en'; };
  apply(store.getState().lang);
  store.select((state) => state.lang, apply);
}

async function start(): Promise<void> {
  const store = new Store<PlanState>(initialState(languageFromNavigator(navigator.languages)));
  const app = document.querySelector('plan-app');
  const container = document.getElementById('map');
  if (!app || !container) throw new Error('index.html must contain <plan-app> with #map');
  app.store = store;
  followLanguage(store);

  const geodata = loadGeodata();
  const view = new MapView(container);
  onMapError(view, (message) => store.update((state) => announce(state, 'error', `${translate(state.lang, 'error.map')}: ${message}`)));

  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => { markReady = resolve; });
  const figures = new FiguresService(() => store.getState().lang);
  const services: AppServices = { store, view, app, ready, figures, pointer: new MapPointer(view), keys: new KeyRegistry() };
  let dispose = installFeatures(services);
  // A narrow automation hook for the browser tests and benchmarks (features: the leak test installs and disposes them).
  exposeForAutomation(view, {
    store, keys: services.keys, pointer: services.pointer,
    features: {
      dispose: () => { dispose(); dispose = () => undefined; },
      install: () => { dispose(); dispose = installFeatures(services); },
    },
  });

  const [{ data, problems }] = await Promise.all([geodata, view.whenLoaded()]);
  store.update((state) => {
    let next: PlanState = { ...state, data, status: problems.length ? 'error' : 'ready' };
    for (const problem of problems) next = announce(next, 'error', `${translate(state.lang, 'error.geodata')}: ${problem.message}`);
    return next;
  });
  drawPlan(view, store);

  await view.whenIdle();
  performance.mark('map-idle');
  markReady();
  store.update((state) => announce(state, 'info', translate(state.lang, 'app.ready')));
}

void start();
