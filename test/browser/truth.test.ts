import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.ts';
import { openApp } from '../helpers/app-page.ts';
import type { AppPage } from '../helpers/app-page.ts';

/*
 * The map answers "how do you know?": the inspector shows where a position comes from and its error, figures
 * computed from the schematic layers say they are illustrative where they are shown, the area comparison says
 * whether it is a check, and documents are cited by title, never by file name.
 */

const SEED_FILE = /\d{3}_[0-9a-f]{16}\.txt/;

async function until(page: Page, expression: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${expression}`);
    await page.waitForTimeout(50);
  }
}

describe('truth of positions and figures', () => {
  let browser: Browser;
  let app: AppPage;
  let page: Page;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    browser = await launchChromium();
    app = await openApp(browser, `${baseUrl}#lang=en`);
    page = app.page;
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('shows how a feature\'s position is known and its error, in both languages, and sources by title', async () => {
    const picked = await page.evaluate(`(() => {
      const data = globalThis.__plan.store.getState().data;
      for (const [layer, collection] of Object.entries(data)) {
        const feature = collection?.features.find((f) => f.properties.position_source && f.properties.position_source_zh
          && typeof f.properties.position_accuracy_m === 'number');
        if (feature) return { layer, id: feature.properties.id, en: feature.properties.position_source, zh: feature.properties.position_source_zh,
          meters: feature.properties.position_accuracy_m };
      }
      return null;
    })()`) as { layer: string; id: string; en: string; zh: string; meters: number } | null;
    expect(picked).not.toBeNull();
    await page.evaluate(`globalThis.__plan.store.update((s) => ({ ...s, selection: { type: 'feature', layer: '${picked!.layer}', id: '${picked!.id}' } }))`);
    const inspector = page.locator('plan-inspector');
    const factOf = (label: string) => inspector.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');
    await expect(factOf('How the position is known').textContent()).resolves.toBe(picked!.en);
    const error = await factOf('Position error').first().textContent();
    const kilometres = picked!.meters >= 1000;
    expect(error).toMatch(kilometres ? / km$/ : / m$/);
    expect(Number(error!.replace(/[^\d.]/g, '')) * (kilometres ? 1000 : 1)).toBeCloseTo(picked!.meters, -2);
    const sources = await inspector.locator('.sources li').allTextContents();
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) expect(source).not.toMatch(SEED_FILE);

    await page.evaluate(`globalThis.__plan.store.update((s) => ({ ...s, lang: 'zh' }))`);
    await expect(factOf('位置依据').textContent()).resolves.toBe(picked!.zh);
    await page.evaluate(`globalThis.__plan.store.update((s) => ({ ...s, lang: 'en', selection: { type: 'none' } }))`);
  });

  it('says beside every pass/fail verdict of the statistics that the figure is illustrative, and what the area comparison is', async () => {
    await until(page, `globalThis.__plan.store.getState().analysis.status === 'ready'`, 60_000);
    const stats = page.locator('plan-stats');
    await stats.locator('.gauge').first().waitFor({ state: 'attached' });
    const gauges = await stats.locator('.gauge').count();
    expect(gauges).toBe(2);
    for (let i = 0; i < gauges; i += 1) {
      await expect(stats.locator('.gauge').nth(i).locator('.verdict [data-illustrative]').textContent()).resolves.toContain('Illustrative');
    }
    // a class with no area on the map is "not mapped", and the panel says the blue-green share leaves it out
    const classAreas = await page.evaluate(`globalThis.__plan.store.getState().analysis.whole.classAreasKm2`) as Record<string, number>;
    const unmapped = Object.keys(classAreas).filter((name) => !(classAreas[name]! > 0));
    for (const name of Object.keys(classAreas)) {
      await expect(stats.locator(`input[data-class="${name}"] ~ .class-area`).getAttribute('data-mapped')).resolves.toBe(String(!unmapped.includes(name)));
    }
    await expect(stats.locator('[data-testid=unmapped-classes]').count()).resolves.toBe(unmapped.length ? 1 : 0);
    const independent = await page.evaluate(`globalThis.__plan.store.getState().data.boundary.features[0].properties.area_is_independent_check === true`);
    const note = stats.locator('[data-testid=area-note]');
    await expect(note.getAttribute('data-independent')).resolves.toBe(String(independent));
    await expect(note.textContent()).resolves.toContain(independent ? 'is a check' : 'Not an independent check');
  });

  it('draws each located crossing as an indicative marker and lists the documents\' count with the unlocated ones', async () => {
    const file = JSON.parse(readFileSync(resolve(__dirname, '../../geodata/crossings.geojson'), 'utf8')) as { features: { geometry: { type: string } }[]; unlocated?: unknown[] };
    const summary = page.locator('plan-stats [data-testid=crossings-summary]');
    await expect(summary.getAttribute('data-total')).resolves.toBe(String(file.features.length + (file.unlocated?.length ?? 0)));
    await expect(summary.getAttribute('data-located')).resolves.toBe(String(file.features.length));
    await expect(summary.getAttribute('data-open')).resolves.toBe('9');
    const listed = page.locator('plan-stats [data-testid=crossings-unlocated] li');
    await expect(listed.count()).resolves.toBe(file.unlocated?.length ?? 0);
    const points = file.features.filter((feature) => feature.geometry.type === 'Point').length;
    await until(page, `(() => { const { map } = globalThis.__plan; map.triggerRepaint();
      const ids = ['crossings-open-marker', 'crossings-under-construction-marker', 'crossings-planned-marker'];
      return new Set(map.queryRenderedFeatures({ layers: ids }).map((f) => f.properties.id)).size === ${points}; })()`);
  });

  it('draws a crossing known only to more than 1.5 km as the area it lies in, with its legend row in both languages', async () => {
    const file = JSON.parse(readFileSync(resolve(__dirname, '../../geodata/crossings.geojson'), 'utf8')) as
      { features: { properties: { id: string; position_accuracy_m: number } }[] };
    const approximate = file.features.filter((f) => f.properties.position_accuracy_m > 1500).map((f) => f.properties.id).sort();
    expect(approximate.length).toBeGreaterThan(0);
    await until(page, `(() => { const { map } = globalThis.__plan; map.triggerRepaint();
      const ids = [...new Set(map.queryRenderedFeatures({ layers: ['crossings-approximate-area'] }).map((f) => f.properties.id))].sort();
      return JSON.stringify(ids) === ${JSON.stringify(JSON.stringify(approximate))}; })()`);
    // the area is drawn to scale: at the area's edge (its accuracy from the point, along the parallel) it is hit, at 1.3 × not
    const hits = await page.evaluate(`(() => {
      const { map } = globalThis.__plan;
      const f = map.queryRenderedFeatures({ layers: ['crossings-approximate-area'] })[0];
      const [lng, lat] = f.geometry.coordinates;
      const metres = f.properties.position_accuracy_m;
      const at = (k) => map.project([lng + (k * metres) / (111320 * Math.cos((lat * Math.PI) / 180)), lat]);
      const hit = (p) => map.queryRenderedFeatures([p.x, p.y], { layers: ['crossings-approximate-area'] }).some((g) => g.properties.id === f.properties.id);
      return { inside: hit(at(0.9)), outside: hit(at(1.3)) };
    })()`);
    expect(hits).toEqual({ inside: true, outside: false });
    const row = page.locator('plan-legend li[data-legend="crossings-approximate"]');
    await row.waitFor({ state: 'attached' });
    await expect(row.textContent()).resolves.toContain('Approximate position');
    await page.evaluate(`globalThis.__plan.store.update((s) => ({ ...s, lang: 'zh' }))`);
    await expect.poll(() => row.textContent()).toContain('近似位置');
    await page.evaluate(`globalThis.__plan.store.update((s) => ({ ...s, lang: 'en' }))`);
  });

  it('counts and lists on a chosen subdistrict the projects known only to it, in both languages', async () => {
    const file = JSON.parse(readFileSync(resolve(__dirname, '../../geodata/subdistricts.geojson'), 'utf8')) as
      { features: { properties: { id: string; projects_in: { id: string; name_en: string; name_zh: string }[] } }[] };
    const sd = file.features.map((f) => f.properties).sort((a, b) => b.projects_in.length - a.projects_in.length)[0]!;
    expect(sd.projects_in.length).toBeGreaterThan(0);
    await page.evaluate(`globalThis.__plan.store.update((s) => ({ ...s, selection: { type: 'feature', layer: 'subdistricts', id: '${sd.id}' } }))`);
    const list = page.locator('plan-inspector [data-testid=inspector-projects-in]');
    await list.waitFor();
    await expect(list.getAttribute('data-count')).resolves.toBe(String(sd.projects_in.length));
    await expect(list.locator('h4').textContent()).resolves.toContain(`(${sd.projects_in.length})`);
    await expect(list.locator('li').count()).resolves.toBe(sd.projects_in.length);
    await expect(list.locator('li').first().textContent()).resolves.toContain(sd.projects_in[0]!.name_en);
    await page.evaluate(`globalThis.__plan.store.update((s) => ({ ...s, lang: 'zh' }))`);
    await expect(list.locator('h4').textContent()).resolves.toContain('本街道');
    await expect(list.locator('li').first().textContent()).resolves.toContain(sd.projects_in[0]!.name_zh);
    await page.evaluate(`globalThis.__plan.store.update((s) => ({ ...s, lang: 'en', selection: { type: 'none' } }))`);
  });

  it('finds a project known only to its subdistrict in search and, when chosen, selects the subdistrict that lists it', async () => {
    const projects = JSON.parse(readFileSync(resolve(__dirname, '../../geodata/projects.geojson'), 'utf8')) as
      { features: { properties: { name_en: string } }[]; in_subdistrict: { id: string; name_en: string; name_zh: string; subdistrict: string }[] };
    // a name that no drawn feature shares, so the hit is the listed item
    const item = projects.in_subdistrict.find((p) => !projects.features.some((f) => f.properties.name_en === p.name_en))!;
    const search = page.locator('plan-search input');
    await search.fill(item.name_en);
    const option = page.locator('plan-search li[role=option]', { has: page.locator(`[data-listed-on="${item.subdistrict}"]`) }).first();
    await option.waitFor();
    await expect(option.textContent()).resolves.toContain('Site not published');
    await option.click();
    await until(page, `(() => { const s = globalThis.__plan.store.getState().selection;
      return s.type === 'feature' && s.layer === 'subdistricts' && s.id === '${item.subdistrict}'; })()`);
    const list = page.locator('plan-inspector [data-testid=inspector-projects-in]');
    await list.waitFor();
    await expect(list.textContent()).resolves.toContain(item.name_en);
    await page.evaluate(`globalThis.__plan.store.update((s) => ({ ...s, selection: { type: 'none' } }))`);
    await search.fill('');
  });

  it('cites the plan documents by title in the attribution and in a presented slide, never by file name', async () => {
    const attribution = await page.locator('.maplibregl-ctrl-attrib').textContent();
    expect(attribution).not.toMatch(SEED_FILE);
    await page.locator('[data-testid=open-slides]').click();
    await page.locator('plan-deck-panel [data-action=present]').click();
    const source = page.locator('plan-presenter-overlay .source');
    await source.waitFor();
    for (let i = 0; i < 3; i += 1) {
      const text = await source.textContent();
      expect(text).not.toMatch(SEED_FILE);
      expect(text!.length).toBeGreaterThan(10);
      await page.keyboard.press('ArrowRight');
    }
    await page.keyboard.press('Escape');
    expect(app.errors).toEqual([]);
  });
});
