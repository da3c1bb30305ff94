/** A tiny store: plain data, pure updates, one notification per update. */
export type Listener<S> = (state: S, previous: S) => void;

/** Equality of two selected values; the default is `Object.is` (same reference). */
export type Equals<T> = (a: T, b: T) => boolean;

/** Equal when both lists hold the same items in the same order (by identity). */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/** Equal when every own key holds the same value (by identity), one level deep. */
export function shallowEqual<T extends object>(a: T, b: T): boolean {
  const keys = Object.keys(a) as (keyof T)[];
  return keys.length === Object.keys(b).length && keys.every((key) => Object.is(a[key], b[key]));
}

/**
 * A selector of some top-level keys of the state, as one object; pair it with `shallowEqual` so a reader
 * re-renders only when one of those keys holds a new value.
 */
export function pick<S, K extends keyof S>(...keys: K[]): (state: S) => Pick<S, K> {
  return (state) => {
    const picked = {} as Pick<S, K>;
    for (const key of keys) picked[key] = state[key];
    return picked;
  };
}

export class Store<S> {
  private state: S;
  private readonly listeners = new Set<Listener<S>>();
  private notifying = false;
  private readonly queued: ((state: S) => S)[] = [];

  constructor(initial: S) {
    this.state = initial;
  }

  getState(): S {
    return this.state;
  }

  /** How many listeners are subscribed (tests check that a disposed feature left none). */
  get listenerCount(): number {
    return this.listeners.size;
  }

  /**
   * Applies a pure `(state) => state` update; listeners run only if the reference changed. An update
   * made by a listener while others are being notified is applied after them, so every listener sees
   * each state in order.
   */
  update(updater: (state: S) => S): void {
    if (this.notifying) {
      this.queued.push(updater);
      return;
    }
    this.notifying = true;
    try {
      let next: ((state: S) => S) | undefined = updater;
      while (next) {
        const previous = this.state;
        const state = next(previous);
        if (state !== previous) {
          this.state = state;
          for (const listener of [...this.listeners]) listener(state, previous);
        }
        next = this.queued.shift();
      }
    } finally {
      this.notifying = false;
      this.queued.length = 0;
    }
  }

  /** @returns an unsubscribe function */
  subscribe(listener: Listener<S>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Calls `listener` when the selected value changes (by `equals`, default `Object.is`), never for the
   * current value.
   * @returns an unsubscribe function
   */
  select<T>(selector: (state: S) => T, listener: (value: T, previous: T, state: S) => void, equals: Equals<T> = Object.is): () => void {
    let current = selector(this.state);
    return this.subscribe((state) => {
      const next = selector(state);
      if (equals(next, current)) return;
      const previous = current;
      current = next;
      listener(next, previous, state);
    });
  }
}
