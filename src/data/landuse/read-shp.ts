import { assembleRings } from '../../core/geometry/assemble-rings.js';
import type { LandUseIssue } from './landuse-issues.js';

/**
 * Reads the geometry part (.shp) of an ESRI Shapefile: polygons only (types 5, 15, 25; Z and M values are
 * dropped). Written out rather than taken from a Shapefile library because every damaged record must be
 * reported with its number and byte offset while the good records are kept — libraries throw on the first
 * bad record or stop silently at a truncated one.
 *
 * Ring order follows the ESRI specification: outer rings clockwise, holes counter-clockwise; each hole goes
 * to the smallest outer ring that contains it (`assembleRings`). Output rings are typed arrays in file
 * coordinates, RFC 7946 winding (outer counter-clockwise) and closed. Where GDAL warns and still reads (a ring
 * not closed, a record longer than its points need), the record is read and a notice lists it. Zero bytes
 * after the last record are padding, not a cut file.
 */

/** One polygon: outer ring, then holes; each ring closed, interleaved `x0, y0, x1, y1, …`. */
export type RingSet = Float64Array[];

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

/** Records with the same remark are reported once, by count and the first record numbers. */
const LISTED_RECORDS = 10;

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Copies a record's points (interleaved x, y) into `into` at `at` (in numbers) and returns the view: one copy of
 * the bytes into one array for the whole file, so a ring is a view, not an array of its own.
 */
function readPoints(bytes: Uint8Array, view: DataView, from: number, points: number, into: Float64Array, at: number): Float64Array {
  const xy = into.subarray(at, at + points * 2);
  if (LITTLE_ENDIAN) new Uint8Array(into.buffer, at * 8, points * 16).set(bytes.subarray(from, from + points * 16));
  else for (let i = 0; i < points * 2; i++) xy[i] = view.getFloat64(from + i * 8, true);
  return xy;
}

/** Bytes a polygon record of this type needs at most for its parts and points (Z and M arrays included). */
function fullContentBytes(type: number, parts: number, points: number): number {
  const base = 44 + parts * 4 + points * 16;
  const measures = 16 + points * 8;
  return type === 15 ? base + 2 * measures : type === 25 ? base + measures : base;
}

function allZero(bytes: Uint8Array, from: number): boolean {
  for (let i = from; i < bytes.length; i++) if (bytes[i] !== 0) return false;
  return true;
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
  /** every record's points, one after the other (a record's points take 16 of its bytes each) */
  const coordinates = new Float64Array(Math.max(0, (bytes.length - 100) >> 3));
  let used = 0;
  /** records with a ring whose last point is not its first (closed here, as GDAL does) */
  const unclosed: number[] = [];
  /** records longer than their parts and points need (a lowered point count: the points given are read) */
  const longer: number[] = [];
  let offset = 100;
  let index = 0;
  while (offset + 8 <= bytes.length) {
    const contentBytes = view.getInt32(offset + 4, false) * 2;
    const start = offset + 8;
    // Zeros after the last record are padding some writers add, not a cut record.
    if (contentBytes === 0 && view.getInt32(offset, false) === 0 && allZero(bytes, offset)) break;
    index += 1;
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
        const xy = readPoints(bytes, view, pointsAt, points, coordinates, used);
        used += points * 2;
        let bad = false;
        for (let i = 0; i < xy.length; i++) if (!Number.isFinite(xy[i])) bad = true;
        const rings: Float64Array[] = [];
        let open = false;
        for (let part = 0; part < parts && !bad; part++) {
          const from = view.getInt32(start + 44 + part * 4, true);
          const to = part + 1 < parts ? view.getInt32(start + 48 + part * 4, true) : points;
          if (from < 0 || to > points || to < from) {
            bad = true;
            break;
          }
          // Fewer than three points cannot bound an area: such a part is dropped.
          if (to - from < 3) continue;
          let ring = xy.subarray(2 * from, 2 * to);
          const last = ring.length - 2;
          if (ring[0] !== ring[last] || ring[1] !== ring[last + 1]) {
            open = true;
            const closed = new Float64Array(ring.length + 2);
            closed.set(ring);
            closed[ring.length] = ring[0];
            closed[ring.length + 1] = ring[1];
            ring = closed;
          }
          if (ring.length >= 8) rings.push(ring);
        }
        if (bad) {
          issues.push({ code: 'shp-record', severity: 'warning', file, record: index, byteOffset: offset, params: { detail: 'part indices or coordinates out of range' } });
          records.push({ record: index, polygons: [] });
        } else {
          if (open) unclosed.push(index);
          if (contentBytes > fullContentBytes(type, parts, points)) longer.push(index);
          records.push({ record: index, polygons: assembleRings(rings) });
        }
      }
    }
    offset = start + contentBytes;
  }
  const listed = (numbers: number[]) => numbers.slice(0, LISTED_RECORDS).join(', ') + (numbers.length > LISTED_RECORDS ? ', …' : '');
  if (unclosed.length > 0) issues.push({ code: 'shp-ring-unclosed', severity: 'notice', file, record: unclosed[0], params: { count: unclosed.length, records: listed(unclosed) } });
  if (longer.length > 0) issues.push({ code: 'shp-record-longer', severity: 'notice', file, record: longer[0], params: { count: longer.length, records: listed(longer) } });
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
