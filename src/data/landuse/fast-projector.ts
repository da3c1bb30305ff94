import proj4 from 'proj4';
import type { CrsInfo } from './crs.js';

/** proj4's projection object as far as it is used here. */
interface ProjectionObject {
  projName?: string;
  axis?: string;
  to_meter?: number;
  from_greenwich?: number;
  datum?: { datum_type: number };
  inverse(point: { x: number; y: number }): { x: number; y: number } | undefined;
}

/** proj4's datum types that need no shift to reach WGS84 (WGS84 itself, or an ellipsoid with no datum). */
const NO_SHIFT_DATUM_TYPES = new Set([4, 5]);
const RADIANS_TO_DEGREES = 180 / Math.PI;

/**
 * A projector from file coordinates to WGS84 [longitude, latitude] that calls proj4's projection directly (one
 * inverse call per point, no per-point copies or datum checks) when that is all proj4's full transform would
 * do: a projected system whose datum needs no shift, east-north axes, Greenwich meridian. It checks itself
 * against the full transform once; for anything else it returns null and the caller uses the full transform.
 * @param crs - the file's system
 */
export function fastProjector(crs: CrsInfo): ((x: number, y: number) => [number, number]) | null {
  if (crs.geographic) return null;
  let projection: ProjectionObject;
  try {
    projection = new (proj4 as unknown as { Proj: new (definition: string) => ProjectionObject }).Proj(crs.definition);
  } catch {
    return null;
  }
  if (projection.projName === 'longlat' || (projection.axis !== undefined && projection.axis !== 'enu') || projection.from_greenwich
    || !projection.datum || !NO_SHIFT_DATUM_TYPES.has(projection.datum.datum_type)) return null;
  const scale = projection.to_meter ?? 1;
  const point = { x: 0, y: 0 };
  const project = (x: number, y: number): [number, number] => {
    point.x = x * scale;
    point.y = y * scale;
    const result = projection.inverse(point);
    return result ? [result.x * RADIANS_TO_DEGREES, result.y * RADIANS_TO_DEGREES] : [NaN, NaN];
  };
  // Self-check at a point 1 km east and north of the system's origin offsets, and at the origin itself.
  const full = proj4(crs.definition, 'WGS84');
  const [x0, y0] = [(projection as { x0?: number }).x0 ?? 0, (projection as { y0?: number }).y0 ?? 0];
  for (const [x, y] of [[x0 / scale, y0 / scale], [(x0 + 1000) / scale, (y0 + 4_000_000) / scale]]) {
    const expected = full.forward([x, y]);
    const got = project(x, y);
    if (!(Math.abs(expected[0] - got[0]) < 1e-9 && Math.abs(expected[1] - got[1]) < 1e-9)) return null;
  }
  return project;
}
