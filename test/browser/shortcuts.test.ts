import { beforeAll, describe, expect, inject, it } from 'vitest';
import { useBrowser } from '../helpers/use-browser.ts';
import type { AppPage } from '../helpers/app-page.ts';

/*
 * Keyboard help: `?` opens a sheet listing every registered shortcut in the current language (read from the one
 * keyboard registry), Escape closes it; `/` goes to the search box; neither fires while typing in a text field.
 */
describe('keyboard shortcuts sheet', () => {
  const chromium = useBrowser();
  let app: AppPage;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    app = await chromium.open(`${baseUrl}#lang=en`);
  });

  it('opens with ?, lists every registered shortcut with a label, and closes with Escape', async () => {
    const { page } = app;
    // the keyboard help loads after the first map frame
    await expect.poll(() => page.evaluate(`globalThis.__plan.keys.list().some((shortcut) => shortcut.id === 'help.open')`)).toBe(true);
    await page.locator('#map canvas').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('?');
    const dialog = page.locator('plan-shortcuts-sheet dialog');
    await expect.poll(() => dialog.evaluate((element) => (element as HTMLDialogElement).open)).toBe(true);
    const registered = await page.evaluate('globalThis.__plan.keys.list().map((shortcut) => shortcut.id)') as string[];
    const rows = page.locator('plan-shortcuts-sheet tr[data-shortcut]');
    await expect(rows.evaluateAll((items) => items.map((item) => item.getAttribute('data-shortcut')))).resolves.toEqual(registered);
    for (const id of registered) {
      const label = await page.locator(`plan-shortcuts-sheet tr[data-shortcut="${id}"] td`).nth(1).textContent();
      expect(label, id).not.toBe(id);
      expect(label!.length, id).toBeGreaterThan(5);
    }
    expect(registered).toEqual(expect.arrayContaining(['help.open', 'search.focus', 'selection.clear']));
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('plan-shortcuts-sheet').count()).toBe(0);
  });

  it('lists the shortcuts in Chinese when the interface is in Chinese', async () => {
    const { page } = app;
    await expect.poll(() => page.evaluate(`globalThis.__plan.keys.list().some((shortcut) => shortcut.id === 'help.open')`)).toBe(true);
    await page.evaluate(`globalThis.__plan.store.update((s) => ({ ...s, lang: 'zh' }))`);
    await page.locator('#map canvas').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('?');
    await expect.poll(() => page.locator('plan-shortcuts-sheet h2').textContent()).toBe('键盘快捷键');
    await expect(page.locator('plan-shortcuts-sheet tr[data-shortcut="help.open"] td').nth(1).textContent()).resolves.toBe('显示键盘快捷键');
    await page.keyboard.press('Escape');
    await page.evaluate(`globalThis.__plan.store.update((s) => ({ ...s, lang: 'en' }))`);
  });

  it('goes to the search box with /, where ? and / are then typed as text', async () => {
    const { page } = app;
    await expect.poll(() => page.evaluate(`globalThis.__plan.keys.list().some((shortcut) => shortcut.id === 'search.focus')`)).toBe(true);
    await page.locator('#map canvas').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('/');
    await expect.poll(() => page.evaluate(`document.querySelector('plan-search').shadowRoot.activeElement?.tagName`)).toBe('INPUT');
    await page.keyboard.type('a?/');
    await expect(page.locator('plan-search input').inputValue()).resolves.toBe('a?/');
    await expect(page.locator('plan-shortcuts-sheet').count()).resolves.toBe(0);
    await page.locator('plan-search input').fill('');
    expect(app.errors).toEqual([]);
  });
});
