import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from '../helpers/use-browser.ts';
import { LABEL_SCALE } from '../../src/app/display/install-display.ts';

/* Large text (大字号): every visible text at least 18 px, map labels scaled and restored exactly, saved on this device. */

/** Every visible text of the document and of all open shadow roots, with its computed font size (smallest first). */
async function visibleTextSizes(page: Page): Promise<{ text: string; size: number; where: string }[]> {
  return page.evaluate(() => {
    const found: { text: string; size: number; where: string }[] = [];
    const walk = (root: Node) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
        if (node.nodeType !== Node.TEXT_NODE || !node.textContent?.trim()) continue;
        const parent = node.parentElement;
        if (!parent || ['STYLE', 'SCRIPT', 'TEMPLATE', 'OPTION'].includes(parent.tagName)) continue;
        if (!parent.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const box = range.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        const host = (parent.getRootNode() as ShadowRoot).host;
        found.push({
          text: node.textContent.trim().slice(0, 40), size: parseFloat(getComputedStyle(parent).fontSize),
          where: `${host ? `${host.tagName.toLowerCase()} › ` : ''}${parent.tagName.toLowerCase()}.${parent.className}`,
        });
      }
    };
    walk(document.body);
    return found.sort((a, b) => a.size - b.size);
  });
}

/** text-size of every symbol layer of the map, by layer id. */
function labelSizes(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() => {
    const map = (globalThis as unknown as { __plan: { map: { getStyle(): { layers: { id: string; type: string }[] }; getLayoutProperty(id: string, name: string): unknown } } }).__plan.map;
    return Object.fromEntries(map.getStyle().layers.filter((layer) => layer.type === 'symbol').map((layer) => [layer.id, map.getLayoutProperty(layer.id, 'text-size')]));
  });
}

const pressed = (page: Page) => page.locator('plan-large-text-button button').getAttribute('aria-pressed');
const largeClass = (page: Page) => page.evaluate(() => document.documentElement.classList.contains('plan-large-text'));

describe('large text and high contrast', () => {
  const chromium = useBrowser();
  const baseUrl = inject('baseUrl');

  it('the switch makes every visible text at least 18 px and scales every map label; the shortcut T restores them exactly', async () => {
    const app = await chromium.open(`${baseUrl}#lang=zh&mode=analyse`);
    const { page } = app;
    await page.locator('plan-large-text-button button').waitFor();
    await page.locator('plan-stats').waitFor();
    expect(await pressed(page)).toBe('false');
    const before = await labelSizes(page);
    expect(Object.keys(before).length).toBeGreaterThan(0);
    const smallBefore = await visibleTextSizes(page);
    expect(smallBefore[0]!.size).toBeLessThan(18);

    await page.locator('plan-large-text-button button').click();
    await expect.poll(() => pressed(page)).toBe('true');
    await expect.poll(() => largeClass(page)).toBe(true);
    await expect.poll(async () => (await visibleTextSizes(page)).filter((item) => item.size < 18)).toEqual([]);
    const texts = await visibleTextSizes(page);
    expect(texts.length).toBeGreaterThan(50);
    // the panel, the header and the map's controls were all walked
    expect(texts.some((item) => item.where.startsWith('plan-stats'))).toBe(true);
    expect(texts.some((item) => item.where.startsWith('plan-mode-switch'))).toBe(true);
    expect(texts.some((item) => item.where.includes('maplibregl-ctrl-scale'))).toBe(true);
    const after = await labelSizes(page);
    for (const [id, size] of Object.entries(before)) {
      expect(typeof size, id).toBe('number');
      expect(after[id], id).toBeCloseTo((size as number) * LABEL_SCALE, 5);
    }
    expect(Math.min(...Object.values(after) as number[])).toBeGreaterThanOrEqual(18);

    // the shortcut switches back (not while typing in the search box)
    await page.locator('plan-search input').focus();
    await page.keyboard.press('t');
    expect(await pressed(page)).toBe('true');
    await page.locator('plan-search input').fill('');
    await page.locator('#map canvas').focus();
    await page.keyboard.press('t');
    await expect.poll(() => pressed(page)).toBe('false');
    expect(await largeClass(page)).toBe(false);
    expect(await labelSizes(page)).toEqual(before);
    expect(app.errors).toEqual([]);
  });

  it('the shortcut is listed in the keyboard help sheet', async () => {
    const app = await chromium.open(`${baseUrl}#lang=en`);
    const { page } = app;
    await page.locator('plan-large-text-button button').waitFor();
    // the keyboard help and the switch's shortcut are registered once their features load after the first frame
    await expect.poll(() => page.evaluate(`['help.open', 'display.largeText'].every((id) => globalThis.__plan.keys.list().some((shortcut) => shortcut.id === id))`)).toBe(true);
    await page.locator('#map canvas').focus();
    await page.keyboard.press('?');
    const row = page.locator('plan-shortcuts-sheet tr[data-shortcut="display.largeText"]');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('large text');
    await page.keyboard.press('Escape');
  });

  it('is saved on this device and restored at the next visit', async () => {
    const app = await chromium.open(`${baseUrl}#lang=en`);
    const { page } = app;
    await page.locator('plan-large-text-button button').click();
    await expect.poll(() => pressed(page)).toBe('true');
    await expect.poll(() => page.evaluate(() => localStorage.getItem('jinan-plan:settings') ?? '')).toContain('"largeText":true');
    await page.reload();
    await page.waitForFunction(() => document.documentElement.classList.contains('plan-large-text'));
    await page.locator('plan-large-text-button button').waitFor();
    await expect.poll(() => pressed(page)).toBe('true');
    await expect.poll(async () => Object.values(await labelSizes(page)).every((size) => typeof size === 'number' && size >= 18)).toBe(true);
    await page.locator('plan-large-text-button button').click();
    await expect.poll(() => page.evaluate(() => localStorage.getItem('jinan-plan:settings') ?? '')).toContain('"largeText":false');
  });

  it('starts with large text when the system asks for more contrast and nothing is saved', async () => {
    const app = await chromium.open(`${baseUrl}#lang=zh`, { contrast: 'more' });
    await expect.poll(() => largeClass(app.page)).toBe(true);
    await app.page.locator('plan-large-text-button button').waitFor();
    expect(await pressed(app.page)).toBe('true');
  });

  it('on a phone the header, the mode switch and the figures leave the map at least 70 % of the height, also with large text', async () => {
    const app = await chromium.open(`${baseUrl}#lang=zh&mode=analyse`, { viewport: { width: 390, height: 844 } });
    const { page } = app;
    const mapShare = async () => ((await page.locator('#map').boundingBox())?.height ?? 0) / 844;
    await page.locator('plan-large-text-button button').waitFor();
    expect(await mapShare()).toBeGreaterThanOrEqual(0.7);
    await page.locator('plan-large-text-button button').click();
    await expect.poll(() => largeClass(page)).toBe(true);
    expect(await mapShare()).toBeGreaterThanOrEqual(0.7);
    await expect.poll(async () => (await visibleTextSizes(page)).filter((item) => item.size < 18)).toEqual([]);
    await expect(page.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(390);
  });
});
