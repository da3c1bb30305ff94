/**
 * The large-text switch in the header and its shortcut (T): both turn into `setLargeText`, announced in the
 * current language. Loaded after the first map frame (install-display.ts applies the setting before that).
 */
import '../../ui/components/display/large-text-button.ts';
import type { AppServices, Dispose } from '../shell/services.ts';
import { Lifetime } from '../shell/lifetime.ts';
import { setLargeText } from '../../state/actions.ts';
import { announce } from '../../state/plan-state.ts';
import { translate } from '../../i18n/messages.ts';

/** Place of the switch in the header toolbar (after the mode switch, search and tools). */
const TOOLBAR_ORDER = 40;

export function install({ store, app, keys }: AppServices): Dispose {
  const life = new Lifetime();
  const change = (on: boolean) => store.update((state) => {
    const next = setLargeText(state, on);
    return next === state ? state : announce(next, 'info', translate(state.lang, on ? 'display.largeTextOn' : 'display.largeTextOff'));
  });
  life.toolbar(app, document.createElement('plan-large-text-button'), TOOLBAR_ORDER);
  life.listen(app, 'plan-large-text-change', (event) => change(event.detail));
  life.add(keys.register({
    scope: 'map', keys: ['t', 'T'], id: 'display.largeText', notWhileTyping: true,
    run: () => change(!store.getState().largeText),
  }));
  return () => life.dispose();
}
