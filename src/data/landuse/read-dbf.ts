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
  for (let record = 0; record < count; record++) {
    const values: Record<string, DbfValue> = {};
    for (let index = 0; index < table.fields.length; index++) {
      const field = table.fields[index];
      const name = names[index];
      const raw = trimmed(fieldBytes(table, record, field));
      if (field.type === 'C' || field.type === 'M' || field.type === 'V') {
        // A UTF-8 character cut by the field width would decode as U+FFFD: the decoder drops it instead.
        values[name] = decode(raw);
      } else if (field.type === 'N' || field.type === 'F') {
        const text = latin1.decode(raw);
        const number = text === '' ? NaN : Number(text);
        values[name] = Number.isFinite(number) ? number : null;
      } else if (field.type === 'L') {
        const letter = latin1.decode(raw).toUpperCase();
        values[name] = letter === 'T' || letter === 'Y' ? true : letter === 'F' || letter === 'N' ? false : null;
      } else if (field.type === 'D') {
        const text = latin1.decode(raw);
        values[name] = /^\d{8}$/.test(text) ? `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6)}` : null;
      } else {
        values[name] = latin1.decode(raw);
      }
    }
    records[record] = values;
  }
  return records;
}
