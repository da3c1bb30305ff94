import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { initialState } from '../../src/state/plan-state.ts';
import type { PlanState } from '../../src/state/plan-state.ts';
import type { Deck, Slide } from '../../src/core/deck/deck.ts';
import {
  beginStroke, clearSlideHighlight, currentSlide, deckLoaded, dropStroke, extendStroke, highlightedFeatures, movePointer,
  setApprovalNumber, setBlank, setPanelOpen, setDeck, setLaser, setNotesStrip, setPresenterView, showSlide, slideText, startKiosk,
  startPresenting, stopKiosk, stopPresenting,
} from '../../src/state/presenter-state.ts';

const KNOWN = ['boundary', 'rivers', 'projects'];

function slide(id: string, patch: Partial<Slide> = {}): Slide {
  return { id, camera: { center: [117, 36.8], zoom: 10, bearing: 0, pitch: 0 }, layers: ['boundary'], year: 2023, highlight: [], spotlight: false, caption: { zh: `图 ${id}`, en: `Slide ${id}` }, ...patch };
}

const DECK: Deck = {
  title: { zh: '演示', en: 'Deck' },
  slides: [slide('a'), slide('b', { layers: ['rivers', 'projects', 'no-such-layer'], year: 2030, highlight: ['p-1'], spotlight: true, notes: { zh: '', en: 'Say this' } })],
};

const loaded = (): PlanState => deckLoaded(initialState('zh'), DECK, null, '');

describe('presenter slice', () => {
  it('starts with no deck, nothing presenting and no highlight', () => {
    const { presenter } = initialState('en');
    expect(presenter.deck).toBeNull();
    expect(presenter.presenting).toBe(false);
    expect(presenter.highlight).toEqual({ ids: [], spotlight: false });
    expect(currentSlide(presenter)).toBeUndefined();
  });

  it('shows a slide: its layers only (known ones), its year and its highlight, and keeps the index in range', () => {
    const state = showSlide(loaded(), 1, KNOWN);
    expect(state.presenter.index).toBe(1);
    expect(state.layerVisibility).toEqual({ boundary: false, rivers: true, projects: true });
    expect(state.year).toBe(2030);
    expect(state.presenter.highlight).toEqual({ ids: ['p-1'], spotlight: true });
    expect(showSlide(loaded(), 99, KNOWN).presenter.index).toBe(1);
    expect(showSlide(loaded(), -3, KNOWN).presenter.index).toBe(0);
    const none = initialState('zh');
    expect(showSlide(none, 0, KNOWN)).toBe(none);
    expect(clearSlideHighlight(state).presenter.highlight).toEqual({ ids: [], spotlight: false });
    expect(clearSlideHighlight(state).presenter.index).toBe(1);
  });

  it('starts a fresh slice, every mode off, when a deck is loaded', () => {
    const busy = setPanelOpen(startKiosk(loaded(), 5), true);
    const again = deckLoaded(busy, DECK, 'raw', '审字(2026)1号').presenter;
    expect(again).toMatchObject({ deck: DECK, index: 0, backup: 'raw', approvalNumber: '审字(2026)1号', presenting: false, panelOpen: false, kiosk: null });
  });

  it('replaces the deck keeping the index in range, and returns the same state for a change that changes nothing', () => {
    const state = setDeck(loaded(), { ...DECK, slides: [slide('only')] }, 4);
    expect(state.presenter.index).toBe(0);
    const same = loaded();
    expect(setBlank(same, false)).toBe(same);
    expect(setApprovalNumber(same, `  ${'审'.repeat(80)}  `).presenter.approvalNumber).toHaveLength(60);
  });

  it('ends every presenting mode with the presentation, and keeps the notes-strip choice', () => {
    let state = startPresenting(loaded(), 1);
    expect(state.presenter.presenting).toBe(true);
    expect(state.presenter.index).toBe(1);
    expect(startPresenting(state, 0)).toBe(state);
    state = showSlide(state, 1, KNOWN);
    state = setNotesStrip(setPresenterView(startKiosk(setBlank(state, true), 5), true), true);
    state = beginStroke(setLaser(state, true, { x: 3, y: 4 }), 1, 3, 4);
    expect(state.presenter.kiosk).toEqual({ seconds: 5 });
    expect(state.presenter.pointer).toEqual({ x: 3, y: 4 });
    const stopped = stopPresenting(state).presenter;
    expect(stopped).toMatchObject({ presenting: false, blank: false, presenterView: false, kiosk: null, laser: false, pointer: null, strokes: [], notesStrip: true });
    expect(stopped.highlight).toEqual({ ids: [], spotlight: false });
  });

  it('starts presenting with the presenter view, the notes strip or kiosk mode, whose interval is kept within 3..600 s', () => {
    expect(setPresenterView(loaded(), true).presenter.presenting).toBe(true);
    expect(setPresenterView(loaded(), false).presenter.presenting).toBe(false);
    expect(setNotesStrip(loaded(), true).presenter.presenting).toBe(true);
    expect(startKiosk(loaded(), 1).presenter.kiosk).toEqual({ seconds: 3 });
    expect(startKiosk(loaded(), 5000).presenter.kiosk).toEqual({ seconds: 600 });
    expect(startKiosk(loaded(), Number.NaN).presenter.kiosk).toEqual({ seconds: 20 });
    expect(stopKiosk(startKiosk(loaded(), 9)).presenter).toMatchObject({ kiosk: null, presenting: true });
  });

  it('draws ink only with the laser on, stroke by stroke, and drops faded strokes', () => {
    const idle = startPresenting(loaded());
    expect(setLaser(loaded(), true)).toEqual(loaded()); // not presenting: no laser
    expect(beginStroke(idle, 1, 0, 0)).toBe(idle);
    expect(movePointer(idle, 5, 5)).toBe(idle);
    let state = setLaser(idle, true, { x: 1, y: 1 });
    state = movePointer(state, 10, 20);
    expect(state.presenter.pointer).toEqual({ x: 10, y: 20 });
    state = extendStroke(extendStroke(beginStroke(state, 7, 10, 20), 7, 11, 21), 7, 12, 22);
    state = beginStroke(state, 8, 0, 0);
    expect(state.presenter.strokes.map((stroke) => stroke.points.length)).toEqual([3, 1]);
    state = setLaser(state, false);
    expect(state.presenter.pointer).toBeNull();
    expect(state.presenter.strokes).toHaveLength(2);
    state = dropStroke(state, 7);
    expect(state.presenter.strokes.map((stroke) => stroke.id)).toEqual([8]);
    expect(dropStroke(state, 7)).toBe(state);
  });

  it('finds the highlighted features across layers and dims the rest only when something was found', () => {
    const point = (id: string) => ({ type: 'Feature' as const, properties: { id }, geometry: { type: 'Point' as const, coordinates: [117, 36] } });
    const data: Record<string, FeatureCollection> = { projects: { type: 'FeatureCollection', features: [point('p-1'), point('p-2')] }, crossings: { type: 'FeatureCollection', features: [point('c-1')] } };
    expect(highlightedFeatures(data, { ids: ['p-2', 'c-1'], spotlight: true }).features.map((feature) => feature.properties?.['id'])).toEqual(['p-2', 'c-1']);
    expect(highlightedFeatures(data, { ids: ['gone'], spotlight: true })).toEqual({ features: [], spotlight: false });
  });

  it('reads captions and notes in the language asked, falling back to the other', () => {
    const [first, second] = DECK.slides;
    expect(slideText(first, 'en', 'caption')).toBe('Slide a');
    expect(slideText(second, 'zh', 'notes')).toBe('Say this');
    expect(slideText(first, 'zh', 'notes')).toBe('');
    expect(slideText(undefined, 'zh', 'caption')).toBe('');
  });
});
