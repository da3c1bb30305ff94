import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from '../helpers/axe.ts';
import { useBrowser } from '../helpers/use-browser.ts';

/*
 * axe-core in every mode (Explore, Analyse, Present) and with large text, at desktop and phone sizes, in both
 * languages; on the phone the map keeps at least 70 % of the height in every mode. No native file control shows
 * the browser's own words.
 */

type Mode = 'explore' | 'analyse' | 'present';

/** Switches mode (and large text) as a user would, and waits for the interface to follow. */
async function show(page: Page, mode: Mode, large: boolean): Promise<void> {
  await page.locator(`plan-mode-switch button[data-mode=${mode}]`).click();
  await expect.poll(() => page.locator(`plan-mode-switch button[data-mode=${mode}]`).getAttribute('aria-pressed')).toBe('true');
  const button = page.locator('plan-large-text-button button');
  await button.waitFor({ timeout: 60_000 });
  if ((await button.getAttribute('aria-pressed')) !== String(large)) await button.click();
  await expect.poll(() => button.getAttribute('aria-pressed')).toBe(String(large));
  if (mode === 'analyse') await page.locator('plan-stats').waitFor({ state: 'attached' });
}

describe('accessibility in every mode (axe-core)', () => {
  const chromium = useBrowser();
  const baseUrl = inject('baseUrl');

  const runs: [string, number, number, 'zh' | 'en', [Mode, boolean][]][] = [
    ['desktop', 1280, 800, 'zh', [['explore', false], ['analyse', false], ['present', false], ['analyse', true]]],
    ['phone', 390, 844, 'en', [['explore', false], ['analyse', false], ['present', false], ['explore', true], ['analyse', true]]],
  ];
  for (const [name, width, height, lang, steps] of runs) {
    it(`no serious or critical violations at ${width} × ${height} (${name}, ${lang}) in every mode and with large text`, async () => {
      // bypassCSP: the app's CSP forbids inline scripts, and axe is injected as one
      const app = await chromium.open(`${baseUrl}#lang=${lang}`, { viewport: { width, height }, bypassCSP: true });
      const { page } = app;
      const found: string[] = [];
      for (const [mode, large] of steps) {
        await show(page, mode, large);
        found.push(...(await seriousViolations(page)).map((text) => `${mode}${large ? ' large' : ''}: ${text}`));
        if (name === 'phone') {
          const map = await page.locator('#map').boundingBox();
          expect(map?.height ?? 0, `${mode}${large ? ' large' : ''}`).toBeGreaterThanOrEqual(0.7 * height);
        }
      }
      if (name === 'phone') {
        // the bottom sheet opened, with large text in Analyse
        await page.locator('plan-side-panel .bar button').click();
        await expect.poll(() => page.locator('plan-side-panel .bar button').getAttribute('aria-expanded')).toBe('true');
        found.push(...(await seriousViolations(page)).map((text) => `sheet open: ${text}`));
      }
      expect(found).toEqual([]);
      expect(app.errors).toEqual([]);
    });
  }

  it('the other language is axe-clean too, and file choosers speak the interface language', async () => {
    const app = await chromium.open(`${baseUrl}#lang=en&mode=analyse`, { viewport: { width: 1280, height: 800 }, bypassCSP: true });
    const { page } = app;
    await page.locator('plan-import-panel').waitFor();
    await page.locator('plan-app').evaluate((element) => (element.shadowRoot?.querySelector('button.lang') as HTMLElement).click());
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await show(page, 'analyse', false);
    expect(await seriousViolations(page)).toEqual([]);
    // no native file control is rendered: a button in the interface language opens it
    const inputs = await page.evaluate(() => {
      const all: { visible: boolean }[] = [];
      const walk = (root: Document | ShadowRoot) => {
        for (const element of root.querySelectorAll('*')) {
          if (element instanceof HTMLInputElement && element.type === 'file') all.push({ visible: element.checkVisibility() });
          if (element.shadowRoot) walk(element.shadowRoot);
        }
      };
      walk(document);
      return all;
    });
    expect(inputs.length).toBeGreaterThan(0);
    expect(inputs.every((input) => !input.visible)).toBe(true);
    await expect(page.locator('plan-import-panel .file-choice button').textContent()).resolves.toBe('选择文件…');
    await expect(page.locator('plan-import-panel .file-name').textContent()).resolves.toBe('未选择文件');
    await page.locator('plan-import-panel input[type=file]').setInputFiles({ name: '方块.geojson', mimeType: 'application/geo+json', buffer: Buffer.from('{"type":"FeatureCollection","features":[]}') });
    await expect.poll(() => page.locator('plan-import-panel .file-name').textContent()).toBe('已选择：方块.geojson');
    // the button opens the native chooser
    const chooser = page.waitForEvent('filechooser');
    await page.locator('plan-import-panel .file-choice button').click();
    await chooser;
  });
});
