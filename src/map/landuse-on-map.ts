/**
 * What of the land-use layer is on a map, for the code that reads it (the legend, the compare view): its
 * source ids, its style layers, the classes they draw, and who wants to know when it is shown or cleared.
 * Kept apart from ./landuse-layer.ts so the first view does not load the land-use drawing code.
 */
import type { LayerSpecification, Map as MaplibreMap } from 'maplibre-gl';
import type { MapView } from './map-view.ts';

export const LANDUSE_SOURCE = 'landuse';
export const LANDUSE_OVERVIEW_SOURCE = 'landuse-overview';
/** style layer metadata: the classes a fill layer draws (the legend reads them from the live style) */
export const CLASSES_METADATA = 'plan:landuse-classes';
/** style layer metadata: the land-use layer's name */
export const NAME_METADATA = 'plan:landuse-name';

/** A class the layer draws, as the legend needs it (from the layer's summary, i.e. the classification table). */
export interface LandUseLegendClass {
  key: string;
  colour: string;
  /** null: no known class (the legend says "not recognised") */
  name: string | null;
  nameEn: string | null;
}

/** The land-use style layers now on `map` (either source), in drawing order. */
export function landUseStyleLayers(map: MaplibreMap): LayerSpecification[] {
  return map.getLayersOrder().map((id) => map.getLayer(id)?.serialize() as LayerSpecification | undefined)
    .filter((layer): layer is LayerSpecification => !!layer && 'source' in layer && (layer.source === LANDUSE_SOURCE || layer.source === LANDUSE_OVERVIEW_SOURCE));
}

const watchers = new WeakMap<MaplibreMap, Set<() => void>>();

/** Calls `listener` whenever a land-use layer is shown or cleared on `view`; returns the unsubscribe. */
export function onLandUseLayerChange(view: MapView, listener: () => void): () => void {
  const set = watchers.get(view.map) ?? new Set();
  watchers.set(view.map, set);
  set.add(listener);
  return () => set.delete(listener);
}

/** Tells the watchers of `map` that its land-use layer changed. */
export function landUseLayerChanged(map: MaplibreMap): void {
  for (const listener of [...(watchers.get(map) ?? [])]) listener();
}
