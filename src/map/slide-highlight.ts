import type { GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import { spotlightMask } from '../core/deck/spotlight-mask.ts';
import type { MapView } from './map-view.ts';

const SOURCE = 'slide-highlight';
const MASK_SOURCE = 'slide-spotlight';
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * The presenter's highlight of a slide's features (amber outlines, rings) and the optional spotlight
 * that dims everything else. Its own sources and layers, added on top of the plan style.
 */
export class SlideHighlight {
  private readonly map: MaplibreMap;

  constructor(view: MapView) {
    this.map = view.map;
  }

  private ensureLayers(): void {
    const map = this.map;
    if (map.getSource(SOURCE)) return;
    map.addSource(MASK_SOURCE, { type: 'geojson', data: EMPTY });
    map.addSource(SOURCE, { type: 'geojson', data: EMPTY });
    map.addLayer({ id: 'slide-spotlight-mask', type: 'fill', source: MASK_SOURCE, paint: { 'fill-color': '#0b1a26', 'fill-opacity': 0.55 } });
    map.addLayer({ id: 'slide-highlight-line', type: 'line', source: SOURCE, paint: { 'line-color': '#ffb000', 'line-width': 4 } });
    map.addLayer({
      id: 'slide-highlight-point', type: 'circle', source: SOURCE, filter: ['==', ['geometry-type'], 'Point'],
      paint: { 'circle-radius': 9, 'circle-color': 'rgba(255,176,0,0.35)', 'circle-stroke-color': '#ffb000', 'circle-stroke-width': 3 },
    });
  }

  /** Highlights `features`; with `spotlight`, dims everything else. An empty list clears. */
  set(features: readonly Feature[], spotlight: boolean): void {
    this.ensureLayers();
    this.map.getSource<GeoJSONSource>(SOURCE)?.setData({ type: 'FeatureCollection', features: [...features] });
    const mask = spotlight ? { type: 'FeatureCollection', features: [spotlightMask(features)] } as FeatureCollection : EMPTY;
    this.map.getSource<GeoJSONSource>(MASK_SOURCE)?.setData(mask);
  }

  clear(): void {
    if (this.map.getSource(SOURCE)) this.set([], false);
  }

  /** Removes its layers and sources from the map. */
  remove(): void {
    for (const layer of ['slide-highlight-point', 'slide-highlight-line', 'slide-spotlight-mask']) {
      if (this.map.getLayer(layer)) this.map.removeLayer(layer);
    }
    for (const source of [SOURCE, MASK_SOURCE]) if (this.map.getSource(source)) this.map.removeSource(source);
  }
}

/** Finds features by id across every geodata layer. */
export function featuresById(data: Record<string, FeatureCollection | undefined>, ids: readonly string[]): Feature[] {
  const wanted = new Set(ids);
  const found: Feature[] = [];
  for (const collection of Object.values(data)) {
    for (const feature of collection?.features ?? []) {
      if (wanted.has(String(feature.properties?.id ?? feature.id))) found.push(feature);
    }
  }
  return found;
}
