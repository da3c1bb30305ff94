/**
 * Loaded after the first map frame: the phasing timeline control (the map's scene draws the year), the print
 * layout, the check of the saved deck, and the "Slides" button that loads the presenter on demand.
 */
import '../../ui/presenter/timeline-control.ts';
import type { AppServices } from '../services.ts';
import type { Lifetime } from '../lifetime.ts';
import { announce } from '../../state/plan-state.ts';
import { setYear } from '../../state/actions.ts';
import { translate } from '../../i18n/messages.ts';
import { loadDeck } from './deck-storage.ts';
import type { LoadedDeck } from './deck-storage.ts';
import { installPrint } from './print.ts';
import { PRESENTER_CSS } from './presenter-css.ts';

function injectStyles(life: Lifetime): void {
  if (document.getElementById('plan-presenter-css')) return;
  const style = document.createElement('style');
  style.id = 'plan-presenter-css';
  style.textContent = PRESENTER_CSS;
  life.append(document.head, style);
}

function mountTimeline({ app, store }: AppServices, life: Lifetime): void {
  const timeline = document.createElement('plan-timeline');
  timeline.slot = 'map';
  // Inline style wins over the shell's ::slotted([slot='map']) { inset: 0 }.
  timeline.setAttribute('style', 'position:absolute;inset:auto;left:50%;transform:translateX(-50%);bottom:4.6rem;z-index:3');
  life.append(app, timeline);
  life.listen(app, 'plan-year-change', ({ detail }) => store.update((state) => setYear(state, detail.year)));
}

function addSlidesButton(services: AppServices, life: Lifetime, loaded: LoadedDeck): void {
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
    void import('./presenter.ts').then(({ presenterFor }) => {
      if (!life.disposed) presenterFor(services, loaded, life).togglePanel();
    });
  });
  life.toolbar(services.app, button, 30);
}

export function bootPresenter(services: AppServices, life: Lifetime): void {
  injectStyles(life);
  mountTimeline(services, life);
  installPrint(services, life);
  const loaded = loadDeck(services.store.getState().lang);
  if (loaded.problem) {
    const problem = loaded.problem;
    services.store.update((state) => announce(state, 'error', translate(state.lang, 'deck.corrupt', { message: problem })));
  }
  addSlidesButton(services, life, loaded);
}
