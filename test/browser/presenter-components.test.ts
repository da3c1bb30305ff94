/**
 * The slides panel and the audience overlay as components, each on its own with a store the test fills
 * (test/components): what they show of the presenter slice, the actions they ask for, and that they re-render
 * only when what they show changes.
 */
import { describe, expect, it } from 'vitest';
import { useHarness } from '../helpers/component-page.ts';

const slide = (id: string, year: number, notes?: string) => ({
  id, camera: { center: [117.1, 36.9], zoom: 10, bearing: 0, pitch: 0 }, layers: ['boundary'], year, highlight: [], spotlight: false,
  caption: { zh: `第${id}页`, en: `Caption ${id}` }, ...(notes ? { notes: { zh: '', en: notes } } : {}),
});
const DECK = { title: { zh: '演示', en: 'Deck' }, slides: [slide('a', 2023, 'Say a'), slide('b', 2030), slide('c', 2035)] };

describe('presenter components', () => {
  const component = useHarness();

  /** Mounts `tag` with the deck in the presenter slice, `presenter` overriding its fields. */
  async function mount(tag: string, presenter: Record<string, unknown>, events: string[] = []): Promise<void> {
    await component.page.evaluate(`(async () => {
      document.body.replaceChildren();
      const presenter = { ...harness.initialState('en').presenter, deck: ${JSON.stringify(DECK)}, ...${JSON.stringify(presenter)} };
      globalThis.mounted = await harness.mount('${tag}', { presenter }, ${JSON.stringify(events)});
    })()`);
  }

  const update = (change: string) => component.page.evaluate(`(async () => {
    mounted.store.update((state) => (${change}));
    await mounted.element.updateComplete;
  })()`);
  const renders = () => component.page.evaluate('mounted.renders()') as Promise<number>;
  const shadowText = (selector: string) => component.page.evaluate(`mounted.element.shadowRoot.querySelector(${JSON.stringify(selector)})?.textContent.trim() ?? null`) as Promise<string | null>;

  it('the panel lists the deck, marks the slide shown and asks for edits by index', async () => {
    await mount('plan-deck-panel', { index: 1 }, ['plan-deck-action']);
    expect(await component.page.evaluate(`[...mounted.element.shadowRoot.querySelectorAll('li')].map((li) => [li.dataset.slide, li.getAttribute('aria-current')])`))
      .toEqual([['a', 'false'], ['b', 'true'], ['c', 'false']]);
    expect(await component.page.locator('plan-deck-panel [data-action=download-backup]').count()).toBe(0);
    await component.page.locator('plan-deck-panel li').nth(2).getByRole('button', { name: 'Move up' }).click();
    await component.page.locator('plan-deck-panel [data-action=present]').click();
    expect(await component.page.evaluate('mounted.events.map((event) => event.detail)')).toEqual([{ type: 'up', index: 2 }, { type: 'present' }]);
  });

  it('the panel shows the busy export, the backup and the approval number from the slice', async () => {
    await mount('plan-deck-panel', { busy: true, backup: '{"broken"', approvalNumber: '鲁S(2026)001号' });
    expect(await component.page.locator('plan-deck-panel [data-action=png-full]').isDisabled()).toBe(true);
    expect(await component.page.locator('plan-deck-panel [data-action=download-backup]').count()).toBe(1);
    expect(await component.page.locator('plan-deck-panel [data-input=approval]').inputValue()).toBe('鲁S(2026)001号');
  });

  it('the panel re-renders when the deck or the slide shown changes, not for the laser, the year or the layers', async () => {
    await mount('plan-deck-panel', { presenting: true });
    const before = await renders();
    await update(`{ ...state, year: 2035, layerVisibility: { boundary: false }, presenter: { ...state.presenter, laser: true, pointer: { x: 4, y: 5 }, strokes: [{ id: 1, points: [[1, 2]] }] } }`);
    expect(await renders()).toBe(before);
    await update(`{ ...state, presenter: { ...state.presenter, index: 2 } }`);
    expect(await renders()).toBe(before + 1);
  });

  it('the overlay shows the caption and counter of the slide shown; notes only in the notes strip', async () => {
    await mount('plan-presenter-overlay', { presenting: true, index: 0 });
    expect(await shadowText('[data-testid=slide-counter]')).toBe('1 / 3');
    expect(await shadowText('[data-testid=slide-caption]')).toBe('Caption a');
    expect(await shadowText('[data-testid=notes-strip]')).toBeNull();
    await update(`{ ...state, presenter: { ...state.presenter, notesStrip: true } }`);
    expect(await shadowText('[data-testid=notes-strip]')).toBe('Say a');
    await update(`{ ...state, presenter: { ...state.presenter, index: 1 } }`);
    expect(await shadowText('[data-testid=notes-strip]')).not.toBe('Say a');
    expect(await shadowText('[data-testid=slide-caption]')).toBe('Caption b');
  });

  it('the overlay draws the blank screen, the laser only while it is on, and the ink strokes', async () => {
    await mount('plan-presenter-overlay', { presenting: true, pointer: { x: 40, y: 50 }, laser: false }, ['plan-present-exit']);
    expect(await component.page.locator('plan-presenter-overlay [data-testid=laser]').count()).toBe(0);
    await update(`{ ...state, presenter: { ...state.presenter, laser: true, strokes: [{ id: 3, points: [[1, 2], [3, 4]] }] } }`);
    expect(await component.page.locator('plan-presenter-overlay [data-testid=laser]').count()).toBe(1);
    expect(await component.page.locator('plan-presenter-overlay [data-testid=ink] polyline').getAttribute('points')).toBe('1,2 3,4');
    await component.page.locator('plan-presenter-overlay button').click();
    expect(await component.page.evaluate('mounted.events.map((event) => event.type)')).toEqual(['plan-present-exit']);
    await update(`{ ...state, presenter: { ...state.presenter, blank: true } }`);
    expect(await component.page.locator('plan-presenter-overlay [data-testid=blank-screen]').count()).toBe(1);
  });

  it('the overlay re-renders when what it shows changes, not for the panel, the approval number or the year', async () => {
    await mount('plan-presenter-overlay', { presenting: true });
    const before = await renders();
    await update(`{ ...state, year: 2030, presenter: { ...state.presenter, panelOpen: true, approvalNumber: 'x', busy: true, pointer: { x: 1, y: 1 } } }`);
    expect(await renders()).toBe(before);
    await update(`{ ...state, lang: 'zh' }`);
    expect(await renders()).toBe(before + 1);
    expect(await shadowText('[data-testid=slide-caption]')).toBe('第a页');
  });
});
