/**
 * The map side of the compare: creates the second map when a compare starts, lays the two maps out on every
 * change, and removes the second map when it stops (or the feature is disposed). What each map draws is its
 * scene's business (src/map/scene): the main map draws the left side while comparing, the second the right.
 */
import type { AppServices } from '../shell/services.ts';
import type { PlanState } from '../../state/plan-state.ts';
import { sameItems } from '../../state/store.ts';
import { translate } from '../../i18n/messages.ts';
import { CompareView } from '../../map/compare-view.ts';

export class CompareMap {
  private view: CompareView | undefined;
  private host: HTMLElement | undefined;
  private shown: unknown[] = [];

  /** @param wide - whether the window is wide enough for side by side now */
  constructor(private readonly services: AppServices, private readonly wide: () => boolean) {}

  /** Shows the compare of `state` (starts or stops the second map with `state.compare.active`). */
  follow(state: PlanState): void {
    const { compare } = state;
    if (!compare.active) {
      this.stop();
      return;
    }
    const inputs = [compare.layout, compare.position, state.lang, this.wide()];
    if (this.view && sameItems(inputs, this.shown)) return;
    this.shown = inputs;
    if (!this.view) {
      this.host = document.createElement('div');
      this.host.slot = 'map';
      this.host.dataset.testid = 'compare-maps';
      // Over the main map (inline style wins over the shell's ::slotted rule); pointers reach only the visible part.
      this.host.setAttribute('style', 'position:absolute;inset:0;z-index:1;pointer-events:none');
      this.services.app.append(this.host);
      this.view = new CompareView(this.services.view, this.host, this.services.store);
    }
    this.view.show({
      layout: compare.layout === 'side-by-side' && this.wide() ? 'side-by-side' : 'swipe',
      position: compare.position,
      label: translate(state.lang, 'compare.secondMap'),
    });
  }

  /** Removes the second map; the main map's scene goes back to the app's own state. */
  stop(): void {
    if (!this.view) return;
    this.view.remove();
    this.view = undefined;
    this.host?.remove();
    this.host = undefined;
    this.shown = [];
  }
}
