import type { Geodata, GeodataName } from '../data/geodata.ts';

/**
 * The user-facing layers, grouped like the plan, and the MapLibre style layers each one controls.
 * The map and the layer tree both read this table; nothing else names style layer ids.
 */
export interface CatalogLayer {
  id: string;
  /** message-catalogue key of the layer's label */
  labelKey: string;
  /** style layer ids in styles/plan-style.json that this entry shows or hides */
  styleLayers: readonly string[];
  visibleByDefault: boolean;
  /** false for layers drawn only to inform (e.g. position error circles): a click passes through them */
  pickable?: boolean;
  /**
   * The geodata features this entry draws (a layer, optionally only those whose `property` equals `value`, as
   * its style layers filter them): when the loaded data holds none, the entry is "not mapped" (see `unmappedLayers`).
   */
  features?: { readonly layer: GeodataName; readonly property?: string; readonly value?: string };
}

/**
 * The catalog layers that would draw nothing: their geodata is loaded and holds no feature they show (e.g. the
 * farmland class, which no public outline maps). A layer whose data is not loaded yet is not listed.
 * @param data - the loaded geodata
 * @returns the ids of those catalog layers
 * @example unmappedLayers(state.data).has('blue-green-farmland') // true while no farmland is mapped
 */
export function unmappedLayers(data: Geodata): Set<string> {
  const ids = new Set<string>();
  for (const group of LAYER_GROUPS) {
    for (const layer of group.layers) {
      const wanted = layer.features;
      const collection = wanted ? data[wanted.layer] : undefined;
      if (!wanted || !collection) continue;
      const { property, value } = wanted;
      const drawn = collection.features.some((feature) => property === undefined || feature.properties?.[property] === value);
      if (!drawn) ids.add(layer.id);
    }
  }
  return ids;
}

/**
 * Visibility as a legend should read it: a layer the data leaves empty draws nothing, so it has no legend row.
 * @returns the same object when no visible layer is unmapped, else a copy with those layers off
 */
export function drawnVisibility<T extends Readonly<Record<string, boolean>>>(visibility: T, data: Geodata): T {
  const empty = [...unmappedLayers(data)].filter((id) => visibility[id]);
  return empty.length === 0 ? visibility : { ...visibility, ...Object.fromEntries(empty.map((id) => [id, false])) };
}

export interface CatalogGroup {
  id: string;
  labelKey: string;
  layers: readonly CatalogLayer[];
}

export const LAYER_GROUPS: readonly CatalogGroup[] = [
  { id: 'g-boundary', labelKey: 'group.boundary', layers: [
    { id: 'boundary', labelKey: 'layer.boundary', styleLayers: ['boundary-line'], visibleByDefault: true },
    { id: 'subdistricts', labelKey: 'layer.subdistricts', styleLayers: ['subdistricts-line', 'subdistricts-label'], visibleByDefault: true },
  ] },
  { id: 'g-structure', labelKey: 'group.structure', layers: [
    { id: 'axis', labelKey: 'layer.axis', styleLayers: ['structure-axis'], visibleByDefault: true },
    { id: 'belt', labelKey: 'layer.belt', styleLayers: ['structure-belt'], visibleByDefault: true },
    { id: 'cores', labelKey: 'layer.cores', styleLayers: ['structure-core'], visibleByDefault: true },
    { id: 'clusters', labelKey: 'layer.clusters', styleLayers: ['structure-cluster-fill', 'structure-cluster-line', 'structure-label'], visibleByDefault: true },
  ] },
  { id: 'g-blue-green', labelKey: 'group.blueGreen', layers: [
    { id: 'blue-green-water', labelKey: 'layer.bg.water', styleLayers: ['blue-green-water'], visibleByDefault: true, features: { layer: 'blue-green', property: 'class', value: 'water' } },
    { id: 'blue-green-wetland', labelKey: 'layer.bg.wetland', styleLayers: ['blue-green-wetland'], visibleByDefault: true, features: { layer: 'blue-green', property: 'class', value: 'wetland' } },
    { id: 'blue-green-forest', labelKey: 'layer.bg.forest', styleLayers: ['blue-green-forest'], visibleByDefault: true, features: { layer: 'blue-green', property: 'class', value: 'forest' } },
    { id: 'blue-green-park', labelKey: 'layer.bg.park', styleLayers: ['blue-green-park'], visibleByDefault: true, features: { layer: 'blue-green', property: 'class', value: 'park' } },
    { id: 'blue-green-farmland', labelKey: 'layer.bg.farmland', styleLayers: ['blue-green-farmland'], visibleByDefault: true, features: { layer: 'blue-green', property: 'class', value: 'farmland' } },
  ] },
  { id: 'g-construction', labelKey: 'group.construction', layers: [
    { id: 'construction', labelKey: 'layer.construction', styleLayers: ['construction-fill'], visibleByDefault: false, features: { layer: 'construction' } },
  ] },
  { id: 'g-crossings', labelKey: 'group.crossings', layers: [
    { id: 'crossings-open', labelKey: 'layer.crossingsOpen', styleLayers: ['crossings-open', 'crossings-open-marker'], visibleByDefault: true },
    { id: 'crossings-under-construction', labelKey: 'layer.crossingsUnderConstruction', styleLayers: ['crossings-under-construction', 'crossings-under-construction-marker'], visibleByDefault: true },
    { id: 'crossings-planned', labelKey: 'layer.crossingsPlanned', styleLayers: ['crossings-planned', 'crossings-planned-marker'], visibleByDefault: true },
    { id: 'crossings-approximate', labelKey: 'layer.crossingsApproximate', styleLayers: ['crossings-approximate-area'], visibleByDefault: true, pickable: false },
    { id: 'crossings-labels', labelKey: 'layer.crossingsLabels', styleLayers: ['crossings-label'], visibleByDefault: true },
  ] },
  { id: 'g-projects', labelKey: 'group.projects', layers: [
    { id: 'projects-industry', labelKey: 'layer.project.industry', styleLayers: ['projects-industry', 'projects-industry-line', 'projects-industry-label'], visibleByDefault: true },
    { id: 'projects-public-service', labelKey: 'layer.project.publicService', styleLayers: ['projects-public-service', 'projects-public-service-line', 'projects-public-service-label'], visibleByDefault: true },
    { id: 'projects-infrastructure', labelKey: 'layer.project.infrastructure', styleLayers: ['projects-infrastructure', 'projects-infrastructure-line', 'projects-infrastructure-label'], visibleByDefault: true },
    { id: 'projects-transport', labelKey: 'layer.project.transport', styleLayers: ['projects-transport', 'projects-transport-line', 'projects-transport-label'], visibleByDefault: true },
    { id: 'projects-heritage', labelKey: 'layer.project.heritage', styleLayers: ['projects-heritage', 'projects-heritage-line', 'projects-heritage-label'], visibleByDefault: true },
  ] },
  { id: 'g-accuracy', labelKey: 'group.accuracy', layers: [
    { id: 'position-uncertainty', labelKey: 'layer.positionUncertainty', styleLayers: ['crossings-uncertainty', 'projects-uncertainty'], visibleByDefault: false, pickable: false },
  ] },
  { id: 'g-context', labelKey: 'group.context', layers: [
    { id: 'context-city', labelKey: 'layer.contextCity', styleLayers: ['context-city'], visibleByDefault: true },
    { id: 'context-rivers', labelKey: 'layer.contextRivers', styleLayers: ['context-river'], visibleByDefault: true },
    { id: 'context-nodes', labelKey: 'layer.contextNodes', styleLayers: ['context-historic', 'context-label'], visibleByDefault: true },
  ] },
];

export const CATALOG_LAYERS: readonly CatalogLayer[] = LAYER_GROUPS.flatMap((group) => group.layers);

export function defaultLayerVisibility(): Record<string, boolean> {
  return Object.fromEntries(CATALOG_LAYERS.map((layer) => [layer.id, layer.visibleByDefault]));
}
