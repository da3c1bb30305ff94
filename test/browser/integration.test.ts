import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { waitUntil } from '../helpers/app-page.ts';
import type { AppPage } from '../helpers/app-page.ts';
import { useBrowser } from '../helpers/use-browser.ts';

/*
 * Integration of the features in real Chromium: imported layers in the layer tree, the
 * what-if edit from the cluster card and the inspector, hover while the study tool edits, focus after a
 * map pick, the phone layout and the initial camera, and script-like text on every surface.
 * One browser; one desktop page and one phone page. Page functions are strings (the app's CSP forbids eval).
 */

const XSS = '<img src=x onerror="window.__xss=1">';

/** Screen position of a plan feature's first coordinate (points: the point). */
function featurePixel(page: Page, layer: string, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate(`(() => {
    const { map, store } = globalThis.__plan;
    const feature = store.getState().data[${JSON.stringify(layer)}].features.find((item) => item.properties.id === ${JSON.stringify(id)});
    const point = map.project(feature.geometry.coordinates);
    const box = map.getCanvas().getBoundingClientRect();
    return { x: box.left + point.x, y: box.top + point.y };
  })()`);
}

/** Roles of the features in the highlight source (what is drawn as selected / hovered). */
function highlightRoles(page: Page): Promise<string[]> {
  return page.evaluate(`(async () => {
    const data = await globalThis.__plan.map.getSource('highlight').getData();
    return data.features.map((feature) => feature.properties.role);
  })()`);
}

/** True when no <img src="x"> was created anywhere, shadow roots included. */
function noInjectedImages(page: Page): Promise<boolean> {
  return page.evaluate(`(() => {
    const found = [];
    const visit = (root) => {
      for (const element of root.querySelectorAll('*')) {
        if (element.tagName === 'IMG' && element.getAttribute('src') === 'x') found.push(element);
        if (element.shadowRoot) visit(element.shadowRoot);
      }
    };
    visit(document);
    return found.length === 0;
  })()`);
}

function square(lng: number, lat: number, half: number): object {
  return {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: { name: 'square' }, geometry: { type: 'Polygon', coordinates: [[
      [lng - half, lat - half], [lng + half, lat - half], [lng + half, lat + half], [lng - half, lat + half], [lng - half, lat - half],
    ]] } }],
  };
}

describe('integration: layer tree, what-if, focus, phone layout and untrusted text', () => {
  const chromium = useBrowser();
  let desktop: AppPage;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    desktop = await chromium.open(baseUrl, { locale: 'en-US', reducedMotion: 'reduce' });
  });

  it('starts on the whole boundary when the URL has no view', async () => {
    const fit = await desktop.page.evaluate(`(() => {
      const { map, store } = globalThis.__plan;
      const ring = store.getState().data.boundary.features.flatMap((f) => f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : f.geometry.coordinates.map((p) => p[0]).flat());
      const lngs = ring.map((p) => p[0]), lats = ring.map((p) => p[1]);
      const b = map.getBounds();
      const west = Math.min(...lngs), east = Math.max(...lngs), south = Math.min(...lats), north = Math.max(...lats);
      return { inside: b.getWest() <= west && b.getEast() >= east && b.getSouth() <= south && b.getNorth() >= north,
        share: Math.max((east - west) / (b.getEast() - b.getWest()), (north - south) / (b.getNorth() - b.getSouth())) };
    })()`) as { inside: boolean; share: number };
    expect(fit.inside).toBe(true);
    // fitted, not a small shape in a big view
    expect(fit.share).toBeGreaterThan(0.6);
  });

  it('lists an imported layer in the layer tree with toggle, opacity and remove; its file name stays text', async () => {
    const page = desktop.page;
    const [lng, lat] = await page.evaluate('(() => { const c = globalThis.__plan.map.getCenter(); return [c.lng, c.lat]; })()') as [number, number];
    const name = `${XSS}.geojson`;
    await page.locator('[data-testid=import-file]').setInputFiles({ name, mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(square(lng, lat, 0.03))) });
    const row = page.locator('plan-layer-tree li[data-import-id]');
    await row.waitFor();
    const id = await row.getAttribute('data-import-id') as string;
    expect(await row.locator('label').textContent()).toBe(name);
    expect(await page.locator('plan-layer-tree li[data-group=imported] > .row').textContent()).toContain('Imported layers');

    await row.locator('input[type=checkbox]').uncheck();
    await waitUntil(page, `globalThis.__plan.map.getLayoutProperty('${id}-fill', 'visibility') === 'none'`);
    expect(await page.evaluate(`globalThis.__plan.store.getState().imports[0].visible`)).toBe(false);
    await row.locator('input[type=checkbox]').check();
    await waitUntil(page, `globalThis.__plan.map.getLayoutProperty('${id}-fill', 'visibility') === 'visible'`);

    const before = await page.evaluate(`globalThis.__plan.map.getPaintProperty('${id}-fill', 'fill-opacity')`) as number;
    await row.locator('input[type=range]').evaluate((input: HTMLInputElement) => {
      input.value = '50';
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    });
    expect(await page.evaluate(`globalThis.__plan.store.getState().layerOpacity['${id}']`)).toBe(0.5);
    expect(await page.evaluate(`globalThis.__plan.map.getPaintProperty('${id}-fill', 'fill-opacity')`)).toBeCloseTo(before * 0.5, 5);

    expect(await page.evaluate('window.__xss')).toBeUndefined();
    expect(await noInjectedImages(page)).toBe(true);

    await row.locator('button.remove').click();
    await waitUntil(page, `!globalThis.__plan.map.getSource('${id}')`);
    expect(await page.evaluate('globalThis.__plan.store.getState().imports.length')).toBe(0);
    expect(await page.locator('plan-layer-tree li[data-import-id]').count()).toBe(0);
    expect(await page.locator('[data-testid=status]').textContent()).toContain(name);
  });

  it('announces a map pick and reaches the inspector with one Tab; hover reacts only while the study tool is off', async () => {
    const page = desktop.page;
    await waitUntil(page, '!globalThis.__plan.map.isMoving()');
    const point = await featurePixel(page, 'projects', 'p-airport');
    await page.mouse.move(point.x, point.y);
    await waitUntil(page, `globalThis.__plan.map.getCanvas().style.cursor === 'pointer'`);
    expect(await highlightRoles(page)).toContain('hover');

    await page.mouse.click(point.x, point.y);
    await waitUntil(page, `globalThis.__plan.store.getState().selection.type === 'feature'`);
    const picked = await page.evaluate('globalThis.__plan.store.getState().selection.id') as string;
    const name = await page.evaluate(`(() => {
      const s = globalThis.__plan.store.getState();
      for (const layer of Object.values(s.data)) { const f = layer.features.find((x) => x.properties.id === ${JSON.stringify(picked)}); if (f) return f.properties.name_en; }
      return '';
    })()`) as string;
    await expect.poll(() => page.locator('[data-testid=status]').textContent()).toContain(name);
    // a pointer click does not move focus; one Tab does
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(`document.querySelector('plan-inspector').shadowRoot.activeElement?.tagName`)).toBe('H3');
    expect(await page.locator('plan-inspector h3').textContent()).toBe(name);
    await page.keyboard.press('Escape');
    await waitUntil(page, `globalThis.__plan.store.getState().selection.type === 'none'`);

    // the cluster card's "Edit outline (what-if)" starts the study tool's what-if edit of that cluster
    await page.locator('plan-clusters li.card[data-id=cluster-cuizhai] button.choose').click();
    await page.locator('plan-clusters li.card[data-id=cluster-cuizhai] [data-testid=cluster-edit-outline]').click();
    await waitUntil(page, `(() => { const s = globalThis.__plan.store.getState().study; return s.mode === 'editing' && s.target.kind === 'cluster' && s.target.id === 'cluster-cuizhai'; })()`);
    expect(await page.evaluate('globalThis.__plan.store.getState().study.clusterId')).toBe('cluster-cuizhai');

    // while editing: no hover highlight, no pointer cursor from the interface, over a plan feature
    // outside the edited outline (terra-draw owns the cursor there)
    await waitUntil(page, '!globalThis.__plan.map.isMoving()');
    const again = await page.evaluate(`(() => {
      const { map, store } = globalThis.__plan;
      const box = map.getCanvas().getBoundingClientRect();
      const cluster = store.getState().data.structure.features.find((f) => f.properties.id === 'cluster-cuizhai');
      const ring = cluster.geometry.coordinates[0].map((c) => map.project(c));
      const xs = ring.map((p) => p.x), ys = ring.map((p) => p.y);
      const outside = (p) => p.x < Math.min(...xs) - 20 || p.x > Math.max(...xs) + 20 || p.y < Math.min(...ys) - 20 || p.y > Math.max(...ys) + 20;
      const plan = ['projects', 'crossings', 'structure', 'blue-green', 'construction', 'subdistricts'];
      for (let y = 60; y < box.height - 160; y += 15) {
        for (let x = 40; x < box.width - 60; x += 15) {
          if (!outside({ x, y })) continue;
          if (map.queryRenderedFeatures([[x - 2, y - 2], [x + 2, y + 2]]).some((h) => plan.includes(h.source))) return { x: box.left + x, y: box.top + y };
        }
      }
      return null;
    })()`) as { x: number; y: number } | null;
    expect(again).not.toBeNull();
    if (!again) return;
    await page.mouse.move(again.x + 1, again.y + 1);
    await page.mouse.move(again.x, again.y);
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
    expect(await highlightRoles(page)).not.toContain('hover');
    expect(await page.evaluate('globalThis.__plan.map.getCanvas().style.cursor')).not.toBe('pointer');
    await page.locator('plan-study-panel [data-testid=what-if-done]').click();
    await waitUntil(page, `globalThis.__plan.store.getState().study.mode === 'off'`);

    // the inspector of a cluster offers the same
    await page.evaluate(`globalThis.__plan.store.update((s) => ({ ...s, selection: { type: 'feature', layer: 'structure', id: 'cluster-airport' } }))`);
    await page.locator('plan-inspector [data-testid=inspector-edit-outline]').click();
    await waitUntil(page, `(() => { const s = globalThis.__plan.store.getState().study; return s.mode === 'editing' && s.target.kind === 'cluster' && s.target.id === 'cluster-airport'; })()`);
    await page.locator('plan-study-panel [data-testid=what-if-done]').click();
    await waitUntil(page, `globalThis.__plan.store.getState().study.mode === 'off'`);
    await page.evaluate(`globalThis.__plan.store.update((s) => ({ ...s, selection: { type: 'none' } }))`);
  });

  it('shows script-like text literally in search results, the inspector and slide captions, running none of it', async () => {
    const page = desktop.page;
    // A feature name from the data (as an edited or imported name would be)
    await page.evaluate(`globalThis.__plan.store.update((s) => {
      const projects = { ...s.data.projects, features: s.data.projects.features.map((f) => f.properties.id === 'p-airport'
        ? { ...f, properties: { ...f.properties, name_en: ${JSON.stringify(XSS)}, name_zh: ${JSON.stringify(`${XSS}中文`)} } } : f) };
      return { ...s, data: { ...s.data, projects } };
    })`);
    // search results
    const search = page.locator('plan-search input');
    await search.fill('img src');
    const option = page.locator('plan-search li[role=option]').first();
    await option.waitFor();
    expect(await option.textContent()).toContain(XSS);
    await search.press('Enter');
    // inspector
    await waitUntil(page, `globalThis.__plan.store.getState().selection.type === 'feature'`);
    await expect.poll(() => page.locator('plan-inspector h3').textContent()).toBe(XSS);
    await expect.poll(() => page.locator('[data-testid=status]').textContent()).toContain(XSS);
    await page.keyboard.press('Escape');

    // legend: labels come from the message catalogue, never from data (nothing to feed).
    // PNG export: title, subtitle and legend come from the catalogue too; no user text reaches it.

    // a slide caption, in the deck editor and on the presented slide
    await page.locator('[data-testid=open-slides]').click();
    await page.locator('plan-deck-panel li').first().waitFor();
    const count = await page.locator('plan-deck-panel li').count();
    await page.locator('plan-deck-panel [data-action=add]').click();
    await expect.poll(() => page.locator('plan-deck-panel li').count()).toBe(count + 1);
    const added = page.locator('plan-deck-panel li[aria-current=true]');
    for (const lang of ['en', 'zh']) {
      const caption = added.locator(`textarea[data-caption=${lang}]`);
      await caption.fill(XSS);
      await caption.press('Tab');
    }
    await page.locator('plan-deck-panel [data-action=present]').click();
    await expect.poll(() => page.locator('[data-testid=slide-caption] p').textContent()).toBe(XSS);
    await page.keyboard.press('Escape');
    await page.locator('plan-deck-panel [data-action=reset]').click();

    expect(await page.evaluate('window.__xss')).toBeUndefined();
    expect(await noInjectedImages(page)).toBe(true);
    expect(desktop.errors).toEqual([]);
  });

  it('on a phone: attribution and sheet start collapsed, the map has most of the height, the timeline is one row, nothing overlaps the controls', async () => {
    const phone = await chromium.open(baseUrl, { viewport: { width: 390, height: 844 }, locale: 'en-US', hasTouch: true, isMobile: true, reducedMotion: 'reduce' });
    try {
      const page = phone.page;
      await page.locator('plan-timeline button[data-year]').first().waitFor();
      const attribution = await page.evaluate(`document.querySelector('.maplibregl-ctrl-attrib').className`) as string;
      expect(attribution).toContain('maplibregl-compact');
      expect(attribution).not.toContain('maplibregl-compact-show');
      expect(await page.evaluate(`document.querySelector('plan-side-panel').hasAttribute('collapsed')`)).toBe(true);
      const mapShare = await page.evaluate('document.getElementById("map").getBoundingClientRect().height / innerHeight') as number;
      expect(mapShare).toBeGreaterThanOrEqual(0.55);

      const layout = await page.evaluate(`(() => {
        const rect = (element) => { const r = element.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height }; };
        const timeline = document.querySelector('plan-timeline');
        const years = [...timeline.shadowRoot.querySelectorAll('button[data-year]')].map((button) => rect(button).top);
        const controls = [...document.querySelectorAll('.maplibregl-ctrl')].map(rect).filter((r) => r.width > 0 && r.height > 0);
        const note = document.querySelector('plan-app').shadowRoot.querySelector('.note');
        return { timeline: rect(timeline), years, controls, overlays: [rect(timeline), rect(note)], map: rect(document.getElementById('map')) };
      })()`) as { timeline: DOMRect; years: number[]; controls: DOMRect[]; overlays: DOMRect[]; map: DOMRect };
      // one row of year buttons, and a small widget
      expect(new Set(layout.years).size).toBe(1);
      expect(layout.timeline.height).toBeLessThan(layout.map.height * 0.1);
      expect(layout.controls.length).toBeGreaterThanOrEqual(3);
      const overlap = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      const clashes = layout.overlays.flatMap((overlay) => layout.controls.filter((control) => overlap(overlay, control)));
      expect(clashes).toEqual([]);

      // the step's goal text opens from the timeline's toggle
      const goal = page.locator('plan-timeline [data-testid=timeline-goal]');
      expect(await goal.isVisible()).toBe(false);
      await page.locator('plan-timeline button.goal-toggle').click();
      expect(await goal.isVisible()).toBe(true);
      expect(await page.locator('plan-timeline button.goal-toggle').getAttribute('aria-expanded')).toBe('true');
      await page.locator('plan-timeline button.goal-toggle').click();
      expect(await goal.isVisible()).toBe(false);

      // a tap on a feature opens the sheet and moves focus to the inspector's heading
      const point = await featurePixel(page, 'projects', 'p-airport');
      await page.touchscreen.tap(point.x, point.y);
      await waitUntil(page, `globalThis.__plan.store.getState().selection.type === 'feature'`);
      expect(await page.evaluate(`document.querySelector('plan-side-panel').hasAttribute('collapsed')`)).toBe(false);
      await expect.poll(() => page.evaluate(`document.querySelector('plan-inspector').shadowRoot.activeElement?.tagName`)).toBe('H3');
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.close();
    }
  });
});
