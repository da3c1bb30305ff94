/**
 * Draws the planner's land-use layer: one source (`landuse`) with a fill in each parcel's class colour (the
 * national standard's, carried in the parcel's `colour` property) and a thin outline, under the plan's
 * labels. The parcels arrive as a Blob of GeoJSON from the land-use worker and are drawn as vector tiles cut
 * in a worker (./blob-tiles.ts): the page never parses, serialises or receives the parcels, whatever their
 * number (a GeoJSON source would, twice: MapLibre loads a blob: URL through the main thread and sends the
 * parsed data back to it). A large layer comes with a coarse overview (`landuse-overview`, a small GeoJSON
 * source), drawn below OVERVIEW_MAX_ZOOM instead of the parcels; the figures always use every parcel (in
 * the land-use worker).
 */
import type { LayerSpecification, Map as MaplibreMap } from 'maplibre-gl';
import type { LandUseClassRow } from '../data/landuse/prepare-landuse-layer.ts';
import type { MapView } from './map-view.ts';
import { blobUrl, EMPTY_COLLECTION, removeFromMap } from './blob-source.ts';
import { tileBlob, type BlobTiles } from './blob-tiles.ts';
import {
  CLASSES_METADATA, LANDUSE_OVERVIEW_SOURCE, LANDUSE_SOURCE, NAME_METADATA, landUseLayerChanged, landUseStyleLayers, type LandUseLegendClass,
} from './landuse-on-map.ts';

export { LANDUSE_OVERVIEW_SOURCE, LANDUSE_SOURCE, landUseStyleLayers };

/** the layer of the parcels' vector tiles */
export const LANDUSE_TILE_LAYER = 'parcels';
/** Below this zoom a large layer shows its overview; from it on, every parcel. */
export const OVERVIEW_MAX_ZOOM = 12;
/** the parcels are cut into tiles up to this zoom, and over-zoomed beyond */
const PARCELS_MAX_ZOOM = 15;

const FILL_OPACITY = 0.75;
const UNRECOGNISED_COLOUR = '#9e9e9e';

/** What the layer's style is made from: its name and its class table (the summary the panel shows). */
export interface LandUseStyleInput {
  name: string;
  classes: readonly Pick<LandUseClassRow, 'key' | 'landUseClass'>[];
}

/** The classes of `input`, grouped by the colour they are drawn in (parcels carry that colour in `colour`). */
function classesByColour(input: LandUseStyleInput | undefined): Map<string, LandUseLegendClass[]> {
  const byColour = new Map<string, LandUseLegendClass[]>();
  for (const row of input?.classes ?? []) {
    const colour = row.landUseClass?.colour ?? UNRECOGNISED_COLOUR.toUpperCase();
    byColour.set(colour, [...(byColour.get(colour) ?? []), { key: row.key, colour, name: row.landUseClass?.name ?? null, nameEn: row.landUseClass?.nameEn ?? null }]);
  }
  return byColour;
}

/**
 * The style layers of the land-use layer (pure; testable without WebGL). Each colour of the class table is its
 * own fill layer in that plain colour (filtered on the parcels' `colour`): plain colours draw with the shader
 * the plan's own fills have already compiled, where a colour read from the data would compile another on the
 * main thread (hundreds of ms with a software GPU). `landuse-fill` draws any parcel of another colour.
 */
export function landUseLayerSpecs(withOverview = false, input?: LandUseStyleInput): LayerSpecification[] {
  const parcelsFrom = withOverview ? OVERVIEW_MAX_ZOOM : 0;
  const byColour = [...classesByColour(input).entries()];
  const colours = byColour.map(([colour]) => colour);
  const others = colours.length ? { filter: ['!', ['in', ['get', 'colour'], ['literal', colours]]] } : {};
  const otherPaint = { 'fill-color': ['coalesce', ['get', 'colour'], UNRECOGNISED_COLOUR], 'fill-opacity': FILL_OPACITY };
  const fills = (id: string, source: string, range: { minzoom?: number; maxzoom?: number }, tiled: boolean): LayerSpecification[] => [
    { id, type: 'fill', source, ...(tiled ? { 'source-layer': LANDUSE_TILE_LAYER } : {}), ...range, ...others, paint: otherPaint } as LayerSpecification,
    ...byColour.map(([colour, classes], index) => ({
      id: `${id}-${index + 1}`, type: 'fill', source, ...(tiled ? { 'source-layer': LANDUSE_TILE_LAYER } : {}), ...range,
      filter: ['==', ['get', 'colour'], colour], paint: { 'fill-color': colour, 'fill-opacity': FILL_OPACITY },
      ...(tiled ? { metadata: { [CLASSES_METADATA]: classes, [NAME_METADATA]: input?.name ?? '' } } : {}),
    }) as LayerSpecification),
  ];
  return [
    ...(withOverview ? fills(`${LANDUSE_OVERVIEW_SOURCE}-fill`, LANDUSE_OVERVIEW_SOURCE, { maxzoom: OVERVIEW_MAX_ZOOM }, false) : []),
    ...fills(`${LANDUSE_SOURCE}-fill`, LANDUSE_SOURCE, { minzoom: parcelsFrom }, true),
    { id: `${LANDUSE_SOURCE}-line`, type: 'line', source: LANDUSE_SOURCE, 'source-layer': LANDUSE_TILE_LAYER, minzoom: Math.max(12, parcelsFrom), paint: { 'line-color': '#52606d', 'line-width': 0.4 } },
  ];
}

export class LandUseLayer {
  private readonly map: MaplibreMap;
  private overviewUrl = '';
  private tiles: BlobTiles | undefined;
  private data: Blob | undefined;

  constructor(view: MapView) {
    this.map = view.map;
  }

  /**
   * Shows `data` (GeoJSON text) and, for a large layer, its `overview`, replacing what was shown; `input` (the
   * layer's name and class table) gives each class its own layer and legend row. Throws only if MapLibre does.
   */
  show(data: Blob, overview: Blob | null = null, input?: LandUseStyleInput): void {
    this.clear();
    this.data = data;
    const beforeLabels = this.map.getStyle().layers.find((layer) => layer.type === 'symbol')?.id;
    try {
      if (overview) {
        this.overviewUrl = blobUrl(this.map, LANDUSE_OVERVIEW_SOURCE, overview, () => this.data === data);
        this.map.addSource(LANDUSE_OVERVIEW_SOURCE, { type: 'geojson', data: this.overviewUrl || EMPTY_COLLECTION });
      }
      this.tiles = tileBlob(data, LANDUSE_TILE_LAYER, PARCELS_MAX_ZOOM);
      this.map.addSource(LANDUSE_SOURCE, { type: 'vector', tiles: this.tiles.tiles, maxzoom: PARCELS_MAX_ZOOM });
      for (const spec of landUseLayerSpecs(overview !== null, input)) this.map.addLayer(spec, beforeLabels);
    } catch (error) {
      this.clear();
      throw error;
    }
    this.changed();
  }

  /** Removes the layers, the sources, the overview's object URL and the parcels' tiles. */
  clear(): void {
    const shown = !!this.data;
    removeFromMap(this.map, landUseStyleLayers(this.map), [LANDUSE_SOURCE, LANDUSE_OVERVIEW_SOURCE]);
    if (this.overviewUrl) URL.revokeObjectURL(this.overviewUrl);
    this.overviewUrl = '';
    this.tiles?.dispose();
    this.tiles = undefined;
    this.data = undefined;
    if (shown) this.changed();
  }

  private changed(): void {
    landUseLayerChanged(this.map);
  }
}
