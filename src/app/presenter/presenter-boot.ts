/**
 * Loaded after the first map frame: the phasing timeline control and its map styling, the print
 * layout, the check of the saved deck, and the "Slides" button that loads the presenter on demand.
 */
import '../../ui/presenter/timeline-control.ts';
import type { AppServices } from '../services.ts';
import type { PlanState } from '../../state/plan-state.ts';
import { announce } from '../../state/plan-state.ts';
import { translate } from '../../i18n/messages.ts';
import { applyTimelineYear } from '../../map/timeline-style.ts';
import { loadDeck } from './deck-storage.ts';
import type { LoadedDeck } from './deck-storage.ts';
import { installPrint } from './print.ts';
import { PRESENTER_CSS } from './presenter-css.ts';

function injectStyles(): void {
  if (document.getElementById('plan-presenter-css')) return;
  const style = document.createElement('style');
  style.id = 'plan-presenter-css';
  style.textContent = PRESENTER_CSS;
  document.head.append(style);
}

function mountTimeline(services: AppServices): void {
  const timeline = document.createElement('plan-timeline');
  timeline.slot = 'map';
  // Inline style wins over the shell's ::slotted([slot='map']) { inset: 0 }.
  timeline.setAttribute('style', 'position:absolute;inset:auto;left:50%;transform:translateX(-50%);bottom:4.6rem;z-index:3');
  services.app.append(timeline);
}

function syncTimeline(services: AppServices): void {
  const { store, view } = services;
  const apply = (state: PlanState) => applyTimelineYear(view.map, state.data, state.year);
  apply(store.getState());
  store.subscribe((state, previous) => {
    if (state.year !== previous.year || state.data !== previous.data) apply(state);
  });
}

function addSlidesButton(services: AppServices, loaded: LoadedDeck): void {
  const button = document.createElement('button');
  button.type = 'button';
  button.slot = 'toolbar';
  button.className = 'plan-slides-button';
  button.dataset.testid = 'open-slides';
  const label = () => {
    const lang = services.store.getState().lang;
    button.textContent = translate(lang, 'deck.open');
    button.setAttribute('aria-label', translate(lang, 'deck.openLabel'));
  };
  label();
  services.store.subscribe((state, previous) => { if (state.lang !== previous.lang) label(); });
  button.addEventListener('click', () => {
    void import('./presenter.ts').then(({ presenterFor }) => presenterFor(services, loaded).togglePanel());
  });
  services.app.append(button);
}

export function bootPresenter(services: AppServices): void {
  injectStyles();
  mountTimeline(services);
  syncTimeline(services);
  installPrint(services);
  const loaded = loadDeck(services.store.getState().lang);
  if (loaded.problem) {
    const problem = loaded.problem;
    services.store.update((state) => announce(state, 'error', translate(state.lang, 'deck.corrupt', { message: problem })));
  }
  addSlidesButton(services, loaded);
}
