/**
 * Draws the planner's land-use layer through the map's scene (./scene): `show` sets the scene's land-use part,
 * `clear` removes it. The parcels arrive as a Blob of GeoJSON from the land-use worker and are drawn as vector
 * tiles cut in a worker (./blob-tiles.ts): the page never parses, serialises or receives the parcels, whatever
 * their number (a GeoJSON source would, twice: MapLibre loads a blob: URL through the main thread and sends the
 * parsed data back to it). A large layer comes with a coarse overview (`landuse-overview`, a small GeoJSON
 * source), drawn below OVERVIEW_MAX_ZOOM instead of the parcels; the figures always use every parcel (in the
 * land-use worker). The style layers are ./scene/landuse-specs.ts.
 */
import type { MapView } from './map-view.ts';
import { mapSceneOf } from './scene/map-scene.ts';
import { LANDUSE_OVERVIEW_SOURCE, LANDUSE_SOURCE, landUseStyleLayers } from './landuse-on-map.ts';
import type { LandUseStyleInput } from './scene/landuse-specs.ts';

export { LANDUSE_OVERVIEW_SOURCE, LANDUSE_SOURCE, landUseStyleLayers };
export { LANDUSE_TILE_LAYER, OVERVIEW_MAX_ZOOM, landUseLayerSpecs, type LandUseStyleInput } from './scene/landuse-specs.ts';

export class LandUseLayer {
  constructor(private readonly view: MapView) {}

  /**
   * Shows `data` (GeoJSON text) and, for a large layer, its `overview`, replacing what was shown; `input` (the
   * layer's name and class table) gives each class its own layer and legend row.
   */
  show(data: Blob, overview: Blob | null = null, input?: LandUseStyleInput): void {
    mapSceneOf(this.view)?.setPart('landuse', { data, overview, name: input?.name ?? '', classes: input?.classes ?? [] });
  }

  /** Removes the layer (its sources, the overview's object URL and the parcels' tiles go with it). */
  clear(): void {
    mapSceneOf(this.view)?.setPart('landuse', null);
  }
}
