import { shallowEqual } from '../../state/store.ts';

/**
 * The previous pick when every field of the new one is the same (by identity), else the new one: a selector
 * that builds an object still hands its `StoreController` the same reference while nothing it shows changed.
 */
export function lastIfSame<T extends object>(previous: T | undefined, next: T): T {
  return previous && shallowEqual(previous, next) ? previous : next;
}
