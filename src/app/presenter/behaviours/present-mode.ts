/**
 * Present mode: while the slice says `presenting`, the map fills the screen (full screen when the browser
 * allows), the audience overlay is shown, the map's own input is locked, and the clicker's keys and a touch swipe
 * change slides. Leaving full screen or Esc ends it (`stopPresenting`).
 */
import '../../../ui/presenter/presenter-overlay.ts';
import type { Lifetime } from '../../shell/lifetime.ts';
import { setBlank, setLaser, stopPresenting } from '../../../state/presenter-state.ts';
import { translate } from '../../../i18n/messages.ts';
import { lockInteraction, resizeMap } from '../../../map/camera.ts';
import { NEXT_KEYS, PREVIOUS_KEYS } from '../presenter-view.ts';
import type { PresenterServices } from '../presenter-services.ts';

const SWIPE_MIN_PX = 50;

/** A horizontal swipe's direction: +1 (to the left: next), -1 (previous), or 0 when it was no swipe. */
export function swipeStep(dx: number, dy: number): -1 | 0 | 1 {
  if (Math.abs(dx) < SWIPE_MIN_PX || Math.abs(dx) < Math.abs(dy) * 1.5) return 0;
  return dx < 0 ? 1 : -1;
}

/** What presenting adds to the page; all of it goes when presenting ends. */
function enter(services: PresenterServices, session: Lifetime): void {
  const { store, view } = services;
  const stop = () => store.update(stopPresenting);
  const lang = () => store.getState().lang;
  session.add(() => {
    resizeMap(view);
    services.say('info', translate(lang(), 'present.ended'));
  });
  document.body.classList.add('plan-presenting');
  session.add(() => document.body.classList.remove('plan-presenting'));
  const overlay = document.createElement('plan-presenter-overlay');
  overlay.store = store;
  session.listen(overlay, 'plan-present-exit', stop);
  session.append(document.body, overlay);
  // a removed element may still render once: without a store it cannot subscribe again
  session.add(() => { overlay.store = undefined; });
  session.add(lockInteraction(view));
  let touchStart: { x: number; y: number } | undefined;
  session.listen(window, 'touchstart', (event) => {
    const touch = event.touches[0];
    touchStart = touch && event.touches.length === 1 ? { x: touch.clientX, y: touch.clientY } : undefined;
  }, { passive: true });
  session.listen(window, 'touchend', (event) => {
    const touch = event.changedTouches[0];
    const start = touchStart;
    touchStart = undefined;
    const step = start && touch ? swipeStep(touch.clientX - start.x, touch.clientY - start.y) : 0;
    if (step) services.step(step);
  });
  session.add(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  });
  session.listen(document, 'fullscreenchange', () => {
    resizeMap(view);
    // Esc in full screen is taken by the browser: leaving full screen leaves the presentation.
    if (!document.fullscreenElement) stop();
  });
  (document.activeElement as HTMLElement | null)?.blur?.();
  const index = store.getState().presenter.index;
  const fullScreen = document.documentElement.requestFullscreen?.() ?? Promise.resolve();
  void fullScreen.catch(() => services.say('info', translate(lang(), 'present.fullscreenRefused'))).then(() => {
    if (session.disposed) return;
    resizeMap(view);
    const total = store.getState().presenter.deck?.slides.length ?? 0;
    services.say('info', translate(lang(), 'present.started', { n: index + 1, total }));
    void services.showSlide(index, false);
  });
}

/** Keys while presenting (the `presenter` scope: they come before any element's). */
function onKey(services: PresenterServices, event: KeyboardEvent): void {
  const { store } = services;
  const { presenter } = store.getState();
  if (NEXT_KEYS.has(event.key)) services.step(1);
  else if (PREVIOUS_KEYS.has(event.key)) services.step(-1);
  else if (event.key === 'Home') void services.showSlide(0, true);
  else if (event.key === 'End') void services.showSlide((presenter.deck?.slides.length ?? 1) - 1, true);
  else if (event.key === 'b' || event.key === 'B' || event.key === '.') store.update((state) => setBlank(state, !state.presenter.blank));
  else if (event.key === 'l' || event.key === 'L') store.update((state) => setLaser(state, true));
  else if (event.key === 'Escape') store.update(stopPresenting);
}

export function installPresentMode(services: PresenterServices, life: Lifetime): void {
  const { store, keys } = services;
  life.whileSelected(store, (state) => state.presenter.presenting, (_presenting, session) => enter(services, session));
  life.add(keys.register({
    scope: 'presenter', id: 'present.keys', keys: [...NEXT_KEYS, ...PREVIOUS_KEYS, 'Home', 'End', 'b', 'B', '.', 'l', 'L', 'Escape'],
    when: () => store.getState().presenter.presenting, run: (event) => onKey(services, event),
  }));
}
