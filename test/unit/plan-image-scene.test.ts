/**
 * Plan images in the map's scene: an image source and a raster layer per image, below the plan's layers or
 * above its labels by the image's setting, with its opacity and visibility; the applier adds the image from
 * its Blob's URL, moves its corners in place, and releases the URL with the image.
 */
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import { sceneOf, styleScene } from '../../src/map/scene/scene-of.ts';
import { SceneApplier, type SceneMap, type SceneResources } from '../../src/map/scene/apply-scene.ts';
import { sceneSelector, NO_PARTS } from '../../src/map/scene/scene-input.ts';
import type { SceneInput, ScenePlanImage } from '../../src/map/scene/scene-types.ts';
import { defaultLayerVisibility } from '../../src/state/layer-catalog.ts';
import { initialState } from '../../src/state/plan-state.ts';
import { addPlanImage, setPlanImageOpacity } from '../../src/state/plan-image-state.ts';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
const corners: ScenePlanImage['corners'] = [[117, 36.9], [117.01, 36.9], [117.01, 36.89], [117, 36.89]];
const picture = new Blob(['png'], { type: 'image/png' });
const image = (change: Partial<ScenePlanImage> = {}): ScenePlanImage => ({ id: 'a', data: picture, corners, opacity: 1, position: 'above', visible: true, ...change });

function input(planImages: ScenePlanImage[], change: Partial<SceneInput> = {}): SceneInput {
  return {
    data: {}, visibility: defaultLayerVisibility(), opacity: {}, lang: 'zh', labelScale: 1, year: 2023,
    imports: [{ id: 'imp-a', data: new Blob(['{}']), visible: true }], landuse: null, outlines: null, highlight: EMPTY, measure: null, slide: null, planImages, ...change,
  };
}

const ids = (layers: readonly LayerSpecification[]) => layers.map((layer) => layer.id);
const planIds = ids(styleScene().layers);

describe('plan images in sceneOf', () => {
  it('draws an image above the plan (labels included) and under the imported layers', () => {
    const scene = sceneOf(input([image()]));
    const order = ids(scene.layers);
    const at = order.indexOf('plan-image:a');
    expect(at).toBe(planIds.length);
    expect(order.slice(0, at)).toEqual(planIds);
    expect(order[at + 1]).toBe('imp-a-fill');
    const source = scene.sources.find((entry) => entry.id === 'plan-image:a')?.source;
    expect(source).toEqual({ kind: 'image', data: picture, coordinates: corners });
    const layer = scene.layers[at] as LayerSpecification & { paint: Record<string, unknown> };
    expect(layer).toMatchObject({ type: 'raster', source: 'plan-image:a', layout: { visibility: 'visible' } });
    expect(layer.paint['raster-opacity']).toBe(1);
  });

  it('draws an image below every plan layer, with its opacity and visibility', () => {
    const scene = sceneOf(input([image({ position: 'below', opacity: 0.4, visible: false }), image({ id: 'b' })]));
    const order = ids(scene.layers);
    expect(order[0]).toBe('plan-image:a');
    expect(order.slice(1, planIds.length + 1)).toEqual(planIds);
    expect(order[planIds.length + 1]).toBe('plan-image:b');
    const layer = scene.layers[0] as LayerSpecification & { paint: Record<string, unknown>; layout: Record<string, unknown> };
    expect(layer.paint['raster-opacity']).toBe(0.4);
    expect(layer.layout.visibility).toBe('none');
  });

  it('comes from state.planImages through the selector, the same list while the images stay', () => {
    const state = addPlanImage(initialState('en'), {
      id: 'a', name: 'a.png', image: picture, corners: [[117, 36.9], [117.01, 36.9], [117.01, 36.89], [117, 36.89]],
      opacity: 1, position: 'below', visible: true, placement: 'world-file', crsLabel: null,
    });
    const select = sceneSelector();
    const first = select(state, NO_PARTS);
    expect(first.planImages).toEqual([{ id: 'a', data: picture, corners: state.planImages.images[0]!.corners, opacity: 1, position: 'below', visible: true }]);
    expect(select({ ...state, year: 2030 }, NO_PARTS).planImages).toBe(first.planImages);
    expect(select(setPlanImageOpacity(state, 'a', 0.5), NO_PARTS).planImages).not.toBe(first.planImages);
  });
});

type Call = [string, ...unknown[]];

function fakeMap(): { map: SceneMap; calls: Call[] } {
  const calls: Call[] = [];
  const base = styleScene();
  const sources = new Set(base.sources.map((entry) => entry.id));
  const layers = new Set(ids(base.layers));
  const map: SceneMap = {
    addSource: (id, source) => { calls.push(['addSource', id, source]); sources.add(id); },
    removeSource: (id) => { calls.push(['removeSource', id]); sources.delete(id); },
    getSource: (id) => (sources.has(id) ? {
      setData: (data: unknown) => calls.push(['setData', id, data]),
      setCoordinates: (coordinates: unknown) => calls.push(['setCoordinates', id, coordinates]),
      updateImage: (options: unknown) => calls.push(['updateImage', id, options]),
    } : undefined),
    addLayer: (spec, before) => { calls.push(['addLayer', spec.id, before]); layers.add(spec.id); },
    removeLayer: (id) => { calls.push(['removeLayer', id]); layers.delete(id); },
    moveLayer: (id, before) => calls.push(['moveLayer', id, before]),
    getLayer: (id) => (layers.has(id) ? {} : undefined),
    setPaintProperty: (id, name, value) => calls.push(['setPaintProperty', id, name, value]),
    setLayoutProperty: (id, name, value) => calls.push(['setLayoutProperty', id, name, value]),
    setFilter: (id, filter) => calls.push(['setFilter', id, filter]),
    setLayerZoomRange: (id, min, max) => calls.push(['setLayerZoomRange', id, min, max]),
  };
  return { map, calls };
}

function fakeResources(): SceneResources & { held: Map<Blob, number> } {
  const held = new Map<Blob, number>();
  return {
    held,
    acquireUrl: (blob) => { held.set(blob, (held.get(blob) ?? 0) + 1); return 'blob:picture'; },
    releaseUrl: (blob) => { const count = (held.get(blob) ?? 0) - 1; if (count > 0) held.set(blob, count); else held.delete(blob); },
    acquireTiles: () => [],
    releaseTiles: () => undefined,
  };
}

describe('plan images applied to a map', () => {
  it('adds the image from its URL, moves corners and opacity in place, and releases the URL on removal', () => {
    const { map, calls } = fakeMap();
    const resources = fakeResources();
    const applier = new SceneApplier(map, resources, styleScene());
    applier.apply(sceneOf(input([image()], { imports: [] })));
    expect(calls.find(([name, id]) => name === 'addSource' && id === 'plan-image:a')).toEqual(['addSource', 'plan-image:a', { type: 'image', url: 'blob:picture', coordinates: corners }]);
    expect(calls.some(([name, id]) => name === 'addLayer' && id === 'plan-image:a')).toBe(true);
    expect(resources.held.get(picture)).toBe(1);

    calls.length = 0;
    const moved: ScenePlanImage['corners'] = [[117.1, 36.9], [117.11, 36.9], [117.11, 36.89], [117.1, 36.89]];
    applier.apply(sceneOf(input([image({ corners: moved, opacity: 0.3 })], { imports: [] })));
    expect(calls).toEqual([['setCoordinates', 'plan-image:a', moved], ['setPaintProperty', 'plan-image:a', 'raster-opacity', 0.3]]);

    calls.length = 0;
    applier.apply(sceneOf(input([image({ corners: moved, opacity: 0.3, position: 'below' })], { imports: [] })));
    expect(calls).toEqual([['moveLayer', 'plan-image:a', planIds[0]]]);

    calls.length = 0;
    applier.apply(sceneOf(input([], { imports: [] })));
    expect(calls).toEqual([['removeLayer', 'plan-image:a'], ['removeSource', 'plan-image:a']]);
    expect(resources.held.size).toBe(0);
  });
});
