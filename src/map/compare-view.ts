/**
 * Compare on the map: a second MapLibre map over the first, built from the same style and data by MapView,
 * clipped at the swipe divider (CSS clip-path) or beside it on wide screens, with the cameras kept in step
 * both ways. The first map shows the left side, the second the right: each shows its side's cluster outlines
 * (what-if swapped into the structure layer), timeline year and land-use layer. `remove()` takes the second
 * map away completely (its WebGL context is released) and gives the first map back its own state.
 */
import type { FeatureCollection } from 'geojson';
import type { LayerSpecification, Map as MaplibreMap, MapMouseEvent, PaddingOptions, SourceSpecification } from 'maplibre-gl';
import type { Lang } from '../i18n/messages.ts';
import { MapView } from './map-view.ts';
import { applyTimelineYear } from './timeline-style.ts';
import { applyLayerOpacity } from './layer-opacity.ts';
import { LANDUSE_OVERVIEW_SOURCE, LANDUSE_SOURCE, landUseStyleLayers } from './landuse-on-map.ts';

/** What one map shows. */
export interface CompareMapSide {
  /** the structure layer as this side draws it (what-if outlines swapped in, or the plan's) */
  structure: FeatureCollection | undefined;
  year: number;
  /** the land-use layer is shown (when one is loaded) */
  landuse: boolean;
}

export interface CompareMapInput {
  left: CompareMapSide;
  right: CompareMapSide;
  layout: 'swipe' | 'side-by-side';
  /** the divider, 0..1 of the width */
  position: number;
  /** the plan's layers (state.data) */
  data: Readonly<Record<string, FeatureCollection | undefined>>;
  visibility: Record<string, boolean>;
  /** the plan layers' opacity (state.layerOpacity): both maps draw the layers alike */
  opacity: Readonly<Record<string, number>>;
  /** the user's imported layers (their source ids on the first map), drawn on both maps as the first map draws them */
  imports: readonly string[];
  lang: Lang;
  /** the second map's accessible name */
  label: string;
}


type Filter = Parameters<MaplibreMap['setFilter']>[1];
type PaintValue = Parameters<MaplibreMap['setPaintProperty']>[2];

/** The first map's own timeline styling, kept to be given back when the compare ends. */
interface TimelineSnapshot {
  filters: Map<string, Filter>;
  paint: Map<string, { property: 'circle-opacity' | 'circle-stroke-opacity'; value: PaintValue }>;
  /** a year had been applied (the presenter's timeline): apply the map's own year again */
  applied: boolean;
}

function snapshotTimeline(map: MaplibreMap): TimelineSnapshot {
  const filters = new Map<string, Filter>();
  const paint: TimelineSnapshot['paint'] = new Map();
  let applied = false;
  for (const layer of map.getStyle().layers) {
    if (!('source' in layer)) continue;
    if (layer.source === 'crossings') filters.set(layer.id, (map.getFilter(layer.id) ?? null) as Filter);
    if (layer.source === 'projects' && layer.type === 'circle') {
      for (const property of ['circle-opacity', 'circle-stroke-opacity'] as const) {
        const value = map.getPaintProperty(layer.id, property);
        if (JSON.stringify(value ?? null).includes('feature-state')) applied = true;
        paint.set(`${layer.id}|${property}`, { property, value: value as PaintValue });
      }
    }
  }
  return { filters, paint, applied };
}

function restoreTimeline(map: MaplibreMap, snapshot: TimelineSnapshot): void {
  for (const [id, filter] of snapshot.filters) if (map.getLayer(id)) map.setFilter(id, filter);
  for (const [key, { property, value }] of snapshot.paint) {
    const id = key.slice(0, key.lastIndexOf('|'));
    if (map.getLayer(id)) map.setPaintProperty(id, property as Parameters<MaplibreMap['getPaintProperty']>[1], value);
  }
}

/** Shows one side's state on one map (the data set calls are memoised by MapView). */
class SideApplier {
  private year: number | undefined;
  private timelineData: unknown;

  constructor(private readonly view: MapView) {}

  apply(side: CompareMapSide, data: CompareMapInput['data']): void {
    if (side.structure) this.view.setLayerData('structure', side.structure);
    if (side.year !== this.year || data !== this.timelineData) {
      this.year = side.year;
      this.timelineData = data;
      applyTimelineYear(this.view, data, side.year);
    }
  }
}

export class CompareView {
  private readonly second: MapView;
  private readonly container: HTMLElement;
  private readonly leftSide: SideApplier;
  private readonly rightSide: SideApplier;
  private readonly timeline: TimelineSnapshot;
  private readonly padding: PaddingOptions;
  private readonly hiddenLandUse = new Set<string>();
  private readonly resize: ResizeObserver;
  private input: CompareMapInput | undefined;
  private loaded = false;
  private removed = false;
  private syncing = false;
  private landUseData: unknown;
  /** imported layers copied to the second map: source id → the data or URL copied */
  private readonly copiedImports = new Map<string, unknown>();

  /**
   * @param main - the app's map (shows the left side while comparing)
   * @param host - an element laid over the main map (same size); the second map goes into it
   */
  constructor(private readonly main: MapView, host: HTMLElement) {
    const map = main.map;
    this.container = document.createElement('div');
    this.container.className = 'compare-map';
    this.container.setAttribute('style', 'position:absolute;top:0;bottom:0;left:0;width:100%;pointer-events:auto');
    host.append(this.container);
    this.second = new MapView(this.container, {
      center: map.getCenter().toArray() as [number, number], zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch(),
      controls: false,
    });
    this.leftSide = new SideApplier(main);
    this.rightSide = new SideApplier(this.second);
    this.timeline = snapshotTimeline(map);
    this.padding = map.getPadding();
    map.on('move', this.followMain);
    this.second.map.on('move', this.followSecond);
    this.second.map.on('click', this.forwardClick);
    this.resize = new ResizeObserver(() => this.layOut());
    this.resize.observe(map.getContainer());
    void this.second.whenLoaded().then(() => {
      if (this.removed) return;
      this.loaded = true;
      this.draw();
    });
    // the automation hook of the tests and benchmarks (src/map/map-element.ts) reaches the second map here
    const hook = (globalThis as { __plan?: Record<string, unknown> }).__plan;
    if (hook) hook.compareMap = this.second.map;
  }

  /** Shows the two sides (call on every change; unchanged parts are skipped). */
  show(input: CompareMapInput): void {
    if (this.removed) return;
    this.input = input;
    this.leftSide.apply(input.left, input.data);
    this.showLandUseOnMain(input.left.landuse);
    this.layOut();
    this.draw();
  }

  /** Resolves when the second map has drawn everything asked of it. */
  async whenIdle(): Promise<void> {
    await this.second.whenLoaded();
    if (!this.removed && !this.second.map.loaded()) await this.second.whenIdle();
  }

  private readonly followMain = () => this.follow(this.main.map, this.second.map);
  private readonly followSecond = () => this.follow(this.second.map, this.main.map);

  /**
   * A click on the second map picks on the first map at the same place (its one pointer dispatcher, so the
   * inspector and every click listener answer as for a click on the first map).
   */
  private readonly forwardClick = (event: MapMouseEvent) => {
    this.main.map.fire('click', { point: this.main.map.project(event.lngLat), lngLat: event.lngLat, originalEvent: event.originalEvent });
  };

  /** Moves `to` to the camera of `from`; the move it causes does not come back (no feedback loop). */
  private follow(from: MaplibreMap, to: MaplibreMap): void {
    if (this.syncing || this.removed) return;
    this.syncing = true;
    try {
      to.jumpTo({ center: from.getCenter(), zoom: from.getZoom(), bearing: from.getBearing(), pitch: from.getPitch() });
    } finally {
      this.syncing = false;
    }
  }

  /** The second map over the whole map clipped at the divider, or over the right half with the first map's centre in the left half. */
  private layOut(): void {
    const input = this.input;
    if (!input || this.removed) return;
    const map = this.main.map;
    const style = this.container.style;
    if (input.layout === 'side-by-side') {
      const width = map.getContainer().clientWidth;
      style.left = '50%';
      style.width = '50%';
      style.clipPath = '';
      style.borderLeft = '3px solid #fff';
      style.boxShadow = '-1px 0 0 #14324a';
      map.setPadding({ ...this.padding, left: 0, right: Math.round(width / 2) });
    } else {
      style.left = '0';
      style.width = '100%';
      style.clipPath = `inset(0 0 0 ${(input.position * 100).toFixed(3)}%)`;
      style.borderLeft = '';
      style.boxShadow = '';
      map.setPadding(this.padding);
    }
    this.followMain();
  }

  private draw(): void {
    const input = this.input;
    if (!input || !this.loaded || this.removed) return;
    const view = this.second;
    for (const [name, layer] of Object.entries(input.data)) if (layer && name !== 'structure') view.setLayerData(name, layer);
    view.applyVisibility(input.visibility);
    applyLayerOpacity(view, input.opacity);
    view.setLanguage(input.lang);
    this.rightSide.apply(input.right, input.data);
    this.copyLandUse(input.right.landuse);
    this.copyImports(input.imports);
    view.map.getCanvas().setAttribute('aria-label', input.label);
  }

  /**
   * Draws the user's imported layers on the second map as the first map draws them (same data, visibility and
   * opacity); layers of an import that is gone are removed. A source is added again only when its data changed.
   */
  private copyImports(ids: readonly string[]): void {
    const target = this.second.map;
    const style = this.main.map.getStyle();
    const beforeLabels = target.getStyle().layers.find((layer) => layer.type === 'symbol')?.id;
    // An import the first map has not added yet: copy it once the first map's style has it.
    if (ids.some((id) => !style.sources[id])) this.main.map.once('styledata', () => this.draw());
    for (const id of [...this.copiedImports.keys(), ...ids]) {
      const source = ids.includes(id) ? style.sources[id] as SourceSpecification | undefined : undefined;
      const data = source && 'data' in source ? source.data : undefined;
      const layers = style.layers.filter((layer) => 'source' in layer && layer.source === id);
      for (const layer of target.getStyle().layers) if ('source' in layer && layer.source === id) target.removeLayer(layer.id);
      if (!source) {
        if (target.getSource(id)) target.removeSource(id);
        this.copiedImports.delete(id);
        continue;
      }
      if (target.getSource(id) && this.copiedImports.get(id) !== data) target.removeSource(id);
      if (!target.getSource(id)) target.addSource(id, source);
      this.copiedImports.set(id, data);
      for (const layer of layers) target.addLayer(layer, beforeLabels);
    }
  }

  /** Hides the first map's land-use layers for a side without them (and shows the ones it hid again). */
  private showLandUseOnMain(show: boolean): void {
    const map = this.main.map;
    for (const { id } of landUseStyleLayers(map)) {
      if (!show && map.getLayoutProperty(id, 'visibility') !== 'none') {
        map.setLayoutProperty(id, 'visibility', 'none');
        this.hiddenLandUse.add(id);
      } else if (show && this.hiddenLandUse.delete(id)) {
        map.setLayoutProperty(id, 'visibility', 'visible');
      }
    }
  }

  /** Draws the first map's land-use layer (the same data or tile URL) on the second map, or removes it. */
  private copyLandUse(show: boolean): void {
    const target = this.second.map;
    const sources = this.main.map.getStyle().sources;
    const parcels = sources[LANDUSE_SOURCE] as SourceSpecification | undefined;
    const overview = sources[LANDUSE_OVERVIEW_SOURCE] as SourceSpecification | undefined;
    const wanted = show && parcels ? parcels : undefined;
    const data = wanted && 'data' in wanted ? wanted.data : wanted && 'tiles' in wanted ? wanted.tiles?.[0] : undefined;
    if (wanted && data === this.landUseData && target.getSource(LANDUSE_SOURCE)) return;
    for (const { id } of landUseStyleLayers(target)) target.removeLayer(id);
    for (const id of [LANDUSE_SOURCE, LANDUSE_OVERVIEW_SOURCE]) if (target.getSource(id)) target.removeSource(id);
    this.landUseData = data;
    if (!wanted) return;
    const beforeLabels = target.getStyle().layers.find((layer) => layer.type === 'symbol')?.id;
    if (overview) target.addSource(LANDUSE_OVERVIEW_SOURCE, overview);
    target.addSource(LANDUSE_SOURCE, wanted);
    for (const spec of landUseStyleLayers(this.main.map)) target.addLayer({ ...spec, layout: { ...spec.layout, visibility: 'visible' } } as LayerSpecification, beforeLabels);
  }

  /** Removes the second map (and its WebGL context) and gives the first map back its own structure, year and land-use layer. */
  remove(ownStructure: FeatureCollection | undefined, ownData: CompareMapInput['data'], ownYear: number): void {
    if (this.removed) return;
    this.removed = true;
    const map = this.main.map;
    map.off('move', this.followMain);
    this.second.map.off('move', this.followSecond);
    this.second.map.off('click', this.forwardClick);
    this.resize.disconnect();
    this.second.destroy();
    this.container.remove();
    const hook = (globalThis as { __plan?: Record<string, unknown> }).__plan;
    if (hook?.compareMap) delete hook.compareMap;
    map.setPadding(this.padding);
    this.showLandUseOnMain(true);
    if (ownStructure) this.main.setLayerData('structure', ownStructure);
    restoreTimeline(map, this.timeline);
    if (this.timeline.applied) applyTimelineYear(this.main, ownData, ownYear);
  }
}
