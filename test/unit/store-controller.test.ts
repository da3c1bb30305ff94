/**
 * StoreController re-renders its host only when the selected value changes by its equality function.
 */
import { describe, expect, it } from 'vitest';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { pick, shallowEqual, sameItems, Store } from '../../src/state/store.ts';
import { StoreController } from '../../src/ui/controllers/store.controller.ts';

interface S { lang: string; year: number; data: { n: number }; other: number }

function host(): ReactiveControllerHost & { updates: number; controllers: ReactiveController[] } {
  const h = {
    updates: 0,
    controllers: [] as ReactiveController[],
    addController(controller: ReactiveController) { h.controllers.push(controller); },
    removeController() {},
    requestUpdate() { h.updates += 1; },
    updateComplete: Promise.resolve(true),
  };
  return h;
}

const initial: S = { lang: 'zh', year: 2025, data: { n: 1 }, other: 0 };

describe('StoreController', () => {
  it('with pick + shallowEqual re-renders only when a picked key changes', () => {
    const store = new Store<S>(initial);
    const h = host();
    const controller = new StoreController(h, () => store, pick<S, 'lang' | 'data'>('lang', 'data'), shallowEqual);
    h.controllers.forEach((c) => c.hostConnected?.());
    expect(controller.value).toEqual({ lang: 'zh', data: { n: 1 } });
    store.update((s) => ({ ...s, other: s.other + 1 }));
    store.update((s) => ({ ...s, year: 2030 }));
    expect(h.updates).toBe(0);
    store.update((s) => ({ ...s, lang: 'en' }));
    expect(h.updates).toBe(1);
    expect(controller.value?.lang).toBe('en');
    store.update((s) => ({ ...s, data: { n: 2 } }));
    expect(h.updates).toBe(2);
    h.controllers.forEach((c) => c.hostDisconnected?.());
    expect(store.listenerCount).toBe(0);
  });

  it('without an equality compares by reference (a fresh tuple would re-render every time; sameItems does not)', () => {
    const store = new Store<S>(initial);
    const byReference = host();
    const bySameItems = host();
    new StoreController(byReference, () => store, (s: S) => [s.lang, s.year]);
    new StoreController(bySameItems, () => store, (s: S) => [s.lang, s.year], sameItems);
    [...byReference.controllers, ...bySameItems.controllers].forEach((c) => c.hostConnected?.());
    store.update((s) => ({ ...s, other: 5 }));
    expect(byReference.updates).toBe(1);
    expect(bySameItems.updates).toBe(0);
    store.update((s) => ({ ...s, year: 2035 }));
    expect(bySameItems.updates).toBe(1);
  });
});

describe('StoreController after disconnection', () => {
  it('does not subscribe again when the host updates after it was disconnected', () => {
    const store = new Store<S>(initial);
    const h = host();
    new StoreController(h, () => store, (s: S) => s.lang);
    h.controllers.forEach((c) => c.hostConnected?.());
    expect(store.listenerCount).toBe(1);
    h.controllers.forEach((c) => c.hostDisconnected?.());
    h.controllers.forEach((c) => c.hostUpdate?.());
    expect(store.listenerCount).toBe(0);
    h.controllers.forEach((c) => c.hostConnected?.());
    expect(store.listenerCount).toBe(1);
  });
});
