/**
 * GeoJSON import and saved work in real Chromium under the strict CSP (meta tag + the same policy as a response header): import
 * through the file input, bad files in a row then a good one (map and store unchanged after each failure),
 * script-like payloads shown as text, the GCJ-02 offer, cancel, a ≥ 50 MB file, and saved work that is
 * corrupt, unavailable or over quota.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.ts';
import { isBasemapProbe, waitForMapIdle } from '../helpers/app-page.ts';
import { serveDirectory } from '../helpers/static-server.ts';
import type { StaticServer } from '../helpers/static-server.ts';
import type { FeatureCollection } from 'geojson';
import { prepareAnalysis, ratioForRegion, wholeAreaFigures, withExtraBlueGreen } from '../../src/core/analysis/index.ts';

const geodata = (name: string) => JSON.parse(readFileSync(`geodata/${name}.geojson`, 'utf8')) as FeatureCollection;
const prepared = prepareAnalysis({ boundary: geodata('boundary'), blueGreen: geodata('blue-green'), construction: geodata('construction') });
/** The number in a formatted percentage such as "71.9%". */
const percentOf = (text: string | null) => Number((text ?? '').replace(/[^\d.-]/g, ''));

/** Polls a condition from node (no page-side eval: the app's CSP forbids it). */
async function until(page: Page, condition: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await page.waitForTimeout(100);
  }
}

const CSP = /content="([^"]+)"/.exec(/<meta http-equiv="Content-Security-Policy"[^>]*>/.exec(readFileSync('index.html', 'utf8'))?.[0] ?? '')?.[1] ?? '';
const XSS = '<img src=x onerror=window.__xss=1>';
const XSS2 = '"><script>window.__xss=1</script>';

interface Opened { context: BrowserContext; page: Page; errors: string[] }

const square = (lng: number, lat: number, d: number, properties: Record<string, unknown>) => ({
  type: 'Feature', properties,
  geometry: { type: 'Polygon', coordinates: [[[lng - d, lat - d], [lng + d, lat - d], [lng + d, lat + d], [lng - d, lat + d], [lng - d, lat - d]]] },
});
const file = (name: string, body: unknown) => ({ name, mimeType: 'application/geo+json', buffer: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)) });

async function snapshot(page: Page) {
  return page.evaluate(() => {
    const { map, store } = (globalThis as unknown as { __plan: { map: { getStyle(): { sources: Record<string, unknown>; layers: { id: string }[] } }; store: { getState(): { imports: { id: string; name: string; conversion: string }[]; data: object; layerVisibility: object } } } }).__plan;
    const style = map.getStyle();
    const state = store.getState();
    return {
      sources: Object.keys(style.sources).sort(),
      layers: style.layers.map((layer) => layer.id),
      imports: state.imports.map((layer) => layer.name),
      data: state.data === (globalThis as unknown as { __dataRef?: object }).__dataRef,
      visibility: JSON.stringify(state.layerVisibility),
    };
  });
}

async function messageCodes(page: Page): Promise<string[]> {
  return page.locator('plan-import-panel .messages li').evaluateAll((items) => items.map((item) => item.getAttribute('data-code') ?? ''));
}

describe('GeoJSON import, XSS and CSP', () => {
  let browser: Browser;
  let server: StaticServer;
  let app: Opened;
  const violations = async (page: Page) => page.evaluate(() => (globalThis as unknown as { __csp: string[] }).__csp);

  async function open(init?: string, waitForIdle = true): Promise<Opened> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true, locale: 'en-GB' });
    await context.addInitScript(() => {
      const list: string[] = [];
      Object.assign(globalThis, { __csp: list });
      document.addEventListener('securitypolicyviolation', (event) => list.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    if (init) await context.addInitScript(init);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => { if (message.type() === 'error' && !isBasemapProbe(message.text(), message.location().url)) errors.push(message.text()); });
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    // the import panel is an Analyse tool
    await page.goto(`${server.url}#mode=analyse`);
    if (waitForIdle) await waitForMapIdle(page);
    return { context, page, errors };
  }

  async function importFile(page: Page, payload: ReturnType<typeof file> | string): Promise<void> {
    const before = await page.evaluate(() => (globalThis as unknown as { __plan: { store: { getState(): { announcements: unknown[] } } } }).__plan.store.getState().announcements.length);
    await page.locator('plan-import-panel input[type=file]').setInputFiles(payload);
    await page.waitForFunction((count) => {
      const state = (globalThis as unknown as { __plan: { store: { getState(): { announcements: { id: number }[]; importSession: { progress: unknown } } } } }).__plan.store.getState();
      return state.importSession.progress === null && state.announcements.length > 0 && (state.announcements.at(-1)?.id ?? 0) > count;
    }, before, { timeout: 60_000 });
  }

  beforeAll(async () => {
    expect(inject('baseUrl')).toBeTruthy(); // the global setup built dist/
    expect(CSP).toContain("default-src 'self'");
    server = await serveDirectory('dist', { 'content-security-policy': CSP });
    browser = await launchChromium();
    app = await open();
    await app.page.evaluate(() => {
      const g = globalThis as unknown as { __plan: { store: { getState(): { data: object } } }; __dataRef?: object };
      g.__dataRef = g.__plan.store.getState().data;
    });
  });
  afterAll(async () => {
    await app?.context.close();
    await browser?.close();
    await server?.close();
  });

  it('ships a strict CSP without unsafe-eval or remote origins', () => {
    expect(CSP).toContain("script-src 'self'");
    // Imported layers reach MapLibre's worker as object URLs of the import worker's Blob.
    expect(CSP).toContain("connect-src 'self' blob:");
    expect(CSP).toContain("object-src 'none'");
    // 'wasm-unsafe-eval' (sql.js reading GeoPackages in the land-use worker) allows no JavaScript eval.
    expect(CSP).not.toContain("'unsafe-eval'");
    expect(CSP).not.toMatch(/https?:/);
  });

  it('imports a set of bad files in a row: each is explained, and the map and store stay exactly as before', async () => {
    const page = app.page;
    const initial = await snapshot(page);
    const bad: [ReturnType<typeof file>, string][] = [
      [file('syntax.geojson', '{"type":"FeatureCollection",\n"features":[\n{"type":"Feature" "properties":{}}]}'), 'json-syntax'],
      [file('case.geojson', { type: 'featurecollection', features: [] }), 'wrong-case-type'],
      [file('empty.geojson', { type: 'FeatureCollection', features: [] }), 'empty-collection'],
      [file('nan.geojson', { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: ['117', 36.8] } }] }), 'bad-coordinate'],
      [file('open-ring.geojson', { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[117, 36.8], [117.1, 36.8], [117.1, 36.9], [117, 36.9]]] } }] }), 'unclosed-ring'],
      [file('gk39.geojson', { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [39_500_000, 4_080_000] } }] }), 'projected'],
      [file('swapped.geojson', { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [36.8, 117.0] } }] }), 'swapped'],
      [file('nested.geojson', { type: 'GeometryCollection', geometries: [{ type: 'GeometryCollection', geometries: [] }] }), 'nested-geometry-collection'],
    ];
    for (const [payload, code] of bad) {
      await importFile(page, payload);
      expect(await snapshot(page)).toEqual(initial);
      expect(await messageCodes(page)).toContain(code);
      const alert = await page.locator('plan-app [data-testid=alert]').textContent();
      expect(alert).toContain(payload.name);
    }
    const syntax = await page.locator('plan-import-panel .messages li[data-code=json-syntax]').textContent();
    expect(syntax).toContain('line 3');
    const projected = await page.locator('plan-import-panel .messages li[data-code=projected]').textContent();
    expect(projected).toContain('zone 39');
    // A good file after them is imported and drawn.
    await importFile(page, file('good.geojson', { type: 'FeatureCollection', features: [square(117.0, 36.85, 0.02, { name: 'ok' })] }));
    const after = await snapshot(page);
    expect(after.imports).toEqual([...initial.imports, 'good.geojson']);
    expect(after.sources.length).toBe(initial.sources.length + 1);
    expect(after.layers.slice(0, initial.layers.length)).toEqual(initial.layers);
    expect(after.data).toBe(true);
    // Dismissing messages works.
    await page.locator('plan-import-panel button.dismiss-all').click();
    expect(await messageCodes(page)).toEqual([]);
  });

  it('shows script-like payloads from file names, properties and bad types literally, running none of them', async () => {
    const page = app.page;
    const center = await page.evaluate(() => (globalThis as unknown as { __plan: { map: { getCenter(): { lng: number; lat: number } } } }).__plan.map.getCenter());
    await importFile(page, file(`${XSS}.geojson`, { type: 'FeatureCollection', features: [square(center.lng, center.lat, 0.05, { name: XSS, [XSS2]: 'javascript:window.__xss=1', link: 'javascript:alert(1)' })] }));
    await importFile(page, file(`${XSS2}.json`, { type: XSS }));
    const panel = page.locator('plan-import-panel');
    await expect(panel.locator('.layers .name').last().textContent()).resolves.toBe(`${XSS}.geojson`);
    await expect(panel.locator('.messages li[data-code=unknown-type]').textContent()).resolves.toContain(XSS);
    await expect(panel.locator('.messages li[data-code=unknown-type]').textContent()).resolves.toContain(XSS2);
    // Click the imported polygon under the map centre: the inspector lists its properties as text.
    await page.evaluate(() => (globalThis as unknown as { __plan: { map: { triggerRepaint(): void } } }).__plan.map.triggerRepaint());
    await page.waitForFunction(() => (globalThis as unknown as { __plan: { map: { loaded(): boolean } } }).__plan.map.loaded());
    const box = await page.locator('#map canvas').boundingBox();
    if (!box) throw new Error('no canvas');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await panel.locator('.inspector dl').waitFor();
    const inspector = await panel.locator('.inspector').textContent();
    expect(inspector).toContain(XSS);
    expect(inspector).toContain(XSS2);
    expect(inspector).toContain('javascript:alert(1)');
    expect(await panel.locator('.inspector a, .inspector img, .inspector script').count()).toBe(0);
    expect(await page.locator('img[src=x]').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  });

  it('offers GCJ-02 → WGS84 conversion only on an explicit button, and can undo it', async () => {
    const page = app.page;
    const layer = page.locator('plan-import-panel .layers li').first();
    await expect(layer.locator('.offset').textContent()).resolves.toContain('cannot prove');
    // The drawn data is a Blob of GeoJSON text; read it here to check the conversion.
    const coordinate = () => page.evaluate(async () => {
      const state = (globalThis as unknown as { __plan: { store: { getState(): { imports: { conversion: string; data: Blob }[] } } } }).__plan.store.getState();
      const first = state.imports[0]!;
      const data = JSON.parse(await first.data.text()) as { features: { geometry: { coordinates: number[][][] } }[] };
      return { conversion: first.conversion, x: data.features[0]!.geometry.coordinates[0]![0]![0]! };
    });
    const conversionIs = (value: string) => page.waitForFunction((expected) => (globalThis as unknown as { __plan: { store: { getState(): { imports: { conversion: string }[] } } } }).__plan.store.getState().imports[0]?.conversion === expected, value);
    const before = await coordinate();
    expect(before.conversion).toBe('none');
    await layer.locator('button.convert-gcj02').click();
    await conversionIs('gcj02');
    const converted = await coordinate();
    expect(converted.conversion).toBe('gcj02');
    expect(before.x - converted.x).toBeGreaterThan(0.005);
    expect(before.x - converted.x).toBeLessThan(0.0065);
    await layer.locator('button.convert-undo').click();
    await conversionIs('none');
    expect(await coordinate()).toEqual(before);
  });

  it('counts an imported polygon as blue-green: the whole-area figure in the stats panel equals the core in node', async () => {
    const page = app.page;
    const center = await page.evaluate(() => (globalThis as unknown as { __plan: { map: { getCenter(): { lng: number; lat: number } } } }).__plan.map.getCenter());
    const green = { type: 'FeatureCollection', features: [square(center.lng, center.lat, 0.03, { name: 'new park' })] } as FeatureCollection;
    await importFile(page, file('green.geojson', green));
    const classes = ['water', 'wetland', 'forest', 'park', 'farmland'] as const;
    const plan = wholeAreaFigures(prepared, { classes });
    const counted = wholeAreaFigures(withExtraBlueGreen(prepared, [green]), { classes });
    expect(counted.blueGreenRatio! - plan.blueGreenRatio!).toBeGreaterThan(0.002); // the square adds a visible share
    const shown = () => page.locator('plan-stats .gauge[data-figure="blueGreen"] .gauge-value').textContent();
    await until(page, async () => Math.abs(percentOf(await shown()) - plan.blueGreenRatio! * 100) <= 0.1);
    await page.locator('plan-import-panel .layers li').last().locator('input.blue-green').check();
    await until(page, async () => Math.abs(percentOf(await shown()) - counted.blueGreenRatio! * 100) <= 0.1);
    expect(await page.evaluate(() => (globalThis as unknown as { __plan: { store: { getState(): { analysis: { whole: { blueGreenKm2: number } } } } } }).__plan.store.getState().analysis.whole.blueGreenKm2))
      .toBeCloseTo(counted.blueGreenKm2, 1);
  });

  it('uses a clicked imported polygon as the study area: the study figures equal the core in node', async () => {
    const page = app.page;
    const center = await page.evaluate(() => (globalThis as unknown as { __plan: { map: { getCenter(): { lng: number; lat: number } } } }).__plan.map.getCenter());
    const green = { type: 'FeatureCollection', features: [square(center.lng, center.lat, 0.03, { name: 'new park' })] } as FeatureCollection;
    const box = await page.locator('#map canvas').boundingBox();
    if (!box) throw new Error('no canvas');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const panel = page.locator('plan-import-panel');
    await expect(panel.locator('.inspector').textContent()).resolves.toContain('new park');
    await panel.locator('.inspector button.use-as-study').click();
    const figures = () => page.evaluate(() => (globalThis as unknown as { __plan: { store: { getState(): { study: { polygon: unknown; study: { figures: { areaKm2: number; blueGreenRatio: number } | null } } } } } }).__plan.store.getState().study);
    await until(page, async () => (await figures()).study.figures !== null);
    const study = await figures();
    expect(study.polygon).toEqual(green.features[0]!.geometry);
    // The layer is still counted as blue-green (previous test), so the core counts it too.
    const expected = ratioForRegion(withExtraBlueGreen(prepared, [green]), green.features[0]!);
    if (!expected.ok) throw new Error('core failed');
    expect(study.study.figures!.areaKm2).toBeCloseTo(expected.figures.areaKm2, 3);
    expect(Math.abs(study.study.figures!.blueGreenRatio - expected.figures.blueGreenRatio!)).toBeLessThan(0.001);
    expect(expected.figures.blueGreenRatio!).toBeGreaterThan(0.99); // the square is all blue-green now
    await expect(page.locator('plan-app [data-testid=status]').textContent()).resolves.toContain('study area');
    // Not counted any more: the study figures follow, back to the plan's own blue-green.
    const plain = ratioForRegion(prepared, green.features[0]!);
    if (!plain.ok) throw new Error('core failed');
    await page.locator('plan-import-panel .layers li').last().locator('input.blue-green').uncheck();
    await until(page, async () => Math.abs(((await figures()).study.figures?.blueGreenRatio ?? -1) - plain.figures.blueGreenRatio!) < 0.001);
  });

  it('reported no CSP violation and no CSP console error on any of the above', async () => {
    expect(await violations(app.page)).toEqual([]);
    expect(app.errors.filter((error) => /Content Security Policy|CSP/i.test(error))).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  it('restores imported layers after a reload (saved automatically)', async () => {
    const page = app.page;
    const names = (await snapshot(page)).imports;
    expect(names.length).toBeGreaterThan(0);
    // the save is debounced: wait until IndexedDB holds every imported layer
    const savedCount = () => page.evaluate(() => new Promise<number>((resolve) => {
      const open = indexedDB.open('jinan-plan');
      open.onerror = () => resolve(0);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('work')) { db.close(); resolve(0); return; }
        const get = db.transaction('work', 'readonly').objectStore('work').get('imports');
        get.onsuccess = () => { db.close(); resolve((get.result as { value?: unknown[] } | undefined)?.value?.length ?? 0); };
        get.onerror = () => { db.close(); resolve(0); };
      };
    }));
    await until(page, async () => (await savedCount()) === names.length);
    await page.reload();
    await waitForMapIdle(page);
    await page.waitForFunction((count) => (globalThis as unknown as { __plan: { store: { getState(): { imports: unknown[] } } } }).__plan.store.getState().imports.length === count, names.length);
    expect((await snapshot(page)).imports).toEqual(names);
  });

  it('loads a file over 50 MB in the worker, and cancels a running import leaving everything as before', async () => {
    const page = app.page;
    const features: string[] = [];
    let size = 0;
    for (let i = 0; size < 52 * 1024 * 1024; i += 1) {
      const text = JSON.stringify({ type: 'Feature', properties: { i, note: 'x'.repeat(40) }, geometry: { type: 'LineString', coordinates: [[117 + (i % 1000) * 1e-4, 36.8], [117 + (i % 1000) * 1e-4, 36.81 + (i % 7) * 1e-3]] } });
      features.push(text);
      size += text.length + 1;
    }
    // Playwright passes buffers over 50 MB only as files.
    const big = join(mkdtempSync(join(tmpdir(), 'plan-import-')), 'big.geojson');
    writeFileSync(big, `{"type":"FeatureCollection","features":[${features.join(',')}]}`);
    expect(readFileSync(big).length).toBeGreaterThan(50 * 1024 * 1024);
    const initial = await snapshot(page);
    await page.locator('plan-import-panel input[type=file]').setInputFiles(big);
    await page.locator('plan-import-panel button.cancel').click();
    await page.waitForFunction(() => (globalThis as unknown as { __plan: { store: { getState(): { importSession: { progress: unknown } } } } }).__plan.store.getState().importSession.progress === null);
    expect(await snapshot(page)).toEqual(initial);
    await expect(page.locator('plan-app [data-testid=status]').textContent()).resolves.toContain('cancelled');
    await importFile(page, big);
    const after = await snapshot(page);
    expect(after.imports.at(-1)).toBe('big.geojson');
    const count = await page.evaluate(() => (globalThis as unknown as { __plan: { store: { getState(): { imports: { summary: { featureCount: number } }[] } } } }).__plan.store.getState().imports.at(-1)!.summary.featureCount);
    expect(count).toBe(features.length);
    // Remove it again (keeps the next tests light) — the map source goes too.
    await page.locator('plan-import-panel .layers li').last().locator('button.remove').click();
    expect((await snapshot(page)).sources).toEqual(initial.sources);
  }, 240_000);

  it('starts with corrupt saved settings, says so, and offers them as a download without deleting them', async () => {
    const opened = await open(`if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1'); localStorage.setItem('jinan-plan:settings', '{"version":1, broken'); }`, false);
    try {
      const { page } = opened;
      await page.locator('plan-import-panel button.backup').waitFor();
      await expect(page.locator('plan-app [data-testid=alert]').textContent()).resolves.toContain('could not be read');
      const kept = await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('jinan-plan:backup:settings')).map((key) => localStorage.getItem(key)));
      expect(kept).toEqual(['{"version":1, broken']);
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('plan-import-panel button.backup').click()]);
      const path = await download.path();
      expect(readFileSync(path, 'utf8')).toBe('{"version":1, broken');
    } finally {
      await opened.context.close();
    }
  });

  it('starts with an old schema version and keeps it as a backup', async () => {
    const opened = await open(`if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1'); localStorage.setItem('jinan-plan:settings', JSON.stringify({ version: 0, value: { lang: 'en' } })); }`, false);
    try {
      await opened.page.locator('plan-import-panel button.backup').waitFor();
      await expect(opened.page.locator('plan-app [data-testid=alert]').textContent()).resolves.toContain('another version');
    } finally {
      await opened.context.close();
    }
  });

  it('works without storage (private mode): tells the user and exports the work as JSON', async () => {
    const opened = await open(`Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
      Object.defineProperty(window, 'indexedDB', { get() { return undefined; } });`, false);
    try {
      const { page } = opened;
      await page.locator('plan-import-panel .storage-problem').waitFor();
      await expect(page.locator('plan-app [data-testid=alert]').textContent()).resolves.toContain('not available');
      await importFile(page, file('p.geojson', { type: 'Point', coordinates: [117, 36.8] }));
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('plan-import-panel button.export').click()]);
      const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as { imports: { name: string }[]; settings: { lang: string } };
      expect(exported.imports.map((item) => item.name)).toEqual(['p.geojson']);
      expect(exported.settings.lang).toBe('en');
    } finally {
      await opened.context.close();
    }
  });

  it('reports a full storage (QuotaExceededError) and offers the export', async () => {
    const opened = await open(`Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };`, false);
    try {
      const { page } = opened;
      await page.locator('plan-app button.lang').click();
      await page.locator('plan-import-panel .storage-problem').waitFor();
      await expect(page.locator('plan-import-panel .storage-problem').textContent()).resolves.toContain('存储已满');
      await expect(page.locator('plan-import-panel button.export').count()).resolves.toBe(1);
    } finally {
      await opened.context.close();
    }
  });
});
