import { describe, expect, it } from 'vitest';
import type { Deck, Slide } from './deck.ts';
import { addSlide, duplicateSlide, moveSlide, removeSlide, setCaption, setNotes, setSpotlight, slideFromView } from './deck-edits.ts';

function slide(id: string): Slide {
  return { id, camera: { center: [117, 36.8], zoom: 10, bearing: 0, pitch: 0 }, layers: ['boundary'], year: 2023, highlight: [], spotlight: false, caption: { zh: `图 ${id}`, en: `Slide ${id}` } };
}

function deck(...ids: string[]): Deck {
  return { title: { zh: '演示', en: 'Deck' }, slides: ids.map(slide) };
}

const ids = (edited: Deck) => edited.slides.map((item) => item.id);

describe('deck edits', () => {
  it('adds a slide after the given one and shows it, leaving the original deck as it was', () => {
    const original = deck('a', 'b');
    const result = addSlide(original, 0, slide('new'));
    expect(result.ok && ids(result.deck)).toEqual(['a', 'new', 'b']);
    expect(result.ok && result.index).toBe(1);
    expect(ids(original)).toEqual(['a', 'b']);
    const first = addSlide(original, -1, slide('first'));
    expect(first.ok && ids(first.deck)).toEqual(['first', 'a', 'b']);
  });

  it('removes a slide, keeps the shown slide where it can and refuses to remove the last one', () => {
    const result = removeSlide(deck('a', 'b', 'c'), 0, 2);
    expect(result.ok && ids(result.deck)).toEqual(['b', 'c']);
    expect(result.ok && result.index).toBe(1);
    const atEnd = removeSlide(deck('a', 'b', 'c'), 2, 2);
    expect(atEnd.ok && atEnd.index).toBe(1);
    expect(removeSlide(deck('a'), 0, 0)).toEqual({ ok: false, reason: 'last-slide' });
    expect(removeSlide(deck('a', 'b'), 5, 0)).toEqual({ ok: false, reason: 'no-such-slide' });
  });

  it('moves a slide up or down and refuses to move past either end', () => {
    const down = moveSlide(deck('a', 'b', 'c'), 0, 1);
    expect(down.ok && ids(down.deck)).toEqual(['b', 'a', 'c']);
    expect(down.ok && down.index).toBe(1);
    const up = moveSlide(deck('a', 'b', 'c'), 2, -1);
    expect(up.ok && ids(up.deck)).toEqual(['a', 'c', 'b']);
    expect(moveSlide(deck('a', 'b'), 0, -1)).toEqual({ ok: false, reason: 'at-edge' });
    expect(moveSlide(deck('a', 'b'), 1, 1)).toEqual({ ok: false, reason: 'at-edge' });
  });

  it('duplicates a slide as a deep copy with a new id', () => {
    const original = deck('a', 'b');
    const result = duplicateSlide(original, 0, 'copy');
    expect(result.ok && ids(result.deck)).toEqual(['a', 'copy', 'b']);
    if (!result.ok) return;
    expect(result.deck.slides[1]!.caption).toEqual(original.slides[0]!.caption);
    expect(result.deck.slides[1]!.camera).not.toBe(original.slides[0]!.camera);
    expect(duplicateSlide(original, 2, 'x')).toEqual({ ok: false, reason: 'no-such-slide' });
  });

  it('edits captions, notes and the spotlight of one slide only', () => {
    const original = deck('a', 'b');
    const caption = setCaption(original, 1, 0, 'en', 'New words');
    expect(caption.ok && caption.deck.slides[1]!.caption).toEqual({ zh: '图 b', en: 'New words' });
    expect(caption.ok && caption.deck.slides[0]).toBe(original.slides[0]);
    expect(caption.ok && caption.index).toBe(0);
    const notes = setNotes(original, 0, 0, 'zh', '讲这里');
    expect(notes.ok && notes.deck.slides[0]!.notes).toEqual({ zh: '讲这里', en: '' });
    const cleared = notes.ok ? setNotes(notes.deck, 0, 0, 'zh', '') : notes;
    expect(cleared.ok && 'notes' in cleared.deck.slides[0]!).toBe(false);
    const spotlight = setSpotlight(original, 0, 0, true);
    expect(spotlight.ok && spotlight.deck.slides[0]!.spotlight).toBe(true);
    expect(setCaption(original, 9, 0, 'zh', 'x')).toEqual({ ok: false, reason: 'no-such-slide' });
  });

  it('captures the view as a slide: visible layers, year and the selected feature as its highlight', () => {
    const camera = { center: [117.1, 36.9] as [number, number], zoom: 11, bearing: 10, pitch: 20 };
    const captured = slideFromView({ camera, layers: [{ id: 'boundary', visible: true }, { id: 'rivers', visible: false }, { id: 'projects', visible: true }], year: 2030, selected: 'p-1' }, 's-1', { zh: '新', en: 'New' });
    expect(captured).toEqual({ id: 's-1', camera, layers: ['boundary', 'projects'], year: 2030, highlight: ['p-1'], spotlight: false, caption: { zh: '新', en: 'New' } });
    expect(captured.camera.center).not.toBe(camera.center);
    expect(slideFromView({ camera, layers: [], year: 2023, selected: null }, 's-2', { zh: '', en: '' }).highlight).toEqual([]);
  });
});
