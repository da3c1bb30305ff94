import { describe, expect, it } from 'vitest';
import { formatUrlHash, parseUrlHash } from '../../src/state/url-state.ts';

const known = ['boundary', 'clusters', 'construction', 'projects-industry'];
const defaults = ['boundary', 'clusters', 'projects-industry'];

describe('URL hash state', () => {
  it('round-trips view, layers, language and selection', () => {
    const state = {
      view: { center: [117.08123, 36.84456] as [number, number], zoom: 10.2, bearing: 15, pitch: 30 },
      visibleLayers: ['boundary', 'construction'],
      lang: 'en' as const,
      selectedId: 'p-byd',
    };
    const hash = formatUrlHash(state, defaults);
    expect(hash).toBe('#map=10.2/36.84456/117.08123/15/30&l=boundary,construction&lang=en&sel=p-byd');
    expect(parseUrlHash(hash, known)).toEqual(state);
  });

  it('leaves out default layers and a north-up flat view', () => {
    const hash = formatUrlHash({ view: { center: [117, 36.8], zoom: 9, bearing: 0, pitch: 0 }, visibleLayers: [...defaults].reverse() }, defaults);
    expect(hash).toBe('#map=9/36.8/117');
    expect(parseUrlHash(hash, known)).toEqual({ view: { center: [117, 36.8], zoom: 9, bearing: 0, pitch: 0 } });
  });

  it('keeps an empty layer list distinct from "defaults"', () => {
    expect(formatUrlHash({ visibleLayers: [] }, defaults)).toBe('#l=');
    expect(parseUrlHash('#l=', known).visibleLayers).toEqual([]);
  });

  it('ignores malformed and unknown parts instead of throwing', () => {
    expect(parseUrlHash('#map=abc/1/2&l=boundary,evil<script>&lang=fr&sel=', known)).toEqual({ visibleLayers: ['boundary'] });
    expect(parseUrlHash('#map=10/95/117', known)).toEqual({});
    expect(parseUrlHash('', known)).toEqual({});
  });
});

describe('mode in the link', () => {
  it('reads a known mode, ignores an unknown one, and writes only a mode other than Explore', async () => {
    const { parseUrlHash, formatUrlHash } = await import('../../src/state/url-state.ts');
    expect(parseUrlHash('#mode=analyse', []).mode).toBe('analyse');
    expect(parseUrlHash('#mode=admin', []).mode).toBeUndefined();
    expect(formatUrlHash({ mode: 'present' }, [])).toBe('#mode=present');
    expect(formatUrlHash({ mode: 'explore' }, [])).toBe('#');
  });
});
