/**
 * Draws user-imported GeoJSON layers (#7): one source per import (`<id>`) and three style layers
 * (`<id>-fill`, `<id>-line`, `<id>-circle`) filtered by geometry type, on top of the plan's layers.
 * Sources and layers are added, updated and removed to match state; nothing else of the style is touched.
 */
import type { GeoJSONSource, LayerSpecification, Map as MaplibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { ImportedLayer } from '../state/imports.ts';

/** Distinct colours, none of them the plan's blue-green or construction colours' near twins. */
const PALETTE = ['#d6336c', '#7048e8', '#e67700', '#0c8599', '#5c940d', '#862e9c'];

export const IMPORT_LAYER_SUFFIXES = ['-fill', '-line', '-circle'] as const;

/** The style layer specs of one import (pure; testable without WebGL). */
export function importedLayerSpecs(id: string, colour: string, visible: boolean): LayerSpecification[] {
  const visibility = visible ? 'visible' : 'none';
  return [
    { id: `${id}-fill`, type: 'fill', source: id, filter: ['==', ['geometry-type'], 'Polygon'],
      layout: { visibility }, paint: { 'fill-color': colour, 'fill-opacity': 0.35 } },
    { id: `${id}-line`, type: 'line', source: id, filter: ['in', ['geometry-type'], ['literal', ['LineString', 'Polygon']]],
      layout: { visibility, 'line-join': 'round' }, paint: { 'line-color': colour, 'line-width': 2 } },
    { id: `${id}-circle`, type: 'circle', source: id, filter: ['==', ['geometry-type'], 'Point'],
      layout: { visibility }, paint: { 'circle-color': colour, 'circle-radius': 5, 'circle-stroke-color': '#fff', 'circle-stroke-width': 1.5 } },
  ];
}

/** The map's copy of the data: feature ids replaced by the feature index, so a click finds the feature in state. */
function indexed(data: FeatureCollection): FeatureCollection {
  return { type: 'FeatureCollection', features: data.features.map((feature, index) => ({ ...feature, id: index })) };
}

export class ImportedLayers {
  private readonly shown = new Map<string, { data: FeatureCollection; visible: boolean }>();

  constructor(private readonly map: MaplibreMap) {}

  /** Style layer ids of every drawn import (for click queries). */
  layerIds(): string[] {
    return [...this.shown.keys()].flatMap((id) => IMPORT_LAYER_SUFFIXES.map((suffix) => `${id}${suffix}`)).filter((id) => this.map.getLayer(id));
  }

  /** Makes the map match `imports`. Throws only if MapLibre does; callers keep state unchanged then. */
  sync(imports: readonly ImportedLayer[]): void {
    const wanted = new Set(imports.map((layer) => layer.id));
    for (const id of [...this.shown.keys()]) {
      if (!wanted.has(id)) this.remove(id);
    }
    imports.forEach((layer, index) => {
      const current = this.shown.get(layer.id);
      if (!current) {
        this.add(layer, PALETTE[index % PALETTE.length] as string);
        return;
      }
      if (current.data !== layer.data) {
        this.map.getSource<GeoJSONSource>(layer.id)?.setData(indexed(layer.data));
      }
      if (current.visible !== layer.visible) {
        for (const suffix of IMPORT_LAYER_SUFFIXES) this.map.setLayoutProperty(`${layer.id}${suffix}`, 'visibility', layer.visible ? 'visible' : 'none');
      }
      this.shown.set(layer.id, { data: layer.data, visible: layer.visible });
    });
  }

  private add(layer: ImportedLayer, colour: string): void {
    try {
      this.map.addSource(layer.id, { type: 'geojson', data: indexed(layer.data) });
      for (const spec of importedLayerSpecs(layer.id, colour, layer.visible)) this.map.addLayer(spec);
      this.shown.set(layer.id, { data: layer.data, visible: layer.visible });
    } catch (error) {
      this.remove(layer.id);
      throw error;
    }
  }

  private remove(id: string): void {
    for (const suffix of IMPORT_LAYER_SUFFIXES) {
      if (this.map.getLayer(`${id}${suffix}`)) this.map.removeLayer(`${id}${suffix}`);
    }
    if (this.map.getSource(id)) this.map.removeSource(id);
    this.shown.delete(id);
  }
}
