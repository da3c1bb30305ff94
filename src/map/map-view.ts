import {
  AttributionControl,
  FullscreenControl,
  Map as MaplibreMap,
  NavigationControl,
  ScaleControl,
} from 'maplibre-gl';
import type { MapOptions, StyleSpecification } from 'maplibre-gl';
import './worker-url.ts';
import 'maplibre-gl/dist/maplibre-gl.css';
import planStyle from '../../styles/plan-style.json';

/** Source names and sources for the plan documents, shown in the attribution control. */
export const DATA_ATTRIBUTION = [
  '规划 Plan: 《中共济南市委关于加快济南新旧动能转换起步区建设的意见》(2021), 起步区 2023–2024 plan reports',
  'Rivers: GSHHG/WDBII, NGCC 1:4M',
  'District borders: DataV → WGS84',
  'Each position states its source and error; schematic where marked',
].join(' · ');

export interface MapViewOptions {
  center?: [number, number];
  zoom?: number;
  bearing?: number;
  pitch?: number;
  /** extra MapLibre options (tests, presenter) */
  mapOptions?: Partial<MapOptions>;
  /** the navigation, full-screen, scale and attribution controls (default true; a compare map goes without) */
  controls?: boolean;
}

/**
 * Owns the MapLibre map: the only place that creates it and removes it. What it draws is its scene's
 * (./scene/map-scene.ts).
 */
export class MapView {
  readonly map: MaplibreMap;
  private readonly loaded: Promise<void>;

  constructor(container: HTMLElement, options: MapViewOptions = {}) {
    const style = structuredClone(planStyle) as unknown as StyleSpecification;
    this.map = new MaplibreMap({
      container,
      style,
      center: options.center ?? (style.center as [number, number]),
      zoom: options.zoom ?? style.zoom ?? 9.6,
      bearing: options.bearing ?? 0,
      pitch: options.pitch ?? 0,
      attributionControl: false,
      maxZoom: 16,
      minZoom: 6,
      ...options.mapOptions,
    });
    if (options.controls !== false) {
      this.map.addControl(new NavigationControl({ visualizePitch: true }), 'top-right');
      this.map.addControl(new FullscreenControl(), 'top-right');
      this.map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
      this.map.addControl(new AttributionControl({ compact: true, customAttribution: DATA_ATTRIBUTION }), 'bottom-right');
    }
    this.loaded = new Promise((resolve) => {
      if (this.map.loaded()) resolve();
      else this.map.once('load', () => resolve());
    });
  }

  /** Resolves once the style has loaded and sources can take data. */
  whenLoaded(): Promise<void> {
    return this.loaded;
  }

  /** Resolves at the next `idle` event (everything requested has been drawn). */
  whenIdle(): Promise<void> {
    return new Promise((resolve) => this.map.once('idle', () => resolve()));
  }

  destroy(): void {
    this.map.remove();
  }
}
