import { availableRecords, fieldBytes, withoutCutCharacter, type DbfTable } from './read-dbf.js';

/** The encodings the UI offers for attribute text. `gbk` decodes as GB18030 (WHATWG), a superset of GB2312/GBK. */
export type AttributeEncoding = 'utf-8' | 'gbk' | 'windows-1252';

export const ATTRIBUTE_ENCODINGS: readonly AttributeEncoding[] = ['utf-8', 'gbk', 'windows-1252'];

export interface EncodingChoice {
  encoding: AttributeEncoding;
  /**
   * how it was chosen: the .cpg file, the bytes (valid UTF-8, or not and so GBK), the .dbf language driver
   * byte, plain ASCII (any choice reads the same), or the user's choice
   */
  source: 'cpg' | 'detected' | 'language-driver' | 'ascii' | 'override';
  /** the .cpg text as written, when there was one */
  cpg?: string;
}

/** Maps the text of a .cpg file (`UTF-8`, `GBK`, `936`, `ANSI 936`, `65001`…) to an encoding, or null. */
export function encodingFromCpg(cpg: string): AttributeEncoding | null {
  const label = cpg.trim().toUpperCase().replace(/^ANSI\s+/, '').replace(/^CP/, '');
  if (['UTF-8', 'UTF8', '65001'].includes(label)) return 'utf-8';
  if (['GBK', '936', 'GB2312', 'GB18030', '54936', 'EUC-CN', 'X-GBK'].includes(label)) return 'gbk';
  if (['1252', 'WINDOWS-1252', 'ISO-8859-1', 'LATIN1', '88591', '8859_1'].includes(label)) return 'windows-1252';
  return null;
}

const SAMPLE_RECORDS = 5000;


/**
 * Chooses the attribute encoding of a .dbf with no usable .cpg: text that is valid UTF-8 and has non-ASCII
 * bytes is UTF-8; text that is not valid UTF-8 is GBK (Chinese GIS software writes the system code page,
 * 936, without a .cpg). Only character fields of the first records are looked at.
 * @param table - from readDbfHeader
 * @returns the encoding and how it was found
 */
export function detectDbfEncoding(table: DbfTable): EncodingChoice {
  const characterFields = table.fields.filter((field) => field.type === 'C');
  const count = Math.min(availableRecords(table), SAMPLE_RECORDS);
  let length = 0;
  for (let record = 0; record < count; record++) {
    for (const field of characterFields) length += field.length + 1;
  }
  const sample = new Uint8Array(length);
  let at = 0;
  let nonAscii = false;
  for (let record = 0; record < count; record++) {
    for (const field of characterFields) {
      const bytes = withoutCutCharacter(fieldBytes(table, record, field));
      for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) nonAscii = true;
      sample.set(bytes, at);
      // A space between fields keeps a multi-byte sequence from running across two fields.
      sample[at + bytes.length] = 0x20;
      at += bytes.length + 1;
    }
  }
  if (!nonAscii) {
    return table.languageDriver === 0x4d ? { encoding: 'gbk', source: 'language-driver' } : { encoding: 'utf-8', source: 'ascii' };
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, at));
    return { encoding: 'utf-8', source: 'detected' };
  } catch {
    return { encoding: 'gbk', source: 'detected' };
  }
}

/**
 * Chooses the encoding: the user's override, else a recognised .cpg, else detection from the bytes.
 * @returns the choice, and `unknownCpg` when a .cpg was present but named no encoding we know
 */
export function chooseDbfEncoding(
  table: DbfTable,
  cpg: string | undefined,
  override: AttributeEncoding | undefined,
): EncodingChoice & { unknownCpg?: string } {
  if (override) return { encoding: override, source: 'override', ...(cpg === undefined ? {} : { cpg }) };
  if (cpg !== undefined && cpg !== '') {
    const fromCpg = encodingFromCpg(cpg);
    if (fromCpg) return { encoding: fromCpg, source: 'cpg', cpg };
    return { ...detectDbfEncoding(table), cpg, unknownCpg: cpg };
  }
  return detectDbfEncoding(table);
}
