/** The basemap in the map's scene: under every plan layer, raster or a default vector style, opacity, visibility. */
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { sceneOf, styleScene } from '../../src/map/scene/scene-of.ts';
import { SceneApplier, type SceneMap, type SceneResources } from '../../src/map/scene/apply-scene.ts';
import type { SceneInput } from '../../src/map/scene/scene-types.ts';
import { BASEMAP_SOURCE, basemapLayerSpecs, basemapScenePart, basemapSourceSpec, escapeHtml, labelField, roleOf, type BasemapStyleInput } from '../../src/map/scene/basemap-specs.ts';
import { provideScenePart } from '../../src/map/scene/lazy-parts.ts';
import { defaultLayerVisibility } from '../../src/state/layer-catalog.ts';

// the basemap feature provides its part at install; here the test does
provideScenePart('basemap', basemapScenePart);

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

function input(change: Partial<SceneInput> = {}): SceneInput {
  return {
    data: {}, visibility: defaultLayerVisibility(), opacity: {}, lang: 'zh', labelScale: 1, year: 2023,
    imports: [], landuse: null, outlines: null, highlight: EMPTY, measure: null, slide: null, ...change,
  };
}

const raster: BasemapStyleInput = {
  key: 'b1', name: 'city.pmtiles', kind: 'raster', minZoom: 6, maxZoom: 14, bounds: [116.6, 36.5, 117.6, 37.3],
  attribution: '© Bureau <script>', vectorLayers: [], opacity: 1, visible: true,
};
const vector: BasemapStyleInput = {
  ...raster, key: 'b2', kind: 'vector', vectorLayers: [{ id: 'place' }, { id: 'building' }, { id: 'water' }, { id: 'transportation' }, { id: 'survey_blocks' }, { id: 'earth' }],
};

describe('the basemap in the scene', () => {
  it('draws under every plan layer, with its source first', () => {
    const scene = sceneOf(input({ basemap: raster }));
    const plan = styleScene().layers.map((layer) => layer.id);
    expect(scene.layers[0]!.id).toBe('basemap-raster');
    expect(scene.layers.slice(1).map((layer) => layer.id)).toEqual(plan);
    expect(scene.sources[0]).toMatchObject({ id: BASEMAP_SOURCE, source: { kind: 'tiles', data: 'plan-basemap://b1/{z}/{x}/{y}' } });
    expect(sceneOf(input()).layers.some((layer) => layer.id.startsWith('basemap'))).toBe(false);
  });

  it('gives a raster source its zooms, bounds and the attribution as text', () => {
    expect(basemapSourceSpec(raster)).toEqual({
      type: 'raster', tiles: ['plan-basemap://b1/{z}/{x}/{y}'], minzoom: 6, maxzoom: 14, tileSize: 256,
      bounds: [116.6, 36.5, 117.6, 37.3], attribution: '© Bureau &#60;script&#62;',
    });
    expect(escapeHtml('<a href="x">&\'')).toBe('&#60;a href=&#34;x&#34;&#62;&#38;&#39;');
  });

  it('scales opacity and hides with the visibility', () => {
    const [layer] = basemapLayerSpecs({ ...raster, opacity: 0.4, visible: false }, 'zh') as (LayerSpecification & { paint: Record<string, unknown>; layout: Record<string, unknown> })[];
    expect(layer!.paint['raster-opacity']).toBeCloseTo(0.4);
    expect(layer!.layout.visibility).toBe('none');
  });

  it('styles a vector archive by its layer names: fills, then lines, labels last; unknown layers neutral', () => {
    const layers = basemapLayerSpecs(vector, 'en') as (LayerSpecification & { 'source-layer': string; paint: Record<string, unknown>; layout: Record<string, unknown> })[];
    const order = layers.map((layer) => `${layer['source-layer']}:${layer.type}`);
    expect(order).toEqual(['earth:fill', 'water:fill', 'survey_blocks:fill', 'survey_blocks:line', 'building:fill', 'transportation:line', 'place:symbol']);
    const label = layers.at(-1)!;
    expect(label.layout['text-font']).toEqual(['Noto Sans CJK SC Regular']);
    expect(label.layout['text-field']).toEqual(labelField('en'));
    expect(JSON.stringify(labelField('zh')).indexOf('name:zh')).toBeLessThan(JSON.stringify(labelField('zh')).indexOf('name:en'));
    const half = basemapLayerSpecs({ ...vector, opacity: 0.5 }, 'en') as typeof layers;
    expect(half.find((layer) => layer['source-layer'] === 'water')!.paint['fill-opacity']).toBeCloseTo(0.5);
    expect(half.at(-1)!.paint['text-opacity']).toBeCloseTo(0.5);
  });

  it('knows OpenMapTiles and Protomaps layer names', () => {
    expect(['water', 'waterway', 'landcover', 'landuse', 'transportation', 'building', 'boundary', 'place'].map(roleOf))
      .toEqual(['water', 'waterway', 'green', 'landuse', 'road', 'building', 'boundary', 'place']);
    expect(['earth', 'roads', 'buildings', 'places', 'boundaries', 'transit', 'natural'].map(roleOf))
      .toEqual(['earth', 'road', 'building', 'place', 'boundary', 'rail', 'green']);
    expect(roleOf('survey_blocks')).toBe('other');
  });

  it('makes a valid style with no glyphs URL', () => {
    const scene = sceneOf(input({ basemap: vector }));
    const style = {
      version: 8, sources: { [BASEMAP_SOURCE]: basemapSourceSpec(vector) },
      layers: scene.layers.filter((layer) => layer.id.startsWith('basemap')),
    };
    // symbol layers without glyphs are refused by the validator only for the glyphs rule: the plan style is the same
    const errors = validateStyleMin(style as never).map((error) => error.message).filter((message) => !/glyphs/.test(message));
    expect(errors).toEqual([]);
  });
});

describe('the applier with a basemap', () => {
  const resources: SceneResources = {
    acquireUrl: () => 'blob:x', releaseUrl: () => undefined, acquireTiles: () => [], releaseTiles: () => undefined,
  };
  function fakeMap() {
    const calls: [string, ...unknown[]][] = [];
    const sources = new Set(styleScene().sources.map((entry) => entry.id));
    const layers = new Set(styleScene().layers.map((layer) => layer.id));
    const map: SceneMap = {
      addSource: (id, source) => { calls.push(['addSource', id, source]); sources.add(id); },
      removeSource: (id) => { calls.push(['removeSource', id]); sources.delete(id); },
      getSource: (id) => (sources.has(id) ? { setData: () => undefined } : undefined),
      addLayer: (spec, before) => { calls.push(['addLayer', spec.id, before]); layers.add(spec.id); },
      removeLayer: (id) => { calls.push(['removeLayer', id]); layers.delete(id); },
      moveLayer: () => undefined,
      getLayer: (id) => (layers.has(id) ? {} : undefined),
      setPaintProperty: (id, name, value) => calls.push(['setPaintProperty', id, name, value]),
      setLayoutProperty: (id, name, value) => calls.push(['setLayoutProperty', id, name, value]),
      setFilter: () => undefined,
      setLayerZoomRange: () => undefined,
    };
    return { map, calls };
  }

  it('adds the basemap under the first plan layer, changes opacity in place, replaces it for another archive, removes it', () => {
    const { map, calls } = fakeMap();
    const applier = new SceneApplier(map, resources, styleScene());
    applier.apply(sceneOf(input({ basemap: raster })));
    expect(calls.find(([name]) => name === 'addSource')).toEqual(['addSource', BASEMAP_SOURCE, basemapSourceSpec(raster)]);
    expect(calls.find(([name]) => name === 'addLayer')).toEqual(['addLayer', 'basemap-raster', styleScene().layers[0]!.id]);
    calls.length = 0;
    applier.apply(sceneOf(input({ basemap: { ...raster, opacity: 0.5 } })));
    expect(calls).toEqual([['setPaintProperty', 'basemap-raster', 'raster-opacity', 0.5]]);
    calls.length = 0;
    applier.apply(sceneOf(input({ basemap: { ...raster, key: 'b9', opacity: 0.5 } })));
    expect(calls.map(([name]) => name)).toEqual(['removeLayer', 'removeSource', 'addSource', 'addLayer']);
    calls.length = 0;
    applier.apply(sceneOf(input()));
    expect(calls).toEqual([['removeLayer', 'basemap-raster'], ['removeSource', BASEMAP_SOURCE]]);
  });
});
