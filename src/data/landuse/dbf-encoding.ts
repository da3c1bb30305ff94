import { availableRecords, type DbfTable } from './read-dbf.js';
import { isAttributeEncoding, withoutCutCharacter, type AttributeEncoding } from './text-decoding.js';

export { ATTRIBUTE_ENCODINGS, ENCODING_LABELS, isAttributeEncoding, textDecoderFor, type AttributeEncoding } from './text-decoding.js';

export interface EncodingChoice {
  encoding: AttributeEncoding;
  /**
   * how it was chosen: the .cpg file, the .dbf language driver byte, the bytes (valid UTF-8; else GBK where
   * the bytes read as plausible GBK; else DOS 437/850 where clearly so; else Windows-1252), plain ASCII (any
   * choice reads the same), or the user
   */
  source: 'cpg' | 'detected' | 'language-driver' | 'ascii' | 'override';
  /** the .cpg text as written, when there was one */
  cpg?: string;
  /** the language driver byte (byte 29 of the .dbf) when it was not 0 */
  languageDriver?: number;
  /** the Windows code page the language driver byte stands for, when it names one */
  codePage?: number;
}

/**
 * dBASE / ESRI language driver ids (byte 29 of a .dbf header) to Windows code pages. The table is GDAL's
 * (`GetEncodingFromLDIDNumber` in ogr/ogrsf_frmts/shape/ogrshapelayer.cpp, itself after the dBASE file-structure
 * notes at autopark.ru/ASBProgrammerGuide/DBFSTRUC.HTM), which agrees with ESRI's list of code pages for
 * Shapefiles. 0x57 (87) is "ANSI": the code page of the system that wrote the file, which the byte does not
 * say (GDAL reads it as ISO-8859-1); it is handled apart in `chooseDbfEncoding`.
 */
export const LANGUAGE_DRIVER_CODE_PAGES: Readonly<Record<number, number>> = {
  0x01: 437, 0x02: 850, 0x03: 1252, 0x04: 10000, 0x08: 865, 0x0a: 850, 0x0b: 437, 0x0d: 437, 0x0e: 850, 0x0f: 437,
  0x10: 850, 0x11: 437, 0x12: 850, 0x13: 932, 0x14: 850, 0x15: 437, 0x16: 850, 0x17: 865, 0x18: 437, 0x19: 437,
  0x1a: 850, 0x1b: 437, 0x1c: 863, 0x1d: 850, 0x1f: 852, 0x22: 852, 0x23: 852, 0x24: 860, 0x25: 850, 0x26: 866,
  0x37: 850, 0x40: 852, 0x4d: 936, 0x4e: 949, 0x4f: 950, 0x50: 874, 0x58: 1252, 0x59: 1252, 0x64: 852, 0x65: 866,
  0x66: 865, 0x67: 861, 0x68: 895, 0x69: 620, 0x6a: 737, 0x6b: 857, 0x6c: 863, 0x78: 950, 0x79: 949, 0x7a: 936,
  0x7b: 932, 0x7c: 874, 0x86: 737, 0x87: 852, 0x88: 857, 0x96: 10007, 0x97: 10029, 0xc8: 1250, 0xc9: 1251,
  0xca: 1254, 0xcb: 1253, 0xcc: 1257,
};

/** The "ANSI" language driver: the writer's system code page, not named. */
export const ANSI_LANGUAGE_DRIVER = 0x57;

const CODE_PAGE_ENCODINGS: Readonly<Record<number, AttributeEncoding>> = {
  437: 'ibm437', 850: 'ibm850', 866: 'ibm866', 874: 'windows-874', 932: 'shift_jis', 936: 'gbk', 949: 'euc-kr',
  950: 'big5', 1250: 'windows-1250', 1251: 'windows-1251', 1252: 'windows-1252', 1253: 'windows-1253',
  1254: 'windows-1254', 1255: 'windows-1255', 1256: 'windows-1256', 1257: 'windows-1257', 1258: 'windows-1258',
  10000: 'macintosh', 10007: 'x-mac-cyrillic', 20866: 'koi8-r', 28591: 'windows-1252', 28592: 'iso-8859-2',
  28595: 'iso-8859-5', 28597: 'iso-8859-7', 28605: 'iso-8859-15', 51932: 'euc-jp', 54936: 'gbk', 65001: 'utf-8',
};

/** The encoding of a Windows code page number, or null when it is not one we can decode. */
export function encodingOfCodePage(codePage: number): AttributeEncoding | null {
  return CODE_PAGE_ENCODINGS[codePage] ?? null;
}

/**
 * Maps the text of a .cpg file to an encoding, or null. ESRI writes a code page number (`936`, `1252`,
 * `ANSI 1251`, `65001`), QGIS and GDAL a name (`UTF-8`, `GBK`, `ISO-8859-1`, `Big5`); `8859-1`/`88591` and `CP936`
 * occur too. Anything else a WHATWG decoder knows by that label is accepted when it is in our list.
 */
export function encodingFromCpg(cpg: string): AttributeEncoding | null {
  const label = cpg.trim().toUpperCase().replace(/^ANSI\s*/, '').replace(/^(CP|MS|WINDOWS-?)(?=\d)/, '');
  const iso = /^(?:ISO[-_]?)?8859[-_]?(\d+)$/.exec(label);
  if (iso) return iso[1] === '1' ? 'windows-1252' : isAttributeEncoding(`iso-8859-${iso[1]}`) ? `iso-8859-${iso[1]}` as AttributeEncoding : null;
  if (/^\d+$/.test(label)) return encodingOfCodePage(Number(label));
  if (['UTF-8', 'UTF8'].includes(label)) return 'utf-8';
  if (['GBK', 'GB2312', 'GB18030', 'EUC-CN', 'X-GBK', 'GB_2312-80'].includes(label)) return 'gbk';
  if (['SJIS', 'SHIFT-JIS', 'SHIFT_JIS'].includes(label)) return 'shift_jis';
  if (['LATIN1', 'LATIN-1'].includes(label)) return 'windows-1252';
  if (label.length > 40 || !/^[A-Z0-9_.:-]+$/.test(label)) return null;
  try {
    const encoding = new TextDecoder(label.toLowerCase()).encoding;
    return isAttributeEncoding(encoding) ? encoding : null;
  } catch {
    return null;
  }
}

const SAMPLE_RECORDS = 5000;

/** Bytes of the field names and of the character fields of the first records, a space between each. */
function textSample(table: DbfTable): Uint8Array {
  const characterFields = table.fields.filter((field) => field.type === 'C' || field.type === 'M' || field.type === 'V');
  const count = Math.min(availableRecords(table), SAMPLE_RECORDS);
  const names = table.fields.map((field) => field.nameBytes);
  const sample = new Uint8Array(names.reduce((sum, name) => sum + name.length + 1, 0)
    + count * characterFields.reduce((sum, field) => sum + field.length + 1, 0));
  let at = 0;
  // A space between pieces keeps a multi-byte sequence from running across two fields.
  for (const name of names) {
    sample.set(name, at);
    sample[at + name.length] = 0x20;
    at += name.length + 1;
  }
  const { bytes } = table;
  for (let record = 0; record < count; record++) {
    const base = table.headerLength + record * table.recordLength;
    for (const field of characterFields) {
      const start = base + field.offset;
      const end = start + withoutCutCharacter(bytes.subarray(start, start + field.length)).length;
      for (let i = start; i < end; i++) sample[at++] = bytes[i];
      sample[at++] = 0x20;
    }
  }
  return sample.subarray(0, at);
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether the bytes read as Chinese GBK text rather than as a Latin-1 text misread: every byte of 0x81–0xFE
 * starts a valid two-byte character (or is a character cut at the end of a field), and almost all of those characters lie in the GB2312 area (both bytes
 * 0xA1–0xFE), where Chinese text is written. Latin-1 text read as GBK makes pairs of a letter with accent and
 * an ASCII letter ("Côte" → "C魌e"), whose second byte is below 0xA1.
 */
export function isPlausibleGbk(bytes: Uint8Array): boolean {
  let pairs = 0;
  let gb2312 = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i];
    if (lead < 0x80) continue;
    if (lead === 0x80 || lead === 0xff) return false;
    const trail = bytes[i + 1];
    // A lead byte at the end of a field: a character cut by the field width, as fixed-width writers leave it.
    if (trail === undefined || trail === 0x20) continue;
    if (trail < 0x40 || trail === 0x7f || trail === 0xff) return false;
    pairs++;
    if (lead >= 0xa1 && trail >= 0xa1) gb2312++;
    i++;
  }
  return pairs > 0 && gb2312 / pairs >= 0.9;
}

const isAsciiLetter = (byte: number | undefined): boolean => byte !== undefined && ((byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a));

/** Bytes that are letters in both DOS code pages (Ç ü é â ä à å ç ê ë è ï î ì Ä Å É æ Æ ô ö ò û ù ÿ Ö Ü, á í ó ú ñ Ñ). */
const isDosLetter = (byte: number): boolean => (byte >= 0x80 && byte <= 0x9a) || (byte >= 0xa0 && byte <= 0xa5);
/** Of those, the bytes Windows-1252 also reads as letters (ƒ Š Œ Ž š): no evidence either way. */
const WINDOWS_1252_LETTERS_BELOW_A0 = new Set([0x83, 0x8a, 0x8c, 0x8e, 0x9a]);
/** Letters of DOS 850 where DOS 437 has box-drawing or other signs (ø Ø Á Â À ã Ã ð Ð Ê Ë È ı Í Î Ï Ì Ó Ô Ò õ Õ µ þ Þ Ú Û Ù ý Ý). */
const DOS_850_ONLY_LETTERS = new Set([0x9b, 0x9d, 0xb5, 0xb6, 0xb7, 0xc6, 0xc7, 0xd0, 0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xde, 0xe0, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xeb, 0xec, 0xed]);
/** Box-drawing bytes both DOS code pages share (░▒▓│┤ ╣║╗╝ ┐└┴┬├─┼ ╚╔╩╦╠═╬ ┘┌█▄ ▀). */
const isDosBox = (byte: number): boolean => (byte >= 0xb0 && byte <= 0xb4) || (byte >= 0xb9 && byte <= 0xbc) || (byte >= 0xbf && byte <= 0xc5) || (byte >= 0xc8 && byte <= 0xce) || (byte >= 0xd9 && byte <= 0xdc) || byte === 0xdf;
/** Word-internal bytes a text needs before it is judged DOS rather than Windows-1252. */
const DOS_EVIDENCE = 3;

/**
 * Whether undeclared 8-bit text is clearly one of the DOS code pages old dBASE software wrote (437 or 850) rather
 * than Windows-1252, and which. Evidence for DOS: a byte inside a word (next to an ASCII letter) that DOS reads as
 * an accented letter and Windows-1252 as a sign or nothing ("M\x81nchen": München in DOS, M\u0081nchen in 1252),
 * and runs of three or more box-drawing bytes (a drawn line "───", which 1252 reads "ÄÄÄ"). Evidence for 1252: a
 * byte from 0xC0 up inside a word that DOS does not read as a letter (1252's accented letters). DOS only when its
 * evidence is at least three and at least nine in ten; 850 where a letter only 850 has appears inside a word, else 437.
 * @returns the DOS encoding, or null (not clear: the caller keeps Windows-1252)
 */
export function plausibleDosEncoding(bytes: Uint8Array): 'ibm437' | 'ibm850' | null {
  let dos = 0;
  let windows = 0;
  let only850 = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte < 0x80) continue;
    const inWord = isAsciiLetter(bytes[i - 1]) || isAsciiLetter(bytes[i + 1]);
    if (isDosBox(byte) && bytes[i + 1] === byte && bytes[i + 2] === byte) {
      dos += 3;
      while (bytes[i + 1] === byte) i++;
      continue;
    }
    if (!inWord) continue;
    if (isDosLetter(byte)) {
      if (!WINDOWS_1252_LETTERS_BELOW_A0.has(byte)) dos++;
    } else if (DOS_850_ONLY_LETTERS.has(byte)) {
      only850++;
      // Below 0xC0 a sign in 1252 (›, ¶, ·): evidence for DOS; from 0xC0 up also a 1252 letter (Æ, Ð, Ò…): for 1252.
      if (byte < 0xc0) dos++;
      else windows++;
    } else if (byte >= 0xc0 && byte !== 0xe1) {
      windows++;
    }
  }
  if (dos < DOS_EVIDENCE || dos < 0.9 * (dos + windows)) return null;
  return only850 > 0 ? 'ibm850' : 'ibm437';
}

/**
 * Chooses the attribute encoding of a .dbf from its bytes (field names and text values): text without
 * non-ASCII bytes reads the same in any encoding; valid UTF-8 is UTF-8; plausible GBK is GBK (Chinese GIS
 * software writes the system code page, 936, without a .cpg); text clearly in a DOS code page (437, 850: accented
 * letters and box drawing where Windows-1252 has signs, `plausibleDosEncoding`) is read so; anything else
 * Windows-1252, as GDAL reads an undeclared file (ISO-8859-1, of which Windows-1252 is the WHATWG superset).
 * @param table - from readDbfHeader
 * @returns the encoding and how it was found
 */
export function detectDbfEncoding(table: DbfTable): EncodingChoice {
  const sample = textSample(table);
  if (!hasNonAscii(sample)) return { encoding: 'utf-8', source: 'ascii' };
  if (isValidUtf8(sample)) return { encoding: 'utf-8', source: 'detected' };
  if (isPlausibleGbk(sample)) return { encoding: 'gbk', source: 'detected' };
  return { encoding: plausibleDosEncoding(sample) ?? 'windows-1252', source: 'detected' };
}

export type EncodingDecision = EncodingChoice & {
  /** a .cpg was present but named no encoding we know */
  unknownCpg?: string;
  /** the language driver byte names a code page we cannot decode (e.g. 852): detection was used instead */
  unsupportedCodePage?: number;
};

/**
 * Chooses the encoding of values and field names alike: the user's override; else a recognised .cpg; else
 * the language driver byte (byte 29); else detection from the bytes. The "ANSI" driver (0x57) names no code
 * page: the bytes decide between UTF-8 and GBK, and Windows-1252 is kept when they are neither.
 */
export function chooseDbfEncoding(table: DbfTable, cpg: string | undefined, override: AttributeEncoding | undefined): EncodingDecision {
  const driver = table.languageDriver;
  const declared: Pick<EncodingChoice, 'cpg' | 'languageDriver' | 'codePage'> = {
    ...(cpg === undefined || cpg === '' ? {} : { cpg }),
    ...(driver === 0 ? {} : { languageDriver: driver }),
    ...(LANGUAGE_DRIVER_CODE_PAGES[driver] === undefined ? {} : { codePage: LANGUAGE_DRIVER_CODE_PAGES[driver] }),
  };
  if (override) return { encoding: override, source: 'override', ...declared };
  let unknownCpg: string | undefined;
  if (cpg !== undefined && cpg.trim() !== '') {
    const fromCpg = encodingFromCpg(cpg);
    if (fromCpg) return { encoding: fromCpg, source: 'cpg', ...declared };
    unknownCpg = cpg.trim().slice(0, 40);
  }
  const extra = unknownCpg === undefined ? {} : { unknownCpg };
  const codePage = LANGUAGE_DRIVER_CODE_PAGES[driver];
  if (codePage !== undefined) {
    const encoding = encodingOfCodePage(codePage);
    if (encoding) return { encoding, source: 'language-driver', ...declared, ...extra };
    return { ...detectDbfEncoding(table), ...declared, ...extra, unsupportedCodePage: codePage };
  }
  const detected = detectDbfEncoding(table);
  // "ANSI" is a Windows code page: never a DOS one, whatever the bytes look like.
  if (driver === ANSI_LANGUAGE_DRIVER && (detected.encoding === 'windows-1252' || detected.encoding === 'ibm437' || detected.encoding === 'ibm850')) {
    return { encoding: 'windows-1252', source: 'language-driver', ...declared, ...extra };
  }
  return { ...detected, ...declared, ...extra };
}
