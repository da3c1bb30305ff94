import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinDeck } from '../../src/app/presenter/builtin-deck.ts';
import { validateDeck } from '../../src/core/deck/validate-deck.ts';
import { TIMELINE_YEARS } from '../../src/core/timeline/status-in-year.ts';
import { CATALOG_LAYERS } from '../../src/state/layer-catalog.ts';

function geodataIds(): Set<string> {
  const ids = new Set<string>();
  for (const file of readdirSync('geodata').filter((name) => name.endsWith('.geojson'))) {
    const collection = JSON.parse(readFileSync(`geodata/${file}`, 'utf8')) as { features: { properties: { id: string } }[] };
    for (const feature of collection.features) ids.add(feature.properties.id);
  }
  return ids;
}

describe('the built-in story deck', () => {
  const deck = builtinDeck();

  it('tells the story in 8–12 slides', () => {
    expect(deck.slides.length).toBeGreaterThanOrEqual(8);
    expect(deck.slides.length).toBeLessThanOrEqual(12);
  });

  it('passes the deck validator against the current layer catalog and timeline', () => {
    const result = validateDeck(deck, { knownLayers: CATALOG_LAYERS.map((layer) => layer.id), years: TIMELINE_YEARS });
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it('only highlights features that exist in geodata/', () => {
    const ids = geodataIds();
    const missing = deck.slides.flatMap((slide) => slide.highlight.filter((id) => !ids.has(id)).map((id) => `${slide.id}: ${id}`));
    expect(missing).toEqual([]);
  });

  it('cites a plan document on every slide and has captions in both languages', () => {
    for (const slide of deck.slides) {
      expect(slide.source).toMatch(/00[1-4]_[0-9a-f]{16}\.txt/);
      expect(slide.caption.zh.length).toBeGreaterThan(10);
      expect(slide.caption.en.length).toBeGreaterThan(10);
      expect(slide.layers.length).toBeGreaterThan(0);
    }
  });

  it('covers the three steps of the timeline', () => {
    expect(deck.slides.map((slide) => slide.year)).toEqual(expect.arrayContaining([2025, 2030, 2035]));
  });
});
