/**
 * Deck edits as pure operations over plain data: each takes a deck and returns a new deck (never mutating the
 * one given) with the index of the slide to show next, or the reason the edit cannot be made. Out-of-range
 * indices are refused, never clamped into another slide.
 */
import type { Deck, Slide, SlideCamera } from './deck.ts';

export type DeckEditRefusal = 'no-such-slide' | 'last-slide' | 'at-edge';

export type DeckEdit = { ok: true; deck: Deck; index: number } | { ok: false; reason: DeckEditRefusal };

const has = (deck: Deck, index: number): boolean => Number.isInteger(index) && index >= 0 && index < deck.slides.length;

function withSlides(deck: Deck, slides: Slide[], index: number): DeckEdit {
  return { ok: true, deck: { ...deck, slides }, index };
}

/** Inserts `slide` after slide `after` (-1: first); the new slide is shown next. */
export function addSlide(deck: Deck, after: number, slide: Slide): DeckEdit {
  const at = Math.max(0, Math.min(after + 1, deck.slides.length));
  return withSlides(deck, [...deck.slides.slice(0, at), slide, ...deck.slides.slice(at)], at);
}

/** Removes slide `index`; a deck keeps at least one slide. `current` is the slide shown now. */
export function removeSlide(deck: Deck, index: number, current: number): DeckEdit {
  if (!has(deck, index)) return { ok: false, reason: 'no-such-slide' };
  if (deck.slides.length < 2) return { ok: false, reason: 'last-slide' };
  const slides = deck.slides.filter((_slide, position) => position !== index);
  const next = current > index ? current - 1 : current;
  return withSlides(deck, slides, Math.min(next, slides.length - 1));
}

/** Moves slide `index` one place up (`-1`) or down (`+1`); the moved slide is shown next. */
export function moveSlide(deck: Deck, index: number, by: -1 | 1): DeckEdit {
  if (!has(deck, index)) return { ok: false, reason: 'no-such-slide' };
  const target = index + by;
  if (!has(deck, target)) return { ok: false, reason: 'at-edge' };
  const slides = [...deck.slides];
  [slides[index], slides[target]] = [slides[target]!, slides[index]!];
  return withSlides(deck, slides, target);
}

/** Copies slide `index` (deeply) under a new id, right after it; the copy is shown next. */
export function duplicateSlide(deck: Deck, index: number, id: string): DeckEdit {
  const slide = deck.slides[index];
  if (!has(deck, index) || !slide) return { ok: false, reason: 'no-such-slide' };
  return addSlide(deck, index, { ...structuredClone(slide), id });
}

/** Replaces slide `index` with `change(slide)`; the slide shown stays `current`. */
function editSlide(deck: Deck, index: number, current: number, change: (slide: Slide) => Slide): DeckEdit {
  const slide = deck.slides[index];
  if (!has(deck, index) || !slide) return { ok: false, reason: 'no-such-slide' };
  return withSlides(deck, deck.slides.map((item, position) => (position === index ? change(slide) : item)), current);
}

/** Sets the caption of slide `index` in one language. */
export function setCaption(deck: Deck, index: number, current: number, lang: 'zh' | 'en', text: string): DeckEdit {
  return editSlide(deck, index, current, (slide) => ({ ...slide, caption: { ...slide.caption, [lang]: text } }));
}

/** Sets the speaker notes of slide `index` in one language; notes empty in both languages are dropped. */
export function setNotes(deck: Deck, index: number, current: number, lang: 'zh' | 'en', text: string): DeckEdit {
  return editSlide(deck, index, current, (slide) => {
    const notes = { zh: slide.notes?.zh ?? '', en: slide.notes?.en ?? '', [lang]: text };
    const { notes: _old, ...rest } = slide;
    return notes.zh || notes.en ? { ...rest, notes } : rest;
  });
}

/** Turns the spotlight (dim all but the highlighted features) of slide `index` on or off. */
export function setSpotlight(deck: Deck, index: number, current: number, value: boolean): DeckEdit {
  return editSlide(deck, index, current, (slide) => ({ ...slide, spotlight: value }));
}

/** What a new slide captures of the view: the camera, the catalog layers shown, the year, the selected feature. */
export interface ViewCapture {
  camera: SlideCamera;
  /** catalog layer ids in catalog order, with their visibility */
  layers: readonly { id: string; visible: boolean }[];
  year: number;
  /** the id of the feature selected on the map, if any: it becomes the slide's highlight */
  selected: string | null;
}

/** A new slide of the current view, with the given id and placeholder caption. */
export function slideFromView(view: ViewCapture, id: string, caption: { zh: string; en: string }): Slide {
  return {
    id,
    camera: { ...view.camera, center: [...view.camera.center] },
    layers: view.layers.filter((layer) => layer.visible).map((layer) => layer.id),
    year: view.year,
    highlight: view.selected ? [view.selected] : [],
    spotlight: false,
    caption: { ...caption },
  };
}
