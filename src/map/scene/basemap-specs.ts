/**
 * The basemap's source and style layers (pure; no MapLibre runtime), drawn under every plan layer. A raster
 * archive is one raster layer. A vector archive has no style of its own, so one is made from its metadata's
 * `vector_layers`: water, land cover and land use, parks, roads, railways, buildings, boundaries and place
 * labels by the common OpenMapTiles and Protomaps layer names, and a neutral fill and line for any other layer.
 * Labels use the computer's own fonts, as the plan's style does (no glyphs URL). Opacity scales every layer.
 */
import type { LayerSpecification } from 'maplibre-gl';
import type { Lang } from '../../i18n/messages.ts';

import { BASEMAP_LAYER_PREFIX, BASEMAP_NAME_METADATA, BASEMAP_PROTOCOL, BASEMAP_SOURCE, type BasemapStyleInput } from './basemap-ids.ts';
import type { Scene, SceneInput } from './scene-types.ts';

export { BASEMAP_LAYER_PREFIX, BASEMAP_NAME_METADATA, BASEMAP_PROTOCOL, BASEMAP_SOURCE, type BasemapStyleInput };

const FONT = ['Noto Sans CJK SC Regular'];


/** The tile URL template of the archive registered under `key`. */
export function basemapTileUrl(key: string): string {
  return `${BASEMAP_PROTOCOL}://${key}/{z}/{x}/{y}`;
}

type Role = 'earth' | 'water' | 'waterway' | 'green' | 'landuse' | 'road' | 'rail' | 'building' | 'boundary' | 'place' | 'other';

/** The role of a vector layer by its name (OpenMapTiles, Protomaps and common variants). */
export function roleOf(layer: string): Role {
  const name = layer.toLowerCase();
  if (/^(earth|land|landmass)$/.test(name)) return 'earth';
  if (/^(water|ocean|lake|lakes|water_polygons?)$/.test(name)) return 'water';
  if (/^(waterway|waterways|river|rivers|water_lines?)$/.test(name)) return 'waterway';
  if (/^(park|parks|landcover|natural|nature|green|vegetation)$/.test(name)) return 'green';
  if (/^(landuse|land_use|landuse_overlay)$/.test(name)) return 'landuse';
  if (/^(transportation|roads?|highways?|streets?)$/.test(name)) return 'road';
  if (/^(transit|railways?|rail)$/.test(name)) return 'rail';
  if (/^(buildings?)$/.test(name)) return 'building';
  if (/^(boundary|boundaries|admin)$/.test(name)) return 'boundary';
  if (/^(place|places|place_label|place_labels|settlements?)$/.test(name)) return 'place';
  return 'other';
}

/** Drawing order: fills first, then lines, labels last. */
const ORDER: Role[] = ['earth', 'landuse', 'green', 'water', 'other', 'waterway', 'building', 'rail', 'road', 'boundary', 'place'];

const polygons = ['==', ['geometry-type'], 'Polygon'];
const lines = ['==', ['geometry-type'], 'LineString'];
const points = ['==', ['geometry-type'], 'Point'];

/** The label text in `lang` (the other language, then the local `name`, where a feature lacks it). */
export function labelField(lang: Lang): unknown {
  const zh = [['get', 'name:zh'], ['get', 'name_zh'], ['get', 'name:zh-Hans']];
  const en = [['get', 'name:en'], ['get', 'name_en']];
  return ['coalesce', ...(lang === 'zh' ? [...zh, ['get', 'name'], ...en] : [...en, ['get', 'name'], ...zh])];
}

function vectorLayers(sourceLayer: string, index: number, lang: Lang): object[] {
  const base = { source: BASEMAP_SOURCE, 'source-layer': sourceLayer };
  const id = (part: string) => `${BASEMAP_LAYER_PREFIX}${index}-${part}`;
  const fill = (colour: string, opacity = 1) => ({ ...base, id: id('fill'), type: 'fill', filter: polygons, paint: { 'fill-color': colour, 'fill-opacity': opacity } });
  const line = (colour: string, width: unknown, extra: object = {}) => ({ ...base, id: id('line'), type: 'line', filter: lines, paint: { 'line-color': colour, 'line-width': width, ...extra } });
  switch (roleOf(sourceLayer)) {
    case 'earth': return [fill('#f3f0e8')];
    case 'water': return [fill('#b7d3e6')];
    case 'waterway': return [line('#8fb8d6', ['interpolate', ['linear'], ['zoom'], 8, 0.6, 14, 2.5])];
    case 'green': return [fill('#dfe9d2', 0.9)];
    case 'landuse': return [fill('#ebe6dc', 0.8)];
    case 'road': return [line('#c8bfb0', ['interpolate', ['linear'], ['zoom'], 8, 0.4, 12, 1.2, 16, 5])];
    case 'rail': return [line('#9a9a9a', 1, { 'line-dasharray': [3, 2] })];
    case 'building': return [fill('#d9d1c5', 0.9)];
    case 'boundary': return [line('#9c8fa8', 1, { 'line-dasharray': [4, 2] })];
    case 'place':
      return [{
        ...base, id: id('label'), type: 'symbol', filter: points,
        layout: { 'text-field': labelField(lang), 'text-font': FONT, 'text-size': 11, 'text-optional': true },
        paint: { 'text-color': '#5b5249', 'text-halo-color': 'rgba(255,255,255,0.85)', 'text-halo-width': 1.2 },
      }];
    default:
      return [fill('#e6e2da', 0.6), { ...line('#bdb6aa', 0.6), id: id('outline') }];
  }
}

const OPACITY: Record<string, readonly string[]> = {
  fill: ['fill-opacity'], line: ['line-opacity'], symbol: ['text-opacity'], raster: ['raster-opacity'],
};

/** The basemap's style layers, in drawing order, with its opacity and visibility (pure). */
export function basemapLayerSpecs(basemap: BasemapStyleInput, lang: Lang): LayerSpecification[] {
  const metadata = { [BASEMAP_NAME_METADATA]: basemap.name };
  const raw: object[] = basemap.kind === 'raster'
    ? [{ id: `${BASEMAP_LAYER_PREFIX}raster`, type: 'raster', source: BASEMAP_SOURCE, paint: { 'raster-opacity': 1, 'raster-fade-duration': 0 } }]
    : basemap.vectorLayers
      .map((layer, index) => ({ layer, index }))
      .sort((a, b) => ORDER.indexOf(roleOf(a.layer.id)) - ORDER.indexOf(roleOf(b.layer.id)) || a.index - b.index)
      .flatMap(({ layer, index }) => vectorLayers(layer.id, index, lang));
  const opacity = Math.min(1, Math.max(0, basemap.opacity));
  const visibility = basemap.visible ? 'visible' : 'none';
  return raw.map((spec) => {
    const layer = spec as LayerSpecification & { paint: Record<string, unknown>; layout?: Record<string, unknown> };
    const paint = { ...layer.paint };
    for (const property of OPACITY[layer.type] ?? []) paint[property] = (typeof paint[property] === 'number' ? paint[property] as number : 1) * opacity;
    return { ...layer, metadata, paint, layout: { ...layer.layout, visibility } } as LayerSpecification;
  });
}

/** `text` with HTML's special characters as entities. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The basemap's source as MapLibre takes it (tiles through the basemap protocol). */
export function basemapSourceSpec(basemap: BasemapStyleInput): Record<string, unknown> {
  return {
    type: basemap.kind,
    tiles: [basemapTileUrl(basemap.key)],
    minzoom: basemap.minZoom,
    maxzoom: basemap.maxZoom,
    ...(basemap.kind === 'raster' ? { tileSize: 256 } : {}),
    ...(basemap.bounds ? { bounds: [...basemap.bounds] } : {}),
    // MapLibre's attribution control takes HTML: the file's text is escaped, shown as text
    ...(basemap.attribution ? { attribution: escapeHtml(basemap.attribution) } : {}),
  };
}

/** The basemap's part of the scene, under everything else (provided to `sceneOf` by the basemap feature: ./lazy-parts.ts). */
export function basemapScenePart(input: SceneInput): Scene {
  const basemap = input.basemap;
  if (!basemap) return { sources: [], layers: [] };
  return {
    sources: [{ id: BASEMAP_SOURCE, source: { kind: 'tiles', data: basemapTileUrl(basemap.key), spec: basemapSourceSpec(basemap) } }],
    layers: basemapLayerSpecs(basemap, input.lang),
  };
}
