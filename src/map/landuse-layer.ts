/**
 * The planner's land-use layer on the map: the scene (./scene) draws `state.landuse` (its parcels, classes,
 * opacity and visibility); this tells the land-use session whether MapLibre refused them. The parcels arrive as a Blob of GeoJSON from the land-use worker and are drawn as vector
 * tiles cut in a worker (./blob-tiles.ts): the page never parses, serialises or receives the parcels, whatever
 * their number (a GeoJSON source would, twice: MapLibre loads a blob: URL through the main thread and sends the
 * parsed data back to it). A large layer comes with a coarse overview (`landuse-overview`, a small GeoJSON
 * source), drawn below OVERVIEW_MAX_ZOOM instead of the parcels; the figures always use every parcel (in the
 * land-use worker). The style layers are ./scene/landuse-specs.ts.
 */
import type { MapView } from './map-view.ts';
import { mapSceneOf } from './scene/map-scene.ts';
import { LANDUSE_OVERVIEW_SOURCE, LANDUSE_SOURCE, landUseStyleLayers } from './landuse-on-map.ts';

export { LANDUSE_OVERVIEW_SOURCE, LANDUSE_SOURCE, landUseStyleLayers };
export { LANDUSE_TILE_LAYER, OVERVIEW_MAX_ZOOM, landUseLayerSpecs, type LandUseStyleInput } from './scene/landuse-specs.ts';

export class LandUseLayer {
  constructor(private readonly view: MapView) {}

  /**
   * Why the map could not draw the parcels `data` (MapLibre refused the scene with them), or null: the land-use
   * session asks right after it puts a layer in `state.landuse`, which the scene draws at once.
   */
  refusal(data: Blob): string | null {
    const error = mapSceneOf(this.view)?.refused((input) => input.landuse?.data === data) ?? null;
    return error === null ? null : error instanceof Error ? error.message : String(error);
  }
}
