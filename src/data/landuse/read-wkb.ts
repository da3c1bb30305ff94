/**
 * Reads the geometry blobs of a GeoPackage: the GeoPackage binary header (`GP`, version, flags, srs_id,
 * envelope) and then well-known binary (WKB). Polygons, multipolygons and geometry collections of them are
 * returned as rings in file coordinates; Z and M values are dropped. Type codes are read in both spellings
 * GeoPackage writers use: ISO (1003 polygon Z, 2003 M, 3003 ZM) and EWKB-style flag bits (0x80000000 Z,
 * 0x40000000 M, 0x20000000 SRID follows). Pure, never throws: a damaged blob gives a reason and a byte offset.
 *
 * Written here rather than taken from a WKB library: the maintained JavaScript one (wkx) needs Node's
 * `Buffer` and is CommonJS; others parse WKT only or build their own geometry object model. This reader is
 * one pass over a DataView, with every count checked against the bytes left so a damaged count cannot
 * make it allocate.
 */
import type { RingSet } from './read-shp.js';

/** What kind of geometry a blob holds, in the words of `describeGeoPackage`. */
export type BlobGeometryKind = 'polygons' | 'lines' | 'points' | 'unknown';

export type GeometryBlobResult =
  /** polygons: outer ring first, then its holes, each flat [x, y, …]; RFC 7946 winding (outer counter-clockwise), closed; [] when empty */
  | { ok: true; kind: 'polygons'; polygons: RingSet[]; srsId: number }
  | { ok: true; kind: Exclude<BlobGeometryKind, 'polygons'>; srsId: number }
  | { ok: false; detail: string; byteOffset: number };

const WKB_POINT = 1;
const WKB_LINESTRING = 2;
const WKB_POLYGON = 3;
const WKB_MULTIPOINT = 4;
const WKB_MULTILINESTRING = 5;
const WKB_MULTIPOLYGON = 6;
const WKB_COLLECTION = 7;
/** GeoPackage envelope sizes in doubles by the envelope contents indicator (flags bits 1–3). */
const ENVELOPE_DOUBLES = [0, 4, 6, 6, 8];
/** A nested collection deeper than this is treated as damaged (protects the stack). */
const MAX_DEPTH = 32;

class WkbError extends Error {
  constructor(message: string, readonly byteOffset: number) {
    super(message);
  }
}

interface Cursor {
  view: DataView;
  at: number;
}

function need(cursor: Cursor, bytes: number, what: string): void {
  if (cursor.at + bytes > cursor.view.byteLength) {
    throw new WkbError(`${what}: needs ${bytes} bytes, ${Math.max(0, cursor.view.byteLength - cursor.at)} left`, cursor.at);
  }
}

function count(cursor: Cursor, little: boolean, minBytesEach: number, what: string): number {
  need(cursor, 4, what);
  const value = cursor.view.getUint32(cursor.at, little);
  if (value * minBytesEach > cursor.view.byteLength - cursor.at - 4) {
    throw new WkbError(`${what} ${value} does not fit in the ${cursor.view.byteLength - cursor.at - 4} bytes left`, cursor.at);
  }
  cursor.at += 4;
  return value;
}

interface Header {
  little: boolean;
  base: number;
  dimensions: number;
}

function readHeader(cursor: Cursor): Header {
  need(cursor, 5, 'geometry header');
  const order = cursor.view.getUint8(cursor.at);
  if (order > 1) throw new WkbError(`byte order ${order} (must be 0 or 1)`, cursor.at);
  const little = order === 1;
  const raw = cursor.view.getUint32(cursor.at + 1, little);
  cursor.at += 5;
  let hasZ = (raw & 0x80000000) !== 0;
  let hasM = (raw & 0x40000000) !== 0;
  if ((raw & 0x20000000) !== 0) {
    need(cursor, 4, 'EWKB SRID');
    cursor.at += 4;
  }
  let base = raw & 0x0fffffff;
  if (base >= 1000) {
    const iso = Math.floor(base / 1000);
    if (iso > 3) throw new WkbError(`geometry type ${raw}`, cursor.at - 4);
    hasZ ||= iso === 1 || iso === 3;
    hasM ||= iso === 2 || iso === 3;
    base %= 1000;
  }
  return { little, base, dimensions: 2 + (hasZ ? 1 : 0) + (hasM ? 1 : 0) };
}

/** A ring as flat [x0, y0, x1, y1, …] in file coordinates (the Shapefile reader's `RingSet` form). */
function readRing(cursor: Cursor, header: Header): Float64Array {
  const stride = header.dimensions * 8;
  const points = count(cursor, header.little, stride, 'point count');
  const ring = new Float64Array(points * 2);
  const { view } = cursor;
  for (let index = 0; index < points; index++) {
    ring[2 * index] = view.getFloat64(cursor.at, header.little);
    ring[2 * index + 1] = view.getFloat64(cursor.at + 8, header.little);
    cursor.at += stride;
  }
  return ring;
}

/** Twice the signed area (shoelace) of a flat ring; positive = counter-clockwise in a y-up plane. */
function signedArea2(ring: Float64Array): number {
  let sum = 0;
  const n = ring.length >> 1;
  for (let index = 0, previous = n - 1; index < n; previous = index++) {
    sum += (ring[2 * previous] - ring[2 * index]) * (ring[2 * previous + 1] + ring[2 * index + 1]);
  }
  return sum;
}

/** Closed, with the winding RFC 7946 asks for (outer counter-clockwise, holes clockwise). */
function rewound(input: Float64Array, outer: boolean): Float64Array {
  const n = input.length;
  let ring = input;
  if (input[0] !== input[n - 2] || input[1] !== input[n - 1]) {
    ring = new Float64Array(n + 2);
    ring.set(input);
    ring[n] = input[0];
    ring[n + 1] = input[1];
  }
  if ((signedArea2(ring) > 0) === outer) return ring;
  const reversed = new Float64Array(ring.length);
  const points = ring.length >> 1;
  for (let index = 0; index < points; index++) {
    reversed[2 * index] = ring[2 * (points - 1 - index)];
    reversed[2 * index + 1] = ring[2 * (points - 1 - index) + 1];
  }
  return reversed;
}

function finite(ring: Float64Array): boolean {
  for (let index = 0; index < ring.length; index++) if (!Number.isFinite(ring[index])) return false;
  return true;
}

function readPolygonBody(cursor: Cursor, header: Header): RingSet | null {
  const rings = count(cursor, header.little, 4, 'ring count');
  const kept: RingSet = [];
  for (let index = 0; index < rings; index++) {
    const ring = readRing(cursor, header);
    // An empty ring (POLYGON EMPTY written with a ring of 0 points) and NaN coordinates carry no area.
    if (ring.length === 0 || !finite(ring)) continue;
    if (ring.length < 6) throw new WkbError(`a ring of ${ring.length / 2} points`, cursor.at);
    kept.push(rewound(ring, kept.length === 0));
  }
  return kept.length > 0 ? kept : null;
}

interface Collected {
  polygons: RingSet[];
  other: Exclude<BlobGeometryKind, 'polygons'> | null;
}

function skipCoordinates(cursor: Cursor, header: Header): void {
  const stride = header.dimensions * 8;
  if (header.base === WKB_POINT) {
    need(cursor, stride, 'point');
    cursor.at += stride;
  } else {
    const points = count(cursor, header.little, stride, 'point count');
    cursor.at += points * stride;
  }
}

function readGeometry(cursor: Cursor, into: Collected, depth: number): void {
  if (depth > MAX_DEPTH) throw new WkbError(`collections nested more than ${MAX_DEPTH} deep`, cursor.at);
  const header = readHeader(cursor);
  switch (header.base) {
    case WKB_POLYGON: {
      const polygon = readPolygonBody(cursor, header);
      if (polygon) into.polygons.push(polygon);
      return;
    }
    case WKB_MULTIPOLYGON:
    case WKB_COLLECTION:
    case WKB_MULTIPOINT:
    case WKB_MULTILINESTRING: {
      const members = count(cursor, header.little, 5, 'member count');
      for (let index = 0; index < members; index++) readGeometry(cursor, into, depth + 1);
      return;
    }
    case WKB_POINT:
      skipCoordinates(cursor, header);
      into.other ??= 'points';
      return;
    case WKB_LINESTRING:
      skipCoordinates(cursor, header);
      into.other ??= 'lines';
      return;
    default:
      // Curves, surfaces, TIN (GeoPackage extension types 8–17) are not read.
      throw new WkbError(`geometry type ${header.base} (curves and surfaces are not read)`, cursor.at - 4);
  }
}

/**
 * Reads one well-known binary geometry starting at `offset`.
 * @param bytes - the blob
 * @param offset - where the WKB starts (after a GeoPackage header)
 * @param srsId - reported back in the result
 */
export function readWkb(bytes: Uint8Array, offset = 0, srsId = 0): GeometryBlobResult {
  const cursor: Cursor = { view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), at: offset };
  const into: Collected = { polygons: [], other: null };
  try {
    readGeometry(cursor, into, 0);
  } catch (error) {
    if (error instanceof WkbError) return { ok: false, detail: error.message, byteOffset: error.byteOffset };
    return { ok: false, detail: String((error as Error)?.message ?? error), byteOffset: cursor.at };
  }
  if (into.other && into.polygons.length === 0) return { ok: true, kind: into.other, srsId };
  if (into.other) return { ok: true, kind: 'unknown', srsId };
  return { ok: true, kind: 'polygons', polygons: into.polygons, srsId };
}

/**
 * Reads a GeoPackage geometry blob (GeoPackage 1.x binary header, then WKB).
 * @param bytes - the value of the geometry column
 * @returns the polygons in file coordinates ([] for an empty geometry), or why the blob cannot be read
 */
export function readGeoPackageGeometry(bytes: Uint8Array): GeometryBlobResult {
  if (bytes.length < 8 || bytes[0] !== 0x47 || bytes[1] !== 0x50) {
    return { ok: false, detail: 'no GeoPackage geometry header (the blob does not start with "GP")', byteOffset: 0 };
  }
  const flags = bytes[3];
  if ((flags & 0x20) !== 0) return { ok: false, detail: 'extended GeoPackage geometry (not read)', byteOffset: 3 };
  const envelopeKind = (flags >> 1) & 0x07;
  if (envelopeKind >= ENVELOPE_DOUBLES.length) return { ok: false, detail: `envelope indicator ${envelopeKind} (must be 0–4)`, byteOffset: 3 };
  const little = (flags & 0x01) === 1;
  const srsId = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getInt32(4, little);
  const start = 8 + ENVELOPE_DOUBLES[envelopeKind] * 8;
  if (start > bytes.length) return { ok: false, detail: `envelope runs past the end of a ${bytes.length}-byte blob`, byteOffset: 8 };
  const empty = (flags & 0x10) !== 0;
  if (empty || start === bytes.length) return { ok: true, kind: 'polygons', polygons: [], srsId };
  return readWkb(bytes, start, srsId);
}
