import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyUrlState, formatUrlHash, parseUrlHash, urlStateOf } from '../../src/state/url-state.ts';
import type { UrlState } from '../../src/state/url-state.ts';
import { initialState } from '../../src/state/plan-state.ts';
import type { PlanState } from '../../src/state/plan-state.ts';
import { applySavedSettings } from '../../src/state/saved-settings.ts';
import { TIMELINE_YEARS } from '../../src/core/timeline/status-in-year.ts';

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
  it('reads a known mode, ignores an unknown one, and writes only a mode other than Explore', () => {
    expect(parseUrlHash('#mode=analyse', []).mode).toBe('analyse');
    expect(parseUrlHash('#mode=admin', []).mode).toBeUndefined();
    expect(formatUrlHash({ mode: 'present' }, [])).toBe('#mode=present');
    expect(formatUrlHash({ mode: 'explore' }, [])).toBe('#');
  });
});

describe('the rest of the view in the link: opacity, year, basis, compare, large text', () => {
  it('writes each only when it differs from the default', () => {
    const hash = formatUrlHash({
      layerOpacity: { clusters: 0.5, boundary: 1, construction: 0 }, year: 2030, basis: 'landuse', largeText: true,
      compare: { layout: 'swipe', position: 0.5, left: { basis: 'schematic', whatIf: false, year: 2023 }, right: { basis: 'schematic', whatIf: true, year: 2030 } },
    }, defaults);
    expect(hash).toBe('#op=clusters:0.5,construction:0&year=2030&basis=landuse&cmp=swipe/0.5/schematic.plan.2023/schematic.whatif.2030&large=1');
    expect(formatUrlHash({ layerOpacity: { clusters: 1 }, year: 2023, basis: 'schematic', largeText: false }, defaults)).toBe('#');
  });

  it('reads them back', () => {
    expect(parseUrlHash('#op=clusters:0.5,construction:0&year=2030&basis=landuse&cmp=side-by-side/0.25/landuse.plan.2035/schematic.whatif.2023&large=1', known)).toEqual({
      layerOpacity: { clusters: 0.5, construction: 0 }, year: 2030, basis: 'landuse', largeText: true,
      compare: { layout: 'side-by-side', position: 0.25, left: { basis: 'landuse', whatIf: false, year: 2035 }, right: { basis: 'schematic', whatIf: true, year: 2023 } },
    });
  });

  it('ignores malformed parts, each on its own', () => {
    const parsed = parseUrlHash('#op=clusters:2,boundary:-0.1,evil:0.5,construction:abc,:0.3,projects-industry:0x1,clusters&year=2031'
      + '&basis=cadastre&cmp=swipe/0.5/schematic.plan.2023&large=yes&lang=en', known);
    expect(parsed).toEqual({ lang: 'en' });
    const compares = ['swipe/1.5/schematic.plan.2023/schematic.whatif.2030', 'slide/0.5/schematic.plan.2023/schematic.whatif.2030',
      'swipe/0.5/schematic.plan.2023/schematic.whatif.2030/extra', 'swipe/0.5/schematic.plan.2024/schematic.whatif.2030',
      'swipe/0.5/osm.plan.2023/schematic.whatif.2030', 'swipe/0.5/schematic.both.2023/schematic.whatif.2030',
      'swipe/0.5/schematic.plan.2023.1/schematic.whatif.2030', 'swipe//schematic.plan.2023/schematic.whatif.2030', 'swipe/ 0.5/schematic.plan.2023/schematic.whatif.2030'];
    for (const cmp of compares) expect(parseUrlHash(`#cmp=${cmp}`, known), cmp).toEqual({});
    expect(parseUrlHash('#large=0', known)).toEqual({ largeText: false });
  });
});

const coordinate = (max: number, digits: number) => fc.integer({ min: -max * 10 ** digits, max: max * 10 ** digits }).map((value) => value / 10 ** digits || 0);
const view = fc.record({
  center: fc.tuple(coordinate(180, 5), coordinate(90, 5)),
  zoom: fc.integer({ min: 0, max: 2400 }).map((value) => value / 100),
  bearing: coordinate(180, 1),
  pitch: fc.integer({ min: 0, max: 850 }).map((value) => value / 10),
});
const side = fc.record({ basis: fc.constantFrom('schematic' as const, 'landuse' as const), whatIf: fc.boolean(), year: fc.constantFrom(...TIMELINE_YEARS) });
const urlState: fc.Arbitrary<UrlState> = fc.record({
  view,
  visibleLayers: fc.subarray([...known].sort()).filter((layers) => layers.join(',') !== [...defaults].sort().join(',')),
  layerOpacity: fc.dictionary(fc.constantFrom(...known), fc.integer({ min: 0, max: 99 }).map((value) => value / 100)),
  year: fc.constantFrom(...TIMELINE_YEARS.filter((year) => year !== 2023)),
  basis: fc.constant('landuse' as const),
  compare: fc.record({ layout: fc.constantFrom('swipe' as const, 'side-by-side' as const), position: fc.integer({ min: 0, max: 100 }).map((value) => value / 100), left: side, right: side }),
  largeText: fc.constant(true),
  lang: fc.constantFrom('zh' as const, 'en' as const),
  selectedId: fc.string({ minLength: 1, unit: 'grapheme' }),
  mode: fc.constantFrom('analyse' as const, 'present' as const),
}, { requiredKeys: [] });

describe('the link round-trips (property)', () => {
  it('reads back every field it writes', () => {
    fc.assert(fc.property(urlState, (state) => {
      const expected = { ...state };
      // an empty opacity record says nothing (every layer at 1) and is not written
      if (state.layerOpacity && Object.keys(state.layerOpacity).length === 0) delete expected.layerOpacity;
      expect(parseUrlHash(formatUrlHash(state, defaults), known)).toEqual(expected);
    }), { numRuns: 500 });
  });

  it('never throws, and whatever it reads from any text is valid', () => {
    const part = fc.oneof(fc.string(), fc.constantFrom('map=', 'l=', 'op=', 'year=', 'basis=', 'cmp=', 'large=', 'lang=', 'sel=', 'mode=', '&', '/', ',', ':', '.', '%', '#', '%E0%A4%A'));
    fc.assert(fc.property(fc.array(part, { maxLength: 12 }).map((parts) => parts.join('')), (hash) => {
      const parsed = parseUrlHash(hash, known);
      expect(parsed.visibleLayers?.every((id) => known.includes(id)) ?? true).toBe(true);
      for (const [id, value] of Object.entries(parsed.layerOpacity ?? {})) expect(known.includes(id) && value >= 0 && value < 1).toBe(true);
      if (parsed.year !== undefined) expect(TIMELINE_YEARS).toContain(parsed.year);
      if (parsed.compare) expect(parsed.compare.position >= 0 && parsed.compare.position <= 1).toBe(true);
      // what was read is written again the same way
      expect(parseUrlHash(formatUrlHash(parsed, defaults), known)).toEqual(parsed);
    }), { numRuns: 500 });
  });
});

describe('the link applied to the state', () => {
  const state = (): PlanState => ({ ...initialState('zh'), layerVisibility: { boundary: true, clusters: true, construction: false, 'projects-industry': true } });

  it('restores what another state wrote', () => {
    const before: PlanState = {
      ...state(), lang: 'en', year: 2035, mode: 'analyse', largeText: true, layerOpacity: { clusters: 0.35 },
      layerVisibility: { boundary: true, clusters: true, construction: true, 'projects-industry': false },
      compare: { active: true, layout: 'side-by-side', position: 0.4, left: { basis: 'schematic', whatIf: false, year: 2025 }, right: { basis: 'schematic', whatIf: true, year: 2035 } },
    };
    const link = parseUrlHash(formatUrlHash(urlStateOf(before, known), defaults), known);
    const after = applyUrlState(state(), link, known);
    expect(after.lang).toBe('en');
    expect(after.year).toBe(2035);
    expect(after.mode).toBe('analyse');
    expect(after.largeText).toBe(true);
    expect(after.compare).toEqual(before.compare);
    expect(after.layerVisibility).toEqual(before.layerVisibility);
    expect(after.layerOpacity).toEqual({ boundary: 1, clusters: 0.35, construction: 1, 'projects-industry': 1 });
  });

  it('keeps its opacity over saved settings, which fill in only the imported layers', () => {
    const link = parseUrlHash('#op=clusters:0.5', known);
    const linked = applyUrlState({ ...state(), layerOpacity: { 'import-1': 0.7 } }, link, known);
    const restored = applySavedSettings(linked, { lang: 'zh', layerVisibility: {}, layerOpacity: { boundary: 0.2, 'import-2': 0.3 } }, link);
    expect(restored.layerOpacity).toEqual({ boundary: 1, clusters: 0.5, construction: 1, 'projects-industry': 1, 'import-1': 0.7, 'import-2': 0.3 });
  });

  it('changes nothing the link does not state', () => {
    const before = state();
    expect(applyUrlState(before, {}, known)).toBe(before);
  });
});
