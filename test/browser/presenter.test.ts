import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.ts';
import { exportedText, recordExportText } from '../helpers/export-text.ts';
import { imageStats, openApp, waitForMapIdle } from '../helpers/app-page.ts';
import type { AppPage } from '../helpers/app-page.ts';
import { builtinDeck } from '../../src/app/presenter/builtin-deck.ts';
import { CATALOG_LAYERS } from '../../src/state/layer-catalog.ts';
import { translate } from '../../src/i18n/messages.ts';

interface PageProbe {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
  moving: boolean;
  year: number;
  visible: string[];
  /** the presenter slice: the slide shown and the highlight the map draws */
  slide: number;
  highlight: { ids: string[]; spotlight: boolean };
  /** features in the map's slide-highlight source */
  highlighted: number;
}

/** Camera, year and visible catalog layers, read from the page's map and store. */
function probe(page: Page): Promise<PageProbe> {
  return page.evaluate(() => {
    const plan = (globalThis as unknown as { __plan: {
      map: { getCenter(): { lng: number; lat: number }; getZoom(): number; getBearing(): number; getPitch(): number; isMoving(): boolean };
      store: { getState(): { year: number; layerVisibility: Record<string, boolean>; presenter: { index: number; highlight: { ids: string[]; spotlight: boolean } } } };
    } }).__plan;
    const center = plan.map.getCenter();
    const state = plan.store.getState();
    return {
      center: [center.lng, center.lat] as [number, number],
      zoom: plan.map.getZoom(),
      bearing: plan.map.getBearing(),
      pitch: plan.map.getPitch(),
      moving: plan.map.isMoving(),
      year: state.year,
      visible: Object.keys(state.layerVisibility).filter((id) => state.layerVisibility[id]).sort(),
      slide: state.presenter.index,
      highlight: state.presenter.highlight,
      highlighted: (plan.map as unknown as { querySourceFeatures(id: string): unknown[]; getSource(id: string): unknown }).getSource('slide-highlight')
        ? (plan.map as unknown as { querySourceFeatures(id: string): unknown[] }).querySourceFeatures('slide-highlight').length : 0,
    };
  });
}

async function openSlides(page: Page): Promise<void> {
  await page.locator('[data-testid=open-slides]').click();
  await page.locator('plan-deck-panel li').first().waitFor();
}

async function slideCount(page: Page): Promise<number> {
  return page.locator('plan-deck-panel li').count();
}

describe('presenter mode, slides, timeline and exports', () => {
  let browser: Browser;
  let app: AppPage;
  const baseUrl = inject('baseUrl');
  const deck = builtinDeck();

  beforeAll(async () => {
    browser = await launchChromium();
    // Reduced motion makes slide changes jumps, so the walk through the deck stays quick.
    app = await openApp(browser, baseUrl, { reducedMotion: 'reduce', locale: 'zh-CN' });
    await app.page.locator('[data-testid=open-slides]').waitFor();
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('presents the built-in deck end to end by keyboard', async () => {
    const page = app.page;
    await openSlides(page);
    await page.locator('plan-deck-panel [data-action=present]').click();
    const counter = page.locator('[data-testid=slide-counter]');
    const caption = page.locator('[data-testid=slide-caption]');
    await expect.poll(() => counter.textContent()).toBe(`1 / ${deck.slides.length}`);
    expect(await page.evaluate(() => document.body.classList.contains('plan-presenting'))).toBe(true);
    const first = await caption.textContent();
    expect(first).toContain('798');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => counter.textContent()).toBe(`2 / ${deck.slides.length}`);
    expect(await caption.textContent()).not.toBe(first);
    expect(await caption.textContent()).toContain('一纵');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => counter.textContent()).toBe(`5 / ${deck.slides.length}`);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('PageUp');
    await expect.poll(() => counter.textContent()).toBe(`3 / ${deck.slides.length}`);
    await page.keyboard.press('End');
    await expect.poll(() => counter.textContent()).toBe(`${deck.slides.length} / ${deck.slides.length}`);
    expect(await caption.textContent()).toContain('2035');
    await page.keyboard.press('Home');
    await expect.poll(() => counter.textContent()).toBe(`1 / ${deck.slides.length}`);
    await page.keyboard.press('b');
    await expect.poll(() => page.locator('[data-testid=blank-screen]').count()).toBe(1);
    await page.keyboard.press('.');
    await expect.poll(() => page.locator('[data-testid=blank-screen]').count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('plan-presenter-overlay').count()).toBe(0);
    expect(await page.evaluate(() => document.body.classList.contains('plan-presenting'))).toBe(false);
  });

  it('changes slides by touch swipe', async () => {
    const page = app.page;
    await page.locator('plan-deck-panel [data-action=present]').click();
    const counter = page.locator('[data-testid=slide-counter]');
    await page.keyboard.press('Home');
    await expect.poll(() => counter.textContent()).toBe(`1 / ${deck.slides.length}`);
    const swipe = (fromX: number, toX: number) => page.evaluate(([startX, endX]) => {
      const touch = (x: number) => new Touch({ identifier: 1, target: document.body, clientX: x, clientY: 400 });
      window.dispatchEvent(new TouchEvent('touchstart', { touches: [touch(startX)], changedTouches: [touch(startX)] }));
      window.dispatchEvent(new TouchEvent('touchend', { touches: [], changedTouches: [touch(endX)] }));
    }, [fromX, toX]);
    await swipe(900, 300);
    await expect.poll(() => counter.textContent()).toBe(`2 / ${deck.slides.length}`);
    await swipe(300, 900);
    await expect.poll(() => counter.textContent()).toBe(`1 / ${deck.slides.length}`);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('plan-presenter-overlay').count()).toBe(0);
  });

  it('restores each slide’s camera, layers and year', async () => {
    const page = app.page;
    await page.locator('plan-deck-panel [data-action=present]').click();
    await page.keyboard.press('Home');
    const known = new Set(CATALOG_LAYERS.map((layer) => layer.id));
    for (const [index, slide] of deck.slides.entries()) {
      if (index > 0) await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.locator('[data-testid=slide-counter]').textContent()).toBe(`${index + 1} / ${deck.slides.length}`);
      await expect.poll(async () => (await probe(page)).moving).toBe(false);
      const state = await probe(page);
      expect(state.center[0], slide.id).toBeCloseTo(slide.camera.center[0], 3);
      expect(state.center[1], slide.id).toBeCloseTo(slide.camera.center[1], 3);
      expect(state.zoom, slide.id).toBeCloseTo(slide.camera.zoom, 2);
      expect(state.bearing, slide.id).toBeCloseTo(slide.camera.bearing, 1);
      expect(state.pitch, slide.id).toBeCloseTo(slide.camera.pitch, 1);
      expect(state.year, slide.id).toBe(slide.year);
      expect(state.visible, slide.id).toEqual(slide.layers.filter((id) => known.has(id)).sort());
      expect(state.slide, slide.id).toBe(index);
      expect(state.highlight, slide.id).toEqual({ ids: slide.highlight, spotlight: slide.spotlight });
      if (slide.highlight.length) await expect.poll(async () => (await probe(page)).highlighted).toBeGreaterThan(0);
    }
    expect(deck.slides.some((slide) => slide.highlight.length > 0)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('plan-presenter-overlay').count()).toBe(0);
  });

  it('shows the phasing timeline in normal use with the step’s goal', async () => {
    const page = app.page;
    await page.locator('plan-timeline button[data-year="2030"]').click();
    await expect.poll(async () => (await probe(page)).year).toBe(2030);
    expect(await page.locator('[data-testid=timeline-goal]').textContent()).toContain('十年成势');
    await page.locator('plan-timeline button[data-year="2023"]').click();
    await expect.poll(async () => (await probe(page)).year).toBe(2023);
  });

  it('keeps an edited deck across a reload and round-trips it through export and import', async () => {
    const page = app.page;
    const before = await slideCount(page);
    await page.locator('plan-deck-panel [data-action=add]').click();
    await expect.poll(() => slideCount(page)).toBe(before + 1);
    const newCaption = page.locator('plan-deck-panel li').nth(1).locator('textarea[data-caption=zh]');
    await newCaption.fill('测试幻灯片：往返');
    await newCaption.press('Tab');
    await page.reload();
    await waitForMapIdle(page);
    await page.locator('[data-testid=open-slides]').waitFor();
    await openSlides(page);
    expect(await slideCount(page)).toBe(before + 1);
    expect(await page.locator('plan-deck-panel li').nth(1).locator('textarea[data-caption=zh]').inputValue()).toBe('测试幻灯片：往返');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('plan-deck-panel [data-action=export-json]').click()]);
    const text = await readFile(await download.path(), 'utf8');
    const file = JSON.parse(text) as { format: string; deck: { slides: { caption: { zh: string } }[] } };
    expect(file.format).toBe('jinan-plan-deck');
    expect(file.deck.slides[1].caption.zh).toBe('测试幻灯片：往返');

    await page.locator('plan-deck-panel [data-action=reset]').click();
    await expect.poll(() => slideCount(page)).toBe(deck.slides.length);
    await page.locator('plan-deck-panel input[data-action=import-json]').setInputFiles({ name: 'deck.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect.poll(() => slideCount(page)).toBe(before + 1);
    expect(await page.locator('plan-deck-panel li').nth(1).locator('textarea[data-caption=zh]').inputValue()).toBe('测试幻灯片：往返');
  });

  it('refuses a bad deck file with a clear message and leaves the current deck untouched', async () => {
    const page = app.page;
    const before = await slideCount(page);
    const bad = { format: 'jinan-plan-deck', version: 1, deck: { title: { zh: 'x', en: 'x' }, slides: [{ ...deck.slides[0], year: 2024, layers: ['no-such-layer'] }] } };
    await page.locator('plan-deck-panel input[data-action=import-json]').setInputFiles({ name: 'bad-deck.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    const alert = page.locator('[data-testid=alert]');
    await expect.poll(() => alert.textContent()).toContain('bad-deck.json');
    const message = await alert.textContent();
    expect(message).toContain('deck.slides[0].year');
    expect(message).toContain('deck.slides[0].layers[0]');
    expect(await slideCount(page)).toBe(before);
    await page.locator('plan-deck-panel input[data-action=import-json]').setInputFiles({ name: 'not-json.json', mimeType: 'application/json', buffer: Buffer.from('{oops') });
    await expect.poll(() => alert.textContent()).toContain('not-json.json');
    expect(await slideCount(page)).toBe(before);
  });

  // Software WebGL and PNG encoding on a shared CI core can take a while; no timing is asserted.
  it('exports a PNG at 1920×1080 with the map, title, legend, scale bar and north arrow', { timeout: 180_000 }, async () => {
    const page = app.page;
    // Record the text drawn on the 1920-wide export canvas (the only canvas of that size).
    await recordExportText(page);
    if (!(await page.locator('plan-deck-panel [data-action=png-full]').isVisible())) await openSlides(page);
    const lang = await page.evaluate('globalThis.__plan.store.getState().lang') as 'zh' | 'en';
    const legendLabels = await page.locator('plan-legend li').evaluateAll((items) => items.map((item) => item.textContent?.trim() ?? ''));
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 170_000 }),
      page.locator('plan-deck-panel [data-action=png-full]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/1920x1080.*\.png$/);
    const png = await readFile(await download.path());
    const stats = await imageStats(page, png);
    expect(stats.width).toBe(1920);
    expect(stats.height).toBe(1080);
    expect(stats.distinctColours).toBeGreaterThan(100);
    expect(stats.dominantShare).toBeLessThan(0.85);

    const drawn = await exportedText(page);
    expect(drawn).toContain(translate(lang, 'app.title'));
    expect(drawn).toContain(translate(lang, 'export.legend'));
    expect(drawn).toContain(translate(lang, 'export.north'));
    expect(drawn.some((text) => /^\d+(\.\d+)? (km|m)$/.test(text)), 'scale bar label').toBe(true);
    expect(legendLabels.length).toBeGreaterThan(0);
    for (const label of legendLabels) expect(drawn.some((text) => label.includes(text) && text.length > 0), label).toBe(true);
    // The scale bar itself: a dark bar in the PNG at its place above the footer (left edge, 1 unit = 1 px at 1080 p).
    const bar = await page.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(48, 1005, 40, 1);
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 60 && data[i + 1]! < 70 && data[i + 2]! < 80) dark += 1;
      return dark;
    }, png.toString('base64'));
    expect(bar).toBe(40);
  });

  it('starts with the built-in deck when the saved deck is corrupt, says so and keeps the raw data', async () => {
    const page = app.page;
    await page.evaluate(() => localStorage.setItem('jinan-plan:deck', '{"version":1,"value":{"slides":"broken"'));
    await page.reload();
    await waitForMapIdle(page);
    const alert = page.locator('[data-testid=alert]');
    await expect.poll(() => alert.textContent()).toMatch(/幻灯片|slides/);
    const backups = await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('jinan-plan:backup:deck')));
    expect(backups).toHaveLength(1);
    await openSlides(page);
    expect(await slideCount(page)).toBe(deck.slides.length);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('plan-deck-panel [data-action=download-backup]').click()]);
    expect(await readFile(await download.path(), 'utf8')).toContain('"broken"');
  });

  it('prints title, map and legend on one landscape page', async () => {
    const page = app.page;
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    try {
      const print = page.locator('#plan-print');
      expect(await print.isVisible()).toBe(true);
      expect(await page.locator('plan-app').isVisible()).toBe(false);
      expect(await print.locator('h1').textContent()).toContain('起步区');
      expect(await print.locator('img').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
      expect(await print.locator('li').count()).toBeGreaterThan(3);
      const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
      expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
      const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)/.exec(pdf);
      expect(Number(box?.[1])).toBeGreaterThan(Number(box?.[2]));
    } finally {
      await page.emulateMedia({ media: 'screen' });
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    }
  });

  it('logs no console errors', () => {
    expect(app.errors).toEqual([]);
  });
});
