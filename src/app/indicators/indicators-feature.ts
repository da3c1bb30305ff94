/**
 * The indicator bar: `<plan-indicator-bar>` over the top of the map in every mode, on desktop and phone. It
 * reads the figures of the basis in use from the store (the analysis computes them); this feature only
 * places it and removes it on dispose.
 */
import '../../ui/components/indicators/indicator-bar.ts';
import type { AppServices, Dispose } from '../services.ts';
import { Lifetime } from '../lifetime.ts';

export function install({ app }: AppServices): Dispose {
  const life = new Lifetime();
  const bar = document.createElement('plan-indicator-bar');
  bar.slot = 'map';
  // Inline style wins over the shell's ::slotted([slot='map']) { inset: 0 }: centred at the top of the map.
  bar.setAttribute('style', 'position:absolute;inset:auto;left:50%;transform:translateX(-50%);top:0.4rem;z-index:4;width:max-content;max-width:calc(100% - 0.8rem)');
  life.append(app, bar);
  return () => life.dispose();
}
