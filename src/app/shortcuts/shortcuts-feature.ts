/**
 * Keyboard help and the global shortcuts: `?` opens a sheet listing every shortcut registered now (from the one
 * keyboard registry, so it never goes stale), `/` moves focus to the search box. Neither fires while the user types
 * in a text field. `dispose` removes the shortcuts and the sheet.
 */
import '../../ui/components/shortcuts-sheet/shortcuts-sheet.ts';
import type { PlanShortcutsSheet } from '../../ui/components/shortcuts-sheet/shortcuts-sheet.ts';
import type { AppServices, Dispose } from '../shell/services.ts';
import { Lifetime } from '../shell/lifetime.ts';

export function install(services: AppServices): Dispose {
  const { keys, store, app } = services;
  const life = new Lifetime();
  let sheet: PlanShortcutsSheet | undefined;
  let returnFocus: HTMLElement | null = null;

  const close = () => sheet?.close();
  const open = () => {
    returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const element = document.createElement('plan-shortcuts-sheet');
    element.language = store.getState().lang;
    element.rows = keys.list();
    element.addEventListener('plan-shortcuts-close', () => {
      element.remove();
      if (sheet === element) sheet = undefined;
      returnFocus?.focus();
    });
    sheet = life.append(document.body, element);
    element.show();
  };

  life.add(keys.register({
    scope: 'map', keys: ['?'], id: 'help.open', notWhileTyping: true, when: () => sheet === undefined, run: () => open(),
  }));
  life.add(keys.register({
    scope: 'map', keys: ['/'], id: 'search.focus', notWhileTyping: true,
    run: () => {
      const search = app.querySelector('plan-search');
      if (!search) return false;
      search.focusInput();
    },
  }));
  life.add(keys.register({ scope: 'dialogs', keys: ['Escape'], id: 'help.close', when: () => sheet !== undefined, run: close }));
  life.add(store.select((state) => state.lang, (lang) => { if (sheet) sheet.language = lang; }));
  return () => life.dispose();
}
