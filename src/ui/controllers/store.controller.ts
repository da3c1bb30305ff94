import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Equals, Store } from '../../state/store.ts';

/**
 * Re-renders its host when the selected slice of the store changes: compared by `equals` (default: the same
 * reference; pass `shallowEqual` with a selector that builds an object, e.g. `pick('lang', 'data')`).
 * Subscribes on connect (and again if the host is handed a different store), unsubscribes on disconnect.
 */
export class StoreController<S, T> implements ReactiveController {
  value: T | undefined;
  private unsubscribe: (() => void) | undefined;
  private subscribedTo: Store<S> | undefined;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly getStore: () => Store<S> | undefined,
    private readonly select: (state: S) => T,
    private readonly equals: Equals<T> = Object.is,
  ) {
    host.addController(this);
  }

  private connect(): void {
    const store = this.getStore();
    if (store === this.subscribedTo) return;
    this.unsubscribe?.();
    this.subscribedTo = store;
    this.unsubscribe = undefined;
    if (!store) return;
    this.value = this.select(store.getState());
    this.unsubscribe = store.subscribe((state) => {
      const next = this.select(state);
      if (!this.equals(next, this.value as T)) {
        this.value = next;
        this.host.requestUpdate();
      }
    });
  }

  hostConnected(): void {
    this.connected = true;
    this.connect();
  }

  /** Picks up a store that arrived after connection (property set by the composition root); never once disconnected. */
  hostUpdate(): void {
    if (this.connected) this.connect();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.subscribedTo = undefined;
  }
}
