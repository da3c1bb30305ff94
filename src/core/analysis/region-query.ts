import type { AnalysisGrid } from './grid.js';
import { cellBounds, columnOf, rowOf } from './grid.js';
import { locatePoint } from './intersection-area.js';
import type { PlanarShape } from './planar-shape.js';

/**
 * Internal: which grid cells a query region covers wholly (`insideCells`) and which its outline crosses
 * (`crossingCells`, with the indices of the region edges that touch each cell). Built once per query;
 * shared by every layer.
 */
export interface RegionQuery {
  readonly shape: PlanarShape;
  readonly insideCells: readonly number[];
  readonly crossingCells: ReadonlyMap<number, number[]>;
}

/** Slack so that an edge running exactly along a cell line is assigned to both cells. */
const SLACK = 1e-10;

/** Separating-axis test of segment vs rectangle (closed, expanded by SLACK). */
function segmentTouchesBox(x1: number, y1: number, x2: number, y2: number, box: [number, number, number, number]): boolean {
  const minX = box[0] - SLACK;
  const minY = box[1] - SLACK;
  const maxX = box[2] + SLACK;
  const maxY = box[3] + SLACK;
  if (Math.max(x1, x2) < minX || Math.min(x1, x2) > maxX || Math.max(y1, y2) < minY || Math.min(y1, y2) > maxY) return false;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const side = (px: number, py: number): number => dx * (py - y1) - dy * (px - x1);
  const s1 = side(minX, minY);
  const s2 = side(maxX, minY);
  const s3 = side(maxX, maxY);
  const s4 = side(minX, maxY);
  return !((s1 > 0 && s2 > 0 && s3 > 0 && s4 > 0) || (s1 < 0 && s2 < 0 && s3 < 0 && s4 < 0));
}

/**
 * Classifies the grid cells under a region.
 * @param grid - the analysis grid
 * @param shape - the region, projected into the grid's plane
 */
export function buildRegionQuery(grid: AnalysisGrid, shape: PlanarShape): RegionQuery {
  const crossingCells = new Map<number, number[]>();
  const insideCells: number[] = [];
  const [minX, minY, maxX, maxY] = shape.bbox;
  if (shape.edges.length === 0 || maxX < grid.minX || maxY < grid.minY ||
      minX > grid.minX + grid.cols * grid.cellWidth || minY > grid.minY + grid.rows * grid.cellHeight) {
    return { shape, insideCells, crossingCells };
  }
  const edges = shape.edges;
  const edgeCount = edges.length / 4;
  for (let k = 0; k < edgeCount; k++) {
    const x1 = edges[4 * k];
    const y1 = edges[4 * k + 1];
    const x2 = edges[4 * k + 2];
    const y2 = edges[4 * k + 3];
    const col1 = columnOf(grid, Math.min(x1, x2) - SLACK);
    const col2 = columnOf(grid, Math.max(x1, x2) + SLACK);
    const row1 = rowOf(grid, Math.min(y1, y2) - SLACK);
    const row2 = rowOf(grid, Math.max(y1, y2) + SLACK);
    const single = col1 === col2 && row1 === row2;
    for (let row = row1; row <= row2; row++) {
      for (let col = col1; col <= col2; col++) {
        if (!single && !segmentTouchesBox(x1, y1, x2, y2, cellBounds(grid, col, row))) continue;
        const cell = row * grid.cols + col;
        const list = crossingCells.get(cell);
        if (list) list.push(k);
        else crossingCells.set(cell, [k]);
      }
    }
  }
  const col1 = columnOf(grid, minX);
  const col2 = columnOf(grid, maxX);
  const row1 = rowOf(grid, minY);
  const row2 = rowOf(grid, maxY);
  for (let row = row1; row <= row2; row++) {
    for (let col = col1; col <= col2; col++) {
      const cell = row * grid.cols + col;
      if (crossingCells.has(cell)) continue;
      const [x1, y1, x2, y2] = cellBounds(grid, col, row);
      // No edge touches this cell, so its centre decides for the whole cell.
      if (locatePoint(shape, (x1 + x2) / 2, (y1 + y2) / 2) === 1) insideCells.push(cell);
    }
  }
  return { shape, insideCells, crossingCells };
}
