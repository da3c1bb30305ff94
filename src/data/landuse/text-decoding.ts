/**
 * Decoding attribute text: the encodings we read and one decoding function per encoding. No imports, so the
 * .dbf reader and the encoding choice can both use it.
 */

/**
 * The encodings attribute text of a .dbf can be read in: what deliveries use and the platform's WHATWG
 * `TextDecoder` decodes (`gbk` decodes as GB18030, a superset of GB2312/GBK), plus the two DOS code pages old
 * dBASE files carry (437, 850), which TextDecoder lacks and which are decoded here from their 128-entry tables.
 */
export const ATTRIBUTE_ENCODINGS = [
  'utf-8', 'gbk', 'big5', 'shift_jis', 'euc-kr', 'euc-jp',
  'windows-1252', 'windows-1250', 'windows-1251', 'windows-1253', 'windows-1254', 'windows-1255',
  'windows-1256', 'windows-1257', 'windows-1258', 'windows-874',
  'iso-8859-2', 'iso-8859-5', 'iso-8859-7', 'iso-8859-15', 'koi8-r', 'ibm866', 'macintosh', 'x-mac-cyrillic',
  'ibm437', 'ibm850',
] as const;

export type AttributeEncoding = (typeof ATTRIBUTE_ENCODINGS)[number];

/** How each encoding is named in the encoding list (technical names, the same in every language). */
export const ENCODING_LABELS: Readonly<Record<AttributeEncoding, string>> = {
  'utf-8': 'UTF-8', gbk: 'GBK / GB18030 (936)', big5: 'Big5 (950)', shift_jis: 'Shift_JIS (932)', 'euc-kr': 'EUC-KR (949)',
  'euc-jp': 'EUC-JP', 'windows-1252': 'Windows-1252 / Latin-1', 'windows-1250': 'Windows-1250', 'windows-1251': 'Windows-1251',
  'windows-1253': 'Windows-1253', 'windows-1254': 'Windows-1254', 'windows-1255': 'Windows-1255', 'windows-1256': 'Windows-1256',
  'windows-1257': 'Windows-1257', 'windows-1258': 'Windows-1258', 'windows-874': 'Windows-874', 'iso-8859-2': 'ISO-8859-2',
  'iso-8859-5': 'ISO-8859-5', 'iso-8859-7': 'ISO-8859-7', 'iso-8859-15': 'ISO-8859-15', 'koi8-r': 'KOI8-R', ibm866: 'DOS 866',
  macintosh: 'Mac Roman', 'x-mac-cyrillic': 'Mac Cyrillic', ibm437: 'DOS 437', ibm850: 'DOS 850',
};

/**
 * Field bytes without trailing padding and without a UTF-8 character cut off by the field width: software
 * that writes UTF-8 into a fixed-width field may cut the last character, which must not make valid UTF-8
 * text look like GBK.
 */
export function withoutCutCharacter(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0x20 || bytes[end - 1] === 0)) end--;
  // Walk back over at most three continuation bytes to the lead byte of the last character.
  let lead = end - 1;
  while (lead >= 0 && lead >= end - 4 && (bytes[lead] & 0xc0) === 0x80) lead--;
  if (lead >= 0 && bytes[lead] >= 0xc0) {
    const needed = bytes[lead] >= 0xf0 ? 4 : bytes[lead] >= 0xe0 ? 3 : 2;
    if (end - lead < needed) end = lead;
  }
  return bytes.subarray(0, end);
}

const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

// Upper halves (0x80–0xFF) of the two DOS code pages TextDecoder lacks, from the Unicode consortium's
// mapping tables (unicode.org/Public/MAPPINGS/VENDORS/MICSFT/PC/CP437.TXT and CP850.TXT).
// Windows-1252 too, as the WHATWG Encoding Standard defines it (index-windows-1252: 0x80–0x9F are € ‚ ƒ „ …
// and the other typographic signs, the five unassigned bytes map to C1 controls, 0xA0–0xFF are Latin-1):
// Node 20's TextDecoder reads this label as ISO-8859-1, so the table keeps tests and scripts equal to browsers.
const DOS_TABLES: Readonly<Partial<Record<AttributeEncoding, string>>> = {
  'windows-1252': `${WINDOWS_1252_HIGH}${Array.from({ length: 96 }, (_, index) => String.fromCharCode(0xa0 + index)).join('')}`,
  ibm437: 'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0',
  ibm850: 'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00ad±‗¾¶§÷¸°¨·¹³²■\u00a0',
};

/**
 * A function decoding bytes in the given encoding (TextDecoder, or the DOS tables above). A UTF-8 character
 * cut by a fixed field width is dropped rather than shown as U+FFFD.
 */
export function textDecoderFor(encoding: AttributeEncoding): (bytes: Uint8Array) => string {
  const table = DOS_TABLES[encoding];
  if (table) {
    return (bytes) => {
      let text = '';
      for (let i = 0; i < bytes.length; i++) text += bytes[i] < 0x80 ? String.fromCharCode(bytes[i]) : table[bytes[i] - 0x80];
      return text;
    };
  }
  const decoder = new TextDecoder(encoding);
  return encoding === 'utf-8' ? (bytes) => decoder.decode(withoutCutCharacter(bytes)) : (bytes) => decoder.decode(bytes);
}

/** Whether a value (e.g. from saved settings) is one of the encodings we read. */
export function isAttributeEncoding(value: unknown): value is AttributeEncoding {
  return typeof value === 'string' && (ATTRIBUTE_ENCODINGS as readonly string[]).includes(value);
}

