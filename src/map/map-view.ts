import {
  AttributionControl,
  FullscreenControl,
  Map as MaplibreMap,
  NavigationControl,
  ScaleControl,
} from 'maplibre-gl';
import type { GeoJSONSource, MapOptions, StyleSpecification } from 'maplibre-gl';
import './worker-url.ts';
import type { FeatureCollection } from 'geojson';
import 'maplibre-gl/dist/maplibre-gl.css';
import planStyle from '../../styles/plan-style.json';
import type { Lang } from '../i18n/messages.ts';
import { CATALOG_LAYERS } from '../state/layer-catalog.ts';
import { LabelScale } from './label-scale.ts';

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
 * Owns the MapLibre map: the only place that creates it, feeds it data, toggles its layers and
 * removes its listeners.
 */
export class MapView {
  readonly map: MaplibreMap;
  private readonly lastData = new Map<string, FeatureCollection>();
  private readonly loaded: Promise<void>;
  private labelScale: LabelScale | undefined;

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

  /** Sets a GeoJSON source's data; skips the call when the same object was set before. */
  setLayerData(sourceId: string, data: FeatureCollection): void {
    if (this.lastData.get(sourceId) === data) return;
    const source = this.map.getSource<GeoJSONSource>(sourceId);
    if (!source) return;
    this.lastData.set(sourceId, data);
    source.setData(data);
  }

  /** Shows or hides the style layers of catalog layers. */
  applyVisibility(visibility: Record<string, boolean>): void {
    for (const layer of CATALOG_LAYERS) {
      const value = visibility[layer.id] ? 'visible' : 'none';
      for (const styleLayer of layer.styleLayers) {
        if (this.map.getLayer(styleLayer) && this.map.getLayoutProperty(styleLayer, 'visibility') !== value) {
          this.map.setLayoutProperty(styleLayer, 'visibility', value);
        }
      }
    }
  }

  /** Switches map labels between name_zh and name_en (falling back to the other). */
  setLanguage(lang: Lang): void {
    const [first, second] = lang === 'zh' ? ['name_zh', 'name_en'] : ['name_en', 'name_zh'];
    for (const layer of this.map.getStyle().layers) {
      if (layer.type !== 'symbol') continue;
      this.map.setLayoutProperty(layer.id, 'text-field', ['coalesce', ['get', first], ['get', second]]);
    }
  }

  /**
   * Scales the text of every map label (each symbol layer's own `text-size`, also of layers added later);
   * 1 restores the style's sizes exactly. Call once the style has loaded.
   */
  setLabelScale(factor: number): void {
    this.labelScale ??= new LabelScale(this.map);
    this.labelScale.set(factor);
  }

  /** The factor map labels are scaled by (1: the style's own sizes). */
  get labelScaleFactor(): number {
    return this.labelScale?.value ?? 1;
  }

  destroy(): void {
    this.labelScale?.destroy();
    this.map.remove();
    this.lastData.clear();
  }
}
