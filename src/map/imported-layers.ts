/**
 * Draws user-imported GeoJSON layers: one source per import (`<id>`) and three style layers
 * (`<id>-fill`, `<id>-line`, `<id>-circle`) filtered by geometry type, on top of the plan's layers.
 * Sources and layers are added, updated and removed to match state; nothing else of the style is touched.
 * Each source is given an object URL of the layer's `data` Blob: MapLibre's worker fetches and parses
 * it, so a 50 MB layer is never serialized on the main thread. URLs are revoked when the data changes or
 * the layer goes (CSP: connect-src needs `blob:`).
 */
import type { GeoJSONSource, LayerSpecification, Map as MaplibreMap } from 'maplibre-gl';
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

const EMPTY = { type: 'FeatureCollection' as const, features: [] };

/**
 * A page opened over file:// (the single-file build) has an opaque origin: MapLibre's worker cannot
 * fetch its blob: URLs. There the Blob is read as a data: URL instead (asynchronously, by the browser).
 */
function opaqueOrigin(): boolean {
  return typeof location !== 'undefined' && location.protocol === 'file:';
}

function readAsDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('could not read the layer'));
    reader.readAsDataURL(blob);
  });
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

  /**
   * An object URL of `data` (revoke it when done), or '' where object URLs cannot be fetched: then the data:
   * URL is set on the source when read, if the layer still shows the same data.
   */
  private urlOf(id: string, data: Blob): string {
    if (!opaqueOrigin()) return URL.createObjectURL(data);
    void readAsDataUrl(data).then((dataUrl) => {
      if (this.shown.get(id)?.data === data) this.map.getSource<GeoJSONSource>(id)?.setData(dataUrl);
    }, () => undefined);
    return '';
  }

  private add(layer: ImportedLayer, colour: string): void {
    this.shown.set(layer.id, { data: layer.data, url: '', visible: layer.visible });
    const url = this.urlOf(layer.id, layer.data);
    this.shown.set(layer.id, { data: layer.data, url, visible: layer.visible });
    try {
      this.map.addSource(layer.id, { type: 'geojson', data: url || EMPTY });
      for (const spec of importedLayerSpecs(layer.id, colour, layer.visible)) this.map.addLayer(spec);
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
    const url = this.shown.get(id)?.url;
    if (url) URL.revokeObjectURL(url);
    this.shown.delete(id);
  }
}
