import proj4 from 'proj4';
import { makeProjector, type CoordinateBounds, type CrsInfo } from './crs.js';
import { tileProjector, type Projector } from './tile-projector.js';
import { withVertexCache } from './vertex-cache.js';

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
export function fastProjector(crs: CrsInfo): Projector | null {
  return fastProjection(crs)?.project ?? null;
}

/** `fastProjector`, with the length of the system's unit in metres. */
function fastProjection(crs: CrsInfo): { project: Projector; metresPerUnit: number } | null {
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
  const project: Projector = (x, y) => {
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
  return { project, metresPerUnit: scale };
}

/** The side of a projection tile in metres (see `tileProjector`). */
const TILE_METRES = 256;
/** Points per tile of the layer's extent, on average, from which tiles pay (a tile's model costs 13 projections). */
const TILE_MIN_POINTS = 32;

/**
 * The projector for a whole layer: in a projected system on a datum that needs no shift, a quadratic model per
 * 256 m tile (`tileProjector`, within 0.1 mm of proj4) when the layer's points are dense enough for tiles to pay,
 * else proj4 point by point, each distinct vertex once (`withVertexCache`).
 * @param crs - the file's system
 * @param points - how many points the layer holds
 * @param bounds - the extent of those points in file coordinates
 */
export function layerProjector(crs: CrsInfo, points: number, bounds: CoordinateBounds): Projector {
  const fast = fastProjection(crs);
  if (fast) {
    const tileSize = TILE_METRES / fast.metresPerUnit;
    const tiles = (Math.floor(bounds.maxX / tileSize) - Math.floor(bounds.minX / tileSize) + 1) * (Math.floor(bounds.maxY / tileSize) - Math.floor(bounds.minY / tileSize) + 1);
    if (tiles > 0 && points >= TILE_MIN_POINTS * tiles) return tileProjector(fast.project, tileSize);
  }
  return withVertexCache(fast?.project ?? makeProjector(crs));
}
