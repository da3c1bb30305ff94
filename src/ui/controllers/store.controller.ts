import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Store } from '../../state/store.ts';

/**
 * Re-renders its host when the selected slice of the store changes (compared by reference).
 * Subscribes on connect (and again if the host is handed a different store), unsubscribes on disconnect.
 */
export class StoreController<S, T> implements ReactiveController {
  value: T | undefined;
  private unsubscribe: (() => void) | undefined;
  private subscribedTo: Store<S> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly getStore: () => Store<S> | undefined,
    private readonly select: (state: S) => T,
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
      if (next !== this.value) {
        this.value = next;
        this.host.requestUpdate();
      }
    });
  }

  hostConnected(): void {
    this.connect();
  }

  /** Picks up a store that arrived after connection (property set by the composition root). */
  hostUpdate(): void {
    this.connect();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.subscribedTo = undefined;
  }
}
