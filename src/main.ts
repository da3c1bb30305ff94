/**
 * Composition root: creates the store, the map, the keyboard registry and the shell, loads the geodata,
 * makes the map draw its scene from the state (src/map/scene) and installs the features (src/app/features.ts: one line each;
 * `install(services)` returns `dispose()`, which removes everything it added).
 * `performance.mark('map-idle')` marks the first frame with every default layer drawn.
 */
import './app/shell/plan-app.ts';
import { MapView } from './map/map-view.ts';
import { MapPointer } from './map/pointer.ts';
import { exposeForAutomation, onMapError } from './map/map-element.ts';
import { Store } from './state/store.ts';
import { announce, initialState } from './state/plan-state.ts';
import type { PlanState } from './state/plan-state.ts';
import { setFiguresAvailable } from './state/compare-state.ts';
import { loadGeodata } from './data/geodata.ts';
import { MapScene } from './map/scene/map-scene.ts';
import { languageFromNavigator, translate } from './i18n/messages.ts';
import type { AppServices } from './app/shell/services.ts';
import { FiguresService } from './app/analysis/figures-service.ts';
import { KeyRegistry } from './app/shell/keyboard.ts';
import { installFeatures } from './app/features.ts';

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
  const mapError = (message: string) => store.update((state) => announce(state, 'error', `${translate(state.lang, 'error.map')}: ${message}`));
  onMapError(view, mapError);
  // The map draws its scene, a function of the state (src/map/scene): plan layers, imports, land use, outlines…
  new MapScene(view, store, {
    // while comparing, the main map shows the left side (compare's second map the right: src/map/compare-view.ts)
    side: (state) => (state.compare.active ? state.compare.left : undefined),
    onError: (error) => mapError(error instanceof Error ? error.message : String(error)),
  });

  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => { markReady = resolve; });
  const figures = new FiguresService(() => store.getState().lang);
  figures.subscribe(() => store.update((state) => setFiguresAvailable(state, figures.available())));
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

  await view.whenIdle();
  performance.mark('map-idle');
  markReady();
  store.update((state) => announce(state, 'info', translate(state.lang, 'app.ready')));
}

void start();
