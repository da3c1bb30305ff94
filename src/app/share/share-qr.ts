/**
 * The QR code of a link, made here (uqr, no network). The error-correction level follows the link's length:
 * a short link gets more redundancy (it still fits a small code that survives a smudge or a glare on the
 * screen), a long one less, so that its code keeps few enough modules to be read from a screen; a link too
 * long for such a code gets none (the dialog says so instead of drawing one a phone cannot read).
 */
import { encode } from 'uqr';

export type ErrorCorrection = 'L' | 'M' | 'Q' | 'H';

/** The largest code drawn: version 25 is 117 modules a side, about 3 CSS px each in the dialog. */
export const MAX_QR_VERSION = 25;
/** The quiet zone around the code, in modules (ISO/IEC 18004 asks for 4). */
export const QUIET_ZONE = 4;

export type QrResult =
  | { ok: true; modules: boolean[][]; version: number; errorCorrection: ErrorCorrection }
  | { ok: false; length: number };

/**
 * The least error correction for a link of this length; the encoder raises it when the code's size allows.
 * @param length - the link's length in characters (a URL is ASCII, so also in bytes)
 */
export function errorCorrectionFor(length: number): ErrorCorrection {
  if (length <= 150) return 'Q';
  if (length <= 400) return 'M';
  return 'L';
}

/**
 * @param link - the text to encode
 * @returns the dark (true) and light modules, quiet zone included, or `ok: false` when the link is too long
 */
export function qrCodeOf(link: string): QrResult {
  const errorCorrection = errorCorrectionFor(link.length);
  try {
    const code = encode(link, { ecc: errorCorrection, boostEcc: true, maxVersion: MAX_QR_VERSION, border: QUIET_ZONE });
    return { ok: true, modules: code.data, version: code.version, errorCorrection };
  } catch {
    // "Data too long" for MAX_QR_VERSION
    return { ok: false, length: link.length };
  }
}
