/**
 * The map draws the slide highlight the presenter slice holds (amber outlines and rings, and with a spotlight the
 * mask that dims everything else) as a part of its scene, for the slide shown and while presenting.
 */
import type { Lifetime } from '../../shell/lifetime.ts';
import { highlightedFeatures } from '../../../state/presenter-state.ts';
import { spotlightMask } from '../../../core/deck/spotlight-mask.ts';
import { mapSceneOf } from '../../../map/scene/map-scene.ts';
import type { PresenterServices } from '../presenter-services.ts';

export function installSlideHighlight({ store, view }: PresenterServices, life: Lifetime): void {
  const scene = mapSceneOf(view);
  if (!scene) return;
  const draw = () => {
    const { data, presenter } = store.getState();
    const { features, spotlight } = highlightedFeatures(data, presenter.highlight);
    scene.setPart('slide', features.length ? { features, mask: spotlight ? spotlightMask(features) : null } : null);
  };
  life.add(store.select((state) => [state.presenter.highlight, state.data] as const, draw, (a, b) => a[0] === b[0] && a[1] === b[1]));
  life.add(() => scene.setPart('slide', null));
  draw();
}
