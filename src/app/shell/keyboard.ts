/**
 * The one keyboard registry of the app (Placemark's keybindings): features register shortcuts in a scope,
 * the registry listens once and gives each key press to the first matching shortcut of the highest scope.
 * It lists every shortcut for the keyboard help sheet.
 *
 * Scopes, highest first: `presenter` and `dialogs` take keys before any element sees them (full-screen
 * presenting, a dialog); `study`, `panel` and `map` get the keys that elements left alone (an element that
 * handles a key itself, such as the search box's Escape, stops it or calls preventDefault).
 */
export const KEY_SCOPES = ['presenter', 'dialogs', 'study', 'panel', 'map'] as const;
export type KeyScope = (typeof KEY_SCOPES)[number];

const MODAL_SCOPES: ReadonlySet<KeyScope> = new Set(['presenter', 'dialogs']);

export interface Shortcut {
  scope: KeyScope;
  /** `KeyboardEvent.key` values */
  keys: readonly string[];
  /** what it does, as a stable id (the help sheet translates it) */
  id: string;
  /** whether the shortcut applies now (e.g. only while presenting) */
  when?: () => boolean;
  /** does the work; return false when it did not apply after all (the key goes on) */
  run: (event: KeyboardEvent) => boolean | void;
  /** the shortcut also applies with Alt, Ctrl or Meta held (default: no) */
  withModifiers?: boolean;
  /** the shortcut applies even when an element already handled the key (default: no) */
  evenIfHandled?: boolean;
  /** the key is text, not a shortcut, while it goes to a text field or editable content (e.g. `?`, `/`, `m`) */
  notWhileTyping?: boolean;
}

/** True when a key goes to a text field, a select or editable content (through shadow roots). */
export function typedInField(event: Event): boolean {
  const target = event.composedPath()[0];
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export class KeyRegistry {
  private readonly shortcuts = new Set<Shortcut>();
  private readonly capture = (event: KeyboardEvent) => this.dispatch(event, true);
  private readonly bubble = (event: KeyboardEvent) => this.dispatch(event, false);

  constructor(private readonly target: Window = window) {
    target.addEventListener('keydown', this.capture, true);
    target.addEventListener('keydown', this.bubble);
  }

  /** @returns a function that removes the shortcut */
  register(shortcut: Shortcut): () => void {
    this.shortcuts.add(shortcut);
    return () => this.shortcuts.delete(shortcut);
  }

  /** The shortcuts in force order (highest scope first), for the help sheet. */
  list(): { scope: KeyScope; keys: readonly string[]; id: string }[] {
    return this.ordered().map(({ scope, keys, id }) => ({ scope, keys, id }));
  }

  /** How many shortcuts are registered (tests check that disposed features left none). */
  get size(): number {
    return this.shortcuts.size;
  }

  private ordered(): Shortcut[] {
    return [...this.shortcuts].sort((a, b) => KEY_SCOPES.indexOf(a.scope) - KEY_SCOPES.indexOf(b.scope));
  }

  private dispatch(event: KeyboardEvent, capture: boolean): void {
    const modified = event.altKey || event.ctrlKey || event.metaKey;
    for (const shortcut of this.ordered()) {
      if (MODAL_SCOPES.has(shortcut.scope) !== capture) continue;
      if (!shortcut.keys.includes(event.key) || (modified && !shortcut.withModifiers)) continue;
      if (!capture && event.defaultPrevented && !shortcut.evenIfHandled) continue;
      if (shortcut.notWhileTyping && typedInField(event)) continue;
      if (shortcut.when && !shortcut.when()) continue;
      if (shortcut.run(event) === false) continue;
      event.preventDefault();
      if (capture) event.stopPropagation();
      return;
    }
  }

  destroy(): void {
    this.target.removeEventListener('keydown', this.capture, true);
    this.target.removeEventListener('keydown', this.bubble);
    this.shortcuts.clear();
  }
}
