/**
 * The presenter view (a second window with the notes, the next slide and a timer) follows the presenter slice:
 * it opens when `presenterView` is asked for (the click that asks is the pop-up's permission), shows the slide
 * shown, and closes when presenting ends. A blocked pop-up falls back to the notes strip on the audience screen.
 */
import type { Lifetime } from '../../shell/lifetime.ts';
import type { PlanState } from '../../../state/plan-state.ts';
import { sameItems } from '../../../state/store.ts';
import { currentSlide, setNotesStrip, setPresenterView, slideText, startPresenting } from '../../../state/presenter-state.ts';
import { translate } from '../../../i18n/messages.ts';
import { PresenterView } from '../presenter-view.ts';
import type { PresenterViewState } from '../presenter-view.ts';
import type { PresenterServices } from '../presenter-services.ts';

/** What the presenter view shows for a state. */
export function presenterViewState({ lang, presenter }: PlanState): PresenterViewState {
  const slide = currentSlide(presenter);
  const next = presenter.deck?.slides[presenter.index + 1];
  return {
    lang,
    index: presenter.index,
    total: presenter.deck?.slides.length ?? 0,
    caption: slideText(slide, lang, 'caption'),
    notes: slideText(slide, lang, 'notes'),
    next: next ? {
      caption: slideText(next, lang, 'caption'),
      yearChange: slide && next.year !== slide.year ? translate(lang, 'present.nextYear', { from: slide.year, to: next.year }) : '',
    } : null,
  };
}

export function installPresenterView(services: PresenterServices, life: Lifetime): void {
  const { store } = services;
  const view = new PresenterView(
    (delta) => {
      // a step asked for in the presenter view presents first if the room is not yet being shown the map
      if (store.getState().presenter.presenting) services.step(delta);
      else store.update((state) => startPresenting(state));
    },
    () => store.update((state) => setPresenterView(state, false)),
  );
  life.add(() => view.close());
  life.add(store.select((state) => state.presenter.presenterView, (wanted) => {
    if (!wanted) {
      view.close();
      return;
    }
    const lang = store.getState().lang;
    if (view.open(presenterViewState(store.getState()))) services.say('info', translate(lang, 'present.viewOpened'));
    else {
      store.update((state) => setNotesStrip(setPresenterView(state, false), true));
      services.say('info', translate(lang, 'present.viewBlocked'));
    }
  }));
  const follow = (state: PlanState) => [state.lang, state.presenter.deck, state.presenter.index] as const;
  life.add(store.select(follow, (_value, _previous, state) => view.update(presenterViewState(state)), sameItems));
}
