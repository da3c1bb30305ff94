/**
 * What a feature added, so that `dispose()` can take it all away again (MapLibre's IControl.onRemove):
 * DOM listeners, store subscriptions, timers, elements, map layers. Cleanups run in reverse order, once.
 * After disposal, anything added is cleaned up at once (a late async step of an install cannot leak).
 */
/** What `whileSelected` needs of the store (src/state/store.ts). */
interface SelectingStore<S> {
  getState(): S;
  select<T>(selector: (state: S) => T, listener: (value: T) => void): () => void;
}

export class Lifetime {
  private readonly cleanups: (() => void)[] = [];
  private ended = false;

  /** True once disposed: async install steps check it before going on. */
  get disposed(): boolean {
    return this.ended;
  }

  /** Registers a cleanup (run at once when already disposed). */
  add(cleanup: () => void): void {
    if (this.ended) cleanup();
    else this.cleanups.push(cleanup);
  }

  /** addEventListener now, removeEventListener on dispose. */
  listen<K extends keyof WindowEventMap>(target: Window, type: K, listener: (event: WindowEventMap[K]) => void, options?: AddEventListenerOptions): void;
  listen<K extends keyof DocumentEventMap>(target: Document, type: K, listener: (event: DocumentEventMap[K]) => void, options?: AddEventListenerOptions): void;
  listen<K extends keyof HTMLElementEventMap>(target: HTMLElement, type: K, listener: (event: HTMLElementEventMap[K]) => void, options?: AddEventListenerOptions): void;
  listen(target: EventTarget, type: string, listener: (event: never) => void, options?: AddEventListenerOptions): void {
    if (this.ended) return;
    const handler = listener as unknown as EventListener;
    target.addEventListener(type, handler, options);
    this.add(() => target.removeEventListener(type, handler, options));
  }

  /** Appends an element to `parent`; removes it on dispose. */
  append<E extends Element>(parent: Element, element: E): E {
    parent.append(element);
    this.add(() => element.remove());
    return element;
  }

  /**
   * Puts an element into the shell's header toolbar at a fixed place (`order`, ascending; features that load
   * later still land in the same place); removes it on dispose.
   */
  toolbar<E extends HTMLElement>(app: Element, element: E, order: number): E {
    element.slot = 'toolbar';
    element.dataset.toolbarOrder = String(order);
    const after = [...app.children].find((child) => child instanceof HTMLElement && child.slot === 'toolbar'
      && Number(child.dataset.toolbarOrder ?? 0) > order);
    if (after) after.before(element);
    else app.append(element);
    this.add(() => element.remove());
    return element;
  }

  /** A timeout that is cleared on dispose. */
  timeout(callback: () => void, ms: number): void {
    const id = setTimeout(callback, ms);
    this.add(() => clearTimeout(id));
  }

  /** A debounced call: each call restarts the delay; a pending call is dropped on dispose. */
  debounce(callback: () => void, ms: number): () => void {
    let id: ReturnType<typeof setTimeout> | undefined;
    this.add(() => clearTimeout(id));
    return () => {
      if (this.ended) return;
      clearTimeout(id);
      id = setTimeout(callback, ms);
    };
  }

  /**
   * A session for as long as the store's selected value is truthy: `begin(value, session)` runs for the current
   * value and whenever it changes to another truthy one; the session before is disposed first, and when the value
   * turns falsy or this lifetime ends (a mode, a dialog, a kiosk run kept in a slice).
   */
  whileSelected<S, T>(store: SelectingStore<S>, select: (state: S) => T, begin: (value: NonNullable<T>, session: Lifetime) => void): void {
    let session: Lifetime | undefined;
    const end = () => {
      session?.dispose();
      session = undefined;
    };
    const follow = (value: T) => {
      end();
      if (value && !this.ended) begin(value as NonNullable<T>, (session = new Lifetime()));
    };
    this.add(store.select(select, follow));
    this.add(end);
    follow(select(store.getState()));
  }

  /** Runs every cleanup, last added first. */
  dispose(): void {
    if (this.ended) return;
    this.ended = true;
    for (const cleanup of this.cleanups.splice(0).reverse()) {
      try {
        cleanup();
      } catch (error) {
        console.error(error);
      }
    }
  }
}
