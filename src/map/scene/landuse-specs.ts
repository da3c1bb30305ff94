/**
 * The style layers of the planner's land-use layer (pure; no MapLibre runtime): one source (`landuse`, vector
 * tiles cut from the parcels' GeoJSON) with a fill in each parcel's class colour (the national standard's,
 * carried in the parcel's `colour` property) and a thin outline; for a large layer a coarse overview
 * (`landuse-overview`, GeoJSON) drawn below OVERVIEW_MAX_ZOOM instead of the parcels.
 */
import type { LayerSpecification } from 'maplibre-gl';
import type { LandUseClassRow } from '../../data/landuse/prepare-landuse-layer.ts';
import { CLASSES_METADATA, LANDUSE_OVERVIEW_SOURCE, LANDUSE_SOURCE, NAME_METADATA, type LandUseLegendClass } from '../landuse-on-map.ts';

/** the layer of the parcels' vector tiles */
export const LANDUSE_TILE_LAYER = 'parcels';
/** Below this zoom a large layer shows its overview; from it on, every parcel. */
export const OVERVIEW_MAX_ZOOM = 12;
/** the parcels are cut into tiles up to this zoom, and over-zoomed beyond */
export const PARCELS_MAX_ZOOM = 15;

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
