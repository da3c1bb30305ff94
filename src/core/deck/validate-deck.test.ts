import { describe, expect, it } from 'vitest';
import { parseDeckFile, toDeckFile, validateDeck, validateDeckFile } from './validate-deck.ts';
import type { Deck, Slide } from './deck.ts';

const rules = { knownLayers: ['boundary', 'clusters'], years: [2023, 2025, 2030, 2035] };

function slide(overrides: Partial<Slide> = {}): Slide {
  return {
    id: 's1',
    camera: { center: [117.08, 36.84], zoom: 9.6, bearing: 0, pitch: 0 },
    layers: ['boundary'],
    year: 2023,
    highlight: ['boundary'],
    spotlight: false,
    caption: { zh: '起步区', en: 'The area' },
    ...overrides,
  };
}

function deck(slides: Slide[] = [slide()]): Deck {
  return { title: { zh: '标题', en: 'Title' }, slides };
}

describe('validateDeckFile', () => {
  it('accepts a well-formed deck file and round-trips it', () => {
    const file = toDeckFile(deck([slide(), slide({ id: 's2', year: 2035, source: '002' })]));
    const result = validateDeckFile(JSON.parse(JSON.stringify(file)), rules);
    expect(result).toEqual({ ok: true, deck: file.deck });
  });

  it('refuses text that is not JSON', () => {
    const result = parseDeckFile('{not json', rules);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]).toMatchObject({ path: '(file)', reason: 'not-json' });
  });

  it('refuses another format or version', () => {
    expect(validateDeckFile({ format: 'geojson', version: 1, deck: deck() }, rules)).toMatchObject({ ok: false, issues: [{ reason: 'wrong-format' }] });
    expect(validateDeckFile({ format: 'jinan-plan-deck', version: 9, deck: deck() }, rules)).toMatchObject({ ok: false, issues: [{ reason: 'unsupported-version', detail: '9' }] });
  });

  it('lists every problem with its path', () => {
    const bad = deck([
      slide({ camera: { center: [500, 36], zoom: 9, bearing: 0, pitch: 0 } }),
      { ...slide({ id: 's2', layers: ['nope'], year: 2024 }), caption: { zh: 3 } } as unknown as Slide,
    ]);
    const result = validateDeck(bad, rules);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.issues.map((issue) => `${issue.path}:${issue.reason}`);
    expect(paths).toEqual([
      'deck.slides[0].camera.center.lng:out-of-range',
      'deck.slides[1].layers[0]:unknown-layer',
      'deck.slides[1].year:unknown-year',
      'deck.slides[1].caption.zh:not-string',
      'deck.slides[1].caption.en:missing',
    ]);
  });

  it('refuses an empty deck, duplicate ids and a missing camera', () => {
    expect(validateDeck(deck([]), rules)).toMatchObject({ ok: false, issues: [{ path: 'deck.slides', reason: 'empty' }] });
    const duplicate = validateDeck(deck([slide(), slide()]), rules);
    expect(duplicate).toMatchObject({ ok: false, issues: [{ path: 'deck.slides[1].id', reason: 'duplicate-id' }] });
    const { camera: _camera, ...noCamera } = slide();
    expect(validateDeck(deck([noCamera as Slide]), rules)).toMatchObject({ ok: false, issues: [{ path: 'deck.slides[0].camera', reason: 'missing' }] });
  });

  it('drops unknown keys and does not mutate its input', () => {
    const input = { ...deck(), extra: true, slides: [{ ...slide(), evil: '<script>' }] };
    const copy = structuredClone(input);
    const result = validateDeck(input, rules);
    expect(result.ok).toBe(true);
    if (result.ok) expect(Object.keys(result.deck.slides[0])).not.toContain('evil');
    expect(input).toEqual(copy);
  });
});

describe('speaker notes (deck format version 2)', () => {
  it('writes version 2 and round-trips notes in both languages', () => {
    const file = toDeckFile(deck([slide({ notes: { zh: '先讲黄河。', en: 'Start with the river.' } })]));
    expect(file.version).toBe(2);
    const result = parseDeckFile(JSON.stringify(file), rules);
    expect(result).toEqual({ ok: true, deck: file.deck });
  });

  it('still loads a version 1 file, which has no notes', () => {
    const result = validateDeckFile({ format: 'jinan-plan-deck', version: 1, deck: deck() }, rules);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.deck.slides[0]!.notes).toBeUndefined();
  });

  it('accepts notes in one language only, drops empty notes, and refuses notes that are not text', () => {
    const one = validateDeck(deck([slide({ notes: { zh: '', en: 'Only English' } })]), rules);
    expect(one.ok && one.deck.slides[0]!.notes).toEqual({ zh: '', en: 'Only English' });
    const empty = validateDeck(deck([slide({ notes: { zh: '', en: '' } })]), rules);
    expect(empty.ok && empty.deck.slides[0]!.notes).toBeUndefined();
    const bad = validateDeck({ ...deck(), slides: [{ ...slide(), notes: { zh: 3 } }] }, rules);
    expect(bad).toMatchObject({ ok: false, issues: [{ path: 'deck.slides[0].notes.zh', reason: 'not-string' }] });
    const long = validateDeck(deck([slide({ notes: { zh: 'x'.repeat(6000), en: '' } })]), rules);
    expect(long).toMatchObject({ ok: false, issues: [{ reason: 'too-long' }] });
  });
});
