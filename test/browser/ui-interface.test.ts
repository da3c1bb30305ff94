import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { waitUntil } from '../helpers/app-page.ts';
import type { AppPage } from '../helpers/app-page.ts';
import { useBrowser } from '../helpers/use-browser.ts';

/*
 * The planner and public interface in real Chromium: layer tree, legend, inspector, search,
 * language switch and URL state. One browser, one page reused (plus one for the URL round trip).
 * Page functions are strings so the test runner's transforms never leak helpers into the page.
 */

/** Rendered features of some style layers, read after the next idle frame. */
function renderedCount(page: Page, layers: string[]): Promise<number> {
  return page.evaluate(`(async () => {
    const { map } = globalThis.__plan;
    await new Promise((resolve) => { map.once('idle', resolve); map.triggerRepaint(); });
    return map.queryRenderedFeatures({ layers: ${JSON.stringify(layers)} }).length;
  })()`);
}

/** Visible text and accessible-name attributes of an element tree, through shadow roots. */
function panelStrings(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(`(() => {
    const strings = [];
    const visit = (node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        const text = node.textContent.trim();
        if (text) strings.push(text);
        return;
      }
      if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return;
      if (node.nodeType === Node.ELEMENT_NODE) {
        // STYLE / SCRIPT hold no UI text; an element with its own lang attribute is deliberately in the other language;
        // [data-record] holds text quoted from the data's records (it keeps the Chinese names it cites in English)
        if (['STYLE', 'SCRIPT'].includes(node.tagName) || node.hasAttribute('lang') || node.hasAttribute('data-record')) return;
        for (const name of ['aria-label', 'placeholder', 'aria-valuetext']) {
          const value = node.getAttribute(name);
          if (value) strings.push(value);
        }
        if (node.shadowRoot) { visit(node.shadowRoot); }
        if (node.tagName === 'SLOT') { for (const child of node.assignedNodes()) visit(child); return; }
      }
      for (const child of node.childNodes) visit(child);
    };
    for (const element of document.querySelectorAll(${JSON.stringify(selector)})) visit(element);
    return strings;
  })()`);
}

const HAN = /[\u3400-\u9fff]/;

/** Polls an expression in the page until it is truthy (the app's CSP forbids waitForFunction's eval). */
describe('planner and public interface', () => {
  const chromium = useBrowser();
  let app: AppPage;
  let page: Page;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    app = await chromium.open(`${baseUrl}#lang=en`);
    page = app.page;
  });

  it('toggling a layer in the tree changes what is drawn, and the group checkbox turns indeterminate', async () => {
    const water = page.locator('plan-layer-tree input[data-layer="blue-green-water"]');
    await expect(water.isChecked()).resolves.toBe(true);
    expect(await renderedCount(page, ['blue-green-water'])).toBeGreaterThan(0);
    await water.focus();
    await page.keyboard.press('Space');
    await expect(water.isChecked()).resolves.toBe(false);
    expect(await renderedCount(page, ['blue-green-water'])).toBe(0);
    expect(await renderedCount(page, ['blue-green-forest'])).toBeGreaterThan(0);
    const group = page.locator('plan-layer-tree input[data-group="g-blue-green"]');
    await expect(group.evaluate((input) => (input as HTMLInputElement).indeterminate)).resolves.toBe(true);
    // the group checkbox turns the whole group on again
    await group.click();
    await expect(water.isChecked()).resolves.toBe(true);
    expect(await renderedCount(page, ['blue-green-water'])).toBeGreaterThan(0);
  });

  it('the opacity slider sets the layer’s paint opacity on top of the style’s', async () => {
    const slider = page.locator('plan-layer-tree input[data-opacity="blue-green-forest"]');
    await slider.fill('50');
    const opacity = await page.evaluate(`globalThis.__plan.map.getPaintProperty('blue-green-forest', 'fill-opacity')`);
    expect(opacity).toBeCloseTo(0.85 * 0.5, 5);
    await slider.fill('100');
  });

  it('the legend shows exactly the visible layers, with colours from the live style', async () => {
    const ids = () => page.locator('plan-legend li').evaluateAll((items) => items.map((item) => item.getAttribute('data-legend')));
    expect(await ids()).not.toContain('construction');
    expect(await ids()).toContain('blue-green-water');
    await page.locator('plan-layer-tree input[data-layer="construction"]').check();
    await page.locator('plan-layer-tree input[data-layer="blue-green-water"]').uncheck();
    const shown = await ids();
    expect(shown).toContain('construction');
    expect(shown).not.toContain('blue-green-water');
    const fill = await page.locator('plan-legend li[data-legend="construction"] rect').getAttribute('fill');
    expect(fill).toBe(await page.evaluate(`globalThis.__plan.map.getPaintProperty('construction-fill', 'fill-color')`));
    await page.locator('plan-layer-tree input[data-layer="construction"]').uncheck();
    await page.locator('plan-layer-tree input[data-layer="blue-green-water"]').check();
  });

  it('the inspector shows a hostile name as literal text and runs nothing', async () => {
    const payload = '<img src=x onerror="globalThis.__xss=1">';
    await page.evaluate(`(() => {
      const { store } = globalThis.__plan;
      store.update((state) => {
        const feature = { type: 'Feature', id: 'p-xss', geometry: { type: 'Polygon', coordinates: [[[117.0, 36.9], [117.01, 36.9], [117.01, 36.91], [117.0, 36.9]]] },
          properties: { id: 'p-xss', name_zh: ${JSON.stringify(payload)}, name_en: ${JSON.stringify(payload)}, kind: 'project',
            category: '<b>bold</b>', source: '<script>globalThis.__xss=2</script>', accuracy: 'schematic' } };
        const projects = { ...state.data.projects, features: [...state.data.projects.features, feature] };
        return { ...state, data: { ...state.data, projects }, selection: { type: 'feature', layer: 'projects', id: 'p-xss' } };
      });
    })()`);
    const heading = page.locator('plan-inspector h3');
    await expect(heading.textContent()).resolves.toBe(payload);
    await expect(page.locator('plan-inspector img').count()).resolves.toBe(0);
    await expect(page.locator('plan-inspector b, plan-inspector script').count()).resolves.toBe(0);
    const text = await page.locator('plan-inspector dl').textContent();
    expect(text).toContain('<b>bold</b>');
    expect(text).toContain('km²');
    await expect(page.evaluate('globalThis.__xss')).resolves.toBeUndefined();
    // Escape closes it
    await heading.focus();
    await page.keyboard.press('Escape');
    await expect(page.locator('plan-inspector h3').count()).resolves.toBe(0);
  });

  it('clicking a feature on the map opens the inspector for it', async () => {
    const point = await page.evaluate(`(() => {
      const { map } = globalThis.__plan;
      const [feature] = map.queryRenderedFeatures({ layers: ['boundary-line'] });
      const ring = feature.geometry.type === 'Polygon' ? feature.geometry.coordinates[0] : feature.geometry.coordinates[0][0];
      const canvas = map.getCanvas().getBoundingClientRect();
      const projected = map.project(ring[Math.floor(ring.length / 3)]);
      return { x: canvas.left + projected.x, y: canvas.top + projected.y };
    })()`) as { x: number; y: number };
    // hovering draws the feature in the highlight source with role 'hover'
    await page.mouse.move(point.x, point.y);
    await waitUntil(page, `globalThis.__plan.map.getSource('highlight').serialize().data.features
      .some((feature) => feature.properties.role === 'hover')`);
    await page.mouse.click(point.x, point.y);
    await expect(page.locator('plan-inspector h3').textContent()).resolves.toBeTruthy();
    const selection = await page.evaluate('globalThis.__plan.store.getState().selection');
    expect(selection).toMatchObject({ type: 'feature' });
    await page.keyboard.press('Escape');
  });

  it('search finds the airport project by its English name; Enter flies there and opens the inspector', async () => {
    const input = page.locator('plan-search input');
    await input.fill('Yaoqiang International Airport');
    const options = page.locator('plan-search [role="option"]');
    await options.first().waitFor();
    // other layers may hold a feature of a similar name (e.g. the airport's construction land): pick the project
    const texts = await options.allTextContents();
    const index = texts.findIndex((text) => text.includes('Yaoqiang International Airport (expansion)') && text.includes('Key project'));
    expect(index, texts.join(' | ')).toBeGreaterThanOrEqual(0);
    for (let i = 0; i <= index; i += 1) await input.press('ArrowDown');
    await expect(input.getAttribute('aria-activedescendant')).resolves.toBe(`option-${index}`);
    await expect(options.nth(index).getAttribute('aria-selected')).resolves.toBe('true');
    await input.press('Enter');
    const selection = await page.evaluate('globalThis.__plan.store.getState().selection');
    expect(selection).toEqual({ type: 'feature', layer: 'projects', id: 'p-airport' });
    await expect(page.locator('plan-inspector h3').textContent()).resolves.toBe('Jinan Yaoqiang International Airport (expansion)');
    await expect(page.locator('plan-inspector .other').textContent()).resolves.toBe('济南遥墙国际机场(改扩建)');
    // focus moved to the feature's name for keyboard and screen-reader users
    await expect(page.evaluate(`document.querySelector('plan-inspector').shadowRoot.activeElement?.tagName`)).resolves.toBe('H3');
    await waitUntil(page, '!globalThis.__plan.map.isMoving()');
    const distance = await page.evaluate(`(() => {
      const { map, store } = globalThis.__plan;
      const feature = store.getState().data.projects.features.find((item) => item.properties.id === 'p-airport');
      const [lng, lat] = feature.geometry.coordinates;
      const centre = map.getCenter();
      return Math.hypot(centre.lng - lng, centre.lat - lat);
    })()`);
    expect(distance).toBeLessThan(0.01);
    await page.keyboard.press('Escape');
    await expect(page.evaluate('globalThis.__plan.store.getState().selection.type')).resolves.toBe('none');
  });

  it('the language switch changes every string in the panel and header, and the map labels', async () => {
    await page.evaluate(`globalThis.__plan.store.update((state) => ({ ...state, selection: { type: 'none' } }))`);
    const english = await panelStrings(page, 'plan-side-panel, plan-search');
    expect(english.length).toBeGreaterThan(40);
    expect(english.filter((text) => HAN.test(text))).toEqual([]);
    await page.locator('plan-app').locator('button.lang').click();
    try {
      const chinese = await panelStrings(page, 'plan-side-panel, plan-search');
      expect(chinese.length).toBe(english.length);
      // No English word survives: only numbers, symbols and international units / file formats may be shared.
      const shared = /km²|m²|km|ha|CSV|PNG|GeoJSON|PDF/g;
      expect(chinese.filter((text) => /[A-Za-z]{2,}/.test(text.replace(shared, '')) && !HAN.test(text))).toEqual([]);
      await expect(page.locator('plan-app').locator('h1').textContent()).resolves.toMatch(HAN);
      const field = await page.evaluate(`globalThis.__plan.map.getLayoutProperty('structure-label', 'text-field')`);
      expect(JSON.stringify(field)).toMatch(/^\["coalesce",\["get","name_zh"\]/);
      await expect(page.evaluate('document.documentElement.lang')).resolves.toBe('zh-CN');
    } finally {
      await page.locator('plan-app').locator('button.lang').click();
    }
    await expect(page.evaluate('document.documentElement.lang')).resolves.toBe('en');
  });

  it('the URL hash carries view, layers, language and selection, and a fresh page restores them', async () => {
    await page.evaluate(`(() => {
      const { map } = globalThis.__plan;
      map.jumpTo({ center: [117.05, 36.86], zoom: 11.3, bearing: 20, pitch: 30 });
    })()`);
    await page.locator('plan-layer-tree input[data-layer="construction"]').check();
    await page.locator('plan-layer-tree input[data-layer="context-city"]').uncheck();
    await page.evaluate(`globalThis.__plan.store.update((state) => ({ ...state, selection: { type: 'feature', layer: 'projects', id: 'p-airport' } }))`);
    await waitUntil(page, 'location.hash.includes("sel=p-airport") && location.hash.includes("map=11.3/")');
    const url = page.url();
    expect(url).toContain('lang=en');
    expect(url).toMatch(/l=[^&]*construction/);
    expect(url).not.toMatch(/l=[^&]*context-city/);

    const second = await chromium.open(url);
    try {
      const restored = await second.page.evaluate(`(() => {
        const { map, store } = globalThis.__plan;
        const state = store.getState();
        const centre = map.getCenter();
        return { lng: centre.lng, lat: centre.lat, zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch(),
          lang: state.lang, construction: state.layerVisibility.construction, city: state.layerVisibility['context-city'],
          selection: state.selection, visibility: map.getLayoutProperty('construction-fill', 'visibility') };
      })()`) as Record<string, unknown>;
      expect(restored.lng).toBeCloseTo(117.05, 4);
      expect(restored.lat).toBeCloseTo(36.86, 4);
      expect(restored.zoom).toBeCloseTo(11.3, 2);
      expect(restored.bearing).toBeCloseTo(20, 1);
      expect(restored.pitch).toBeCloseTo(30, 1);
      expect(restored).toMatchObject({ lang: 'en', construction: true, city: false, visibility: 'visible',
        selection: { type: 'feature', layer: 'projects', id: 'p-airport' } });
      await expect(second.page.locator('plan-inspector h3').textContent()).resolves.toMatch(/Airport/);
      expect(second.errors).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it('logs no console errors', () => {
    expect(app.errors).toEqual([]);
  });
});
