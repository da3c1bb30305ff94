import type { PlaneOrigin } from './projection.js';
import { EARTH_RADIUS_METERS, unprojectX, unprojectY } from './projection.js';

/**
 * Internal: the uniform grid that serves as spatial index. Cell (col, row) has index row * cols + col;
 * a query finds its cells by arithmetic, no tree needed.
 */
export interface AnalysisGrid {
  readonly origin: PlaneOrigin;
  readonly minX: number;
  readonly minY: number;
  readonly cellWidth: number;
  readonly cellHeight: number;
  readonly cols: number;
  readonly rows: number;
}

/**
 * Creates a grid covering a projected bbox with cells of about `tileSizeMeters` on each side.
 * @param origin - plane origin (its latitude sets the metre scale)
 * @param bbox - [minX, minY, maxX, maxY] in plane units
 * @param tileSizeMeters - target cell size, metres
 */
export function createGrid(
  origin: PlaneOrigin,
  bbox: readonly [number, number, number, number],
  tileSizeMeters: number,
): AnalysisGrid {
  const cosLat = Math.sqrt(Math.max(1e-12, 1 - origin.sinLat * origin.sinLat));
  // x is lng in radians: 1 unit = R·cos(lat) m. Y is sin(lat): 1 unit = R / cos(lat) m (north-south).
  const cellWidth = tileSizeMeters / (EARTH_RADIUS_METERS * cosLat);
  const cellHeight = (tileSizeMeters * cosLat) / EARTH_RADIUS_METERS;
  const pad = 1e-9;
  const minX = bbox[0] - pad;
  const minY = bbox[1] - pad;
  const cols = Math.max(1, Math.ceil((bbox[2] + pad - minX) / cellWidth));
  const rows = Math.max(1, Math.ceil((bbox[3] + pad - minY) / cellHeight));
  return { origin, minX, minY, cellWidth, cellHeight, cols, rows };
}

/** Cell bounds in plane units: [minX, minY, maxX, maxY]. */
export function cellBounds(grid: AnalysisGrid, col: number, row: number): [number, number, number, number] {
  const x = grid.minX + col * grid.cellWidth;
  const y = grid.minY + row * grid.cellHeight;
  return [x, y, x + grid.cellWidth, y + grid.cellHeight];
}

/** Cell bounds in degrees: [west, south, east, north]. Grid lines are meridians and parallels. */
export function cellBoundsLngLat(grid: AnalysisGrid, col: number, row: number): [number, number, number, number] {
  const [x1, y1, x2, y2] = cellBounds(grid, col, row);
  return [unprojectX(grid.origin, x1), unprojectY(grid.origin, y1), unprojectX(grid.origin, x2), unprojectY(grid.origin, y2)];
}

/** Clamped column of a plane x. */
export function columnOf(grid: AnalysisGrid, x: number): number {
  return Math.min(grid.cols - 1, Math.max(0, Math.floor((x - grid.minX) / grid.cellWidth)));
}

/** Clamped row of a plane Y. */
export function rowOf(grid: AnalysisGrid, y: number): number {
  return Math.min(grid.rows - 1, Math.max(0, Math.floor((y - grid.minY) / grid.cellHeight)));
}
