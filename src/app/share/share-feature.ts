/**
 * Share: a header button and the key `s` open a modal dialog with the link to exactly this view (the page's
 * own URL, which url-sync keeps up to date; brought up to date once more on opening), a copy button and the
 * link's QR code, made offline. The dialog's state is the store's share slice (src/state/share-state.ts); the
 * dialog and the QR encoder load on the first opening. Copying uses the clipboard when the browser allows it,
 * else selects the link for copying by hand; the live region says which.
 * `dispose` removes the button, the dialog, the shortcuts and the listeners.
 */
import '../../ui/components/share/share-button.ts';
import type { PlanShareDialog } from '../../ui/components/share/share-dialog.ts';
import type { AppServices, Dispose } from '../shell/services.ts';
import { Lifetime } from '../shell/lifetime.ts';
import { currentLink } from '../url-sync.ts';
import { announce } from '../../state/plan-state.ts';
import { closeShare, openShare } from '../../state/share-state.ts';
import { translate } from '../../i18n/messages.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import type { QrResult } from './share-qr.ts';

/** The header's order: after the study-area button, before the slides. */
const TOOLBAR_ORDER = 25;

export function install(services: AppServices): Dispose {
  const { app, store, keys } = services;
  const life = new Lifetime();
  const button = life.toolbar(app, document.createElement('plan-share-button'), TOOLBAR_ORDER);
  let dialog: PlanShareDialog | undefined;
  let qrCodeOf: ((link: string) => QrResult) | undefined;
  let opening = false;
  let returnFocus: HTMLElement | null = null;
  const isOpen = () => store.getState().share.open;

  const say = (key: MessageKey, params: Record<string, string> = {}) => {
    if (!life.disposed) store.update((state) => announce(state, 'info', translate(state.lang, key, params)));
  };
  const makeDialog = async (): Promise<PlanShareDialog> => {
    const [, qr] = await Promise.all([import('../../ui/components/share/share-dialog.ts'), import('./share-qr.ts')]);
    // In the body (a modal dialog outside the shell's slots), so it is handed the store instead of finding it by context.
    const element = document.createElement('plan-share-dialog');
    element.store = store;
    life.append(document.body, element);
    life.listen(element, 'plan-share-copy', () => void copy());
    life.listen(element, 'plan-share-close', () => {
      store.update(closeShare);
      returnFocus?.focus();
      returnFocus = null;
    });
    qrCodeOf = qr.qrCodeOf;
    return element;
  };
  const open = async () => {
    if (opening || isOpen()) return;
    opening = true;
    const active = document.activeElement;
    returnFocus = active instanceof HTMLElement && active !== document.body ? active : button;
    try {
      dialog ??= await makeDialog();
    } catch (error) {
      say('share.loadFailed', { detail: String((error as Error).message ?? error) });
      return;
    } finally {
      opening = false;
    }
    if (life.disposed) return;
    const link = currentLink();
    store.update((state) => openShare(state, link, qrCodeOf?.(link) ?? null));
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(store.getState().share.link);
      say('share.copied');
    } catch {
      // no clipboard here (not a secure context, permission refused): select the link for Ctrl+C
      dialog?.selectLink();
      say('share.selected');
    }
  };

  life.listen(app, 'plan-share-open', () => void open());
  life.add(keys.register({
    scope: 'map', keys: ['s', 'S'], id: 'share.open', notWhileTyping: true, when: () => !isOpen(), run: () => void open(),
  }));
  life.add(keys.register({ scope: 'dialogs', keys: ['Escape'], id: 'share.close', when: isOpen, run: () => store.update(closeShare) }));
  life.add(() => store.update(closeShare));
  return () => life.dispose();
}
