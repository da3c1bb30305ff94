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

export type CompassDirection = 'north' | 'north-east' | 'east' | 'south-east' | 'south' | 'south-west' | 'west' | 'north-west';

export interface LayerPlacement {
  /** the layer's extent in WGS84; null when it has no finite position */
  extent: Extent | null;
  /** whether the layer's extent overlaps the Start-up Area's box */
  overlapsArea: boolean;
  /** shortest distance between the two boxes in km (0 when they overlap; null without extent) */
  distanceKm: number | null;
  /** where the layer lies seen from the area (null when they overlap or without extent) */
  direction: CompassDirection | null;
}

const EARTH_RADIUS_KM = 6371.0088;

function haversineKm([lon1, lat1]: readonly number[], [lon2, lat2]: readonly number[]): number {
  const radians = Math.PI / 180;
  const dLat = (lat2 - lat1) * radians;
  const dLon = (lon2 - lon1) * radians;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * radians) * Math.cos(lat2 * radians) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
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
 * Places a layer's extent against an area's box.
 * @param extent - the layer's WGS84 extent (null: no finite position)
 * @param area - the area's box; the Start-up Area by default
 */
export function layerPlacement(extent: Extent | null, area: Extent = START_UP_AREA_EXTENT): LayerPlacement {
  if (!extent) return { extent: null, overlapsArea: false, distanceKm: null, direction: null };
  const [west, south, east, north] = extent;
  const [areaWest, areaSouth, areaEast, areaNorth] = area;
  const eastOf = west > areaEast;
  const westOf = east < areaWest;
  const northOf = south > areaNorth;
  const southOf = north < areaSouth;
  if (!eastOf && !westOf && !northOf && !southOf) return { extent, overlapsArea: true, distanceKm: 0, direction: null };
  // The nearest points of the two boxes (a box corner or a point on an edge).
  const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
  const layerPoint = [eastOf ? west : westOf ? east : clamp((areaWest + areaEast) / 2, west, east), northOf ? south : southOf ? north : clamp((areaSouth + areaNorth) / 2, south, north)];
  const areaPoint = [clamp(layerPoint[0], areaWest, areaEast), clamp(layerPoint[1], areaSouth, areaNorth)];
  const vertical = northOf ? 'north' : southOf ? 'south' : '';
  const horizontal = eastOf ? 'east' : westOf ? 'west' : '';
  const direction = (vertical && horizontal ? `${vertical}-${horizontal}` : vertical || horizontal) as CompassDirection;
  return { extent, overlapsArea: false, distanceKm: haversineKm(layerPoint, areaPoint), direction };
}
