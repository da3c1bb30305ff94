import type { MapView } from '../../map/map-view.ts';
import type { MapPointer } from '../../map/pointer.ts';
import type { Store } from '../../state/store.ts';
import type { PlanState } from '../../state/plan-state.ts';
import type { KeyRegistry } from './keyboard.ts';
import type { PlanApp } from './plan-app.ts';
import type { FiguresService } from '../analysis/figures-service.ts';

/**
 * What a feature gets when the composition root installs it. A feature module exports
 * `install<Feature>(services)`, wires events → actions → state → map / ui there, and returns `dispose`,
 * which removes everything it added. It is listed once in src/main.ts.
 * Code a first view does not need (drawing, export, presenter) should be loaded with `import()` on demand.
 */
export interface AppServices {
  store: Store<PlanState>;
  view: MapView;
  app: PlanApp;
  /** the one click / hover dispatcher of the map */
  pointer: MapPointer;
  /** the one keyboard registry */
  keys: KeyRegistry;
  /** the figures clients, one per basis (src/app/analysis/figures-service.ts) */
  figures: FiguresService;
  /** resolves after the geodata is in the store and the map has drawn it (`map-idle`) */
  ready: Promise<void>;
}

/** Removes everything its feature added (listeners, subscriptions, workers, elements, map layers). */
export type Dispose = () => void;

export type FeatureInstaller = (services: AppServices) => Dispose;
