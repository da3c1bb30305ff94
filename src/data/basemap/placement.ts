/**
 * Whether a basemap's tiles are anywhere near the Start-up Area: its bounds against the area's, with the gap
 * between them in kilometres when they are apart. Pure.
 */

export type Bounds = readonly [number, number, number, number];

/** How far outside the area's box a basemap's tiles may end and still count as near it (its tiles show the area's surroundings). */
export const NEAR_AREA_KM = 20;

const KM_PER_DEGREE = 111.32;

/**
 * The gap in km between two boxes (0 when they overlap or touch), on a local equirectangular scale (the
 * longitude degree shrunk by the cosine of the area's mid latitude): for a check of "near", not a survey.
 */
export function gapKm(a: Bounds, area: Bounds): number {
  const cos = Math.cos((((area[1] + area[3]) / 2) * Math.PI) / 180);
  const dx = Math.max(0, a[0] - area[2], area[0] - a[2]) * KM_PER_DEGREE * cos;
  const dy = Math.max(0, a[1] - area[3], area[1] - a[3]) * KM_PER_DEGREE;
  return Math.hypot(dx, dy);
}

/** Whether `bounds` are usable numbers in lon/lat order (west < east, south < north, within ±180 / ±90). */
export function validBounds(bounds: readonly number[] | null | undefined): bounds is Bounds {
  if (!bounds || bounds.length !== 4 || !bounds.every(Number.isFinite)) return false;
  const [west, south, east, north] = bounds as Bounds;
  return west < east && south < north && west >= -180 && east <= 180 && south >= -90 && north <= 90;
}

/**
 * The placement of a basemap against the area: `near` when its bounds come within NEAR_AREA_KM of the area's
 * box; unknown bounds are not judged (`near: null`).
 */
export function basemapPlacement(bounds: Bounds | null, area: Bounds): { near: boolean | null; distanceKm: number | null } {
  if (!bounds) return { near: null, distanceKm: null };
  const distanceKm = gapKm(bounds, area);
  return { near: distanceKm <= NEAR_AREA_KM, distanceKm };
}
