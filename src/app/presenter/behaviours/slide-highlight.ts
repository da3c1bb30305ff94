/**
 * The map draws the slide highlight the presenter slice holds (amber outlines and rings, and the spotlight that
 * dims everything else), for the slide shown and while presenting.
 */
import type { Lifetime } from '../../lifetime.ts';
import { highlightedFeatures } from '../../../state/presenter-state.ts';
import { SlideHighlight } from '../../../map/slide-highlight.ts';
import type { PresenterServices } from '../presenter-services.ts';

export function installSlideHighlight({ store, view }: PresenterServices, life: Lifetime): void {
  const highlight = new SlideHighlight(view);
  life.add(() => highlight.remove());
  const draw = () => {
    const { data, presenter } = store.getState();
    const { features, spotlight } = highlightedFeatures(data, presenter.highlight);
    if (features.length || spotlight) highlight.set(features, spotlight);
    else highlight.clear();
  };
  life.add(store.select((state) => [state.presenter.highlight, state.data] as const, draw, (a, b) => a[0] === b[0] && a[1] === b[1]));
  draw();
}
