import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Position } from 'geojson';
import { useBrowser } from '../helpers/use-browser.ts';
import type { AppPage } from '../helpers/app-page.ts';
import { measurePoints } from '../../src/core/measure/measure-points.ts';

/*
 * The measure tool: geodesic distance and area of points clicked on the map equal the core's turf computation of
 * the same points; clicks while measuring select nothing; the result is in a live region; it works by keyboard.
 */

async function mapPoint(page: Page, x: number, y: number): Promise<Position> {
  return page.evaluate(`(() => { const p = globalThis.__plan.map.unproject([${x}, ${y}]); return [p.lng, p.lat]; })()`) as Promise<Position>;
}

describe('measure tool', () => {
  const chromium = useBrowser();
  let app: AppPage;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    app = await chromium.open(`${baseUrl}#lang=en&mode=analyse`);
  });

  it('measures the distance and the area of clicked points like the core, and picks no feature meanwhile', async () => {
    const { page } = app;
    const canvas = page.locator('#map canvas');
    // the measure tool loads after the first map frame
    await page.locator('plan-measure-panel').waitFor({ state: 'attached' });
    await canvas.click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('m');
    const panel = page.locator('plan-measure-panel');
    await expect.poll(() => panel.locator('[data-command=toggle]').getAttribute('aria-pressed')).toBe('true');
    const box = (await canvas.boundingBox())!;
    const pixels: [number, number][] = [[250, 200], [480, 260], [420, 460]];
    for (const [x, y] of pixels) await canvas.click({ position: { x, y } });
    const points = await Promise.all(pixels.map(([x, y]) => mapPoint(page, x * (box.width / box.width), y)));
    const result = panel.locator('[data-testid=measure-result]');
    const expected = measurePoints(points, 'distance');
    await expect.poll(async () => Number(await result.getAttribute('data-meters'))).toBeGreaterThan(0);
    expect(Math.abs(Number(await result.getAttribute('data-meters')) - expected.meters) / expected.meters).toBeLessThan(0.001);
    await expect(result.textContent()).resolves.toMatch(/Distance: [\d.,]+ km \(3 points\)/);
    await expect(result.getAttribute('role')).resolves.toBe('status');
    expect(await page.evaluate('globalThis.__plan.store.getState().selection.type')).toBe('none');

    await panel.locator('input[data-mode=area]').check();
    const area = measurePoints(points, 'area');
    await expect.poll(async () => Number(await result.getAttribute('data-square-meters'))).toBeGreaterThan(0);
    expect(Math.abs(Number(await result.getAttribute('data-square-meters')) - area.squareMeters!) / area.squareMeters!).toBeLessThan(0.001);
    await expect(result.textContent()).resolves.toMatch(/Area: [\d.,]+ km² = [\d,]+ ha = [\d,]+ mu; perimeter/);
    // Backspace removes the last point (from the map: in a text field or on a radio button it is not a shortcut)
    await canvas.focus();
    await page.keyboard.press('Backspace');
    await expect.poll(() => result.textContent()).toContain('at least three points');
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.locator('[data-command=toggle]').getAttribute('aria-pressed')).toBe('false');
    await panel.locator('[data-command=clear]').click();
  });

  it('measures by keyboard: pan with the arrow keys and add the map centre', async () => {
    const { page } = app;
    const panel = page.locator('plan-measure-panel');
    // open the panel section by keyboard when it is closed (it is when this test runs alone)
    if (!(await panel.locator('[data-command=toggle]').isVisible())) {
      await page.locator('plan-panel-section', { has: panel }).locator('h2 button').focus();
      await page.keyboard.press('Enter');
    }
    await panel.locator('input[data-mode=distance]').check();
    await panel.locator('[data-command=toggle]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.locator('[data-command=toggle]').getAttribute('aria-pressed')).toBe('true');
    const centres: Position[] = [];
    for (let i = 0; i < 2; i += 1) {
      centres.push(await page.evaluate('(() => { const c = globalThis.__plan.map.getCenter(); return [c.lng, c.lat]; })()') as Position);
      await panel.locator('[data-command=add-centre]').focus();
      await page.keyboard.press('Enter');
      // pan: the map's own keyboard handler, from the map canvas
      await page.locator('#map canvas').focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.evaluate('globalThis.__plan.map.isMoving()')).toBe(false);
    }
    const result = panel.locator('[data-testid=measure-result]');
    const expected = measurePoints(centres, 'distance');
    await expect.poll(async () => Number(await result.getAttribute('data-meters'))).toBeGreaterThan(0);
    expect(Math.abs(Number(await result.getAttribute('data-meters')) - expected.meters)).toBeLessThan(1);
    await page.keyboard.press('Escape');
    expect(app.errors).toEqual([]);
  });
});
