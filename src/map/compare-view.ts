/**
 * Compare on the map: a second MapLibre map over the first, clipped at the swipe divider (CSS clip-path) or
 * beside it on wide screens, with the cameras kept in step both ways. Both maps draw their scene (./scene):
 * the first map the left side, the second the right, each with its side's year, basis (the land-use layer shown
 * or not) and what-if outlines, and both with the imported layers, the study and what-if outlines and the
 * selection. Moving the divider only clips: no source is added again. `remove()` takes the second map away
 * completely (its WebGL context and its share of the scene's resources are released).
 */
import type { Map as MaplibreMap, MapMouseEvent, PaddingOptions } from 'maplibre-gl';
import type { PlanState } from '../state/plan-state.ts';
import type { Store } from '../state/store.ts';
import { MapView } from './map-view.ts';
import { MapScene, mapSceneOf } from './scene/map-scene.ts';

/** How the two maps are laid out. */
export interface CompareMapInput {
  layout: 'swipe' | 'side-by-side';
  /** the divider, 0..1 of the width */
  position: number;
  /** the second map's accessible name */
  label: string;
}

export class CompareView {
  private readonly second: MapView;
  private readonly scene: MapScene;
  private readonly container: HTMLElement;
  private readonly padding: PaddingOptions;
  private readonly resize: ResizeObserver;
  private input: CompareMapInput | undefined;
  private removed = false;
  private syncing = false;

  /**
   * @param main - the app's map (shows the left side while comparing)
   * @param host - an element laid over the main map (same size); the second map goes into it
   * @param store - the app's state: the second map draws the right side of `state.compare`
   */
  constructor(private readonly main: MapView, host: HTMLElement, store: Store<PlanState>) {
    const map = main.map;
    this.container = document.createElement('div');
    this.container.className = 'compare-map';
    this.container.setAttribute('style', 'position:absolute;top:0;bottom:0;left:0;width:100%;pointer-events:auto');
    host.append(this.container);
    this.second = new MapView(this.container, {
      center: map.getCenter().toArray() as [number, number], zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch(),
      controls: false,
    });
    const mainScene = mapSceneOf(main);
    this.scene = new MapScene(this.second, store, { side: (state) => state.compare.right, ...(mainScene ? { partsFrom: mainScene } : {}) });
    this.padding = map.getPadding();
    map.on('move', this.followMain);
    this.second.map.on('move', this.followSecond);
    this.second.map.on('click', this.forwardClick);
    this.resize = new ResizeObserver(() => this.layOut());
    this.resize.observe(map.getContainer());
    // the automation hook of the tests and benchmarks (src/map/map-element.ts) reaches the second map here
    const hook = (globalThis as { __plan?: Record<string, unknown> }).__plan;
    if (hook) hook.compareMap = this.second.map;
  }

  /** Lays the two maps out (the scenes follow the state themselves). */
  show(input: CompareMapInput): void {
    if (this.removed) return;
    this.input = input;
    this.layOut();
    this.second.map.getCanvas().setAttribute('aria-label', input.label);
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

  /** Removes the second map (and its WebGL context); the first map goes back to the app's own state by its scene. */
  remove(): void {
    if (this.removed) return;
    this.removed = true;
    const map = this.main.map;
    map.off('move', this.followMain);
    this.second.map.off('move', this.followSecond);
    this.second.map.off('click', this.forwardClick);
    this.resize.disconnect();
    this.scene.stop(true);
    this.second.destroy();
    this.container.remove();
    const hook = (globalThis as { __plan?: Record<string, unknown> }).__plan;
    if (hook?.compareMap) delete hook.compareMap;
    map.setPadding(this.padding);
  }
}
