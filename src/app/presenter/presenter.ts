/**
 * The presenter, loaded when the slides are first opened: one behaviour per concern, each reading the presenter
 * slice (src/state/presenter-state.ts), writing it through its actions, and scoped to the presenter's lifetime.
 * They reach each other only through `PresenterServices` and the slice.
 */
import type { AppServices } from '../shell/services.ts';
import type { Lifetime } from '../shell/lifetime.ts';
import { presenterServices } from './presenter-services.ts';
import { installDeckPanel } from './behaviours/deck-panel.ts';
import { installPresenterView } from './behaviours/presenter-view.ts';
import { installPresentMode } from './behaviours/present-mode.ts';
import { installInkAndLaser } from './behaviours/ink-laser.ts';
import { installKiosk } from './behaviours/kiosk.ts';
import { installExports } from './behaviours/exports.ts';
import { installSlideHighlight } from './behaviours/slide-highlight.ts';

const installed = new WeakSet<Lifetime>();

/** Installs the presenter's behaviours into `life` once (a second call does nothing). */
export function installPresenterBehaviours(services: AppServices, life: Lifetime): void {
  if (installed.has(life) || life.disposed) return;
  installed.add(life);
  const presenter = presenterServices(services);
  installSlideHighlight(presenter, life);
  installDeckPanel(presenter, life);
  // the presenter view opens before present mode asks for full screen: a pop-up needs the click's permission
  installPresenterView(presenter, life);
  installPresentMode(presenter, life);
  installInkAndLaser(presenter, life);
  installKiosk(presenter, life);
  installExports(presenter, life);
}
