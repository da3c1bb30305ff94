import { beforeAll, describe, expect, inject, it } from 'vitest';
import { useBrowser } from '../helpers/use-browser.ts';
import type { AppPage } from '../helpers/app-page.ts';
import { LAYER_GROUPS } from '../../src/state/layer-catalog.ts';

/* Legend click to filter: a legend row shows only its class or status within its group; one reset returns. */
describe('legend filter', () => {
  const chromium = useBrowser();
  let app: AppPage;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    app = await chromium.open(`${baseUrl}#lang=en`);
  });

  it('shows only the clicked class in its group, leaves other groups, and the reset brings back what was shown', async () => {
    const { page } = app;
    const visibility = () => page.evaluate('globalThis.__plan.store.getState().layerVisibility') as Promise<Record<string, boolean>>;
    const before = await visibility();
    const group = LAYER_GROUPS.find((item) => item.id === 'g-blue-green')!.layers.map((layer) => layer.id);
    await page.locator('plan-legend li[data-legend="blue-green-water"] button').click();
    await expect.poll(async () => { const now = await visibility(); return group.filter((id) => now[id]); }).toEqual(['blue-green-water']);
    const now = await visibility();
    for (const [id, visible] of Object.entries(before)) if (!group.includes(id)) expect(now[id], id).toBe(visible);
    // the map follows: other classes' style layers are hidden
    await expect.poll(() => page.evaluate(`globalThis.__plan.map.getLayoutProperty('blue-green-forest', 'visibility')`)).toBe('none');
    await expect(page.locator('plan-legend li[data-legend="blue-green-water"] button').getAttribute('aria-pressed')).resolves.toBe('true');
    await page.locator('plan-legend [data-action=legend-reset]').click();
    await expect.poll(visibility).toEqual(before);
    await expect(page.locator('plan-legend [data-action=legend-reset]').count()).resolves.toBe(0);
  });

  it('a layer switched by hand in the layer tree ends the filter (its reset would undo that choice)', async () => {
    const { page } = app;
    await page.locator('plan-legend li[data-legend="crossings-open"] button').click();
    await expect.poll(() => page.locator('plan-legend [data-action=legend-reset]').count()).toBe(1);
    await page.locator('plan-layer-tree input[data-layer="construction"]').check();
    await expect.poll(() => page.locator('plan-legend [data-action=legend-reset]').count()).toBe(0);
    await page.locator('plan-layer-tree input[data-layer="construction"]').uncheck();
    expect(app.errors).toEqual([]);
  });
});
