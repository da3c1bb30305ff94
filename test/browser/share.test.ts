import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import jsQR from 'jsqr';
import type { AppPage } from '../helpers/app-page.ts';
import { seriousViolations } from '../helpers/axe.ts';
import { useBrowser } from '../helpers/use-browser.ts';

/*
 * Share: a header button and the key S open a dialog with the link to exactly this view (the page's URL), its QR
 * code and a copy button; Escape closes it and focus goes back. A link restores the whole view in a fresh page.
 */

const dialogOpen = (page: Page) => page.evaluate(`Boolean(document.querySelector('plan-share-dialog')?.shadowRoot?.querySelector('dialog')?.open)`);
const shareInstalled = (page: Page) => page.evaluate(`globalThis.__plan.keys.list().some((shortcut) => shortcut.id === 'share.open')`);
const statusText = (page: Page) => page.evaluate(`document.querySelector('plan-app').shadowRoot.querySelector('[data-testid="status"]').textContent`);

/** Decodes the QR code as the screen shows it: a screenshot of the drawn code, read by jsQR. */
async function decodeShownQr(page: Page): Promise<string | undefined> {
  const png = await page.locator('plan-share-dialog svg[data-testid="share-qr"]').screenshot();
  const image = await page.evaluate(async (base64) => {
    const element = new Image();
    element.src = `data:image/png;base64,${base64}`;
    await element.decode();
    const canvas = document.createElement('canvas');
    canvas.width = element.naturalWidth;
    canvas.height = element.naturalHeight;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    context.drawImage(element, 0, 0);
    return { width: canvas.width, height: canvas.height, data: [...context.getImageData(0, 0, canvas.width, canvas.height).data] };
  }, png.toString('base64'));
  return jsQR(Uint8ClampedArray.from(image.data), image.width, image.height)?.data;
}

describe('share dialog', () => {
  const chromium = useBrowser();
  let app: AppPage;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    // bypassCSP: the app's CSP forbids inline scripts, and axe is injected as one
    app = await chromium.open(`${baseUrl}#lang=en&year=2030&op=clusters:0.4&mode=analyse&sel=p-airport`,
      { permissions: ['clipboard-read', 'clipboard-write'], bypassCSP: true });
  });

  /** Each test starts with the share feature installed and the dialog closed. */
  async function ready(): Promise<Page> {
    const { page } = app;
    await expect.poll(() => shareInstalled(page)).toBe(true);
    if (await dialogOpen(page)) await page.keyboard.press('Escape');
    await expect.poll(() => dialogOpen(page)).toBe(false);
    return page;
  }

  it('opens from the header button with the page\'s own link, which states the view, and a QR code of exactly that link', async () => {
    const page = await ready();
    await page.evaluate(`void globalThis.__plan.map.jumpTo({ center: [117.05, 36.83], zoom: 11.25 })`);
    await page.locator('plan-share-button button').click();
    await expect.poll(() => dialogOpen(page)).toBe(true);
    const link = await page.locator('plan-share-dialog textarea').inputValue();
    expect(link).toBe(await page.evaluate('location.href'));
    const params = new URLSearchParams(new URL(link).hash.slice(1));
    expect(params.get('map')).toBe('11.25/36.83/117.05');
    expect(Object.fromEntries(['lang', 'year', 'op', 'mode', 'sel'].map((key) => [key, params.get(key)])))
      .toEqual({ lang: 'en', year: '2030', op: 'clusters:0.4', mode: 'analyse', sel: 'p-airport' });
    await expect(page.locator('plan-share-dialog svg[data-testid="share-qr"]').getAttribute('aria-label')).resolves.toBe('QR code of the link to this view');
    expect(await decodeShownQr(page)).toBe(link);
  });

  it('copies the link to the clipboard and says so in the live region', async () => {
    const page = await ready();
    await page.locator('plan-share-button button').click();
    await expect.poll(() => dialogOpen(page)).toBe(true);
    const link = await page.locator('plan-share-dialog textarea').inputValue();
    await page.evaluate(`navigator.clipboard.writeText('')`);
    await page.locator('plan-share-dialog button[data-action="copy"]').click();
    await expect.poll(() => page.evaluate('navigator.clipboard.readText()')).toBe(link);
    await expect.poll(() => statusText(page)).toBe('Link copied to the clipboard.');
  });

  it('closes with Escape, and focus goes back to the share button', async () => {
    const page = await ready();
    await page.locator('plan-share-button button').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => dialogOpen(page)).toBe(true);
    // focus moved into the dialog
    await expect.poll(() => page.evaluate(`document.activeElement?.tagName`)).toBe('PLAN-SHARE-DIALOG');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialogOpen(page)).toBe(false);
    await expect.poll(() => page.evaluate(`(() => {
      const host = document.activeElement;
      return host?.tagName === 'PLAN-SHARE-BUTTON' && host.shadowRoot.activeElement?.tagName === 'BUTTON';
    })()`)).toBe(true);
  });

  it('opens with the key S, listed in the shortcuts sheet, but not while typing in a field', async () => {
    const page = await ready();
    await page.locator('plan-search input').fill('');
    await page.locator('plan-search input').press('s');
    await expect(page.locator('plan-search input').inputValue()).resolves.toBe('s');
    expect(await dialogOpen(page)).toBe(false);
    await page.locator('plan-search input').fill('');
    await page.locator('#map canvas').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('s');
    await expect.poll(() => dialogOpen(page)).toBe(true);
    await expect(page.locator('plan-share-dialog textarea').inputValue()).resolves.toBe(await page.evaluate('location.href'));
    await page.locator('plan-share-dialog button[data-action="close"]').click();
    await expect.poll(() => dialogOpen(page)).toBe(false);
    await page.keyboard.press('?');
    await expect.poll(() => page.locator('plan-shortcuts-sheet tr[data-shortcut="share.open"] td').nth(1).textContent())
      .toBe('Share this view (link and QR code)');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('plan-shortcuts-sheet').count()).toBe(0);
  });

  it('has no serious or critical accessibility violations with the dialog open', async () => {
    const page = await ready();
    await page.locator('plan-share-button button').click();
    await expect.poll(() => dialogOpen(page)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

interface Restored {
  camera: { zoom: number; lng: number; lat: number; bearing: number; pitch: number };
  visible: string[];
  opacity: Record<string, number>;
  year: number;
  mode: string;
  lang: string;
  selection: string | null;
  compare: unknown;
  largeText: boolean;
  basis: string;
}

const RESTORED = `(() => {
  const plan = globalThis.__plan;
  const s = plan.store.getState();
  const center = plan.map.getCenter();
  return {
    camera: { zoom: plan.map.getZoom(), lng: center.lng, lat: center.lat, bearing: plan.map.getBearing(), pitch: plan.map.getPitch() },
    visible: Object.keys(s.layerVisibility).filter((id) => s.layerVisibility[id]).sort(),
    opacity: Object.fromEntries(Object.entries(s.layerOpacity).filter(([, value]) => value !== 1)),
    year: s.year, mode: s.mode, lang: s.lang, selection: s.selection.type === 'feature' ? s.selection.id : null,
    compare: s.compare, largeText: s.largeText, basis: s.basis.kind,
  };
})()`;

describe('a shared link restores the whole view', () => {
  const chromium = useBrowser();
  const baseUrl = inject('baseUrl');

  it('restores camera, layers, opacity, year, mode, selection, language, compare and large text in a fresh page', async () => {
    const hash = '#map=11.5/36.84/117.06/20/30&l=boundary,clusters,construction&op=clusters:0.4,construction:0.7&year=2030'
      + '&cmp=swipe/0.3/schematic.plan.2023/schematic.whatif.2030&large=1&lang=en&sel=p-airport&mode=analyse';
    const app = await chromium.open(`${baseUrl}${hash}`);
    await expect.poll(async () => ((await app.page.evaluate(RESTORED)) as Restored).selection).toBe('p-airport');
    const restored = await app.page.evaluate(RESTORED) as Restored;
    expect(restored.camera.zoom).toBeCloseTo(11.5, 5);
    expect(restored.camera.lng).toBeCloseTo(117.06, 5);
    expect(restored.camera.lat).toBeCloseTo(36.84, 5);
    expect(restored.camera.bearing).toBeCloseTo(20, 5);
    expect(restored.camera.pitch).toBeCloseTo(30, 5);
    expect(restored).toMatchObject({
      visible: ['boundary', 'clusters', 'construction'], opacity: { clusters: 0.4, construction: 0.7 }, year: 2030, mode: 'analyse', lang: 'en',
      compare: { active: true, layout: 'swipe', position: 0.3, left: { basis: 'schematic', whatIf: false, year: 2023 }, right: { basis: 'schematic', whatIf: true, year: 2030 } },
      largeText: true, basis: 'schematic',
    });
    await expect(app.page.evaluate('document.documentElement.lang')).resolves.toBe('en');
    // the app's own link says the same again
    await expect.poll(async () => {
      const params = new URLSearchParams((await app.page.evaluate('location.hash') as string).slice(1));
      return ['l', 'op', 'year', 'cmp', 'large', 'lang', 'sel', 'mode'].map((key) => params.get(key));
    }).toEqual(['boundary,clusters,construction', 'clusters:0.4,construction:0.7', '2030', 'swipe/0.3/schematic.plan.2023/schematic.whatif.2030', '1', 'en', 'p-airport', 'analyse']);
    expect(app.errors).toEqual([]);
  });

  it('stays on the schematic basis when the link asks for a land-use layer this device does not have, and says so', async () => {
    const app = await chromium.open(`${baseUrl}#lang=en&basis=landuse`);
    const message = 'This link computes its figures on a land-use layer, but none is in use on this device: the figures use the schematic plan layers.';
    await expect.poll(() => app.page.evaluate(`globalThis.__plan.store.getState().announcements.map((item) => item.text)`)).toContain(message);
    expect(((await app.page.evaluate(RESTORED)) as Restored).basis).toBe('schematic');
  });
});
