import { describe, expect, it } from 'vitest';
import { MAX_QR_VERSION, QUIET_ZONE, errorCorrectionFor, qrCodeOf } from './share-qr.ts';

describe('QR code of a shared link', () => {
  it('gives short links more error correction than long ones', () => {
    expect(errorCorrectionFor(80)).toBe('Q');
    expect(errorCorrectionFor(300)).toBe('M');
    expect(errorCorrectionFor(900)).toBe('L');
  });

  it('draws a square code with its quiet zone, no larger than the largest version', () => {
    const result = qrCodeOf(`http://localhost:4173/#map=10.2/36.84456/117.08123&l=boundary,clusters&lang=en`);
    if (!result.ok) throw new Error('expected a code');
    const size = result.modules.length;
    expect(size).toBe(17 + 4 * result.version + 2 * QUIET_ZONE);
    expect(result.modules.every((row) => row.length === size)).toBe(true);
    expect(result.modules[0].some(Boolean)).toBe(false);
    // the top-left finder pattern starts right inside the quiet zone
    expect(result.modules[QUIET_ZONE][QUIET_ZONE]).toBe(true);
    expect(result.version).toBeLessThanOrEqual(MAX_QR_VERSION);
  });

  it('keeps a long link within the largest version, and says when a link is too long instead of throwing', () => {
    const long = qrCodeOf(`http://localhost/#${'l=boundary,'.repeat(90)}`);
    expect(long.ok && long.version <= MAX_QR_VERSION).toBe(true);
    expect(qrCodeOf(`http://localhost/#${'x'.repeat(3000)}`)).toEqual({ ok: false, length: 3018 });
  });
});
