import { describe, expect, it } from 'vitest';
import {
  clearSelection, removeImport, select, setClassCounted, setLanguage, setLargeText, setLayerOpacity, setLayersVisible, setLegend, setBasis, setRegionFigures, setYear,
  showOnlyLayers,
} from '../../src/state/actions.ts';
import { initialState } from '../../src/state/plan-state.ts';
import type { PlanState } from '../../src/state/plan-state.ts';
import type { ImportedLayer } from '../../src/state/imports.ts';
import { Store } from '../../src/state/store.ts';

const fresh = (): PlanState => initialState('zh');

function imported(id: string): ImportedLayer {
  return {
    id, name: `${id}.geojson`, original: new Blob(['{}']), data: new Blob(['{}']), conversion: 'none',
    summary: { featureCount: 1, geometryTypes: ['Polygon'], bbox: null, offsetCandidate: false } as unknown as ImportedLayer['summary'],
    visible: true, countAsBlueGreen: false, bytes: 2, importedAt: '2024-01-01T00:00:00.000Z',
  };
}

describe('state actions', () => {
  it('setLanguage returns the same state when the language does not change', () => {
    const state = fresh();
    expect(setLanguage(state, 'zh')).toBe(state);
    expect(setLanguage(state, 'en').lang).toBe('en');
  });

  it('setLargeText switches large text and returns the same state when it does not change', () => {
    const state = fresh();
    expect(state.largeText).toBe(false);
    expect(setLargeText(state, false)).toBe(state);
    const large = setLargeText(state, true);
    expect(large.largeText).toBe(true);
    expect(state.largeText).toBe(false);
    expect(setLargeText(large, true)).toBe(large);
    expect(setLargeText(large, false).largeText).toBe(false);
  });

  it('setLayersVisible changes only the given layers and keeps the state when nothing changes', () => {
    const state = setLayersVisible(fresh(), ['boundary', 'axis'], false);
    expect(state.layerVisibility.boundary).toBe(false);
    expect(state.layerVisibility.axis).toBe(false);
    expect(state.layerVisibility.subdistricts).toBe(fresh().layerVisibility.subdistricts);
    expect(setLayersVisible(state, ['boundary'], false)).toBe(state);
  });

  it('showOnlyLayers shows exactly the listed known layers', () => {
    const state = showOnlyLayers(fresh(), ['boundary', 'axis', 'subdistricts'], ['axis', 'unknown']);
    expect(state.layerVisibility).toEqual({ boundary: false, axis: true, subdistricts: false });
  });

  it('setLayerOpacity clamps to 0..1 and never mutates its input', () => {
    const state = fresh();
    const before = structuredClone(state.layerOpacity);
    expect(setLayerOpacity(state, 'boundary', 1.7).layerOpacity.boundary).toBe(1);
    expect(setLayerOpacity(state, 'boundary', -1).layerOpacity.boundary).toBe(0);
    expect(state.layerOpacity).toEqual(before);
    const half = setLayerOpacity(state, 'axis', 0.5);
    expect(setLayerOpacity(half, 'axis', 0.5)).toBe(half);
  });

  it('select and clearSelection keep the state when the selection is the same', () => {
    const state = select(fresh(), { type: 'feature', layer: 'structure', id: 'cluster-daqiao' });
    expect(state.selection).toEqual({ type: 'feature', layer: 'structure', id: 'cluster-daqiao' });
    expect(select(state, { type: 'feature', layer: 'structure', id: 'cluster-daqiao' })).toBe(state);
    expect(clearSelection(state).selection).toEqual({ type: 'none' });
    const none = fresh();
    expect(clearSelection(none)).toBe(none);
  });

  it('select keeps where a map pick happened, and a new pick of the same feature moves it', () => {
    const picked = select(fresh(), { type: 'feature', layer: 'blue-green', id: 'bg-1', at: [117.1, 36.9] });
    expect(select(picked, { type: 'feature', layer: 'blue-green', id: 'bg-1', at: [117.1, 36.9] })).toBe(picked);
    const moved = select(picked, { type: 'feature', layer: 'blue-green', id: 'bg-1', at: [117.2, 36.9] });
    expect(moved.selection).toEqual({ type: 'feature', layer: 'blue-green', id: 'bg-1', at: [117.2, 36.9] });
    // chosen by search: no pick position
    expect(select(moved, { type: 'feature', layer: 'blue-green', id: 'bg-1' }).selection).toEqual({ type: 'feature', layer: 'blue-green', id: 'bg-1' });
  });

  it('setRegionFigures and setLegend replace their slice', () => {
    const figures = { id: 'core-sci-tech', basis: { kind: 'schematic' as const }, classes: ['water'], result: { ok: false as const, issues: [] } };
    const state = setRegionFigures(fresh(), figures);
    expect(state.regionFigures).toBe(figures);
    expect(setRegionFigures(state, figures)).toBe(state);
    expect(setLegend(fresh(), []).legend).toEqual([]);
  });

  it('setBasis names the data every figure uses and changes nothing when it is the same', () => {
    const landuse = { kind: 'landuse' as const, name: '用地现状.shp', revision: 2 };
    const state = setBasis(fresh(), landuse);
    expect(state.basis).toEqual(landuse);
    expect(setBasis(state, { ...landuse })).toBe(state);
    expect(setBasis(state, { ...landuse, revision: 3 }).basis).toEqual({ ...landuse, revision: 3 });
    expect(setBasis(state, { kind: 'schematic' }).basis).toEqual({ kind: 'schematic' });
  });

  it('setClassCounted keeps the canonical class order', () => {
    const without = setClassCounted(fresh(), 'wetland', false);
    expect(without.analysisClasses).not.toContain('wetland');
    expect(setClassCounted(without, 'wetland', true).analysisClasses).toEqual(fresh().analysisClasses);
    expect(setClassCounted(without, 'wetland', false)).toBe(without);
  });

  it('setYear', () => {
    const state = fresh();
    expect(setYear(state, state.year)).toBe(state);
    expect(setYear(state, 2030).year).toBe(2030);
  });

  it('removeImport drops the layer, its opacity and its inspected feature', () => {
    let state: PlanState = { ...fresh(), imports: [imported('imp-a'), imported('imp-b')], layerOpacity: { 'imp-a': 0.4, boundary: 0.8 } };
    state = { ...state, importSession: { ...state.importSession, inspected: { layerId: 'imp-a', featureIndex: 0 } } };
    const next = removeImport(state, 'imp-a');
    expect(next.imports.map((layer) => layer.id)).toEqual(['imp-b']);
    expect(next.layerOpacity).toEqual({ boundary: 0.8 });
    expect(next.importSession.inspected).toBeNull();
    expect(removeImport(next, 'imp-a')).toBe(next);
  });
});

describe('Store.select', () => {
  it('calls the listener only when the selected value changes under the given equality', () => {
    const store = new Store(fresh());
    const seen: string[][] = [];
    const stop = store.select((state) => state.analysisClasses, (classes) => seen.push([...classes]),
      (a, b) => a.length === b.length && a.every((item, index) => item === b[index]));
    store.update((state) => setYear(state, 2030));
    store.update((state) => ({ ...state, analysisClasses: [...state.analysisClasses] }));
    expect(seen).toEqual([]);
    store.update((state) => setClassCounted(state, 'farmland', false));
    expect(seen).toHaveLength(1);
    stop();
    store.update((state) => setClassCounted(state, 'farmland', true));
    expect(seen).toHaveLength(1);
    expect(store.listenerCount).toBe(0);
  });
});

describe('legend filter', () => {
  const group = ['blue-green-water', 'blue-green-wetland', 'blue-green-forest', 'blue-green-park', 'blue-green-farmland'];

  it('shows only the clicked layer within its group, leaves other groups alone, and resets to what was before', async () => {
    const { filterToLegendLayer, clearLegendFilter } = await import('../../src/state/actions.ts');
    const start = { ...initialState('en'), layerVisibility: { ...initialState('en').layerVisibility, 'blue-green-park': false, boundary: true } };
    const filtered = filterToLegendLayer(start, 'blue-green-forest', group);
    expect(group.filter((id) => filtered.layerVisibility[id])).toEqual(['blue-green-forest']);
    expect(filtered.layerVisibility['boundary']).toBe(true);
    // a second click on another row keeps the first remembered visibility
    const again = filterToLegendLayer(filtered, 'blue-green-water', group);
    expect(group.filter((id) => again.layerVisibility[id])).toEqual(['blue-green-water']);
    const reset = clearLegendFilter(again);
    expect(reset.layerVisibility).toEqual(start.layerVisibility);
    expect(reset.legendFilter).toBeNull();
    expect(clearLegendFilter(reset)).toBe(reset);
    expect(filterToLegendLayer(start, 'boundary', group)).toBe(start);
  });
});
