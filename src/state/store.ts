/** A tiny store: plain data, pure updates, one notification per update. */
export type Listener<S> = (state: S, previous: S) => void;

export class Store<S> {
  private state: S;
  private readonly listeners = new Set<Listener<S>>();

  constructor(initial: S) {
    this.state = initial;
  }

  getState(): S {
    return this.state;
  }

  /** Applies a pure `(state) => state` update; listeners run only if the reference changed. */
  update(updater: (state: S) => S): void {
    const previous = this.state;
    const next = updater(previous);
    if (next === previous) return;
    this.state = next;
    for (const listener of [...this.listeners]) listener(next, previous);
  }

  /** @returns an unsubscribe function */
  subscribe(listener: Listener<S>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
