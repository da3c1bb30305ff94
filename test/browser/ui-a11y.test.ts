import { describe, expect, inject, it } from 'vitest';
import type { AppPage } from '../helpers/app-page.ts';
import { seriousViolations } from '../helpers/axe.ts';
import { useBrowser } from '../helpers/use-browser.ts';

/* axe-core at desktop and phone sizes, with the inspector and the search list open. */

describe('accessibility (axe-core)', () => {
  const chromium = useBrowser();
  const baseUrl = inject('baseUrl');
  /** the pages of the axe runs (desktop, phone), for the tests after them */
  const pages: AppPage[] = [];

  // One axe run per size (each takes several seconds in software rendering): the desktop run in Chinese,
  // the phone run in English, both with the inspector and the search list open.
  for (const [name, width, height, lang, query] of [['desktop', 1280, 800, 'zh', '黄河'], ['phone', 390, 844, 'en', 'bridge']] as const) {
    it(`reports no serious or critical violations at ${width} × ${height} (${name}, ${lang})`, async () => {
      // bypassCSP: the app's CSP forbids inline scripts, and axe is injected as one
      const app = await chromium.open(`${baseUrl}#lang=${lang}&sel=p-airport`, { viewport: { width, height }, bypassCSP: true });
      pages.push(app);
      await expect(app.page.locator('plan-inspector h3').textContent()).resolves.toBe(lang === 'zh' ? '济南遥墙国际机场(改扩建)' : 'Jinan Yaoqiang International Airport (expansion)');
      await app.page.locator('plan-search input').fill(query);
      await expect(app.page.locator('plan-search [role="option"]').count()).resolves.toBeGreaterThan(0);
      expect(await seriousViolations(app.page)).toEqual([]);
    });
  }

  it('on a phone the panel is a bottom sheet that collapses, and nothing covers the map controls', async () => {
    const app = pages[1];
    const page = app.page;
    // the search list left open by the axe run would cover the sheet's bar: close it as a user would
    await page.locator('plan-search input').fill('');
    const controls = await page.locator('.maplibregl-ctrl-top-right').boundingBox();
    const note = await page.evaluate(`(() => {
      const box = document.querySelector('plan-app').shadowRoot.querySelector('p.note').getBoundingClientRect();
      return { x: box.x, y: box.y, width: box.width, height: box.height };
    })()`) as { x: number; y: number; width: number; height: number };
    const panel = await page.locator('plan-side-panel').boundingBox();
    expect(controls && note && panel).toBeTruthy();
    if (!controls || !note || !panel) return;
    expect(note.x + note.width).toBeLessThanOrEqual(controls.x);
    expect(panel.y).toBeGreaterThanOrEqual(controls.y + controls.height);
    expect(panel.x + panel.width).toBeLessThanOrEqual(390);
    const toggle = page.locator('plan-side-panel .bar button');
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    const mapBefore = await page.locator('#map').boundingBox();
    await toggle.click();
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    const mapAfter = await page.locator('#map').boundingBox();
    expect(mapAfter?.height ?? 0).toBeGreaterThan((mapBefore?.height ?? 0) + 100);
    // no horizontal overflow at 390 px
    await expect(page.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(390);
  });

  it('every control in the panel and header is reachable by Tab with a visible focus outline', async () => {
    const app = pages[0];
    const page = app.page;
    await page.locator('plan-search input').fill('');
    await page.locator('plan-search input').focus();
    const seen = new Set<string>();
    for (let step = 0; step < 15; step++) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(`(() => {
        let element = document.activeElement;
        while (element && element.shadowRoot && element.shadowRoot.activeElement) element = element.shadowRoot.activeElement;
        const style = element ? getComputedStyle(element) : null;
        return { tag: element?.tagName ?? '', id: element?.id ?? '', name: element?.getAttribute('aria-label') || element?.labels?.[0]?.textContent || element?.textContent || '',
          outline: style ? style.outlineStyle + ' ' + style.outlineWidth : '' };
      })()`) as { tag: string; id: string; name: string; outline: string };
      seen.add(info.tag);
      if (info.tag !== 'CANVAS' && info.tag !== 'BODY') {
        expect(info.name.trim(), `${info.tag}#${info.id}`).not.toBe('');
        expect(info.outline, `${info.tag}#${info.id} ${info.name}`).toMatch(/^(solid|auto) [1-9]/);
      }
    }
    expect(seen.has('BUTTON')).toBe(true);
    expect(seen.has('INPUT')).toBe(true);
  });
});
