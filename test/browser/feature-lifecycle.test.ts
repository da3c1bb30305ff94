/**
 * Every feature is `install(services) → dispose()`: after disposing all of them, nothing they added is
 * left — no window / document / shell / map-container listener, no store subscription, no shortcut, no
 * map click listener, no MapLibre listener, layer or source, no element. Listeners are counted through an
 * instrumented addEventListener / removeEventListener, installed before the app's own scripts run.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.ts';
import { openApp } from '../helpers/app-page.ts';
import type { AppPage } from '../helpers/app-page.ts';

/** Keeps the live listener registrations of every EventTarget (the page's own bookkeeping, for the test). */
const INSTRUMENT = `(() => {
  const live = new Map();
  const keyOf = (type, listener, options) => type + '|' + (typeof options === 'boolean' ? options : Boolean(options && options.capture));
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (listener) {
      let byTarget = live.get(this);
      if (!byTarget) { byTarget = new Map(); live.set(this, byTarget); }
      const key = keyOf(type, listener, options);
      let set = byTarget.get(key);
      if (!set) { set = new Set(); byTarget.set(key, set); }
      set.add(listener);
    }
    return add.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    live.get(this)?.get(keyOf(type, listener, options))?.delete(listener);
    return remove.call(this, type, listener, options);
  };
  globalThis.__listenerCount = (target) => {
    let count = 0;
    for (const set of live.get(target)?.values() ?? []) count += set.size;
    return count;
  };
})();`;

interface Snapshot {
  window: number;
  document: number;
  shell: number;
  mapContainer: number;
  canvas: number;
  storeListeners: number;
  shortcuts: number;
  pointerListeners: number;
  mapListeners: number;
  styleLayers: string[];
  sources: string[];
  shellChildren: string[];
  bodyChildren: string[];
  headChildren: number;
}

function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate(() => {
    const scope = globalThis as unknown as {
      __listenerCount(target: EventTarget): number;
      __plan: {
        store: { listenerCount: number };
        keys: { size: number };
        pointer: { listenerCount: number };
        map: {
          getContainer(): HTMLElement; getCanvas(): HTMLCanvasElement;
          getStyle(): { layers: { id: string }[]; sources: Record<string, unknown> };
          _listeners?: Record<string, unknown[]>; _oneTimeListeners?: Record<string, unknown[]>;
        };
      };
    };
    const { store, keys, pointer, map } = scope.__plan;
    const count = (listeners: Record<string, unknown[]> | undefined) => Object.values(listeners ?? {}).reduce((sum, list) => sum + list.length, 0);
    const shell = document.querySelector('plan-app') as HTMLElement;
    const describe = (element: Element) => `${element.localName}${element.getAttribute('slot') ? `[${element.getAttribute('slot')}]` : ''}`;
    return {
      window: scope.__listenerCount(window),
      document: scope.__listenerCount(document),
      shell: scope.__listenerCount(shell),
      mapContainer: scope.__listenerCount(map.getContainer()),
      canvas: scope.__listenerCount(map.getCanvas()),
      storeListeners: store.listenerCount,
      shortcuts: keys.size,
      pointerListeners: pointer.listenerCount,
      mapListeners: count(map._listeners) + count(map._oneTimeListeners),
      styleLayers: map.getStyle().layers.map((layer) => layer.id),
      sources: Object.keys(map.getStyle().sources).sort(),
      shellChildren: [...shell.children].map(describe),
      bodyChildren: [...document.body.children].map(describe),
      headChildren: document.head.children.length,
    };
  });
}

/** Waits until every feature has finished installing: the lazy presenter part is there and the figures are computed. */
async function settled(page: Page): Promise<void> {
  // the features loaded after the first frame are there
  for (const selector of ['[data-testid=open-slides]', 'plan-study-button', 'plan-import-panel', 'plan-stats', 'plan-clusters']) await page.locator(selector).waitFor({ state: 'attached' });
  await page.waitForFunction(() => (globalThis as unknown as { __plan: { store: { getState(): { analysis: { status: string } } } } })
    .__plan.store.getState().analysis.status === 'ready', undefined, { timeout: 60_000 });
  // the presenter (loaded on demand) is created too
  await page.locator('[data-testid=open-slides]').click();
  await page.locator('plan-deck-panel').waitFor();
}

const features = (page: Page, call: 'install' | 'dispose') =>
  page.evaluate((name) => (globalThis as unknown as { __plan: { features: Record<string, () => void> } }).__plan.features[name](), call);

describe('feature modules: install → dispose leaves nothing behind', () => {
  let browser: Browser;
  let app: AppPage;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    browser = await launchChromium();
    app = await openApp(browser, `${baseUrl}#mode=analyse`, { waitForIdle: false });
    await app.page.context().addInitScript(INSTRUMENT);
    await app.page.reload();
    await app.page.waitForFunction(() => performance.getEntriesByName('map-idle', 'mark').length > 0, undefined, { timeout: 45_000 });
  }, 90_000);
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('disposes every feature completely, and again after a second install', async () => {
    const page = app.page;
    await settled(page);
    // a study area adds map layers of its own
    await page.evaluate(() => document.querySelector('plan-app')!.dispatchEvent(new CustomEvent('plan-study-command', {
      detail: { command: 'set-polygon', polygon: { type: 'Polygon', coordinates: [[[117.0, 36.8], [117.1, 36.8], [117.1, 36.9], [117.0, 36.8]]] } },
      bubbles: true, composed: true,
    })));
    await page.waitForFunction(() => Boolean((globalThis as unknown as { __plan: { map: { getLayer(id: string): unknown } } }).__plan.map.getLayer('study-shapes-fill')));
    const installed = await snapshot(page);
    await features(page, 'dispose');
    const disposed = await snapshot(page);
    expect(disposed.shortcuts).toBe(0);
    expect(disposed.pointerListeners).toBe(0);
    expect(disposed.shellChildren).toEqual(['div[map]']);
    // the features had added listeners, subscriptions and elements
    expect(installed.window).toBeGreaterThan(disposed.window);
    expect(installed.shell).toBeGreaterThan(disposed.shell);
    expect(installed.storeListeners).toBeGreaterThan(disposed.storeListeners);
    expect(installed.mapContainer).toBeGreaterThan(disposed.mapContainer);
    expect(installed.mapListeners).toBeGreaterThan(disposed.mapListeners);
    expect(installed.styleLayers.length).toBeGreaterThan(disposed.styleLayers.length);
    expect(installed.shortcuts).toBeGreaterThan(0);

    await features(page, 'install');
    await settled(page);
    const again = await snapshot(page);
    expect(again.shortcuts).toBe(installed.shortcuts);
    // (features loaded after the first frame may arrive in another order; the toolbar keeps its own order)
    expect([...again.shellChildren].sort()).toEqual([...installed.shellChildren].sort());
    const toolbar = await page.evaluate(() => [...document.querySelectorAll('plan-app > [slot=toolbar]')].map((element) => element.localName));
    expect(toolbar).toEqual(['plan-mode-switch', 'plan-search', 'plan-study-button', 'plan-share-button', 'button', 'plan-large-text-button']);
    await features(page, 'dispose');
    expect(await snapshot(page)).toEqual(disposed);
    expect(app.errors).toEqual([]);
  }, 180_000);
});
