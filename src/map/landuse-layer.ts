/**
 * Draws the planner's land-use layer: one source (`landuse`) with a fill in each parcel's class colour (the
 * national standard's, carried in the parcel's `colour` property) and a thin outline, under the plan's
 * labels. The data arrives as a Blob from the land-use worker and is handed to MapLibre's worker as an
 * object URL (a data: URL on file:// pages), so the parcels are never parsed on the main thread. A large
 * layer comes with a coarse overview (`landuse-overview`), drawn below OVERVIEW_MAX_ZOOM instead of the
 * parcels, so the whole-area view does not cut tens of thousands of parcels into tiles on the main thread;
 * the figures always use every parcel (in the worker).
 */
import type { GeoJSONSource, LayerSpecification, Map as MaplibreMap } from 'maplibre-gl';
import type { MapView } from './map-view.ts';

export const LANDUSE_SOURCE = 'landuse';
export const LANDUSE_OVERVIEW_SOURCE = 'landuse-overview';
/** Below this zoom a large layer shows its overview; from it on, every parcel. */
export const OVERVIEW_MAX_ZOOM = 12;

const EMPTY = { type: 'FeatureCollection' as const, features: [] };

/** The style layers of the land-use layer (pure; testable without WebGL). */
export function landUseLayerSpecs(withOverview = false): LayerSpecification[] {
  const parcelsFrom = withOverview ? OVERVIEW_MAX_ZOOM : 0;
  return [
    ...(withOverview ? [{ id: `${LANDUSE_OVERVIEW_SOURCE}-fill`, type: 'fill', source: LANDUSE_OVERVIEW_SOURCE, maxzoom: OVERVIEW_MAX_ZOOM, paint: { 'fill-color': ['coalesce', ['get', 'colour'], '#9e9e9e'], 'fill-opacity': 0.75 } } as LayerSpecification] : []),
    { id: `${LANDUSE_SOURCE}-fill`, type: 'fill', source: LANDUSE_SOURCE, minzoom: parcelsFrom, paint: { 'fill-color': ['coalesce', ['get', 'colour'], '#9e9e9e'], 'fill-opacity': 0.75 } },
    { id: `${LANDUSE_SOURCE}-line`, type: 'line', source: LANDUSE_SOURCE, minzoom: Math.max(12, parcelsFrom), paint: { 'line-color': '#52606d', 'line-width': 0.4 } },
  ];
}

function readAsDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('could not read the layer'));
    reader.readAsDataURL(blob);
  });
}

export class LandUseLayer {
  private readonly map: MaplibreMap;
  private urls: string[] = [];
  private data: Blob | undefined;

  constructor(view: MapView) {
    this.map = view.map;
  }

  /** A URL MapLibre's worker can fetch, or '' (file:// pages: the data: URL is set when read). */
  private urlOf(source: string, blob: Blob): string {
    if (location.protocol !== 'file:') {
      const url = URL.createObjectURL(blob);
      this.urls.push(url);
      return url;
    }
    const shown = this.data;
    void readAsDataUrl(blob).then((dataUrl) => {
      if (this.data === shown) this.map.getSource<GeoJSONSource>(source)?.setData(dataUrl);
    }, () => undefined);
    return '';
  }

  /** Shows `data` (GeoJSON text) and, for a large layer, its `overview`, replacing what was shown. Throws only if MapLibre does. */
  show(data: Blob, overview: Blob | null = null): void {
    this.clear();
    this.data = data;
    const beforeLabels = this.map.getStyle().layers.find((layer) => layer.type === 'symbol')?.id;
    try {
      if (overview) this.map.addSource(LANDUSE_OVERVIEW_SOURCE, { type: 'geojson', data: this.urlOf(LANDUSE_OVERVIEW_SOURCE, overview) || EMPTY });
      this.map.addSource(LANDUSE_SOURCE, { type: 'geojson', data: this.urlOf(LANDUSE_SOURCE, data) || EMPTY, tolerance: 1.5, buffer: 32 });
      for (const spec of landUseLayerSpecs(overview !== null)) this.map.addLayer(spec, beforeLabels);
    } catch (error) {
      this.clear();
      throw error;
    }
  }

  /** Removes the layers, the sources and their object URLs. */
  clear(): void {
    for (const spec of landUseLayerSpecs(true)) if (this.map.getLayer(spec.id)) this.map.removeLayer(spec.id);
    for (const source of [LANDUSE_SOURCE, LANDUSE_OVERVIEW_SOURCE]) if (this.map.getSource(source)) this.map.removeSource(source);
    for (const url of this.urls) URL.revokeObjectURL(url);
    this.urls = [];
    this.data = undefined;
  }
}
