import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keepAsBackup, loadSaved, save } from '../../src/data/persist.ts';
import { exportDocument, validateImports, validateSettings } from '../../src/data/work-store.ts';

class MemoryStorage {
  readonly items = new Map<string, string>();
  full = false;
  getItem(key: string): string | null { return this.items.get(key) ?? null; }
  setItem(key: string, value: string): void {
    if (this.full) throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    this.items.set(key, value);
  }
  removeItem(key: string): void { this.items.delete(key); }
}

const asIs = (value: unknown) => value as { a: number };

describe('persist.ts (versioned localStorage)', () => {
  let storage: MemoryStorage;
  beforeEach(() => {
    storage = new MemoryStorage();
    Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });
  });
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'localStorage');
  });

  it('round-trips a value with its schema version', () => {
    expect(save('k', 2, { a: 1 })).toEqual({ ok: true });
    expect(loadSaved('k', 2, asIs)).toEqual({ ok: true, value: { a: 1 } });
    expect(JSON.parse(storage.getItem('jinan-plan:k') ?? '')).toMatchObject({ version: 2, value: { a: 1 } });
  });

  it('returns undefined for nothing saved', () => {
    expect(loadSaved('none', 1, asIs)).toEqual({ ok: true, value: undefined });
  });

  it('reports corrupt JSON with the raw text, and keeps it as a backup instead of deleting it', () => {
    storage.setItem('jinan-plan:k', '{broken');
    const result = loadSaved('k', 1, asIs);
    expect(result).toMatchObject({ ok: false, reason: 'corrupt', raw: '{broken' });
    const backupKey = keepAsBackup('k', '{broken');
    expect(backupKey).toMatch(/^jinan-plan:backup:k:/);
    expect(storage.getItem(backupKey ?? '')).toBe('{broken');
    expect(storage.getItem('jinan-plan:k')).toBeNull();
  });

  it('reports a record without a version, an old version, and an invalid value', () => {
    storage.setItem('jinan-plan:a', '[1,2]');
    storage.setItem('jinan-plan:b', JSON.stringify({ version: 0, value: {} }));
    storage.setItem('jinan-plan:c', JSON.stringify({ version: 1, value: { lang: 'fr' } }));
    expect(loadSaved('a', 1, asIs)).toMatchObject({ ok: false, reason: 'corrupt' });
    expect(loadSaved('b', 1, asIs)).toMatchObject({ ok: false, reason: 'version' });
    expect(loadSaved('c', 1, validateSettings)).toMatchObject({ ok: false, reason: 'invalid', message: expect.stringContaining('language') });
  });

  it('returns quota errors instead of throwing', () => {
    storage.full = true;
    expect(save('k', 1, { a: 1 })).toMatchObject({ ok: false, reason: 'quota' });
  });

  it('returns "unavailable" when localStorage throws on access (private mode)', () => {
    Object.defineProperty(globalThis, 'localStorage', { get() { throw new Error('SecurityError'); }, configurable: true });
    expect(loadSaved('k', 1, asIs)).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(save('k', 1, {})).toMatchObject({ ok: false, reason: 'unavailable' });
  });
});

describe('work-store validators and export', () => {
  it('accepts good settings and rejects malformed ones with a reason', () => {
    expect(validateSettings({ lang: 'zh', layerVisibility: { a: true }, layerOpacity: { a: 0.5 } })).toMatchObject({ lang: 'zh' });
    expect(validateSettings({ lang: 'zh', layerVisibility: { a: 'yes' }, layerOpacity: {} })).toMatch(/visibility/);
    expect(validateSettings({ lang: 'zh', layerVisibility: {}, layerOpacity: { a: 2 } })).toMatch(/opacity/);
    expect(validateSettings(null)).toMatch(/not an object/);
  });

  it('checks saved imports (Blob, text from localStorage, or a version-1 object, each read back as a Blob)', async () => {
    const good = { id: 'imp-1', name: 'a.geojson', original: new Blob(['{"type":"FeatureCollection","features":[]}']), conversion: 'none', visible: true, countAsBlueGreen: false, bytes: 1, importedAt: '' };
    expect(validateImports([good])).toEqual([good]);
    for (const original of ['{"type":"FeatureCollection","features":[]}', { type: 'FeatureCollection', features: [] }]) {
      const checked = validateImports([{ ...good, original }]);
      if (typeof checked === 'string') throw new Error(checked);
      expect(JSON.parse(await checked[0]!.original.text())).toEqual({ type: 'FeatureCollection', features: [] });
    }
    expect(validateImports([{ ...good, conversion: 'mars' }])).toMatch(/conversion/);
    expect(validateImports([{ ...good, original: { type: 'Feature' } }])).toMatch(/FeatureCollection/);
    expect(validateImports({})).toMatch(/not a list/);
  });

  it('exports settings and imported layers as one JSON document', async () => {
    const layer = (name: string) => ({ id: name, name, original: new Blob([`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"n":"${name}"},"geometry":null}]}`]), conversion: 'gcj02' as const, visible: true, countAsBlueGreen: true, bytes: 1, importedAt: '' });
    const blob = exportDocument({ lang: 'en', layerVisibility: {}, layerOpacity: {} }, [layer('<b>x</b>'), layer('y')]);
    const parsed = JSON.parse(await blob.text()) as { settings: { lang: string }; imports: { name: string; conversion: string; data: { features: { properties: { n: string } }[] } }[] };
    expect(parsed.settings.lang).toBe('en');
    expect(parsed.imports[0]).toMatchObject({ name: '<b>x</b>', conversion: 'gcj02' });
    expect(parsed.imports.map((item) => item.data.features[0]!.properties.n)).toEqual(['<b>x</b>', 'y']);
    expect(JSON.parse(await exportDocument({ lang: 'zh', layerVisibility: {}, layerOpacity: {} }, []).text())).toMatchObject({ imports: [] });
  });
});
