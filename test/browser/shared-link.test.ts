import { beforeAll, describe, expect, inject, it } from 'vitest';
import { useBrowser } from '../helpers/use-browser.ts';
import { waitForMapIdle } from '../helpers/app-page.ts';
import type { AppPage } from '../helpers/app-page.ts';

/*
 * A shared link shows what it says: what the link states (language, layers, view, selection) wins over the
 * user's saved settings, which fill in only what the link does not say; the app leaves the link's hash as it is.
 */

interface Snapshot { lang: string; boundary: boolean; subdistricts: boolean; clusters: boolean; clustersOpacity: number | undefined }
const SNAPSHOT = `(() => {
  const s = globalThis.__plan.store.getState();
  return { lang: s.lang, boundary: s.layerVisibility.boundary, subdistricts: s.layerVisibility.subdistricts,
    clusters: s.layerVisibility.clusters, clustersOpacity: s.layerOpacity.clusters };
})()`;

describe('a shared link wins over saved settings', () => {
  const chromium = useBrowser();
  let app: AppPage;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    app = await chromium.open(baseUrl, { locale: 'en-GB' });
  });

  it('opens #lang=en&l=boundary,clusters in English with exactly those layers after the user saved 中文 and no boundary', async () => {
    const { page } = app;
    // The user: 中文 with the header button, 起步区边界 unticked in the layer tree, clusters at half opacity.
    await page.locator('plan-app').locator('button.lang').click();
    await expect.poll(() => page.evaluate('document.documentElement.lang')).toBe('zh-CN');
    await page.locator('plan-layer-tree input[data-layer="boundary"]').uncheck();
    await page.locator('plan-layer-tree input[data-opacity="clusters"]').fill('50');
    await expect.poll(() => page.evaluate(`(() => {
      const raw = localStorage.getItem('jinan-plan:settings');
      const saved = raw ? JSON.parse(raw).value : null;
      return saved !== null && saved.lang === 'zh' && saved.layerVisibility.boundary === false && saved.layerOpacity.clusters === 0.5;
    })()`)).toBe(true);

    // Then they open a shared link in a new tab (same browser profile, so the saved settings are there).
    const tab = await page.context().newPage();
    await tab.goto(`${baseUrl}#lang=en&l=boundary,clusters`);
    await waitForMapIdle(tab);
    // the saved opacity (which the link does not state) fills in: proof that the saved settings were read
    await expect.poll(() => tab.evaluate(SNAPSHOT) as Promise<Snapshot>).toMatchObject({ clustersOpacity: 0.5 });
    expect(await tab.evaluate(SNAPSHOT)).toEqual({ lang: 'en', boundary: true, subdistricts: false, clusters: true, clustersOpacity: 0.5 });
    await expect(tab.evaluate('document.documentElement.lang')).resolves.toBe('en');
    await expect(tab.locator('plan-layer-tree input[data-layer="boundary"]').isChecked()).resolves.toBe(true);
    // the app's own hash keeps what the link said
    await expect.poll(async () => {
      const params = new URLSearchParams((await tab.evaluate('location.hash') as string).replace(/^#/, ''));
      return { lang: params.get('lang'), layers: params.get('l') };
    }).toEqual({ lang: 'en', layers: 'boundary,clusters' });
    await tab.close();
  });
});
