import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import { sceneOf } from '../../src/map/scene/scene-of.ts';
import { sceneSelector, NO_PARTS } from '../../src/map/scene/scene-input.ts';
import type { SceneInput } from '../../src/map/scene/scene-types.ts';
import { CONTROL_LINES_SOURCE, controlLineLayerId, controlLinesScenePart } from '../../src/map/scene/control-line-specs.ts';
import { provideScenePart } from '../../src/map/scene/lazy-parts.ts';
import { CONTROL_LINE_STYLES } from '../../src/core/landuse/control-line-styles.ts';
import { defaultLayerVisibility } from '../../src/state/layer-catalog.ts';
import { initialState } from '../../src/state/plan-state.ts';
import { acceptLines, onControlLines, setLinesVisible } from '../../src/state/control-lines-state.ts';

// the control-lines feature provides their part at install; here the test does
provideScenePart('controlLines', controlLinesScenePart);

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
const parcels = new Blob(['{}']);
const lines = new Blob(['{"type":"FeatureCollection","features":[]}']);

function input(change: Partial<SceneInput> = {}): SceneInput {
  return {
    data: {}, visibility: defaultLayerVisibility(), opacity: {}, lang: 'zh', labelScale: 1, year: 2023, imports: [],
    landuse: { data: parcels, overview: null, visible: true, name: 'parcels', classes: [] }, outlines: null, highlight: EMPTY, measure: null, slide: null, ...change,
  };
}

const ids = (layers: readonly LayerSpecification[]) => layers.map((layer) => layer.id);

describe('the control lines in the scene', () => {
  it('draw one line layer per role above the parcels and under the plan labels, red line on top, in their styles', () => {
    const scene = sceneOf(input({ controlLines: { data: lines, visible: true } }));
    const order = ids(scene.layers);
    const red = order.indexOf(controlLineLayerId('ecological-red-line'));
    const farmland = order.indexOf(controlLineLayerId('permanent-farmland'));
    const boundary = order.indexOf(controlLineLayerId('development-boundary'));
    const lastParcels = order.lastIndexOf('landuse-line');
    const firstLabel = scene.layers.findIndex((layer) => layer.type === 'symbol');
    expect(Math.min(red, farmland, boundary)).toBeGreaterThan(lastParcels);
    expect(Math.max(red, farmland, boundary)).toBeLessThan(firstLabel);
    expect(red).toBeGreaterThan(farmland);
    const source = scene.sources.find((entry) => entry.id === CONTROL_LINES_SOURCE)?.source;
    expect(source?.kind === 'blob-geojson' && source.data).toBe(lines);
    const dev = scene.layers[boundary] as LayerSpecification & { paint: Record<string, unknown>; filter: unknown };
    expect(dev.paint['line-color']).toBe(CONTROL_LINE_STYLES['development-boundary'].colour);
    expect(dev.paint['line-dasharray']).toEqual([...CONTROL_LINE_STYLES['development-boundary'].dashed!]);
    expect(dev.filter).toEqual(['==', ['get', 'role'], 'development-boundary']);
    expect((scene.layers[red] as { paint: Record<string, unknown> }).paint['line-dasharray']).toBeUndefined();
  });

  it('hidden lines stay in the scene with visibility none; no lines, no source', () => {
    const hidden = sceneOf(input({ controlLines: { data: lines, visible: false } }));
    expect((hidden.layers.find((layer) => layer.id === controlLineLayerId('ecological-red-line')) as { layout: Record<string, unknown> }).layout.visibility).toBe('none');
    const none = sceneOf(input());
    expect(none.sources.some((entry) => entry.id === CONTROL_LINES_SOURCE)).toBe(false);
  });

  it('are read from the store by the selector, on the main map and on a compare side alike, by reference', () => {
    const select = sceneSelector();
    const state = onControlLines(initialState('zh'), (slice) => acceptLines(slice, [], lines));
    const main = select(state, NO_PARTS);
    expect(main.controlLines).toEqual({ data: lines, visible: true });
    expect(select(state, NO_PARTS).controlLines).toBe(main.controlLines);
    const side = sceneSelector()(state, NO_PARTS, { year: 2035, basis: 'schematic', whatIf: false } as never);
    expect(side.controlLines?.data).toBe(lines);
    expect(select(onControlLines(state, (slice) => setLinesVisible(slice, false)), NO_PARTS).controlLines).toEqual({ data: lines, visible: false });
    expect(sceneSelector()(initialState('zh'), NO_PARTS).controlLines).toBeNull();
  });
});
