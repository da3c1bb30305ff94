/**
 * The indicator bar: `<plan-indicator-bar>` over the top of the map in every mode, on desktop and phone. It
 * reads the figures of the basis in use from the store (the analysis computes them); this feature only
 * places it and removes it on dispose.
 */
import '../../ui/components/indicators/indicator-bar.ts';
import type { AppServices, Dispose } from '../shell/services.ts';
import { Lifetime } from '../shell/lifetime.ts';

export function install({ app }: AppServices): Dispose {
  const life = new Lifetime();
  const bar = document.createElement('plan-indicator-bar');
  // The shell's strip over the top of the map, clear of the map's controls, above the schematic-map note.
  bar.slot = 'map-top';
  life.append(app, bar);
  return () => life.dispose();
}
