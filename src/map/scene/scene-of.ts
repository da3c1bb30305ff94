/**
 * `sceneOf`: the map's sources and layers as a pure function of a `SceneInput` (no MapLibre runtime, no DOM).
 * Drawing order: the basemap under everything, the plan's layers below its labels, the land-use parcels, the plan's labels and markers on
 * top of them (as styles/plan-style.json orders them), the imported layers, the study and what-if outlines,
 * a measurement, the slide highlight. Plan images go below all of the plan's layers or above its labels (under
 * the imported layers and the outlines), each by its own setting. Plan layers take the timeline year (crossings by their status then,
 * projects faded by it), the catalog's visibility and opacity, the label language and the label size.
 * Everything unchanged keeps its object identity (the style's own layer objects, the input's data), so the
 * applier's comparisons stay cheap.
 */
import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import planStyleJson from '../../../styles/plan-style.json';
import { CATALOG_LAYERS } from '../../state/layer-catalog.ts';
import { idsByStatus } from '../../core/timeline/status-in-year.ts';
import type { BuildStatus } from '../../core/timeline/status-in-year.ts';
import { scaledTextSize } from '../label-scale.ts';
import { LANDUSE_OVERVIEW_SOURCE, LANDUSE_SOURCE } from '../landuse-on-map.ts';
import { LANDUSE_TILE_LAYER, PARCELS_MAX_ZOOM, landUseLayerSpecs } from './landuse-specs.ts';
import { importColour, importedLayerSpecs } from './imported-specs.ts';
import { planImagesPart } from './plan-image-specs.ts';
import { scenePart } from './lazy-parts.ts';
import { MEASURE_LAYERS, MEASURE_SOURCE, OUTLINES_SOURCE, OUTLINE_LAYERS, SLIDE_LAYERS, SLIDE_MASK_SOURCE, SLIDE_SOURCE } from './overlay-specs.ts';
import type { Scene, SceneInput, SceneSourceEntry } from './scene-types.ts';

const PLAN_STYLE = planStyleJson as unknown as StyleSpecification;

/** The crossing style layers, one per status: each shows the crossings of that status in the year. */
const CROSSING_LAYERS: Record<BuildStatus, string> = {
  open: 'crossings-open',
  'under-construction': 'crossings-under-construction',
  planned: 'crossings-planned',
};

/** The paint properties that carry opacity, per style layer type. */
const OPACITY_PROPERTIES: Record<string, readonly string[]> = {
  fill: ['fill-opacity'],
  line: ['line-opacity'],
  circle: ['circle-opacity', 'circle-stroke-opacity'],
  symbol: ['text-opacity'],
};

/** style layer id → catalog layer id */
const CATALOG_OF = new Map(CATALOG_LAYERS.flatMap((layer) => layer.styleLayers.map((styleLayer) => [styleLayer, layer.id] as const)));

type Paint = Record<string, unknown>;

/** The scene of the plan's style alone, as a map made from it starts (its sources with their empty data). */
export function styleScene(style: StyleSpecification = PLAN_STYLE): Scene {
  const sources: SceneSourceEntry[] = Object.entries(style.sources).map(([id, source]) => ({
    id, source: { kind: 'geojson', data: ('data' in source ? source.data : { type: 'FeatureCollection', features: [] }) as FeatureCollection },
  }));
  return { sources, layers: style.layers };
}

/** `value` × `factor`: numbers and the outputs of zoom curves scaled, other expressions wrapped in `*`. */
function scaled(value: unknown, factor: number): unknown {
  return factor === 1 ? value : scaledTextSize(value ?? 1, factor);
}

/** The opacity expression of the projects in `year`: planned faint, under construction half, open full. */
function projectOpacity(groups: Record<BuildStatus, string[]>): ExpressionSpecification {
  return ['case', ['in', ['get', 'id'], ['literal', groups.planned]], 0.3, ['in', ['get', 'id'], ['literal', groups['under-construction']]], 0.65, 1];
}

let lastYear: { collection: FeatureCollection; year: number; groups: Record<BuildStatus, string[]> } | undefined;
let lastProjects: { collection: FeatureCollection; year: number; groups: Record<BuildStatus, string[]> } | undefined;
/** Ids by status in `year`, remembered for the last collection and year (the timeline moves rarely). */
function statusGroups(collection: FeatureCollection, year: number, which: 'crossings' | 'projects'): Record<BuildStatus, string[]> {
  const last = which === 'crossings' ? lastYear : lastProjects;
  if (last?.collection === collection && last.year === year) return last.groups;
  const groups = idsByStatus(collection.features as never, year) as Record<BuildStatus, string[]>;
  const next = { collection, year, groups };
  if (which === 'crossings') lastYear = next;
  else lastProjects = next;
  return groups;
}

/** A plan style layer as the input draws it (the style's own object when nothing changes). */
function planLayer(layer: LayerSpecification, input: SceneInput): LayerSpecification {
  const catalogId = CATALOG_OF.get(layer.id);
  const layout: Paint = { ...(layer.layout as Paint | undefined) };
  const paint: Paint = { ...(layer.paint as Paint | undefined) };
  let filter = 'filter' in layer ? layer.filter : undefined;
  if (catalogId !== undefined) layout.visibility = input.visibility[catalogId] ? 'visible' : 'none';
  if (layer.type === 'symbol') {
    const [first, second] = input.lang === 'zh' ? ['name_zh', 'name_en'] : ['name_en', 'name_zh'];
    layout['text-field'] = ['coalesce', ['get', first], ['get', second]];
    if (input.labelScale !== 1) layout['text-size'] = scaledTextSize(layer.layout?.['text-size'], input.labelScale);
  }
  const source = 'source' in layer ? layer.source : undefined;
  const crossings = input.data.crossings;
  const status = (Object.keys(CROSSING_LAYERS) as BuildStatus[]).find((key) => CROSSING_LAYERS[key] === layer.id);
  if (status && crossings) filter = ['in', ['get', 'id'], ['literal', statusGroups(crossings, input.year, 'crossings')[status]]];
  const projects = input.data.projects;
  if (layer.type === 'circle' && source === 'projects' && projects) {
    const opacity = projectOpacity(statusGroups(projects, input.year, 'projects'));
    paint['circle-opacity'] = opacity;
    paint['circle-stroke-opacity'] = opacity;
  }
  const factor = catalogId === undefined ? 1 : Math.min(1, Math.max(0, input.opacity[catalogId] ?? 1));
  if (factor !== 1) for (const property of OPACITY_PROPERTIES[layer.type] ?? []) paint[property] = scaled(paint[property], factor);
  return { ...layer, layout, paint, ...(filter !== undefined ? { filter } : {}) } as LayerSpecification;
}

/** `layers` with every opacity paint property scaled by `factor` and the visibility set. */
function withOpacity(layers: readonly LayerSpecification[], factor: number): LayerSpecification[] {
  const clamped = Math.min(1, Math.max(0, factor));
  if (clamped === 1) return [...layers];
  return layers.map((layer) => {
    const paint: Paint = { ...(layer.paint as Paint | undefined) };
    for (const property of OPACITY_PROPERTIES[layer.type] ?? []) paint[property] = scaled(paint[property], clamped);
    return { ...layer, paint } as LayerSpecification;
  });
}

function landUsePart(input: SceneInput): Scene {
  const landuse = input.landuse;
  if (!landuse) return { sources: [], layers: [] };
  const sources: SceneSourceEntry[] = [];
  if (landuse.overview) sources.push({ id: LANDUSE_OVERVIEW_SOURCE, source: { kind: 'blob-geojson', data: landuse.overview } });
  sources.push({ id: LANDUSE_SOURCE, source: { kind: 'blob-tiles', data: landuse.data, layer: LANDUSE_TILE_LAYER, maxzoom: PARCELS_MAX_ZOOM } });
  const visibility = landuse.visible ? 'visible' : 'none';
  const layers = withOpacity(landUseLayerSpecs(landuse.overview !== null, landuse), landuse.opacity ?? 1)
    .map((layer) => ({ ...layer, layout: { ...layer.layout, visibility } }) as LayerSpecification);
  return { sources, layers };
}

const NO_PART: Scene = { sources: [], layers: [] };

function importsPart(input: SceneInput): Scene {
  const sources: SceneSourceEntry[] = [];
  const layers: LayerSpecification[] = [];
  input.imports.forEach((layer, index) => {
    sources.push({ id: layer.id, source: { kind: 'blob-geojson', data: layer.data } });
    layers.push(...withOpacity(importedLayerSpecs(layer.id, importColour(index), layer.visible), input.opacity[layer.id] ?? 1));
  });
  return { sources, layers };
}

function overlayPart(input: SceneInput): Scene {
  const sources: SceneSourceEntry[] = [];
  const layers: LayerSpecification[] = [];
  if (input.outlines?.features.length) {
    sources.push({ id: OUTLINES_SOURCE, source: { kind: 'geojson', data: input.outlines } });
    layers.push(...OUTLINE_LAYERS);
  }
  if (input.measure) {
    sources.push({ id: MEASURE_SOURCE, source: { kind: 'geojson', data: input.measure } });
    layers.push(...MEASURE_LAYERS);
  }
  if (input.slide) {
    sources.push({ id: SLIDE_MASK_SOURCE, source: { kind: 'geojson', data: input.slide.mask } }, { id: SLIDE_SOURCE, source: { kind: 'geojson', data: input.slide.features } });
    layers.push(...SLIDE_LAYERS);
  }
  return { sources, layers };
}


/**
 * The map's sources and layers for `input`, in drawing order.
 * @param style - the plan's style (default: styles/plan-style.json)
 */
export function sceneOf(input: SceneInput, style: StyleSpecification = PLAN_STYLE): Scene {
  const base = styleScene(style);
  const sources = base.sources.map((entry): SceneSourceEntry => {
    const data = entry.id === 'highlight' ? input.highlight : input.data[entry.id];
    return data ? { id: entry.id, source: { kind: 'geojson', data } } : entry;
  });
  const plan = base.layers.map((layer) => planLayer(layer, input));
  const firstLabel = plan.findIndex((layer) => layer.type === 'symbol');
  const split = firstLabel === -1 ? plan.length : firstLabel;
  const landuse = landUsePart(input);
  // the control lines above the parcels and the basemap under everything: drawn once their feature provides them
  const lines = input.controlLines ? scenePart('controlLines')?.(input) ?? NO_PART : NO_PART;
  const imports = importsPart(input);
  const overlays = overlayPart(input);
  const basemap = input.basemap ? scenePart('basemap')?.(input) ?? NO_PART : NO_PART;
  const images = planImagesPart(input.planImages ?? []);
  return {
    sources: [...basemap.sources, ...sources, ...landuse.sources, ...lines.sources, ...imports.sources, ...images.sources, ...overlays.sources],
    layers: [...basemap.layers, ...images.below, ...plan.slice(0, split), ...landuse.layers, ...lines.layers, ...plan.slice(split), ...images.above, ...imports.layers, ...overlays.layers],
  };
}
