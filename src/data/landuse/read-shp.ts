import type { LandUseIssue } from './landuse-issues.js';

/**
 * Reads the geometry part (.shp) of an ESRI Shapefile: polygons only (types 5, 15, 25; Z and M values are
 * dropped). Written out rather than taken from a Shapefile library because every damaged record must be
 * reported with its number and byte offset while the good records are kept — libraries throw on the first
 * bad record or stop silently at a truncated one.
 *
 * Ring order follows the ESRI specification: outer rings clockwise, holes counter-clockwise; each hole goes
 * to the smallest outer ring that contains it. Output rings are in file coordinates, RFC 7946 winding
 * (outer counter-clockwise) and closed.
 */

export type RingSet = number[][][];

export interface ShpRecord {
  /** 1-based record number */
  record: number;
  /** polygons (outer ring first, then holes), file coordinates; empty for a null shape */
  polygons: RingSet[];
}

export interface ShpHeader {
  shapeType: number;
  fileLengthBytes: number;
  bounds: { minX: number; minY: number; maxX: number; maxY: number };
}

export type ShpReadResult =
  | { ok: true; header: ShpHeader; records: ShpRecord[]; issues: LandUseIssue[] }
  | { ok: false; issues: LandUseIssue[] };

const SHAPE_KINDS: Record<number, string> = {
  0: 'null', 1: 'points', 3: 'lines', 5: 'polygons', 8: 'multipoints', 11: 'points', 13: 'lines', 15: 'polygons',
  18: 'multipoints', 21: 'points', 23: 'lines', 25: 'polygons', 28: 'multipoints', 31: 'multipatch',
};
const POLYGON_TYPES = new Set([5, 15, 25]);

/** Twice the signed area (shoelace); positive = counter-clockwise in a y-up plane. */
function signedArea2(ring: number[][]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  return sum;
}

function ringContains(ring: number[][], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Groups ESRI rings into polygons (see the file comment). */
export function assembleRings(rings: number[][][]): RingSet[] {
  const outers: { ring: number[][]; area: number; holes: number[][][] }[] = [];
  const holes: number[][][] = [];
  for (const ring of rings) {
    const area2 = signedArea2(ring);
    if (area2 === 0) continue;
    if (area2 < 0) outers.push({ ring: ring.slice().reverse(), area: -area2, holes: [] });
    else holes.push(ring);
  }
  for (const hole of holes) {
    let best: (typeof outers)[number] | undefined;
    for (const outer of outers) {
      if (ringContains(outer.ring, hole[0][0], hole[0][1]) && (!best || outer.area < best.area)) best = outer;
    }
    // A hole with no outer ring is a ring written the wrong way round: keep it as an outer ring.
    if (best) best.holes.push(hole.slice().reverse());
    else outers.push({ ring: hole, area: signedArea2(hole), holes: [] });
  }
  return outers.map((outer) => [outer.ring, ...outer.holes]);
}

function closeRing(ring: number[][]): number[][] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  return first[0] === last[0] && first[1] === last[1] ? ring : [...ring, [first[0], first[1]]];
}

/**
 * Reads the .shp bytes. Never throws.
 * @param bytes - the whole .shp file
 * @param file - its name, for issues
 * @returns records with polygons (file coordinates) and issues with record number and byte offset
 */
export function readShp(bytes: Uint8Array, file: string): ShpReadResult {
  const issues: LandUseIssue[] = [];
  if (bytes.length < 100) {
    return { ok: false, issues: [{ code: 'shp-header', severity: 'error', file, params: { detail: `${bytes.length} bytes, the header alone is 100` } }] };
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getInt32(0, false) !== 9994) {
    return { ok: false, issues: [{ code: 'shp-header', severity: 'error', file, byteOffset: 0, params: { detail: 'file code is not 9994' } }] };
  }
  const shapeType = view.getInt32(32, true);
  if (!POLYGON_TYPES.has(shapeType)) {
    return { ok: false, issues: [{ code: 'shp-not-polygon', severity: 'error', file, byteOffset: 32, params: { kind: SHAPE_KINDS[shapeType] ?? `type ${shapeType}` } }] };
  }
  const header: ShpHeader = {
    shapeType,
    fileLengthBytes: view.getInt32(24, false) * 2,
    bounds: { minX: view.getFloat64(36, true), minY: view.getFloat64(44, true), maxX: view.getFloat64(52, true), maxY: view.getFloat64(60, true) },
  };
  const records: ShpRecord[] = [];
  let offset = 100;
  let index = 0;
  while (offset + 8 <= bytes.length) {
    index += 1;
    const contentBytes = view.getInt32(offset + 4, false) * 2;
    const start = offset + 8;
    if (contentBytes < 4 || start + contentBytes > bytes.length) {
      issues.push({ code: 'shp-truncated', severity: 'warning', file, record: index, byteOffset: offset, params: { read: records.length } });
      break;
    }
    const type = view.getInt32(start, true);
    if (type === 0) {
      records.push({ record: index, polygons: [] });
    } else if (!POLYGON_TYPES.has(type) || contentBytes < 44) {
      issues.push({ code: 'shp-record', severity: 'warning', file, record: index, byteOffset: offset, params: { detail: `shape type ${type} in a polygon file` } });
      records.push({ record: index, polygons: [] });
    } else {
      const parts = view.getInt32(start + 36, true);
      const points = view.getInt32(start + 40, true);
      const pointsAt = start + 44 + parts * 4;
      if (parts < 1 || points < parts || pointsAt + points * 16 > start + contentBytes) {
        issues.push({ code: 'shp-record', severity: 'warning', file, record: index, byteOffset: offset, params: { detail: `${parts} parts and ${points} points do not fit in ${contentBytes} bytes` } });
        records.push({ record: index, polygons: [] });
      } else {
        const rings: number[][][] = [];
        let bad = false;
        for (let part = 0; part < parts; part++) {
          const from = view.getInt32(start + 44 + part * 4, true);
          const to = part + 1 < parts ? view.getInt32(start + 48 + part * 4, true) : points;
          if (from < 0 || to > points || to < from) {
            bad = true;
            break;
          }
          // Fewer than three points cannot bound an area: such a part is dropped.
          if (to - from < 3) continue;
          const ring: number[][] = new Array(to - from);
          for (let i = from; i < to; i++) {
            const x = view.getFloat64(pointsAt + i * 16, true);
            const y = view.getFloat64(pointsAt + i * 16 + 8, true);
            if (!Number.isFinite(x) || !Number.isFinite(y)) bad = true;
            ring[i - from] = [x, y];
          }
          if (bad) break;
          const closed = closeRing(ring);
          if (closed.length >= 4) rings.push(closed);
        }
        if (bad) {
          issues.push({ code: 'shp-record', severity: 'warning', file, record: index, byteOffset: offset, params: { detail: 'part indices or coordinates out of range' } });
          records.push({ record: index, polygons: [] });
        } else {
          records.push({ record: index, polygons: assembleRings(rings) });
        }
      }
    }
    offset = start + contentBytes;
  }
  return { ok: true, header, records, issues };
}

/**
 * Checks the .shx index against the records found in the .shp: a different count means one of the two files
 * is from another version of the layer.
 */
export function checkShx(shx: Uint8Array, recordCount: number, file: string): LandUseIssue | null {
  if (shx.length < 100 || new DataView(shx.buffer, shx.byteOffset, shx.byteLength).getInt32(0, false) !== 9994) {
    return { code: 'shx-mismatch', severity: 'warning', file, params: { detail: 'not a Shapefile index', shx: 0, shp: recordCount } };
  }
  const entries = Math.floor((shx.length - 100) / 8);
  return entries === recordCount ? null : { code: 'shx-mismatch', severity: 'warning', file, params: { detail: 'record counts differ', shx: entries, shp: recordCount } };
}
