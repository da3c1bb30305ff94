import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Store } from '../../src/state/store.ts';
import { en, languageFromNavigator, translate, zh } from '../../src/i18n/all-messages.ts';
import { announce, initialState } from '../../src/state/plan-state.ts';
import { CATALOG_LAYERS, LAYER_GROUPS, defaultLayerVisibility } from '../../src/state/layer-catalog.ts';

describe('Store', () => {
  it('notifies once per changed update and not for a no-op', () => {
    const store = new Store({ count: 0 });
    const listener = vi.fn();
    store.subscribe(listener);
    store.update((state) => ({ count: state.count + 1 }));
    store.update((state) => state);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith({ count: 1 }, { count: 0 });
  });

  it('stops notifying after unsubscribe', () => {
    const store = new Store(1);
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    unsubscribe();
    store.update(() => 2);
    expect(listener).not.toHaveBeenCalled();
    expect(store.getState()).toBe(2);
  });
});

describe('message catalogue', () => {
  it('has the same keys in Chinese and English, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [key, value] of [...Object.entries(zh), ...Object.entries(en)]) expect(value.trim(), key).not.toBe('');
  });

  it('labels every kind, class, status, category, structure and mode value the geodata uses, in both languages', () => {
    const dir = resolve(__dirname, '../../geodata');
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.geojson'))) {
      const collection = JSON.parse(readFileSync(resolve(dir, file), 'utf8')) as { features: { properties: Record<string, unknown> }[] };
      for (const feature of collection.features) {
        for (const key of ['kind', 'class', 'status', 'category', 'structure', 'mode']) {
          const value = feature.properties[key];
          if (value === undefined || value === null) continue;
          expect(Object.keys(zh), `${file}: ${key}.${String(value)}`).toContain(`${key}.${String(value)}`);
          expect(Object.keys(en)).toContain(`${key}.${String(value)}`);
        }
      }
    }
  });

  it('gives every catalog layer and group a label in both languages', () => {
    for (const item of [...LAYER_GROUPS, ...CATALOG_LAYERS]) {
      expect(Object.keys(zh)).toContain(item.labelKey);
    }
  });

  it('fills placeholders as plain text', () => {
    expect(translate('en', 'storage.restored', { count: 3 })).toBe('Restored your last work: 3 imported layers.');
    expect(translate('zh', 'storage.restored', { count: 3 })).toBe('已恢复上次的工作：3 个导入图层。');
    // markup and replacement patterns in a value stay literal text
    const payload = '<img src=x onerror=alert(1)> $& $1';
    expect(translate('en', 'storage.restored', { count: payload })).toBe(`Restored your last work: ${payload} imported layers.`);
    // a placeholder without a value is left visible, not silently dropped
    expect(translate('en', 'storage.restored')).toBe('Restored your last work: {count} imported layers.');
  });

  it('picks the language from the browser preferences', () => {
    expect(languageFromNavigator(['en-GB', 'zh-CN'])).toBe('en');
    expect(languageFromNavigator(['zh-TW'])).toBe('zh');
    expect(languageFromNavigator(['fr-FR', 'en-US'])).toBe('en');
    expect(languageFromNavigator([])).toBe('zh');
  });
});

describe('plan state', () => {
  it('starts loading with the catalog defaults', () => {
    const state = initialState('en');
    expect(state.status).toBe('loading');
    expect(state.layerVisibility).toEqual(defaultLayerVisibility());
  });

  it('announce keeps the last 20 messages without mutating the old state', () => {
    let state = initialState('zh');
    const first = state;
    for (let i = 0; i < 25; i += 1) state = announce(state, 'info', `m${i}`);
    expect(state.announcements).toHaveLength(20);
    expect(state.announcements.at(-1)?.text).toBe('m24');
    expect(first.announcements).toHaveLength(0);
  });
});
