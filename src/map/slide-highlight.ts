import type { Feature, FeatureCollection } from 'geojson';
import type { MapView } from './map-view.ts';
import { mapSceneOf } from './scene/map-scene.ts';
import { spotlightMask } from '../core/deck/spotlight-mask.ts';

/**
 * The presenter's highlight of a slide's features (amber outlines, rings) and the optional spotlight
 * that dims everything else: the slide part of the map's scene (./scene/overlay-specs.ts).
 */
export class SlideHighlight {
  constructor(private readonly view: MapView) {}

  /** Highlights `features`; with `spotlight`, dims everything else. An empty list clears. */
  set(features: readonly Feature[], spotlight: boolean): void {
    mapSceneOf(this.view)?.setPart('slide', features.length ? { features, mask: spotlight ? spotlightMask(features) : null } : null);
  }

  clear(): void {
    this.set([], false);
  }

  /** Removes its layers and sources from the map. */
  remove(): void {
    this.clear();
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
