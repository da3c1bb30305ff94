/**
 * Draws user-imported GeoJSON layers: one source per import (`<id>`) and three style layers
 * (`<id>-fill`, `<id>-line`, `<id>-circle`) filtered by geometry type, on top of the plan's layers.
 * Sources and layers are added, updated and removed to match state; nothing else of the style is touched.
 * Each source is given an object URL of the layer's `data` Blob (./blob-source.ts; a file:// page reads it
 * as a data: URL). URLs are revoked when the data changes or the layer goes (CSP: connect-src needs `blob:`).
 */
import type { GeoJSONSource, LayerSpecification, Map as MaplibreMap } from 'maplibre-gl';
import { blobUrl, EMPTY_COLLECTION, removeFromMap } from './blob-source.ts';
import type { ImportedLayer } from '../state/imports.ts';
import type { MapView } from './map-view.ts';

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

export class ImportedLayers {
  private readonly shown = new Map<string, { data: Blob; url: string; visible: boolean }>();

  private readonly map: MaplibreMap;

  constructor(view: MapView) {
    this.map = view.map;
  }

  /** Removes every imported layer, source and object URL from the map. */
  clear(): void {
    for (const id of [...this.shown.keys()]) this.remove(id);
  }

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
      let url = current.url;
      if (current.data !== layer.data) {
        url = this.urlOf(layer.id, layer.data);
        try {
          if (url) this.map.getSource<GeoJSONSource>(layer.id)?.setData(url);
        } catch (error) {
          URL.revokeObjectURL(url);
          throw error;
        }
        if (current.url) URL.revokeObjectURL(current.url);
      }
      if (current.visible !== layer.visible) {
        for (const suffix of IMPORT_LAYER_SUFFIXES) this.map.setLayoutProperty(`${layer.id}${suffix}`, 'visibility', layer.visible ? 'visible' : 'none');
      }
      this.shown.set(layer.id, { data: layer.data, url, visible: layer.visible });
    });
  }

  /** An object URL of `data` (revoke it when done), or '' on file:// pages (./blob-source.ts). */
  private urlOf(id: string, data: Blob): string {
    return blobUrl(this.map, id, data, () => this.shown.get(id)?.data === data);
  }

  private add(layer: ImportedLayer, colour: string): void {
    this.shown.set(layer.id, { data: layer.data, url: '', visible: layer.visible });
    const url = this.urlOf(layer.id, layer.data);
    this.shown.set(layer.id, { data: layer.data, url, visible: layer.visible });
    try {
      this.map.addSource(layer.id, { type: 'geojson', data: url || EMPTY_COLLECTION });
      for (const spec of importedLayerSpecs(layer.id, colour, layer.visible)) this.map.addLayer(spec);
    } catch (error) {
      this.remove(layer.id);
      throw error;
    }
  }

  private remove(id: string): void {
    removeFromMap(this.map, IMPORT_LAYER_SUFFIXES.map((suffix) => `${id}${suffix}`), [id]);
    const url = this.shown.get(id)?.url;
    if (url) URL.revokeObjectURL(url);
    this.shown.delete(id);
  }
}
