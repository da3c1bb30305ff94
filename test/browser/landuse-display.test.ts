/**
 * The land-use layer's display in real Chromium: once a layer is read it has a row in the layer tree; its
 * checkbox hides and shows the parcels on the map and its slider scales their opacity — through
 * `state.landuse`, which the map's scene draws (no feature sets the map's land-use layers by hand).
 */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { waitUntil, type AppPage } from '../helpers/app-page.ts';
import { useBrowser } from '../helpers/use-browser.ts';

const FIXTURE = resolve(__dirname, '../fixtures/landuse/ydyh-gk39-prj.zip');
const PANEL = "document.querySelector('plan-landuse-panel')";
/** the first per-class fill of the parcels (their own colour; the opacity the style gives it is 0.75) */
const FILL = 'landuse-fill-1';

describe('land-use layer display: show, hide and opacity from the layer tree', () => {
  const chromium = useBrowser();
  let app: AppPage;

  beforeAll(async () => {
    app = await chromium.open(`${inject('baseUrl')}#mode=analyse`, { reducedMotion: 'reduce', locale: 'en-GB' });
    const { page } = app;
    await waitUntil(page, `!!(${PANEL})?.shadowRoot?.querySelector('[data-testid="landuse-file"]')`, 60_000);
    await page.locator('plan-landuse-panel [data-testid="landuse-file"]').setInputFiles(FIXTURE);
    await waitUntil(page, `!!globalThis.__plan.map.getLayer('${FILL}')`, 60_000);
  });

  it('lists the layer in the tree and hides, shows and fades it on the map', async () => {
    const { page } = app;
    const row = page.locator('plan-layer-tree li[data-landuse-layer]');
    await expect.poll(() => row.count()).toBe(1);
    const name = (await page.locator('plan-landuse-panel h3').first().textContent())!.trim();
    expect(await row.textContent()).toContain(name);
    const visibility = () => page.evaluate(`globalThis.__plan.map.getLayoutProperty('${FILL}', 'visibility') ?? 'visible'`) as Promise<string>;
    const opacity = () => page.evaluate(`globalThis.__plan.map.getPaintProperty('${FILL}', 'fill-opacity')`) as Promise<number>;
    expect(await visibility()).toBe('visible');
    const full = await opacity();
    expect(full).toBeGreaterThan(0);

    await row.locator('input[type="checkbox"]').uncheck();
    await expect.poll(visibility).toBe('none');
    expect(await row.locator('input[type="range"]').isDisabled()).toBe(true);
    await row.locator('input[type="checkbox"]').check();
    await expect.poll(visibility).toBe('visible');

    await row.locator('input[type="range"]').fill('40');
    await expect.poll(opacity).toBeCloseTo(full * 0.4, 6);
    expect(await page.evaluate('globalThis.__plan.store.getState().landuse.opacity')).toBeCloseTo(0.4, 6);
    expect(await row.locator('.value').textContent()).toContain('40');
  });
});
