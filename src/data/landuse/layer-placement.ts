import { extentRelation, type CompassDirection } from '../../core/landuse/extent-relation.js';

export type { CompassDirection };

/**
 * Where a land-use layer lies against the Start-up Area: its WGS84 extent, whether that reaches the area's
 * box, and otherwise how far away it is and in which direction. A layer that does not reach the area gives no
 * figures for it (0 km² inside): the reader says so instead of drawing it in silence.
 */

/** West, south, east, north in degrees (WGS84). */
export type Extent = [west: number, south: number, east: number, north: number];

/**
 * The Start-up Area's bounding box: the extent of geodata/boundary.geojson (116.860–117.385 E,
 * 36.718–37.064 N) rounded outwards to 0.01°; a unit test checks it against that file.
 */
export const START_UP_AREA_EXTENT: Extent = [116.85, 36.71, 117.39, 37.07];

export interface LayerPlacement {
  /** the layer's extent in WGS84; null when it has no finite position */
  extent: Extent | null;
  /** whether the layer's extent overlaps the Start-up Area's box */
  overlapsArea: boolean;
  /** shortest distance between the two boxes in km (0 when they overlap; null without extent) */
  distanceKm: number | null;
  /** where the layer lies seen from the area, one of eight (null without extent) */
  direction: CompassDirection | null;
}

/** A growing WGS84 extent: `add` every position, then `extent()`. Non-finite positions are left out. */
export class ExtentBuilder {
  private west = Infinity;
  private south = Infinity;
  private east = -Infinity;
  private north = -Infinity;

  add(longitude: number, latitude: number): void {
    if (!Number.isFinite(longitude) || !Number.isFinite(latitude)) return;
    if (longitude < this.west) this.west = longitude;
    if (longitude > this.east) this.east = longitude;
    if (latitude < this.south) this.south = latitude;
    if (latitude > this.north) this.north = latitude;
  }

  extent(): Extent | null {
    return Number.isFinite(this.west) ? [this.west, this.south, this.east, this.north] : null;
  }
}

/**
 * Places a layer's extent against an area's box (core/landuse/extent-relation: nearest-box distance,
 * direction from centre to centre).
 * @param extent - the layer's WGS84 extent (null: no finite position)
 * @param area - the area's box; the Start-up Area by default
 */
export function layerPlacement(extent: Extent | null, area: Extent = START_UP_AREA_EXTENT): LayerPlacement {
  if (!extent) return { extent: null, overlapsArea: false, distanceKm: null, direction: null };
  const relation = extentRelation(extent, area);
  return { extent, overlapsArea: relation.overlaps, distanceKm: relation.distanceKm, direction: relation.direction };
}
