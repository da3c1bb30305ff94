import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import { sceneOf, styleScene } from './scene-of.ts';
import { SceneApplier, type SceneMap, type SceneResources } from './apply-scene.ts';
import type { SceneInput } from './scene-types.ts';
import { defaultLayerVisibility } from '../../state/layer-catalog.ts';

const collection = (features: FeatureCollection['features'] = []): FeatureCollection => ({ type: 'FeatureCollection', features });
const point = (id: string, properties: Record<string, unknown> = {}) => ({ type: 'Feature' as const, properties: { id, ...properties }, geometry: { type: 'Point' as const, coordinates: [117, 36.8] } });
const crossings = collection([point('x-open', { status: 'open', year_open: 2020 }), point('x-later', { status: 'planned', year_start: 2026, year_open: 2029 })]);
const boundary = collection([point('b')]);
const EMPTY = collection();

function input(change: Partial<SceneInput> = {}): SceneInput {
  return {
    data: { boundary, crossings }, visibility: defaultLayerVisibility(), opacity: {}, lang: 'zh', labelScale: 1, year: 2023,
    imports: [], landuse: null, outlines: null, highlight: EMPTY, measure: null, slide: null, ...change,
  };
}

const ids = (layers: readonly LayerSpecification[]) => layers.map((layer) => layer.id);
const layer = (scene: ReturnType<typeof sceneOf>, id: string) => scene.layers.find((candidate) => candidate.id === id) as LayerSpecification & { paint: Record<string, unknown>; layout: Record<string, unknown>; filter?: unknown };

describe('sceneOf: the map drawn from its input', () => {
  it('draws the plan style in its order, with the input data by reference', () => {
    const scene = sceneOf(input());
    expect(ids(scene.layers)).toEqual(ids(styleScene().layers));
    const boundarySource = scene.sources.find((entry) => entry.id === 'boundary')?.source;
    expect(boundarySource?.kind === 'geojson' && boundarySource.data).toBe(boundary);
  });

  it('takes visibility, opacity, label language and size from the input', () => {
    const visibility = { ...defaultLayerVisibility(), boundary: false };
    const scene = sceneOf(input({ visibility, opacity: { clusters: 0.5 }, lang: 'en', labelScale: 2 }));
    expect(layer(scene, 'boundary-line').layout.visibility).toBe('none');
    const own = styleScene().layers.find((candidate) => candidate.id === 'structure-cluster-fill') as { paint: Record<string, unknown> };
    const ownOpacity = own.paint['fill-opacity'];
    expect(layer(scene, 'structure-cluster-fill').paint['fill-opacity']).toEqual(typeof ownOpacity === 'number' ? ownOpacity * 0.5 : expect.anything());
    expect(layer(scene, 'structure-label').layout['text-field']).toEqual(['coalesce', ['get', 'name_en'], ['get', 'name_zh']]);
    const size = (styleScene().layers.find((candidate) => candidate.id === 'structure-label') as { layout: Record<string, unknown> }).layout['text-size'];
    if (typeof size === 'number') expect(layer(scene, 'structure-label').layout['text-size']).toBe(size * 2);
    else expect(layer(scene, 'structure-label').layout['text-size']).not.toEqual(size);
  });

  it('shows crossings by their status in the year', () => {
    const early = sceneOf(input({ year: 2023 }));
    const late = sceneOf(input({ year: 2030 }));
    expect(layer(early, 'crossings-open').filter).toEqual(['in', ['get', 'id'], ['literal', ['x-open']]]);
    expect(layer(late, 'crossings-open').filter).toEqual(['in', ['get', 'id'], ['literal', ['x-open', 'x-later']]]);
  });

  it('puts the land-use parcels under the labels and imports, outlines, measure and slide over them', () => {
    const parcels = new Blob(['{}']);
    const imported = new Blob(['{}']);
    const outline = collection([point('o', { role: 'study' })]);
    const scene = sceneOf(input({
      landuse: { data: parcels, overview: null, name: 'x', classes: [], visible: true },
      imports: [{ id: 'imp-a', data: imported, visible: true }],
      outlines: outline, measure: EMPTY, slide: { features: EMPTY, mask: EMPTY },
    }));
    const order = ids(scene.layers);
    const firstLabel = order.findIndex((id) => id.endsWith('-label'));
    expect(order.indexOf('landuse-fill')).toBeLessThan(firstLabel);
    expect(order.indexOf('landuse-fill')).toBeGreaterThan(order.indexOf('boundary-line'));
    expect(order.slice(-11)).toEqual(['imp-a-fill', 'imp-a-line', 'imp-a-circle', 'study-shapes-fill', 'study-shapes-line',
      'measure-fill', 'measure-line', 'measure-point', 'slide-spotlight-mask', 'slide-highlight-line', 'slide-highlight-point']);
    const parcelsSource = scene.sources.find((entry) => entry.id === 'landuse')?.source;
    expect(parcelsSource?.kind === 'blob-tiles' && parcelsSource.data).toBe(parcels);
    expect(sceneOf(input({ outlines: EMPTY })).sources.some((entry) => entry.id === 'study-shapes')).toBe(false);
  });

  it('hides the land-use layer on a side without it, keeping its source', () => {
    const scene = sceneOf(input({ landuse: { data: new Blob(['{}']), overview: null, name: 'x', classes: [], visible: false } }));
    expect(layer(scene, 'landuse-fill').layout.visibility).toBe('none');
    expect(scene.sources.some((entry) => entry.id === 'landuse')).toBe(true);
  });
});

type Call = [string, ...unknown[]];

/** A map that records the calls the applier makes and keeps the sources and layers it has. */
function fakeMap(base = styleScene()): { map: SceneMap; calls: Call[] } {
  const calls: Call[] = [];
  const sources = new Set(base.sources.map((entry) => entry.id));
  const layers = new Set(ids(base.layers));
  const map: SceneMap = {
    addSource: (id, source) => { calls.push(['addSource', id, source]); sources.add(id); },
    removeSource: (id) => { calls.push(['removeSource', id]); sources.delete(id); },
    getSource: (id) => (sources.has(id) ? { setData: (data: unknown) => calls.push(['setData', id, data]) } : undefined),
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
  const take = (blob: Blob) => held.set(blob, (held.get(blob) ?? 0) + 1);
  const drop = (blob: Blob) => { const count = (held.get(blob) ?? 0) - 1; if (count > 0) held.set(blob, count); else held.delete(blob); };
  return {
    held,
    acquireUrl: (blob) => { take(blob); return `blob:${held.size}`; },
    releaseUrl: drop,
    acquireTiles: (blob) => { take(blob); return ['plan-tiles://t/{z}/{x}/{y}']; },
    releaseTiles: drop,
  };
}

const names = (calls: Call[]) => calls.map(([name]) => name);

describe('SceneApplier: the map changed by diff', () => {
  it('sets the plan data on the style’s own sources, adding none', () => {
    const { map, calls } = fakeMap();
    new SceneApplier(map, fakeResources(), styleScene()).apply(sceneOf(input()));
    expect(names(calls)).not.toContain('addSource');
    expect(names(calls)).not.toContain('addLayer');
    expect(calls.filter(([name]) => name === 'setData').map(([, id]) => id).sort()).toEqual(['boundary', 'crossings', 'highlight']);
  });

  it('toggles a layer and drags an opacity with one property each, never adding a source or setting data', () => {
    const { map, calls } = fakeMap();
    const applier = new SceneApplier(map, fakeResources(), styleScene());
    const first = input({ imports: [{ id: 'imp-a', data: new Blob(['{}']), visible: true }] });
    applier.apply(sceneOf(first));
    calls.length = 0;
    const hidden = { ...first, visibility: { ...first.visibility, boundary: false } };
    applier.apply(sceneOf(hidden));
    expect(calls).toEqual([['setLayoutProperty', 'boundary-line', 'visibility', 'none']]);
    calls.length = 0;
    for (const opacity of [0.9, 0.8, 0.7]) applier.apply(sceneOf({ ...hidden, opacity: { 'imp-a': opacity } }));
    expect(new Set(names(calls))).toEqual(new Set(['setPaintProperty']));
    expect(calls.at(-1)).toEqual(['setPaintProperty', 'imp-a-circle', 'circle-stroke-opacity', 0.7]);
  });

  it('adds an import with its source and layers on top, and removes them with its object URL', () => {
    const { map, calls } = fakeMap();
    const resources = fakeResources();
    const applier = new SceneApplier(map, resources, styleScene());
    const blob = new Blob(['{}']);
    applier.apply(sceneOf(input({ imports: [{ id: 'imp-a', data: blob, visible: true }] })));
    expect(calls.filter(([name]) => name === 'addSource').map(([, id]) => id)).toEqual(['imp-a']);
    expect(calls.filter(([name]) => name === 'addLayer')).toEqual([['addLayer', 'imp-a-fill', undefined], ['addLayer', 'imp-a-line', undefined], ['addLayer', 'imp-a-circle', undefined]]);
    expect(resources.held.get(blob)).toBe(1);
    calls.length = 0;
    applier.apply(sceneOf(input()));
    expect(calls).toEqual([['removeLayer', 'imp-a-fill'], ['removeLayer', 'imp-a-line'], ['removeLayer', 'imp-a-circle'], ['removeSource', 'imp-a']]);
    expect(resources.held.size).toBe(0);
  });

  it('sets a source’s data only when its reference changed', () => {
    const { map, calls } = fakeMap();
    const applier = new SceneApplier(map, fakeResources(), styleScene());
    const outlines = collection([point('o', { role: 'study' })]);
    applier.apply(sceneOf(input({ outlines })));
    calls.length = 0;
    applier.apply(sceneOf(input({ outlines, lang: 'en' })));
    expect(names(calls)).not.toContain('setData');
    const moved = collection([point('o2', { role: 'study' })]);
    applier.apply(sceneOf(input({ outlines: moved, lang: 'en' })));
    expect(calls.filter(([name]) => name === 'setData')).toEqual([['setData', 'study-shapes', moved]]);
  });

  it('puts a land-use layer under the labels, and replaces its tiles when the parcels change', () => {
    const { map, calls } = fakeMap();
    const resources = fakeResources();
    const applier = new SceneApplier(map, resources, styleScene());
    const first = new Blob(['1']);
    applier.apply(sceneOf(input({ landuse: { data: first, overview: null, name: 'x', classes: [], visible: true } })));
    const firstLabel = styleScene().layers.find((candidate) => candidate.type === 'symbol')?.id;
    expect(calls.find(([name, id]) => name === 'addLayer' && id === 'landuse-fill')).toEqual(['addLayer', 'landuse-fill', firstLabel]);
    calls.length = 0;
    const second = new Blob(['2']);
    applier.apply(sceneOf(input({ landuse: { data: second, overview: null, name: 'x', classes: [], visible: true } })));
    expect(names(calls)).toEqual(['removeLayer', 'removeLayer', 'removeSource', 'addSource', 'addLayer', 'addLayer']);
    expect([...resources.held.keys()]).toEqual([second]);
  });

  it('moves a layer whose place in the order changed', () => {
    const { map, calls } = fakeMap();
    const applier = new SceneApplier(map, fakeResources(), styleScene());
    const a = { id: 'imp-a', data: new Blob(['a']), visible: true };
    const b = { id: 'imp-b', data: new Blob(['b']), visible: true };
    applier.apply(sceneOf(input({ imports: [a, b] })));
    calls.length = 0;
    applier.apply(sceneOf(input({ imports: [b, a] })));
    expect(names(calls).filter((name) => name === 'moveLayer').length).toBeGreaterThan(0);
    expect(names(calls)).not.toContain('addSource');
    expect(names(calls)).not.toContain('removeSource');
  });
});
