/**
 * Recognises coordinates that are not WGS84 longitude/latitude: projected metres (Gauss-Krüger /
 * CGCS2000 zone coordinates, UTM) or latitude/longitude swapped. Pure; works on summary statistics.
 */
export interface PositionStats {
  count: number;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
  /** positions with |x| > 180 or |y| > 90 */
  outOfRange: number;
  /** positions with |x| > 1000 or |y| > 1000 (clearly not degrees) */
  metreLike: number;
  /** positions with |x| ≤ 90 and 90 < |y| ≤ 180 (valid only when swapped) */
  swappedLike: number;
}

export function emptyStats(): PositionStats {
  return { count: 0, minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity, outOfRange: 0, metreLike: 0, swappedLike: 0 };
}

export function addPosition(stats: PositionStats, x: number, y: number): void {
  stats.count += 1;
  if (x < stats.minX) stats.minX = x;
  if (x > stats.maxX) stats.maxX = x;
  if (y < stats.minY) stats.minY = y;
  if (y > stats.maxY) stats.maxY = y;
  if (Math.abs(x) > 180 || Math.abs(y) > 90) stats.outOfRange += 1;
  if (Math.abs(x) > 1000 || Math.abs(y) > 1000) stats.metreLike += 1;
  if (Math.abs(x) <= 90 && Math.abs(y) > 90 && Math.abs(y) <= 180) stats.swappedLike += 1;
}

export type FrameGuess =
  | { kind: 'wgs84' }
  | { kind: 'projected'; system: 'gauss-kruger-3' | 'gauss-kruger-6' | 'utm-or-gk' | 'unknown'; zone?: number; centralMeridian?: number }
  | { kind: 'swapped' }
  | { kind: 'out-of-range' };

/** Guesses the coordinate frame from statistics over every position. */
export function guessFrame(stats: PositionStats): FrameGuess {
  if (stats.count === 0 || stats.outOfRange === 0) return { kind: 'wgs84' };
  if (stats.metreLike >= stats.count * 0.9) {
    const { minX, maxX, minY, maxY } = stats;
    const zoneLow = Math.floor(minX / 1e6);
    const zoneHigh = Math.floor(maxX / 1e6);
    const northingChina = minY > 1e6 && maxY < 7e6;
    if (northingChina && zoneLow === zoneHigh && zoneLow >= 25 && zoneLow <= 45) {
      return { kind: 'projected', system: 'gauss-kruger-3', zone: zoneLow, centralMeridian: zoneLow * 3 };
    }
    if (northingChina && zoneLow === zoneHigh && zoneLow >= 13 && zoneLow <= 23) {
      return { kind: 'projected', system: 'gauss-kruger-6', zone: zoneLow, centralMeridian: zoneLow * 6 - 3 };
    }
    if (minX >= 1e5 && maxX <= 9e5 && minY >= 0 && maxY <= 1e7) return { kind: 'projected', system: 'utm-or-gk' };
    return { kind: 'projected', system: 'unknown' };
  }
  if (stats.swappedLike > 0 && stats.minX >= -90 && stats.maxX <= 90 && stats.minY >= -180 && stats.maxY <= 180) {
    return { kind: 'swapped' };
  }
  return { kind: 'out-of-range' };
}
