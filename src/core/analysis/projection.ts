/**
 * Internal: the equal-area plane every fast computation runs in.
 *
 * turf's `area` is exactly the shoelace area in (x = lng in radians, Y = sin(lat)) multiplied by R²
 * (see @turf/area `ringArea`). Working in that plane makes our areas identical to turf's for the same
 * vertices, and makes the "sum of pieces" decomposition exact. Coordinates are taken relative to an
 * origin near the data so the shoelace sums do not cancel catastrophically.
 */

/** turf's earth radius (@turf/helpers `earthRadius`), metres. */
export const EARTH_RADIUS_METERS = 6371008.8;
/** Projected-plane area unit to m². */
export const SQUARE_METERS_PER_UNIT = EARTH_RADIUS_METERS * EARTH_RADIUS_METERS;

const DEG = Math.PI / 180;

/** Origin of the projected plane. */
export interface PlaneOrigin {
  readonly lng: number;
  readonly sinLat: number;
}

/** Creates an origin at (lng, lat) degrees. */
export function planeOrigin(lng: number, lat: number): PlaneOrigin {
  return { lng, sinLat: Math.sin(lat * DEG) };
}

/** Projected x of a longitude. */
export function projectX(origin: PlaneOrigin, lng: number): number {
  return (lng - origin.lng) * DEG;
}

/** Projected Y of a latitude. */
export function projectY(origin: PlaneOrigin, lat: number): number {
  return Math.sin(lat * DEG) - origin.sinLat;
}

/** Longitude of a projected x. */
export function unprojectX(origin: PlaneOrigin, x: number): number {
  return x / DEG + origin.lng;
}

/** Latitude of a projected Y (clamped to the valid range). */
export function unprojectY(origin: PlaneOrigin, y: number): number {
  const s = Math.max(-1, Math.min(1, y + origin.sinLat));
  return Math.asin(s) / DEG;
}

/**
 * Projects a closed or open GeoJSON ring into a flat [x0, y0, x1, y1, …] array without the closing vertex
 * and without consecutive duplicates.
 */
export function projectRing(origin: PlaneOrigin, ring: readonly (readonly number[])[]): Float64Array {
  const out: number[] = [];
  for (const position of ring) {
    const x = projectX(origin, position[0]);
    const y = projectY(origin, position[1]);
    const n = out.length;
    if (n >= 2 && out[n - 2] === x && out[n - 1] === y) continue;
    out.push(x, y);
  }
  const n = out.length;
  if (n >= 4 && out[0] === out[n - 2] && out[1] === out[n - 1]) out.length = n - 2;
  return Float64Array.from(out);
}

/** Twice the signed shoelace area of a flat ring (positive = counter-clockwise). */
export function ringSignedArea2(ring: Float64Array): number {
  const n = ring.length;
  let sum = 0;
  for (let i = 0; i < n; i += 2) {
    const j = i + 2 === n ? 0 : i + 2;
    sum += ring[i] * ring[j + 1] - ring[j] * ring[i + 1];
  }
  return sum;
}

/** A copy of a flat ring with its vertex order reversed. */
export function reverseRing(ring: Float64Array): Float64Array {
  const n = ring.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 2) {
    out[n - 2 - i] = ring[i];
    out[n - 1 - i] = ring[i + 1];
  }
  return out;
}
