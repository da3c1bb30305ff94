/**
 * The phasing timeline: its control over the map asks for a year (`setYear`); the map's scene restyles crossings
 * and projects to their status in the store's year.
 */
import '../../../ui/presenter/timeline-control.ts';
import type { AppServices } from '../../shell/services.ts';
import type { Lifetime } from '../../shell/lifetime.ts';
import { setYear } from '../../../state/actions.ts';

export function installTimeline({ app, store }: AppServices, life: Lifetime): void {
  const timeline = document.createElement('plan-timeline');
  timeline.slot = 'map';
  // Inline style wins over the shell's ::slotted([slot='map']) { inset: 0 }.
  timeline.setAttribute('style', 'position:absolute;inset:auto;left:50%;transform:translateX(-50%);bottom:4.6rem;z-index:3');
  life.append(app, timeline);
  life.listen(app, 'plan-year-change', ({ detail }) => store.update((state) => setYear(state, detail.year)));
}
