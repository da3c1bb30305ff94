/**
 * Loaded after the first map frame: the phasing timeline control (the map's scene draws the year), the print
 * layout, the check of the saved deck, and the "Slides" button that loads the presenter on demand.
 */
import type { AppServices } from '../shell/services.ts';
import type { Lifetime } from '../shell/lifetime.ts';
import { announce } from '../../state/plan-state.ts';
import { deckLoaded, setPanelOpen } from '../../state/presenter-state.ts';
import { translate } from '../../i18n/messages.ts';
import { loadApprovalNumber, loadDeck } from './deck-storage.ts';
import { installTimeline } from './behaviours/timeline.ts';
import { installPrint } from './print.ts';
import { PRESENTER_CSS } from './presenter-css.ts';

function injectStyles(life: Lifetime): void {
  if (document.getElementById('plan-presenter-css')) return;
  const style = document.createElement('style');
  style.id = 'plan-presenter-css';
  style.textContent = PRESENTER_CSS;
  life.append(document.head, style);
}

function addSlidesButton(services: AppServices, life: Lifetime): void {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'plan-slides-button';
  button.dataset.testid = 'open-slides';
  const label = () => {
    const lang = services.store.getState().lang;
    button.textContent = translate(lang, 'deck.open');
    button.setAttribute('aria-label', translate(lang, 'deck.openLabel'));
  };
  label();
  life.add(services.store.select((state) => state.lang, label));
  life.listen(button, 'click', () => {
    void import('./presenter.ts').then(({ installPresenterBehaviours }) => {
      if (life.disposed) return;
      installPresenterBehaviours(services, life);
      services.store.update((state) => setPanelOpen(state, !state.presenter.panelOpen));
    });
  });
  life.toolbar(services.app, button, 30);
}

export function bootPresenter(services: AppServices, life: Lifetime): void {
  injectStyles(life);
  installTimeline(services, life);
  installPrint(services, life);
  const loaded = loadDeck(services.store.getState().lang);
  services.store.update((state) => deckLoaded(state, loaded.deck, loaded.backupRaw ?? null, loadApprovalNumber()));
  if (loaded.problem) {
    const problem = loaded.problem;
    services.store.update((state) => announce(state, 'error', translate(state.lang, 'deck.corrupt', { message: problem })));
  }
  addSlidesButton(services, life);
}
