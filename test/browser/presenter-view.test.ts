import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from '../helpers/use-browser.ts';
import { exportedText, recordExportText } from '../helpers/export-text.ts';
import { printHandout, type AppPage } from '../helpers/app-page.ts';
import { builtinDeck } from '../../src/app/presenter/builtin-deck.ts';

/*
 * The presenter in a meeting room: a presenter view in a second window that follows the slides from either window,
 * speaker notes that round-trip through the deck file, a laser pointer on the audience screen, kiosk auto-advance,
 * and the map approval number on the PNG export.
 */

const deck = builtinDeck();

async function openSlides(page: Page): Promise<void> {
  if (await page.locator('plan-deck-panel').count()) return;
  await page.locator('[data-testid=open-slides]').click();
  await page.locator('plan-deck-panel li').first().waitFor();
}

async function stopPresenting(page: Page): Promise<void> {
  if (!(await page.locator('plan-presenter-overlay').count())) return;
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('plan-presenter-overlay').count()).toBe(0);
}

describe('presenter view, notes, pointer, kiosk and statutory marks', () => {
  const chromium = useBrowser();
  let app: AppPage;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    app = await chromium.open(`${baseUrl}#lang=en`, { reducedMotion: 'reduce' });
  });

  it('opens the presenter view as a pop-up that follows next / previous from either window, with the notes', async () => {
    const { page } = app;
    await stopPresenting(page);
    await openSlides(page);
    await page.locator('plan-deck-panel li').first().locator('button').first().click(); // go to slide 1
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.locator('plan-deck-panel [data-action=presenter-view]').click()]);
    const counter = page.locator('[data-testid=slide-counter]');
    const viewCounter = popup.locator('[data-part=counter]');
    const total = deck.slides.length;
    await expect.poll(() => counter.textContent()).toBe(`1 / ${total}`);
    await expect.poll(() => viewCounter.textContent()).toBe(`1 / ${total}`);
    await expect(popup.locator('[data-part=notes]').textContent()).resolves.toBe(deck.slides[0]!.notes!.en);
    await expect(popup.locator('[data-part=next]').textContent()).resolves.toContain(deck.slides[1]!.caption.en);
    // the clicker's key in the presenter view moves the audience screen …
    await popup.keyboard.press('ArrowRight');
    await expect.poll(() => counter.textContent()).toBe(`2 / ${total}`);
    await expect.poll(() => viewCounter.textContent()).toBe(`2 / ${total}`);
    // … and in the main window it moves the presenter view
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => viewCounter.textContent()).toBe(`3 / ${total}`);
    await expect(popup.locator('[data-part=notes]').textContent()).resolves.toBe(deck.slides[2]!.notes!.en);
    await popup.locator('[data-part=previous]').click();
    await expect.poll(() => counter.textContent()).toBe(`2 / ${total}`);
    // notes are for the presenter only: the audience screen never shows them
    await expect(page.locator('plan-presenter-overlay').textContent()).resolves.not.toContain(deck.slides[1]!.notes!.en);
    await page.keyboard.press('Escape');
    await expect.poll(() => popup.isClosed()).toBe(true);
    await expect.poll(() => page.locator('plan-presenter-overlay').count()).toBe(0);
  });

  it('round-trips edited speaker notes through the deck file (format version 2)', async () => {
    const { page } = app;
    await stopPresenting(page);
    await openSlides(page);
    const notes = page.locator('plan-deck-panel li').nth(1).locator('textarea[data-notes=en]');
    await notes.fill('Say: the new bridge opened in 2024.');
    await notes.dispatchEvent('change');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('plan-deck-panel [data-action=export-json]').click()]);
    const text = await readFile(await download.path(), 'utf8');
    const file = JSON.parse(text) as { version: number; deck: { slides: { notes?: { en: string } }[] } };
    expect(file.version).toBe(2);
    expect(file.deck.slides[1]!.notes!.en).toBe('Say: the new bridge opened in 2024.');
    await page.locator('plan-deck-panel [data-action=reset]').click();
    await expect.poll(() => notes.inputValue()).toBe(deck.slides[1]!.notes!.en);
    await page.locator('plan-deck-panel input[data-action=import-json]').setInputFiles({ name: 'deck.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect.poll(() => page.locator('plan-deck-panel li').nth(1).locator('textarea[data-notes=en]').inputValue()).toBe('Say: the new bridge opened in 2024.');
    await page.locator('plan-deck-panel [data-action=reset]').click();
  });

  it('shows a laser pointer and fading ink on the audience screen while L is held, and stores neither', async () => {
    const { page } = app;
    await stopPresenting(page);
    await openSlides(page);
    await page.locator('plan-deck-panel [data-action=present]').click();
    await page.locator('plan-presenter-overlay').waitFor();
    await page.mouse.move(300, 260);
    await page.keyboard.down('l');
    await page.mouse.move(420, 330);
    const laser = page.locator('plan-presenter-overlay [data-testid=laser]');
    await expect.poll(() => laser.count()).toBe(1);
    await expect.poll(async () => laser.evaluate((element) => { const box = element.getBoundingClientRect(); return [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)]; })).toEqual([420, 330]);
    // with the laser held, a drag draws ink on the audience screen that fades away by itself
    await page.mouse.down();
    await page.mouse.move(500, 360, { steps: 4 });
    await page.mouse.up();
    const ink = page.locator('plan-presenter-overlay [data-testid=ink] polyline');
    await expect.poll(() => ink.count()).toBe(1);
    expect((await ink.getAttribute('points'))!.split(' ').length).toBeGreaterThan(2);
    await page.keyboard.up('l');
    await expect.poll(() => laser.count()).toBe(0);
    await expect.poll(() => ink.count(), { timeout: 15_000 }).toBe(0);
    const saved = await page.evaluate(() => localStorage.getItem('jinan-plan:deck') ?? '');
    expect(saved).not.toMatch(/laser|pointer/);
    await page.keyboard.press('Escape');
  });

  it('advances by itself in kiosk mode and stops at the first key', async () => {
    const { page } = app;
    await stopPresenting(page);
    await openSlides(page);
    await page.locator('plan-deck-panel [data-input=kiosk-seconds]').fill('3');
    await page.locator('plan-deck-panel [data-input=kiosk-seconds]').dispatchEvent('change');
    await page.locator('plan-deck-panel [data-action=kiosk]').click();
    const counter = page.locator('[data-testid=slide-counter]');
    await counter.waitFor();
    const first = await counter.textContent();
    await expect.poll(() => counter.textContent(), { timeout: 20_000 }).not.toBe(first);
    await page.keyboard.press('Shift');
    await expect.poll(() => page.locator('[role=status]').first().textContent()).toContain('Kiosk mode stopped');
    await page.keyboard.press('Escape');
  });

  it('prints the map approval number, the data date and the indicator basis on the PNG when set', { timeout: 180_000 }, async () => {
    const { page } = app;
    await stopPresenting(page);
    await openSlides(page);
    const input = page.locator('plan-deck-panel [data-input=approval]');
    await input.fill('GS(2026)0001');
    await input.dispatchEvent('change');
    await recordExportText(page);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 170_000 }),
      page.locator('plan-deck-panel [data-action=png-full]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    const drawn = (await exportedText(page)).join('\n');
    expect(drawn).toContain('Map approval number: GS(2026)0001');
    expect(drawn).toMatch(/Data as of \d{4}-\d{2}-\d{2}/);
    expect(drawn).toContain('Indicator basis: this map’s schematic layers');
    // blank by default: cleared, it is not printed
    await input.fill('');
    await input.dispatchEvent('change');
    await expect.poll(() => page.evaluate(() => localStorage.getItem('jinan-plan:approval-number'))).toContain('""');
    expect(app.errors).toEqual([]);
  });

  it('prints a handout: one A4 page per slide (map, caption, notes) and one atlas page per cluster', { timeout: 180_000 }, async () => {
    const { page } = app;
    await stopPresenting(page);
    await openSlides(page);
    await expect.poll(() => page.evaluate('globalThis.__plan.store.getState().analysis.status'), { timeout: 60_000 }).toBe('ready');
    await printHandout(page, 120_000);
    const clusters = await page.evaluate(`globalThis.__plan.store.getState().data.structure.features.filter((f) => f.properties.kind === 'cluster').length`) as number;
    const sheets = page.locator('#plan-handout .handout-page');
    await expect(sheets.count()).resolves.toBe(deck.slides.length + clusters);
    await expect(page.locator('#plan-handout .handout-slide').first().locator('.handout-notes').textContent()).resolves.toBe(deck.slides[0]!.notes!.en);
    await expect(page.locator('#plan-handout .handout-cluster').first().locator('.handout-figures dd').first().textContent()).resolves.toMatch(/%.*target ≥ 70%/);
    for (const image of await page.locator('#plan-handout img').evaluateAll((items) => items.map((item) => (item as HTMLImageElement).src.slice(0, 22)))) {
      expect(image).toBe('data:image/png;base64,');
    }
    // the print stylesheet puts each of them on its own A4 page
    const pdf = await page.pdf({ preferCSSPageSize: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBe(deck.slides.length + clusters);
  });
});

