import { beforeAll, describe, expect, inject, it } from 'vitest';
import { useBrowser } from '../helpers/use-browser.ts';
import type { AppPage } from '../helpers/app-page.ts';

/* Modes: Explore, Analyse, Present each show their own tools; one click or one key switches; the link keeps it. */

describe('interface modes', () => {
  const chromium = useBrowser();
  let app: AppPage;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    app = await chromium.open(`${baseUrl}#lang=en`);
  });

  const visibleSections = () => app.page.evaluate(() => [...document.querySelectorAll('plan-panel-section')]
    .filter((item) => !(item as HTMLElement).hidden).map((item) => (item as unknown as { sectionId: string }).sectionId).sort());

  it('starts in Explore (clusters, layers, legend); Analyse shows the planner tools; keys switch; the link keeps the mode', async () => {
    const { page } = app;
    await page.locator('plan-clusters').waitFor();
    await expect.poll(visibleSections).toEqual(['clusters', 'inspector', 'layers', 'legend']);
    await page.locator('plan-mode-switch button[data-mode=analyse]').click();
    await expect.poll(visibleSections).toEqual(expect.arrayContaining(['stats', 'study', 'measure', 'import']));
    expect(await visibleSections()).not.toContain('clusters');
    await expect(page.locator('plan-mode-switch button[data-mode=analyse]').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect.poll(() => page.evaluate('location.hash')).toContain('mode=analyse');
    await page.locator('#map canvas').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('3');
    await expect.poll(visibleSections).toEqual(['inspector', 'layers', 'legend']);
    await page.keyboard.press('1');
    await expect.poll(visibleSections).toEqual(['clusters', 'inspector', 'layers', 'legend']);
  });

  it('opens a link in Analyse with the whole-area figures on screen without scrolling (1280 × 800)', async () => {
    const analyse = await chromium.open(`${baseUrl}#lang=en&mode=analyse`);
    try {
      const gauge = analyse.page.locator('plan-stats .gauge').first();
      await gauge.waitFor({ timeout: 60_000 });
      const box = await gauge.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.y + box!.height).toBeLessThanOrEqual(800);
      expect(analyse.errors).toEqual([]);
    } finally {
      await analyse.close();
    }
  });
});
