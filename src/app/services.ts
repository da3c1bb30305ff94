import type { MapView } from '../map/map-view.ts';
import type { Store } from '../state/store.ts';
import type { PlanState } from '../state/plan-state.ts';
import type { PlanApp } from './plan-app.ts';

/**
 * What a feature gets when the composition root installs it. A feature module exports
 * `install<Feature>(services)`, wires state ↔ map ↔ ui there, and is listed once in src/main.ts.
 * Code a first view does not need (drawing, export, presenter) should be loaded with `import()` on demand.
 */
export interface AppServices {
  store: Store<PlanState>;
  view: MapView;
  app: PlanApp;
  /** resolves after the geodata is in the store and the map has drawn it (`map-idle`) */
  ready: Promise<void>;
}

export type FeatureInstaller = (services: AppServices) => void | Promise<void>;
