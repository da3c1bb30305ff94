/**
 * The indicator bar as a component, on its own with a store the test fills (test/components): what it renders for
 * each kind of figure, the events it fires, and that it re-renders only when what it shows changes.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useHarness } from '../helpers/component-page.ts';

/** Whole-area figures for a basis: shares, and the share of the area the basis does not know (null = unknowable). */
const FIGURES = `(blueGreen, construction, unknown) => {
  const figure = {
    areaKm2: 798, areaHa: 79800, areaMu: 1197000, insideAreaKm2: 798,
    blueGreenKm2: 798 * blueGreen, blueGreenRatio: blueGreen, constructionKm2: 798 * construction, constructionRatio: construction,
    blueGreenTarget: harness.checkTarget(blueGreen, { target: 0.7, op: '>=' }, unknown),
    constructionTarget: harness.checkTarget(construction, { target: 0.3, op: '<=' }, unknown),
    classes: ['water', 'wetland', 'forest', 'park', 'farmland'], issues: [],
  };
  return { ...figure, boundaryKm2: 798 };
}`;

const figureAttributes = (page: Page) => page.evaluate(`[...mounted.element.shadowRoot.querySelectorAll('[data-indicator]')]
  .map((node) => ({ indicator: node.dataset.indicator, value: node.dataset.value, pass: node.dataset.pass ?? null, text: node.textContent.replace(/\\s+/g, ' ').trim() }))`) as Promise<{ indicator: string; value: string; pass: string | null; text: string }[]>;

describe('<plan-indicator-bar> as a component', () => {
  const component = useHarness();

  async function mount(state: string): Promise<void> {
    await component.page.evaluate(`(async () => {
      document.body.replaceChildren();
      const figures = ${FIGURES};
      globalThis.mounted = await harness.mount('plan-indicator-bar', ${state}, ['plan-landuse-open']);
    })()`);
  }

  it('says "computing" with empty values before any figure, and names the schematic basis', async () => {
    await mount('{}');
    const figures = await figureAttributes(component.page);
    expect(figures.map((figure) => [figure.indicator, figure.value])).toEqual([['blue-green', ''], ['construction', '']]);
    expect(await component.page.evaluate('mounted.element.dataset.basis')).toBe('schematic');
  });

  it('on the schematic basis shows lower bounds with data-pass="unknown", no ✓/✗ and no headroom, and a button that asks for the land-use layer', async () => {
    await mount(`{ analysis: { ...harness.initialState('en').analysis, status: 'ready', whole: figures(0.119, 0.03, null) } }`);
    const figures = await figureAttributes(component.page);
    expect(figures.map((figure) => [figure.indicator, figure.value, figure.pass])).toEqual([['blue-green', '0.119', 'unknown'], ['construction', '0.03', 'unknown']]);
    for (const figure of figures) expect(figure.text).not.toMatch(/[✓✗]/);
    expect(await component.page.evaluate(`mounted.element.shadowRoot.querySelectorAll('[data-headroom]').length`)).toBe(0);
    await component.page.locator('plan-indicator-bar [data-action="load-landuse"]').click();
    expect(await component.page.evaluate('mounted.events.map((event) => event.type)')).toEqual(['plan-landuse-open']);
  });

  it('on a land-use basis that decides, shows the verdicts with margin and headroom', async () => {
    const basis = `{ kind: 'landuse', name: 'DLTB', revision: 1 }`;
    await mount(`{ basis: ${basis}, analysis: { ...harness.initialState('en').analysis, basis: ${basis}, status: 'ready', whole: figures(0.72, 0.34, 0) } }`);
    const figures = await figureAttributes(component.page);
    const byKind = Object.fromEntries(figures.map((figure) => [figure.indicator, figure]));
    expect(byKind['blue-green']).toMatchObject({ value: '0.72', pass: 'true' });
    expect(byKind.construction).toMatchObject({ value: '0.34', pass: 'false' });
    expect(byKind['blue-green']!.text).toContain('✓');
    expect(byKind.construction!.text).toContain('✗');
    const headroom = await component.page.evaluate(`[...mounted.element.shadowRoot.querySelectorAll('[data-headroom]')].map((node) => [node.dataset.headroom, Number(node.dataset.value)])`) as [string, number][];
    expect(headroom.map(([kind]) => kind)).toEqual(['blue-green', 'construction']);
    expect(headroom[0]![1]).toBeCloseTo(798 * 0.02, 6);
    expect(headroom[1]![1]).toBeCloseTo(-798 * 0.04, 6);
    expect(await component.page.evaluate('mounted.element.dataset.basis')).toBe('landuse');
  });

  it('re-renders when the figures or the language change, not when another part of the state does', async () => {
    await mount(`{ analysis: { ...harness.initialState('en').analysis, status: 'ready', whole: figures(0.2, 0.1, null) } }`);
    const renders = () => component.page.evaluate('mounted.renders()') as Promise<number>;
    const before = await renders();
    await component.page.evaluate(`(async () => {
      mounted.store.update((state) => ({ ...state, year: 2030, layerOpacity: { clusters: 0.4 }, mode: 'analyse', largeText: true }));
      await mounted.element.updateComplete;
    })()`);
    expect(await renders()).toBe(before);
    await component.page.evaluate(`(async () => {
      mounted.store.update((state) => ({ ...state, lang: 'zh' }));
      await mounted.element.updateComplete;
    })()`);
    expect(await renders()).toBe(before + 1);
    expect((await figureAttributes(component.page))[0]!.text).toContain('蓝绿');
  });
});
