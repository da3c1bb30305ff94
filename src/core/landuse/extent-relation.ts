/**
 * Where a layer lies relative to an area, from their extents ([west, south, east, north], degrees): whether they
 * overlap, and otherwise how far apart they are (the shortest distance between the boxes, great-circle, km) and in
 * which direction the layer lies (one of eight, from the area's centre to the layer's). Enough to tell a planner
 * "this file lies 1 200 km south-west of the Start-up Area" — the usual sign of a wrong coordinate system.
 */
export type CompassDirection = 'N' | 'NE' | 'E' | 'SE' | 'S' | 'SW' | 'W' | 'NW';

export interface ExtentRelation {
  overlaps: boolean;
  /** 0 when the boxes overlap */
  distanceKm: number;
  direction: CompassDirection;
}

const EARTH_RADIUS_KM = 6371.0088;
const DIRECTIONS: readonly CompassDirection[] = ['E', 'NE', 'N', 'NW', 'W', 'SW', 'S', 'SE'];
const radians = (degrees: number) => (degrees * Math.PI) / 180;

function greatCircleKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = radians(lat2 - lat1);
  const dLon = radians(lon2 - lon1);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(lat1)) * Math.cos(radians(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * @param layer - the layer's extent, WGS84 [west, south, east, north]
 * @param area - the area's extent, same form
 * @example extentRelation([100, 20, 101, 21], [116.8, 36.7, 117.3, 37.05]).direction // 'SW'
 */
export function extentRelation(layer: readonly number[], area: readonly number[]): ExtentRelation {
  const [lw, ls, le, ln] = layer;
  const [aw, as, ae, an] = area;
  const overlaps = lw <= ae && aw <= le && ls <= an && as <= ln;
  // The nearest point of the layer's box to the area's box, and of the area's box to that point.
  const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
  const nearLon = clamp((aw + ae) / 2, lw, le);
  const nearLat = clamp((as + an) / 2, ls, ln);
  const distanceKm = overlaps ? 0 : greatCircleKm(clamp(nearLon, aw, ae), clamp(nearLat, as, an), nearLon, nearLat);
  const dx = ((lw + le) / 2 - (aw + ae) / 2) * Math.cos(radians((as + an) / 2));
  const dy = (ls + ln) / 2 - (as + an) / 2;
  const sector = Math.round(Math.atan2(dy, dx) / (Math.PI / 4));
  return { overlaps, distanceKm, direction: DIRECTIONS[(sector + 8) % 8] };
}
