import type { Corners } from './world-file.ts';

/** [west, south, east, north] in degrees. */
export type Bounds = [number, number, number, number];

/**
 * Whether an image placed at `corners` (longitude/latitude) covers any of `bounds` (the Start-up Area's): an
 * image of the whole city that contains the area counts, one of another city does not.
 */
export function imageOverlapsBounds(corners: Corners, [west, south, east, north]: Bounds): boolean {
  const xs = corners.map(([x]) => x);
  const ys = corners.map(([, y]) => y);
  return Math.min(...xs) <= east && Math.max(...xs) >= west && Math.min(...ys) <= north && Math.max(...ys) >= south;
}
