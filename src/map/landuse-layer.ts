/**
 * Draws the planner's land-use layer: one source (`landuse`) with a fill in each parcel's class colour (the
 * national standard's, carried in the parcel's `colour` property) and a thin outline, under the plan's
 * labels. The data arrives as a Blob from the land-use worker and is handed to MapLibre's worker as an
 * object URL (a data: URL on file:// pages), so the parcels are never parsed on the main thread. The source
 * simplifies more than MapLibre's default (tolerance 1.5): tens of thousands of parcels at the whole-area zoom
 * cost MapLibre's main thread less, while the figures always use every parcel at full detail (in the worker).
 */
import type { GeoJSONSource, LayerSpecification, Map as MaplibreMap } from 'maplibre-gl';
import type { MapView } from './map-view.ts';

export const LANDUSE_SOURCE = 'landuse';

/** The style layers of the land-use layer (pure; testable without WebGL). */
export function landUseLayerSpecs(): LayerSpecification[] {
  return [
    { id: `${LANDUSE_SOURCE}-fill`, type: 'fill', source: LANDUSE_SOURCE, paint: { 'fill-color': ['coalesce', ['get', 'colour'], '#9e9e9e'], 'fill-opacity': 0.75 } },
    { id: `${LANDUSE_SOURCE}-line`, type: 'line', source: LANDUSE_SOURCE, minzoom: 12, paint: { 'line-color': '#52606d', 'line-width': 0.4 } },
  ];
}

export class LandUseLayer {
  private readonly map: MaplibreMap;
  private url = '';
  private data: Blob | undefined;

  constructor(view: MapView) {
    this.map = view.map;
  }

  /** Shows `data` (GeoJSON text), replacing what was shown. Throws only if MapLibre does. */
  show(data: Blob): void {
    this.data = data;
    const previous = this.url;
    this.url = location.protocol === 'file:' ? '' : URL.createObjectURL(data);
    if (!this.url) {
      const reader = new FileReader();
      reader.onload = () => {
        if (this.data === data) this.map.getSource<GeoJSONSource>(LANDUSE_SOURCE)?.setData(String(reader.result));
      };
      reader.readAsDataURL(data);
    }
    const source = this.map.getSource<GeoJSONSource>(LANDUSE_SOURCE);
    if (source) {
      source.setData(this.url || { type: 'FeatureCollection', features: [] });
    } else {
      this.map.addSource(LANDUSE_SOURCE, { type: 'geojson', data: this.url || { type: 'FeatureCollection', features: [] }, tolerance: 1.5, buffer: 32 });
      const firstSymbol = this.map.getStyle().layers.find((layer) => layer.type === 'symbol')?.id;
      for (const spec of landUseLayerSpecs()) this.map.addLayer(spec, firstSymbol);
    }
    if (previous) URL.revokeObjectURL(previous);
  }

  /** Removes the layer, its source and its object URL. */
  clear(): void {
    for (const spec of landUseLayerSpecs()) if (this.map.getLayer(spec.id)) this.map.removeLayer(spec.id);
    if (this.map.getSource(LANDUSE_SOURCE)) this.map.removeSource(LANDUSE_SOURCE);
    if (this.url) URL.revokeObjectURL(this.url);
    this.url = '';
    this.data = undefined;
  }
}
