/**
 * What the presenter's behaviours share besides the app's services: showing a slide (state and camera), a step
 * forward or back, and the live-region voice. Behaviours call each other only through these and the presenter
 * slice's actions (src/state/presenter-state.ts), never through each other's variables.
 */
import type { AppServices } from '../shell/services.ts';
import { announce } from '../../state/plan-state.ts';
import { CATALOG_LAYERS } from '../../state/layer-catalog.ts';
import { setBlank, showSlide as showSlideInState, slideText } from '../../state/presenter-state.ts';
import { translate } from '../../i18n/messages.ts';
import { moveToCamera } from '../../map/slide-camera.ts';

export interface PresenterServices extends AppServices {
  /**
   * Shows slide `index` (kept in range): its layers, year and highlight into the store, its camera onto the map
   * (a flight when `animate`). Resolves when the camera has arrived.
   */
  showSlide(index: number, animate: boolean): Promise<void>;
  /** One slide forward (+1) or back (-1) from the one shown; a blank screen comes back first. */
  step(delta: number): void;
  say(level: 'info' | 'error', text: string): void;
}

const CATALOG_IDS = CATALOG_LAYERS.map((layer) => layer.id);

export function presenterServices(services: AppServices): PresenterServices {
  const { store, view } = services;
  const say = (level: 'info' | 'error', text: string) => store.update((state) => announce(state, level, text));

  const showSlide = async (index: number, animate: boolean): Promise<void> => {
    const deck = store.getState().presenter.deck;
    const at = Math.max(0, Math.min(index, (deck?.slides.length ?? 0) - 1));
    const slide = deck?.slides[at];
    if (!deck || !slide) return;
    store.update((state) => showSlideInState(state, at, CATALOG_IDS));
    const { presenting } = store.getState().presenter;
    const lang = store.getState().lang;
    if (presenting) say('info', translate(lang, 'present.slide', { n: at + 1, total: deck.slides.length, caption: slideText(slide, lang, 'caption') }));
    document.body.dataset.slideIndex = String(at);
    await moveToCamera(view, slide.camera, animate);
  };

  const step = (delta: number): void => {
    store.update((state) => setBlank(state, false));
    void showSlide(store.getState().presenter.index + delta, true);
  };

  return { ...services, showSlide, step, say };
}
