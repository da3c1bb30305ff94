import { describe, expect, it, vi } from 'vitest';
import { KeyRegistry } from '../../src/app/shell/keyboard.ts';
import { Lifetime } from '../../src/app/shell/lifetime.ts';
import { Store } from '../../src/state/store.ts';

/** A keydown as the registry sees it (node has EventTarget and Event, not KeyboardEvent). */
function press(target: EventTarget, key: string, handledBefore = false): Event {
  const event = Object.assign(new Event('keydown', { cancelable: true }), { key, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false });
  if (handledBefore) event.preventDefault();
  target.dispatchEvent(event);
  return event;
}

describe('KeyRegistry', () => {
  it('gives a key to the first applicable shortcut of the highest scope, and lists shortcuts in that order', () => {
    const target = new EventTarget();
    const keys = new KeyRegistry(target as unknown as Window);
    const calls: string[] = [];
    keys.register({ scope: 'map', keys: ['Escape'], id: 'map.escape', run: () => { calls.push('map'); } });
    keys.register({ scope: 'panel', keys: ['Escape'], id: 'panel.escape', run: () => { calls.push('panel'); } });
    const study = keys.register({ scope: 'study', keys: ['Escape'], id: 'study.escape', when: () => false, run: () => { calls.push('study'); } });
    const event = press(target, 'Escape');
    expect(calls).toEqual(['panel']);
    expect(event.defaultPrevented).toBe(true);
    expect(keys.list().map((shortcut) => shortcut.id)).toEqual(['study.escape', 'panel.escape', 'map.escape']);
    study();
    expect(keys.size).toBe(2);
    keys.destroy();
    press(target, 'Escape');
    expect(calls).toEqual(['panel']);
  });

  it('passes the key on when a shortcut says it did not apply, and leaves keys an element handled', () => {
    const target = new EventTarget();
    const keys = new KeyRegistry(target as unknown as Window);
    const calls: string[] = [];
    keys.register({ scope: 'study', keys: ['Delete'], id: 'study.clear', run: () => { calls.push('study'); return false; } });
    keys.register({ scope: 'map', keys: ['Delete'], id: 'map.delete', run: () => { calls.push('map'); } });
    keys.register({ scope: 'map', keys: ['Escape'], id: 'map.escape', run: () => { calls.push('escape'); } });
    keys.register({ scope: 'study', keys: ['Escape'], id: 'study.cancel', evenIfHandled: true, when: () => calls.includes('map'), run: () => { calls.push('cancel'); } });
    press(target, 'Delete');
    expect(calls).toEqual(['study', 'map']);
    press(target, 'Escape', true);
    expect(calls).toEqual(['study', 'map', 'cancel']);
    keys.destroy();
  });

  it('gives keys to the presenter scope before any element (capture phase)', () => {
    const target = new EventTarget();
    const keys = new KeyRegistry(target as unknown as Window);
    let presenting = true;
    const calls: string[] = [];
    keys.register({ scope: 'presenter', keys: ['ArrowRight'], id: 'present.next', when: () => presenting, run: () => { calls.push('next'); } });
    press(target, 'ArrowRight', true);
    presenting = false;
    press(target, 'ArrowRight');
    expect(calls).toEqual(['next']);
    keys.destroy();
  });
});

describe('Lifetime', () => {
  it('runs cleanups once, last added first, and at once when added after disposal', () => {
    const life = new Lifetime();
    const order: number[] = [];
    life.add(() => order.push(1));
    life.add(() => order.push(2));
    life.dispose();
    life.dispose();
    expect(order).toEqual([2, 1]);
    expect(life.disposed).toBe(true);
    life.add(() => order.push(3));
    expect(order).toEqual([2, 1, 3]);
  });

  it('drops pending timeouts and debounced calls on dispose', () => {
    vi.useFakeTimers();
    try {
      const life = new Lifetime();
      const calls: string[] = [];
      life.timeout(() => calls.push('timeout'), 100);
      const later = life.debounce(() => calls.push('debounced'), 100);
      later();
      later();
      vi.advanceTimersByTime(150);
      expect(calls).toEqual(['timeout', 'debounced']);
      later();
      life.dispose();
      vi.advanceTimersByTime(150);
      expect(calls).toEqual(['timeout', 'debounced']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('removes the listeners it added', () => {
    const life = new Lifetime();
    const target = new EventTarget();
    let count = 0;
    life.listen(target as unknown as HTMLElement, 'click', () => { count += 1; });
    target.dispatchEvent(new Event('click'));
    life.dispose();
    target.dispatchEvent(new Event('click'));
    expect(count).toBe(1);
  });

  it('whileSelected: one session per truthy value, disposed when it changes, turns falsy or the lifetime ends', () => {
    const store = new Store({ mode: null as string | null, other: 0 });
    store.update((state) => ({ ...state, mode: 'a' }));
    const life = new Lifetime();
    const log: string[] = [];
    life.whileSelected(store, (state) => state.mode, (mode, session) => {
      log.push(`begin ${mode}`);
      session.add(() => log.push(`end ${mode}`));
    });
    expect(log).toEqual(['begin a']);
    store.update((state) => ({ ...state, other: 1 }));
    store.update((state) => ({ ...state, mode: 'b' }));
    store.update((state) => ({ ...state, mode: null }));
    store.update((state) => ({ ...state, mode: 'c' }));
    life.dispose();
    store.update((state) => ({ ...state, mode: 'd' }));
    expect(log).toEqual(['begin a', 'end a', 'begin b', 'end b', 'begin c', 'end c']);
    expect(store.listenerCount).toBe(0);
  });
});
