import { describe, expect, it } from 'vitest';
import { initialState } from '../../state/plan-state.ts';
import { acceptLayer, onLandUse, setLandUseOpacity, setLandUseVisible } from '../../state/landuse-state.ts';
import { addMeasurePoint, setMeasureMode, startMeasuring } from '../../state/measure-state.ts';
import type { LandUseLayerSummary } from '../../data/landuse/landuse-protocol.ts';
import { NO_PARTS, sceneSelector } from './scene-input.ts';

const summary = { name: '现状用地', classes: [] } as unknown as LandUseLayerSummary;

describe('sceneSelector: the land-use layer and the measurement come from the store', () => {
  const parcels = new Blob(['{"type":"FeatureCollection","features":[]}']);
  const withLayer = onLandUse(initialState('zh'), (slice) => acceptLayer(slice, summary, parcels, null));

  it('draws the accepted layer with its own opacity and visibility, keeping its identity while they hold', () => {
    const select = sceneSelector();
    expect(select(initialState('zh'), NO_PARTS).landuse).toBeNull();
    const first = select(withLayer, NO_PARTS).landuse;
    expect(first).toMatchObject({ data: parcels, overview: null, name: '现状用地', visible: true, opacity: 1 });
    expect(select({ ...withLayer, lang: 'en' }, NO_PARTS).landuse).toBe(first);
    const faded = onLandUse(withLayer, (slice) => setLandUseOpacity(slice, 0.3));
    expect(select(faded, NO_PARTS).landuse).toMatchObject({ opacity: 0.3, visible: true });
    const hidden = onLandUse(faded, (slice) => setLandUseVisible(slice, false));
    expect(select(hidden, NO_PARTS).landuse).toMatchObject({ opacity: 0.3, visible: false });
  });

  it('shows the layer on a compare side only where that side uses the land-use basis', () => {
    const select = sceneSelector();
    expect(select(withLayer, NO_PARTS, { year: 2023, basis: 'schematic', whatIf: false }).landuse?.visible).toBe(false);
    expect(select(withLayer, NO_PARTS, { year: 2023, basis: 'landuse', whatIf: false }).landuse?.visible).toBe(true);
  });

  it('draws the measurement of state.measure while the measure tool is installed', () => {
    const select = sceneSelector();
    let state = startMeasuring(initialState('zh'));
    state = addMeasurePoint(addMeasurePoint(state, [117, 36.8]), [117.1, 36.8]);
    expect(select(state, NO_PARTS).measure).toBeNull();
    const line = select(state, { ...NO_PARTS, measure: true }).measure;
    expect(line?.features.map((feature) => feature.geometry.type)).toEqual(['Point', 'Point', 'LineString']);
    const area = select(setMeasureMode(addMeasurePoint(state, [117.1, 36.9]), 'area'), { ...NO_PARTS, measure: true }).measure;
    expect(area?.features.at(-1)?.geometry.type).toBe('Polygon');
  });
});

describe('lazy scene parts: drawn once their feature provides them', () => {
  it('draws no basemap until its builder is provided, then draws it', async () => {
    const { sceneOf } = await import('./scene-of.ts');
    const { provideScenePart, onScenePartProvided } = await import('./lazy-parts.ts');
    const { basemapScenePart } = await import('./basemap-specs.ts');
    const basemap = { key: 'k', name: 'b', kind: 'raster' as const, minZoom: 0, maxZoom: 14, bounds: null, attribution: null, vectorLayers: [], opacity: 1, visible: true };
    const input = { ...sceneSelector()(initialState('zh'), NO_PARTS), basemap };
    let told = 0;
    const stop = onScenePartProvided(() => told++);
    expect(sceneOf(input).sources.some((entry) => entry.id === 'basemap')).toBe(false);
    provideScenePart('basemap', basemapScenePart);
    stop();
    expect(told).toBe(1);
    expect(sceneOf(input).sources[0]?.id).toBe('basemap');
  });
});
