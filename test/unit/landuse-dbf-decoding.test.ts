import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readDbfHeader, readDbfRecords, type DbfValue } from '../../src/data/landuse/read-dbf.ts';
import { ATTRIBUTE_ENCODINGS, textDecoderFor, type AttributeEncoding } from '../../src/data/landuse/text-decoding.ts';
import { encodeGbk } from '../../scripts/fixtures/shapefile-writer.ts';

/** A field as written: dBASE type letter, width, and each record's raw bytes (cut or padded to the width). */
interface RawField { type: 'C' | 'N' | 'F' | 'L' | 'D'; length: number; values: Uint8Array[] }

/** A .dbf file holding exactly the given bytes (padding with spaces), so any byte sequence can be put in a field. */
function dbfOf(fields: RawField[], records: number): Uint8Array {
  const headerLength = 32 + fields.length * 32 + 1;
  const recordLength = 1 + fields.reduce((sum, field) => sum + field.length, 0);
  const bytes = new Uint8Array(headerLength + records * recordLength + 1).fill(0x20);
  const view = new DataView(bytes.buffer);
  bytes[0] = 0x03;
  view.setUint32(4, records, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  bytes.fill(0, 12, 32);
  fields.forEach((field, index) => {
    const at = 32 + index * 32;
    bytes.fill(0, at, at + 32);
    bytes.set(new TextEncoder().encode(`F${index}`), at);
    bytes[at + 11] = field.type.charCodeAt(0);
    bytes[at + 16] = field.length;
  });
  bytes[headerLength - 1] = 0x0d;
  for (let record = 0; record < records; record++) {
    let at = headerLength + record * recordLength + 1;
    for (const field of fields) {
      bytes.set(field.values[record].subarray(0, field.length), at);
      at += field.length;
    }
  }
  bytes[bytes.length - 1] = 0x1a;
  return bytes;
}

/** What the reader did before its fast paths: one decoder call per value, `Number()` of the Latin-1 text. */
function referenceValue(raw: Uint8Array, type: RawField['type'], decode: (bytes: Uint8Array) => string): DbfValue {
  let start = 0;
  let end = raw.length;
  while (start < end && (raw[start] === 0x20 || raw[start] === 0)) start++;
  while (end > start && (raw[end - 1] === 0x20 || raw[end - 1] === 0)) end--;
  const trimmed = raw.subarray(start, end);
  const latin1 = new TextDecoder('latin1').decode(trimmed);
  if (type === 'C') return decode(trimmed);
  if (type === 'N' || type === 'F') {
    const number = latin1 === '' ? NaN : Number(latin1);
    return Number.isFinite(number) ? number : null;
  }
  if (type === 'L') {
    const letter = latin1.toUpperCase();
    return letter === 'T' || letter === 'Y' ? true : letter === 'F' || letter === 'N' ? false : null;
  }
  return /^\d{8}$/.test(latin1) ? `${latin1.slice(0, 4)}-${latin1.slice(4, 6)}-${latin1.slice(6)}` : null;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const ascii = fc.array(fc.integer({ min: 0, max: 0x7f }), { maxLength: 30 }).map((codes) => Uint8Array.from(codes));
const chinese = fc.array(fc.constantFrom('水田', '旱地', '城镇住宅用地', '河流水面', '田坎', '农村道路', '村庄', '济南', '起步区', 'A1', ' ', '-'), { maxLength: 6 }).map((parts) => parts.join(''));
const numberText = fc.oneof(
  fc.double({ noNaN: true }).map((value) => String(value)),
  fc.integer().map((value) => String(value)),
  fc.tuple(fc.integer({ min: -99999, max: 99999 }), fc.nat({ max: 999999999 }), fc.constantFrom('', '+', ' ')).map(([whole, part, sign]) => `${sign}${whole}.${part}`),
  fc.stringMatching(/^[-+. 0-9eE*]{0,18}$/),
).map(utf8);

/** Random field bytes: ASCII, GBK and UTF-8 Chinese (whole and cut by the width), numbers, anything at all. */
const fieldBytes = fc.oneof(
  ascii,
  chinese.map((text) => encodeGbk(text)),
  chinese.map(utf8),
  fc.tuple(chinese, fc.nat({ max: 3 })).map(([text, cut]) => utf8(text).subarray(0, Math.max(0, utf8(text).length - cut))),
  numberText,
  fc.uint8Array({ maxLength: 30 }),
);

const field = fc.record({
  type: fc.constantFrom<RawField['type']>('C', 'C', 'N', 'F', 'L', 'D'),
  length: fc.integer({ min: 1, max: 40 }),
});

describe('.dbf values decoded by the fast paths equal one decoder call per value', () => {
  it('for random bytes in every field type and encoding (ASCII, GBK, UTF-8, cut characters, numbers)', () => {
    fc.assert(
      fc.property(
        fc.array(field, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom<AttributeEncoding>('utf-8', 'gbk', 'windows-1252', 'big5', 'shift_jis', 'ibm437'),
        fc.infiniteStream(fieldBytes),
        (shapes, records, encoding, stream) => {
          const fields: RawField[] = shapes.map((shape) => ({ ...shape, values: Array.from({ length: records }, () => stream.next().value as Uint8Array) }));
          const header = readDbfHeader(dbfOf(fields, records), 'x.dbf');
          expect(header.ok).toBe(true);
          if (!header.ok) return;
          const decode = textDecoderFor(encoding);
          const read = readDbfRecords(header.table, encoding);
          expect(read).toHaveLength(records);
          read.forEach((values, record) => {
            fields.forEach((raw, index) => {
              const padded = new Uint8Array(raw.length).fill(0x20);
              padded.set(raw.values[record].subarray(0, raw.length));
              expect(values[`F${index}`]).toBe(referenceValue(padded, raw.type, decode));
            });
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('repeated non-ASCII values (remembered by their bytes) decode as the decoder does, in every encoding', () => {
    const names = ['水田', '旱地', '城镇住宅用地', 'Café', '河流水面'];
    for (const encoding of ATTRIBUTE_ENCODINGS) {
      const values = Array.from({ length: 2500 }, (_, record) => (names[record % names.length] === 'Café' ? utf8('Café') : encodeGbk(names[record % names.length])));
      const header = readDbfHeader(dbfOf([{ type: 'C', length: 20, values }], values.length), 'x.dbf');
      if (!header.ok) throw new Error('header');
      const decode = textDecoderFor(encoding);
      const read = readDbfRecords(header.table, encoding);
      read.forEach((record, index) => expect(record.F0).toBe(decode(values[index])));
    }
  });

  it('reads plain decimals exactly as Number() does, signs and negative zero included', () => {
    const texts = ['0', '-0', '-0.0', '+7', '.5', '5.', '-.25', '0.1', '0.3', '123456789012345', '1234567890123456', '9007199254740993', '3.141592653589793', '1e3', '12,5', '*****', '-', '.', ''];
    const values = texts.map(utf8);
    const header = readDbfHeader(dbfOf([{ type: 'N', length: 20, values }], values.length), 'x.dbf');
    if (!header.ok) throw new Error('header');
    const read = readDbfRecords(header.table, 'utf-8');
    texts.forEach((text, index) => {
      const expected = text === '' || !Number.isFinite(Number(text)) ? null : Number(text);
      expect(read[index].F0).toBe(expected);
    });
  });
});

describe('zip entries the reader never uses', () => {
  it('are listed by name without being decompressed, in zip order, and the Shapefile parts are read whole', async () => {
    const { zipSync } = await import('fflate');
    const { collectFiles } = await import('../../src/data/landuse/collect-files.ts');
    const shp = Uint8Array.from({ length: 300 }, (_, index) => index % 251);
    const zip = zipSync({ 'a.shp.xml': utf8('<metadata/>'), 'a.shp': shp, 'a.sbn': new Uint8Array(50).fill(7), 'a.prj': utf8('GEOGCS["x"]') });
    const collected = collectFiles([{ name: 'a.zip', bytes: zip }]);
    expect(collected.shapefiles).toHaveLength(1);
    expect(collected.shapefiles[0].shp).toEqual(shp);
    expect(collected.shapefiles[0].prj).toBe('GEOGCS["x"]');
    const onlyUnused = collectFiles([{ name: 'b.zip', bytes: zipSync({ 'b.sbn': new Uint8Array(9), 'b.shp.xml': utf8('<m/>') }) }]);
    expect(onlyUnused.issues.map((issue) => [issue.code, issue.params?.files])).toEqual([['no-shapefile', 'b.sbn, b.shp.xml']]);
  });
});
