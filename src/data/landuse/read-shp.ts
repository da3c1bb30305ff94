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

export interface ShpHeader {
  shapeType: number;
  fileLengthBytes: number;
  bounds: { minX: number; minY: number; maxX: number; maxY: number };
}

/**
 * The records of a .shp, kept as the file's bytes and a few numbers per record, so that reading makes no object
 * per record or ring and no copy of the points: a caller takes one record at a time (`polygons`, or for the
 * common one-ring record `singleRing` and the points straight from `view`) and keeps only what it builds from it.
 */
export class ShpRecords {
  /**
   * @param count - records in the file (record numbers are 1…count)
   * @param view - the .shp bytes
   * @param start - per record, the byte offset of its points (x, y little-endian doubles); -1: no polygon
   * @param points - per record, its number of points
   * @param partStart - per record, where its parts begin in `parts`
   * @param partCount - per record, its number of parts
   * @param parts - every record's part starts (point indices inside the record)
   * @param pointTotal - the points of every record together
   */
  constructor(
    readonly count: number,
    readonly view: DataView,
    private readonly start: Int32Array,
    private readonly points: Int32Array,
    private readonly partStart: Int32Array,
    private readonly partCount: Int32Array,
    private readonly parts: Int32Array,
    readonly pointTotal: number,
  ) {}

  /**
   * The byte offset in `view` of the points of a record that is one closed ring of at least four points (most
   * parcels), or -1 when the record is anything else (use `polygons`).
   * @param index - 0-based record index (record number − 1)
   */
  singleRing(index: number): number {
    const from = this.start[index];
    if (from < 0 || this.partCount[index] !== 1 || this.points[index] < 4) return -1;
    const last = from + 16 * (this.points[index] - 1);
    const view = this.view;
    return view.getFloat64(from, true) === view.getFloat64(last, true) && view.getFloat64(from + 8, true) === view.getFloat64(last + 8, true) ? from : -1;
  }

  /** The number of points of a record (for `singleRing`). */
  pointCount(index: number): number {
    return this.points[index];
  }

  /**
   * A record's polygons (`assembleRings`): rings closed, parts of fewer than three points dropped; empty for a
   * null or unreadable shape. The rings are the record's own arrays.
   * @param index - 0-based record index (record number − 1)
   */
  polygons(index: number): RingSet[] {
    const from = this.start[index];
    if (from < 0) return [];
    const count = this.partCount[index];
    const points = this.points[index];
    const first = this.partStart[index];
    const xy = new Float64Array(points * 2);
    for (let i = 0; i < xy.length; i++) xy[i] = this.view.getFloat64(from + 8 * i, true);
    const rings: Float64Array[] = [];
    for (let part = 0; part < count; part++) {
      const begin = this.parts[first + part];
      const end = part + 1 < count ? this.parts[first + part + 1] : points;
      // Fewer than three points cannot bound an area: such a part is dropped.
      if (end - begin < 3) continue;
      let ring = xy.subarray(2 * begin, 2 * end);
      const last = ring.length - 2;
      if (ring[0] !== ring[last] || ring[1] !== ring[last + 1]) {
        const closed = new Float64Array(ring.length + 2);
        closed.set(ring);
        closed[ring.length] = ring[0];
        closed[ring.length + 1] = ring[1];
        ring = closed;
      }
      if (ring.length >= 8) rings.push(ring);
    }
    return assembleRings(rings);
  }
}

export type ShpReadResult =
  | { ok: true; header: ShpHeader; records: ShpRecords; issues: LandUseIssue[] }
  | { ok: false; issues: LandUseIssue[] };

const SHAPE_KINDS: Record<number, string> = {
  0: 'null', 1: 'points', 3: 'lines', 5: 'polygons', 8: 'multipoints', 11: 'points', 13: 'lines', 15: 'polygons',
  18: 'multipoints', 21: 'points', 23: 'lines', 25: 'polygons', 28: 'multipoints', 31: 'multipatch',
};
const POLYGON_TYPES = new Set([5, 15, 25]);

/** Records with the same remark are reported once, by count and the first record numbers. */
const LISTED_RECORDS = 10;

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

/** A growable Int32Array. */
class IntList {
  values = new Int32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
}

/**
 * Reads the .shp bytes. Never throws.
 * @param bytes - the whole .shp file
 * @param file - its name, for issues
 * @returns the records (file coordinates) and issues with record number and byte offset
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
  let pointTotal = 0;
  const starts = new IntList();
  const pointCounts = new IntList();
  const partStarts = new IntList();
  const partCounts = new IntList();
  const parts = new IntList();
  let count = 0;
  const skip = () => {
    starts.push(-1);
    pointCounts.push(0);
    partStarts.push(parts.length);
    partCounts.push(0);
    count += 1;
  };
  /** records with a ring whose last point is not its first (closed here, as GDAL does) */
  const unclosed: number[] = [];
  /** records longer than their parts and points need (a lowered point count: the points given are read) */
  const longer: number[] = [];
  let offset = 100;
  while (offset + 8 <= bytes.length) {
    const contentBytes = view.getInt32(offset + 4, false) * 2;
    const start = offset + 8;
    // Zeros after the last record are padding some writers add, not a cut record.
    if (contentBytes === 0 && view.getInt32(offset, false) === 0 && allZero(bytes, offset)) break;
    const index = count + 1;
    if (contentBytes < 4 || start + contentBytes > bytes.length) {
      issues.push({ code: 'shp-truncated', severity: 'warning', file, record: index, byteOffset: offset, params: { read: count } });
      break;
    }
    const type = view.getInt32(start, true);
    if (type === 0) {
      skip();
    } else if (!POLYGON_TYPES.has(type) || contentBytes < 44) {
      issues.push({ code: 'shp-record', severity: 'warning', file, record: index, byteOffset: offset, params: { detail: `shape type ${type} in a polygon file` } });
      skip();
    } else {
      const partTotal = view.getInt32(start + 36, true);
      const points = view.getInt32(start + 40, true);
      const pointsAt = start + 44 + partTotal * 4;
      if (partTotal < 1 || points < partTotal || pointsAt + points * 16 > start + contentBytes) {
        issues.push({ code: 'shp-record', severity: 'warning', file, record: index, byteOffset: offset, params: { detail: `${partTotal} parts and ${points} points do not fit in ${contentBytes} bytes` } });
        skip();
      } else {
        let bad = false;
        for (let i = 0; i < points * 2; i++) if (!Number.isFinite(view.getFloat64(pointsAt + i * 8, true))) bad = true;
        let open = false;
        const firstPart = parts.length;
        for (let part = 0; part < partTotal && !bad; part++) {
          const from = view.getInt32(start + 44 + part * 4, true);
          const to = part + 1 < partTotal ? view.getInt32(start + 48 + part * 4, true) : points;
          if (from < 0 || to > points || to < from) {
            bad = true;
            break;
          }
          parts.push(from);
          if (to - from >= 3 && (view.getFloat64(pointsAt + 16 * from, true) !== view.getFloat64(pointsAt + 16 * to - 16, true) || view.getFloat64(pointsAt + 16 * from + 8, true) !== view.getFloat64(pointsAt + 16 * to - 8, true))) open = true;
        }
        if (bad) {
          parts.length = firstPart;
          issues.push({ code: 'shp-record', severity: 'warning', file, record: index, byteOffset: offset, params: { detail: 'part indices or coordinates out of range' } });
          skip();
        } else {
          if (open) unclosed.push(index);
          if (contentBytes > fullContentBytes(type, partTotal, points)) longer.push(index);
          starts.push(pointsAt);
          pointCounts.push(points);
          partStarts.push(firstPart);
          partCounts.push(partTotal);
          count += 1;
          pointTotal += points;
        }
      }
    }
    offset = start + contentBytes;
  }
  const listed = (numbers: number[]) => numbers.slice(0, LISTED_RECORDS).join(', ') + (numbers.length > LISTED_RECORDS ? ', …' : '');
  if (unclosed.length > 0) issues.push({ code: 'shp-ring-unclosed', severity: 'notice', file, record: unclosed[0], params: { count: unclosed.length, records: listed(unclosed) } });
  if (longer.length > 0) issues.push({ code: 'shp-record-longer', severity: 'notice', file, record: longer[0], params: { count: longer.length, records: listed(longer) } });
  const records = new ShpRecords(count, view, starts.values, pointCounts.values, partStarts.values, partCounts.values, parts.values, pointTotal);
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
