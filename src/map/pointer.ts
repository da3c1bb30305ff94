/**
 * The one click / hover dispatcher of the map: a click or tap picks the plan feature under the pointer
 * (points and lines win over areas) and the imported feature under it, and tells every click listener both.
 * Hover reports plan features only. While any owner suspends it (the study tool draws or edits), clicks and
 * hover are not reported and the cursor is left to that owner.
 */
import type { MapView } from './map-view.ts';
import { listenForFeatures } from './highlight.ts';
import type { PickedFeature } from './highlight.ts';

/** A clicked imported feature: its layer, its index in the layer, its properties, whether it is a polygon. */
export interface ImportedPick {
  layerId: string;
  featureIndex: number;
  properties: Record<string, unknown>;
  polygon: boolean;
}

/** What a click or tap on the map meant. */
export interface MapClick {
  plan: PickedFeature | undefined;
  imported: ImportedPick | undefined;
  /** the DOM event behind the click (`detail` 0: made by the keyboard or a screen reader) */
  originalEvent: MouseEvent | undefined;
}

export type { PickedFeature };

const IMPORTED_LAYER = /^imp-.*-(fill|line|circle)$/;

export class MapPointer {
  private readonly clickListeners = new Set<(click: MapClick) => void>();
  private readonly hoverListeners = new Set<(picked: PickedFeature | undefined) => void>();
  private suspended = 0;
  private readonly stop: () => void;

  constructor(private readonly view: MapView) {
    const map = view.map;
    this.stop = listenForFeatures(map, (plan, originalEvent, point) => {
      if (this.suspended) return;
      const click: MapClick = { plan, imported: this.importedAt(point), originalEvent };
      for (const listener of [...this.clickListeners]) listener(click);
    }, (picked) => {
      for (const listener of [...this.hoverListeners]) listener(picked);
    }, () => this.suspended === 0);
  }

  private importedAt(point: { x: number; y: number }): ImportedPick | undefined {
    const map = this.view.map;
    const layers = map.getStyle().layers.map((layer) => layer.id).filter((id) => IMPORTED_LAYER.test(id));
    if (!layers.length) return undefined;
    const hit = map.queryRenderedFeatures([point.x, point.y], { layers })[0];
    if (!hit || typeof hit.id !== 'number') return undefined;
    const polygon = hit.geometry.type === 'Polygon' || hit.geometry.type === 'MultiPolygon';
    return { layerId: hit.source, featureIndex: hit.id, properties: { ...hit.properties }, polygon };
  }

  /** @returns a function that removes the listener */
  onClick(listener: (click: MapClick) => void): () => void {
    this.clickListeners.add(listener);
    return () => this.clickListeners.delete(listener);
  }

  /** Hovered plan feature (undefined when the pointer leaves features). @returns a function that removes the listener */
  onHover(listener: (picked: PickedFeature | undefined) => void): () => void {
    this.hoverListeners.add(listener);
    return () => this.hoverListeners.delete(listener);
  }

  /** Stops reporting clicks and hover until the returned function is called (idempotent). */
  suspend(): () => void {
    this.suspended += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.suspended -= 1;
    };
  }

  /** How many listeners are registered (tests check that disposed features left none). */
  get listenerCount(): number {
    return this.clickListeners.size + this.hoverListeners.size;
  }

  destroy(): void {
    this.stop();
    this.clickListeners.clear();
    this.hoverListeners.clear();
  }
}
