/** The basemap's names on the map and what its style is made from (a tiny module: the legend, the tile protocol and
 * the scene's types need them, not its style). */

/** The basemap's source id. */
export const BASEMAP_SOURCE = 'basemap';
/** Every basemap style layer id starts with this. */
export const BASEMAP_LAYER_PREFIX = 'basemap-';
/** The tile protocol the basemap archives are served through (src/map/basemap-tiles.ts). */
export const BASEMAP_PROTOCOL = 'plan-basemap';
/** metadata on the basemap's style layers: the basemap's name (the legend's row) */
export const BASEMAP_NAME_METADATA = 'plan:basemap';

/** What the basemap's style is made from (the slice's `Basemap`, with the label language). */
export interface BasemapStyleInput {
  key: string;
  name: string;
  kind: 'raster' | 'vector';
  minZoom: number;
  maxZoom: number;
  bounds: readonly [number, number, number, number] | null;
  attribution: string | null;
  vectorLayers: readonly { id: string }[];
  opacity: number;
  visible: boolean;
}
