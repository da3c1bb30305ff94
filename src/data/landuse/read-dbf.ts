import type { LandUseIssue } from './landuse-issues.js';
import { textDecoderFor, withoutCutCharacter, type AttributeEncoding } from './text-decoding.js';

export { withoutCutCharacter };

/** One attribute column of a .dbf file. */
export interface DbfField {
  /** the name's bytes read as Latin-1 (no byte lost); `decodeFieldNames` gives the names in the file's encoding */
  name: string;
  /** the name's bytes as written (up to 11, without the NUL padding) */
  nameBytes: Uint8Array;
  /** dBASE type letter: C character, N numeric, F float, L logical, D date */
  type: string;
  length: number;
  decimals: number;
  /** byte offset of the field inside a record (after the deletion flag) */
  offset: number;
}

export interface DbfTable {
  fields: DbfField[];
  recordCount: number;
  headerLength: number;
  recordLength: number;
  /** language driver id (byte 29): 0x4D is code page 936 (GBK); see LANGUAGE_DRIVER_CODE_PAGES */
  languageDriver: number;
  bytes: Uint8Array;
}

export type DbfHeaderResult = { ok: true; table: DbfTable } | { ok: false; issue: LandUseIssue };

/**
 * Reads the header and field descriptors of a dBASE III/IV file (the attribute part of a Shapefile). Field
 * names are kept as bytes (Chinese software writes them in the file's code page, e.g. 地类编码 in GBK or
 * UTF-8) and decoded once the encoding is chosen. A table without fields (a header and records of only the
 * deletion flag) is valid: its records have no attributes. Never throws.
 * @param bytes - the whole .dbf file
 * @param file - the file name, for issues
 */
export function readDbfHeader(bytes: Uint8Array, file: string): DbfHeaderResult {
  const fail = (detail: string, byteOffset?: number): DbfHeaderResult =>
    ({ ok: false, issue: { code: 'dbf-header', severity: 'error', file, byteOffset, params: { detail } } });
  if (bytes.length < 33) return fail(`${bytes.length} bytes, a header needs at least 33`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const recordCount = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  const languageDriver = bytes[29];
  if (headerLength < 33 || headerLength > bytes.length) return fail(`header length ${headerLength} outside the file`, 8);
  const fields: DbfField[] = [];
  let offset = 1;
  const latin1 = new TextDecoder('latin1');
  for (let at = 32; at + 32 <= headerLength && bytes[at] !== 0x0d; at += 32) {
    const nameBytes = bytes.subarray(at, at + 11);
    const end = nameBytes.indexOf(0);
    const raw = trimmed(end === -1 ? nameBytes : nameBytes.subarray(0, end));
    const type = String.fromCharCode(bytes[at + 11]).toUpperCase();
    const length = bytes[at + 16];
    fields.push({ name: latin1.decode(raw), nameBytes: raw, type, length, decimals: bytes[at + 17], offset });
    offset += length;
  }
  if (offset !== recordLength) return fail(`fields add up to ${offset} bytes but a record is ${recordLength}`, 10);
  return { ok: true, table: { fields, recordCount, headerLength, recordLength, languageDriver, bytes } };
}

/** How many complete records the file really holds (a truncated file holds fewer than its header says). */
export function availableRecords(table: DbfTable): number {
  if (table.recordLength < 1) return 0;
  const room = Math.floor((table.bytes.length - table.headerLength) / table.recordLength);
  return Math.max(0, Math.min(table.recordCount, room));
}

/** The raw bytes of one field of one record (0-based), trailing and leading spaces and NULs kept. */
export function fieldBytes(table: DbfTable, record: number, field: DbfField): Uint8Array {
  const start = table.headerLength + record * table.recordLength + field.offset;
  return table.bytes.subarray(start, start + field.length);
}

function trimmed(bytes: Uint8Array): Uint8Array {
  let start = 0;
  let end = bytes.length;
  while (start < end && (bytes[start] === 0x20 || bytes[start] === 0)) start++;
  while (end > start && (bytes[end - 1] === 0x20 || bytes[end - 1] === 0)) end--;
  return bytes.subarray(start, end);
}

export type DbfValue = string | number | boolean | null;

/**
 * The field names decoded in the chosen encoding (the same as the values). Names that decode alike (or are
 * empty) get a `_2`, `_3`… suffix so that every attribute keeps its own column.
 */
export function decodeFieldNames(table: DbfTable, encoding: AttributeEncoding): string[] {
  const decode = textDecoderFor(encoding);
  const seen = new Set<string>();
  return table.fields.map((field, index) => {
    const base = decode(field.nameBytes).trim() || `FIELD_${index + 1}`;
    let name = base;
    for (let suffix = 2; seen.has(name); suffix++) name = `${base}_${suffix}`;
    seen.add(name);
    return name;
  });
}

/** Kinds of field, decided once per table rather than per value. */
const TEXT = 0;
const NUMBER = 1;
const LOGICAL = 2;
const DATE = 3;
const OTHER = 4;

function fieldKind(type: string): number {
  if (type === 'C' || type === 'M' || type === 'V') return TEXT;
  if (type === 'N' || type === 'F') return NUMBER;
  if (type === 'L') return LOGICAL;
  return type === 'D' ? DATE : OTHER;
}

/** Longest value built by string concatenation; longer ones take one `String.fromCharCode` call. */
const CONCAT_LIMIT = 24;

/** The bytes `start`…`end` as a string of one character per byte (Latin-1); the same text as ASCII when all are < 0x80. */
function byteString(bytes: Uint8Array, start: number, end: number): string {
  if (end - start <= CONCAT_LIMIT) {
    let text = '';
    for (let i = start; i < end; i++) text += String.fromCharCode(bytes[i]);
    return text;
  }
  return String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]);
}

/** Look-ups per text field before the cache is judged (kept only if at least half of them hit). */
const CACHE_TRIAL = 2000;
/** Slots of a field's cache (a power of two); each remembers one value of up to CACHED_BYTES bytes. */
const CACHE_SLOTS = 1024;
const CACHED_BYTES = 48;

/**
 * The bytes (of 256) that the decoder turns into the character of the same code, alone and side by side: the ASCII
 * letters, digits and signs in every encoding we read; not always the control bytes (ICU's Shift_JIS reads 0x7F
 * as U+001C). Bytes from 0x80 up are never taken as plain.
 */
export function plainBytes(decode: (bytes: Uint8Array) => string): Uint8Array {
  const plain = new Uint8Array(256);
  const all: number[] = [];
  for (let byte = 0; byte < 0x80; byte++) {
    if (decode(Uint8Array.of(byte)) === String.fromCharCode(byte)) {
      plain[byte] = 1;
      all.push(byte);
    }
  }
  // Side by side too (no encoding we read keeps state between plain bytes; this makes sure).
  if (decode(Uint8Array.from(all)) !== String.fromCharCode(...all)) plain.fill(0);
  return plain;
}

/**
 * Decodes one text field's values. A value of only plain bytes (`plainBytes`: ASCII text) is turned into a string
 * directly; other values go through the encoding's decoder. Values are remembered by their bytes while that pays
 * (parcel layers repeat class codes and names): a slot per hash of the bytes holds the last value's bytes and
 * text, so equal bytes give the same string without building or decoding it again. The text is the decoder's for
 * every byte sequence.
 */
export class TextFieldDecoder {
  /** per slot: the remembered value's length (-1: empty), bytes and text */
  private readonly lengths = new Int32Array(CACHE_SLOTS).fill(-1);
  private readonly remembered = new Uint8Array(CACHE_SLOTS * CACHED_BYTES);
  private readonly texts: string[] = new Array<string>(CACHE_SLOTS).fill('');
  private lookups = 0;
  private hits = 0;
  private caching = true;

  /**
   * @param decode - the encoding's decoder (`textDecoderFor`)
   * @param plain - `plainBytes(decode)`, shared by the fields of a table
   */
  constructor(private readonly decode: (bytes: Uint8Array) => string, private readonly plain: Uint8Array) {}

  /** The text of `bytes[start…end)` (already trimmed of padding). */
  text(bytes: Uint8Array, start: number, end: number): string {
    const length = end - start;
    if (!this.caching || length > CACHED_BYTES) return this.fresh(bytes, start, end);
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193);
    const slot = (hash ^ (hash >>> 15)) & (CACHE_SLOTS - 1);
    this.lookups++;
    if (this.lengths[slot] === length) {
      const at = slot * CACHED_BYTES;
      let same = true;
      for (let i = 0; i < length; i++) {
        if (this.remembered[at + i] !== bytes[start + i]) {
          same = false;
          break;
        }
      }
      if (same) {
        this.hits++;
        return this.texts[slot];
      }
    }
    const text = this.fresh(bytes, start, end);
    this.lengths[slot] = length;
    this.remembered.set(bytes.subarray(start, end), slot * CACHED_BYTES);
    this.texts[slot] = text;
    if (this.lookups === CACHE_TRIAL && this.hits * 2 < this.lookups) this.caching = false;
    return text;
  }

  /** The text of the bytes, made now. */
  private fresh(bytes: Uint8Array, start: number, end: number): string {
    const plain = this.plain;
    for (let i = start; i < end; i++) {
      if (plain[bytes[i]] === 0) return this.decode(bytes.subarray(start, end));
    }
    return byteString(bytes, start, end);
  }
}

/** Exact powers of ten (every one up to 1e22 is a double without rounding). */
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, power) => 10 ** power);
/** At most this many digits: the digits then form an integer below 2^53, exactly. */
const EXACT_DIGITS = 15;

/**
 * The number in a numeric field's bytes, as `Number()` reads their Latin-1 text (null when blank or not a finite
 * number). Plain decimals of up to 15 digits (`-12.50`, `+3`, `.5`) are read from the bytes: their digits form an
 * exact integer and one division by an exact power of ten rounds correctly, as `Number()` does. Anything else
 * (exponents, more digits, inner blanks, `*****`) goes through `Number()` itself.
 */
function numberValue(bytes: Uint8Array, start: number, end: number, latin1: TextDecoder): number | null {
  let i = start;
  const negative = bytes[i] === 0x2d;
  if (negative || bytes[i] === 0x2b) i++;
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; i < end; i++) {
    const byte = bytes[i];
    if (byte >= 0x30 && byte <= 0x39) {
      mantissa = mantissa * 10 + (byte - 0x30);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (byte === 0x2e && decimals < 0) {
      decimals = 0;
    } else {
      break;
    }
  }
  if (i === end && digits > 0 && digits <= EXACT_DIGITS) {
    const value = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals] : mantissa;
    return negative ? -value : value;
  }
  const text = latin1.decode(bytes.subarray(start, end));
  const number = text === '' ? NaN : Number(text);
  return Number.isFinite(number) ? number : null;
}

/**
 * Decodes every record of the table with one decoder for the chosen encoding. Character fields are decoded
 * text, numeric fields numbers (null when blank), logical fields booleans, dates `YYYY-MM-DD` strings.
 * @param table - from readDbfHeader
 * @param encoding - the encoding of values and field names, e.g. `gbk` or `utf-8`
 * @param limit - read at most this many records (the first ones)
 * @returns one plain object per record, in file order, keyed by the decoded field names
 */
export function readDbfRecords(table: DbfTable, encoding: AttributeEncoding, limit = Infinity): Record<string, DbfValue>[] {
  const decode = textDecoderFor(encoding);
  const names = decodeFieldNames(table, encoding);
  const latin1 = new TextDecoder('latin1');
  const count = Math.min(availableRecords(table), limit);
  const records: Record<string, DbfValue>[] = new Array(count);
  const { bytes, fields } = table;
  const kinds = fields.map((field) => fieldKind(field.type));
  const offsets = fields.map((field) => field.offset);
  const lengths = fields.map((field) => field.length);
  // A UTF-8 character cut by the field width would decode as U+FFFD: the decoder drops it instead.
  const plain = plainBytes(decode);
  const texts = fields.map(() => new TextFieldDecoder(decode, plain));
  for (let record = 0; record < count; record++) {
    const values: Record<string, DbfValue> = {};
    const base = table.headerLength + record * table.recordLength;
    for (let index = 0; index < fields.length; index++) {
      let start = base + offsets[index];
      let end = start + lengths[index];
      while (start < end && (bytes[start] === 0x20 || bytes[start] === 0)) start++;
      while (end > start && (bytes[end - 1] === 0x20 || bytes[end - 1] === 0)) end--;
      const kind = kinds[index];
      const name = names[index];
      if (kind === TEXT) {
        values[name] = texts[index].text(bytes, start, end);
      } else if (kind === NUMBER) {
        values[name] = numberValue(bytes, start, end, latin1);
      } else if (kind === LOGICAL) {
        // One letter (T, Y, F, N in either case); anything else is unknown.
        const letter = end - start === 1 ? bytes[start] | 0x20 : 0;
        values[name] = letter === 0x74 || letter === 0x79 ? true : letter === 0x66 || letter === 0x6e ? false : null;
      } else if (kind === DATE) {
        const text = latin1.decode(bytes.subarray(start, end));
        values[name] = /^\d{8}$/.test(text) ? `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6)}` : null;
      } else {
        values[name] = latin1.decode(bytes.subarray(start, end));
      }
    }
    records[record] = values;
  }
  return records;
}
