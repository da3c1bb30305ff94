/**
 * `<plan-landuse-panel>` as a component, on its own with a store the test fills (test/components): a store
 * holding a land-use slice. It renders what the slice says (the reading's progress, the question,
 * the accepted layer and its classes, "Use for indicators"), re-renders when the slice changes, emits its
 * events, and has no serious accessibility violation.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from '../helpers/use-browser.ts';
import { openHarness } from '../helpers/component-page.ts';
import { seriousViolations } from '../helpers/axe.ts';

const SUMMARY = {
  name: '用地现状', featureCount: 3, recordCount: 3, fields: ['DLBM', 'DLMC'], sampleNames: ['水田'],
  crs: { crs: { id: 'EPSG:4527', label: 'CGCS2000 / 3-degree Gauss-Kruger zone 39', definition: '', geographic: false }, source: 'prj' },
  choice: { system: 'third-survey-2017', codeField: 'DLBM', nameField: 'DLMC' }, choiceSource: 'detected',
  candidates: [{ system: 'third-survey-2017', codeField: 'DLBM', nameField: 'DLMC', matched: 3, total: 3 }],
  classes: [
    { key: 'third-survey-2017:0101', landUseClass: { system: 'third-survey-2017', code: '0101', name: '水田', nameEn: 'Paddy field', colour: '#FFFF64' }, group: 'farmland', parcelCount: 2 },
    { key: 'unknown:9999', landUseClass: null, group: null, parcelCount: 1, unknown: { code: '9999', names: ['其他'] } },
  ],
  declaredAreas: null, deductedParcels: 0,
  placement: { extent: [117, 36.7, 117.1, 36.8], overlapsArea: true, distanceKm: 0, direction: null },
};

const EVENTS = ['plan-landuse-files', 'plan-landuse-settings', 'plan-landuse-use', 'plan-landuse-confirm', 'plan-landuse-cancel'];

/** Changes the mounted panel's land-use slice (as the session's actions would). */
const setSlice = (page: Page, slice: object) => page.evaluate(`mounted.store.update((state) => ({ ...state, landuse: { ...state.landuse, ...${JSON.stringify(slice)} } }))`);
const events = (page: Page) => page.evaluate('mounted.events') as Promise<{ type: string; detail: Record<string, unknown> }[]>;

describe('land-use panel (component)', () => {
  const chromium = useBrowser();

  it('renders the slice, follows its changes and emits its events', async () => {
    const page = await openHarness(chromium.browser, { bypassCSP: true });
    await page.evaluate(`(async () => {
      document.body.replaceChildren();
      globalThis.mounted = await harness.mount('plan-landuse-panel', {}, ${JSON.stringify(EVENTS)});
    })()`);
    const panel = page.locator('plan-landuse-panel');
    // nothing read yet: the choosers, enabled; no layer, no progress
    await expect.poll(() => panel.locator('[data-testid="landuse-file"]').count()).toBe(1);
    expect(await panel.locator('[data-testid="landuse-file"]').isDisabled()).toBe(false);
    expect(await panel.locator('h3').count()).toBe(0);
    expect(await panel.locator('[data-testid="landuse-progress"]').count()).toBe(0);

    // a reading under way: progress with the parcels counted, the choosers disabled, a cancel button
    await setSlice(page, { reading: { progress: 0.4, parcels: { read: 1200, total: 3000 } } });
    await expect.poll(() => panel.locator('[data-testid="landuse-progress"] progress').evaluate((element) => (element as HTMLProgressElement).value)).toBeCloseTo(0.4);
    expect(await panel.locator('[data-testid="landuse-progress"] [data-read]').getAttribute('data-read')).toBe('1200');
    expect(await panel.locator('[data-testid="landuse-file"]').isDisabled()).toBe(true);
    await panel.locator('[data-testid="landuse-cancel"]').click();

    // a delivery with several layers: the question, with its reason
    await setSlice(page, { reading: null, question: { reason: 'several-classified', layers: [] } });
    await expect.poll(() => panel.locator('[data-testid="landuse-question"]').getAttribute('data-reason')).toBe('several-classified');

    // the accepted layer: its name, classes (one row each), the classification in force, "Use for indicators" off
    await setSlice(page, { question: null, summary: SUMMARY, messages: [{ severity: 'warning', text: '1 parcel has a code of no known class' }] });
    await expect.poll(() => panel.locator('h3').first().textContent()).toBe('用地现状');
    expect(await panel.locator('tbody tr').count()).toBe(2);
    expect(await panel.locator('[data-testid="landuse-choice"]').getAttribute('data-source')).toBe('detected');
    expect(await panel.locator('.messages li.warning').textContent()).toBe('1 parcel has a code of no known class');
    const use = panel.locator('[data-testid="landuse-use"]');
    expect(await use.getAttribute('aria-pressed')).toBe('false');
    await use.click();
    await setSlice(page, { inUse: true });
    await expect.poll(() => use.getAttribute('aria-pressed')).toBe('true');
    await panel.locator('[data-testid="landuse-crs"]').selectOption('EPSG:4326');

    expect(await events(page)).toEqual([
      { type: 'plan-landuse-cancel', detail: {} },
      { type: 'plan-landuse-use', detail: { use: true } },
      { type: 'plan-landuse-settings', detail: { crsId: 'EPSG:4326' } },
    ]);
    // the panel only emitted: the slice is still what the test put there
    expect(await page.evaluate('mounted.store.getState().landuse.inUse')).toBe(true);
    expect(await page.evaluate('mounted.store.getState().landuse.summary.name')).toBe('用地现状');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
