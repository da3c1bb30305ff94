/**
 * Kiosk mode: while the slice holds `kiosk`, the deck advances by itself (after the last slide, the first again);
 * any key, click or touch stops it and says so.
 */
import type { Lifetime } from '../../shell/lifetime.ts';
import { stopKiosk } from '../../../state/presenter-state.ts';
import { translate } from '../../../i18n/messages.ts';
import type { PresenterServices } from '../presenter-services.ts';

const INPUTS = ['keydown', 'pointerdown', 'touchstart'] as const;

function run(services: PresenterServices, own: Lifetime, seconds: number): void {
  const { store } = services;
  const timer = setInterval(() => {
    const { deck, index } = store.getState().presenter;
    void services.showSlide(index + 1 >= (deck?.slides.length ?? 0) ? 0 : index + 1, true);
  }, seconds * 1000);
  own.add(() => clearInterval(timer));
  const onInput = () => {
    store.update(stopKiosk);
    services.say('info', translate(store.getState().lang, 'present.kioskStopped'));
  };
  // any key, click or touch stops it (after this tick: the click that started it does not)
  own.timeout(() => {
    for (const type of INPUTS) {
      window.addEventListener(type, onInput, { capture: true });
      own.add(() => window.removeEventListener(type, onInput, { capture: true }));
    }
  }, 0);
  services.say('info', translate(store.getState().lang, 'present.kioskStarted', { seconds }));
}

export function installKiosk(services: PresenterServices, life: Lifetime): void {
  life.whileSelected(services.store, (state) => state.presenter.kiosk, (kiosk, session) => run(services, session, kiosk.seconds));
}
