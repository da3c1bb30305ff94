/**
 * The pixel size of a PNG or JPEG read from its header, without decoding it: PNG's IHDR chunk, JPEG's first
 * start-of-frame marker. Never throws.
 */

export type ImageFormat = 'png' | 'jpeg';

export type ImageSizeResult =
  | { ok: true; format: ImageFormat; width: number; height: number }
  /** `unknown-format`: neither a PNG nor a JPEG signature; `truncated`: the header ends before the size */
  | { ok: false; reason: 'unknown-format' | 'truncated' };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function pngSize(bytes: Uint8Array): ImageSizeResult {
  // signature (8), IHDR length (4), "IHDR" (4), width (4), height (4), all big-endian
  if (bytes.length < 24) return { ok: false, reason: 'truncated' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return { ok: false, reason: 'truncated' };
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  return width > 0 && height > 0 ? { ok: true, format: 'png', width, height } : { ok: false, reason: 'truncated' };
}

/** SOF markers carry the frame size: C0–CF except C4 (DHT), C8 (JPG) and CC (DAC). */
const isStartOfFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

function jpegSize(bytes: Uint8Array): ImageSizeResult {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return { ok: false, reason: 'truncated' };
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2; // markers without a length
      continue;
    }
    const length = view.getUint16(offset + 2);
    if (isStartOfFrame(marker)) {
      if (offset + 9 > bytes.length) return { ok: false, reason: 'truncated' };
      const height = view.getUint16(offset + 5);
      const width = view.getUint16(offset + 7);
      return width > 0 && height > 0 ? { ok: true, format: 'jpeg', width, height } : { ok: false, reason: 'truncated' };
    }
    if (length < 2) return { ok: false, reason: 'truncated' };
    offset += 2 + length;
  }
  return { ok: false, reason: 'truncated' };
}

/**
 * The format and pixel size of an image from its first bytes (a PNG's first 24 bytes; a JPEG's size can come
 * after its metadata, so pass the whole file or a generous start of it).
 */
export function imageSize(bytes: Uint8Array): ImageSizeResult {
  if (PNG_SIGNATURE.every((value, index) => bytes[index] === value)) return pngSize(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return jpegSize(bytes);
  return { ok: false, reason: 'unknown-format' };
}
