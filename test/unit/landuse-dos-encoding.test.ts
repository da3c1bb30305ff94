import { describe, expect, it } from 'vitest';
import { chooseDbfEncoding, plausibleDosEncoding } from '../../src/data/landuse/dbf-encoding.ts';
import { readDbfHeader, readDbfRecords } from '../../src/data/landuse/read-dbf.ts';
import { textDecoderFor } from '../../src/data/landuse/text-decoding.ts';

/** Text written with `\xNN` escapes as the bytes a DOS program wrote (one byte per character). */
const bytes = (text: string): Uint8Array => Uint8Array.from(text, (char) => char.charCodeAt(0));

/** A .dbf of one character field holding the given values, language driver byte `driver`, no .cpg. */
function dbf(values: string[], driver = 0): Uint8Array {
  const length = 30;
  const headerLength = 32 + 32 + 1;
  const recordLength = 1 + length;
  const file = new Uint8Array(headerLength + values.length * recordLength + 1).fill(0x20);
  const view = new DataView(file.buffer);
  file.fill(0, 0, 32);
  file[0] = 0x03;
  file[29] = driver;
  view.setUint32(4, values.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  file.fill(0, 32, 64);
  file.set(bytes('NAME'), 32);
  file[32 + 11] = 'C'.charCodeAt(0);
  file[32 + 16] = length;
  file[headerLength - 1] = 0x0d;
  values.forEach((value, record) => file.set(bytes(value), headerLength + record * recordLength + 1));
  file[file.length - 1] = 0x1a;
  return file;
}

describe('undeclared DOS code pages', () => {
  it('reads accented letters that only DOS puts inside words as DOS 437 (letters both DOS pages share)', () => {
    expect(plausibleDosEncoding(bytes('M\x81nchen K\x94ln Z\x81rich Stra\xE1e'))).toBe('ibm437');
    expect(textDecoderFor('ibm437')(bytes('M\x81nchen K\x94ln'))).toBe('München Köln');
  });

  it('takes DOS 850 where a letter only 850 has appears inside a word', () => {
    expect(plausibleDosEncoding(bytes('Bj\x9Brn M\x81nchen K\x94ln Gen\x8Ave'))).toBe('ibm850');
    expect(textDecoderFor('ibm850')(bytes('Bj\x9Brn'))).toBe('Bjørn');
  });

  it('takes a drawn line of box-drawing bytes as DOS', () => {
    expect(plausibleDosEncoding(bytes('\xDA\xC4\xC4\xC4\xC4\xC4\xBF Gr\x81n'))).toBe('ibm437');
  });

  it('leaves Windows-1252 text, and text too short to tell, as it is (null)', () => {
    // 1252 letters from 0xC0 up inside words: Côte, Zürich, Müller.
    expect(plausibleDosEncoding(bytes('C\xF4te Z\xFCrich M\xFCller'))).toBeNull();
    // One DOS-looking byte only: not clear.
    expect(plausibleDosEncoding(bytes('M\x81nchen'))).toBeNull();
    // Mixed evidence (DOS letters and as many 1252 letters) is not clear either.
    expect(plausibleDosEncoding(bytes('M\x81nchen K\x94ln Gr\x81n C\xF4te Z\xFCrich M\xFCller'))).toBeNull();
    // Typographic signs between words are not letters of either.
    expect(plausibleDosEncoding(bytes('a \x93b\x94 \x96 c \x85'))).toBeNull();
  });

  it('chooses DOS for an undeclared .dbf and decodes its values, but never against the "ANSI" language driver', () => {
    const values = ['M\x81nchen', 'K\x94ln', 'D\x81sseldorf', 'N\x81rnberg'];
    const header = readDbfHeader(dbf(values), 'places.dbf');
    if (!header.ok) throw new Error('header');
    const chosen = chooseDbfEncoding(header.table, undefined, undefined);
    expect(chosen).toMatchObject({ encoding: 'ibm437', source: 'detected' });
    expect(readDbfRecords(header.table, chosen.encoding).map((record) => record.NAME)).toEqual(['München', 'Köln', 'Düsseldorf', 'Nürnberg']);
    const ansi = readDbfHeader(dbf(values, 0x57), 'places.dbf');
    if (!ansi.ok) throw new Error('header');
    expect(chooseDbfEncoding(ansi.table, undefined, undefined)).toMatchObject({ encoding: 'windows-1252', source: 'language-driver' });
  });
});
