/**
 * The legend lists the land-use layer's classes: after the zipped GBK Shapefile fixture is chosen in the
 * land-use panel, each class of the panel's class table is a legend row in the same standard colour with the
 * same name, in the interface language; the rows do not filter the map (they are not catalogue layers), and
 * the parcels are drawn (vector tiles cut off the main thread) in those colours.
 */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { AppPage } from '../helpers/app-page.ts';
import { useBrowser } from '../helpers/use-browser.ts';

const FIXTURE = resolve(__dirname, '../fixtures/landuse/ydyh-gk39-prj.zip');
const PANEL = "(document.querySelector('plan-app').querySelector('plan-landuse-panel') ?? document.querySelector('plan-landuse-panel'))";
const LEGEND_ROWS = 'plan-legend li[data-legend^="landuse:"]';

/** The panel's class table: [name, colour] per row, the colour as the browser computes it. */
const PANEL_CLASSES = `[...${PANEL}.shadowRoot.querySelectorAll('tr[data-class]')].map((row) => [row.children[2].textContent.trim(), getComputedStyle(row.querySelector('.swatch')).backgroundColor])`;
/** The legend's land-use rows: [name, colour] per row, the colour normalised the same way. */
const LEGEND_CLASSES = `(() => {
  const probe = document.createElement('span');
  document.body.append(probe);
  const rows = [...document.querySelector('plan-app').querySelector('plan-legend').shadowRoot.querySelectorAll('li[data-legend^="landuse:"]')].map((row) => {
    probe.style.color = row.querySelector('rect').getAttribute('fill');
    const label = row.querySelector('span');
    return [label.textContent.replace(label.querySelector('.group').textContent, '').trim(), getComputedStyle(probe).color];
  });
  probe.remove();
  return rows;
})()`;

describe('legend of the land-use layer', () => {
  const chromium = useBrowser();
  let app: AppPage;

  beforeAll(async () => {
    // the land-use layer is an Analyse tool
    app = await chromium.open(`${inject('baseUrl')}#mode=analyse`, { reducedMotion: 'reduce', locale: 'zh-CN' });
  });

  it('lists the classes of the imported layer in their standard colours and names, in both languages', async () => {
    const { page } = app;
    await expect.poll(() => page.evaluate(`!!${PANEL}?.shadowRoot?.querySelector('[data-testid="landuse-file"]')`), { timeout: 60_000 }).toBe(true);
    expect(await page.locator(LEGEND_ROWS).count()).toBe(0);
    await page.locator('plan-landuse-panel [data-testid="landuse-file"]').setInputFiles(FIXTURE);
    await expect.poll(() => page.evaluate(`${PANEL}.shadowRoot.querySelectorAll('tr[data-class]').length`), { timeout: 60_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.locator(LEGEND_ROWS).count(), { timeout: 30_000 }).toBeGreaterThan(0);

    // the same classes, names and colours as the panel's table (both from the classification table)
    const panel = (await page.evaluate(PANEL_CLASSES)) as [string, string][];
    const legend = (await page.evaluate(LEGEND_CLASSES)) as [string, string][];
    const recognised = panel.filter(([name]) => name !== '未识别');
    expect(legend.slice(0, recognised.length)).toEqual(recognised);
    expect(legend.map(([name]) => name)).toContain('公园绿地');
    expect(legend.map(([name]) => name)).toContain('工业用地');
    if (panel.length > recognised.length) expect(legend.at(-1)![0]).toBe('未识别');
    expect(legend).toHaveLength(recognised.length + (panel.length > recognised.length ? 1 : 0));
    // inert: not a filter button
    expect(await page.locator(`${LEGEND_ROWS} button`).count()).toBe(0);

    // the parcels are drawn, in those colours
    await expect.poll(() => page.evaluate(`(() => {
      const map = globalThis.__plan.map;
      const layers = map.getLayersOrder().filter((id) => id.startsWith('landuse-fill'));
      return map.isSourceLoaded('landuse') && map.areTilesLoaded() && map.queryRenderedFeatures({ layers }).length > 0;
    })()`), { timeout: 60_000 }).toBe(true);
    const drawnColours = (await page.evaluate(`(() => {
      const map = globalThis.__plan.map;
      const layers = map.getLayersOrder().filter((id) => id.startsWith('landuse-fill'));
      return [...new Set(map.queryRenderedFeatures({ layers }).map((feature) => feature.properties.colour.toLowerCase()))];
    })()`)) as string[];
    const legendColours = (await page.locator(`${LEGEND_ROWS} rect`).evaluateAll((rects) => rects.map((rect) => rect.getAttribute('fill')!.toLowerCase())));
    expect(drawnColours.length).toBeGreaterThan(0);
    for (const colour of drawnColours) expect(legendColours).toContain(colour);

    // English: the same rows, named in English
    await page.locator('button.lang').first().click();
    await expect.poll(() => page.evaluate('globalThis.__plan.store.getState().lang')).toBe('en');
    await expect.poll(() => page.evaluate(LEGEND_CLASSES).then((rows) => (rows as [string, string][]).map(([name]) => name))).toContain('Park green space');
    expect(app.errors).toEqual([]);
  });
});
