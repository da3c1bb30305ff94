import type { Position } from 'geojson';
import * as polyclip from 'polyclip-ts';
import type { AnalysisGrid } from './grid.js';
import { cellBoundsLngLat } from './grid.js';
import type { PlanarShape } from './planar-shape.js';
import { projectPolygons } from './planar-shape.js';
import { SQUARE_METERS_PER_UNIT } from './projection.js';

/** Polygon coordinates: rings of [lng, lat]. */
export type PolygonCoordinates = Position[][];

/** Internal: one layer's dissolved geometry inside one grid cell. */
export interface Piece {
  readonly shape: PlanarShape;
  /** The same geometry as MultiPolygon coordinates (degrees), for the robust fallback clipper. */
  readonly polygons: PolygonCoordinates[];
  readonly areaSquareMeters: number;
  /** True when the piece is the whole cell rectangle. */
  readonly fullCell: boolean;
}

/** Internal: a layer dissolved, clipped to the boundary and cut along the grid. `pieces[cell]` may be undefined. */
export interface TiledLayer {
  readonly pieces: readonly (Piece | undefined)[];
  readonly totalSquareMeters: number;
}

type Box = [number, number, number, number];

function polygonBox(polygon: PolygonCoordinates): Box {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const position of polygon[0] ?? []) {
    if (position[0] < box[0]) box[0] = position[0];
    if (position[1] < box[1]) box[1] = position[1];
    if (position[0] > box[2]) box[2] = position[0];
    if (position[1] > box[3]) box[3] = position[1];
  }
  return box;
}

function cellRectangle(box: Box): PolygonCoordinates {
  const [w, s, e, n] = box;
  return [[[w, s], [e, s], [e, n], [w, n], [w, s]]];
}

/** Makes a piece from clipper output; undefined when empty. */
export function makePiece(grid: AnalysisGrid, polygons: PolygonCoordinates[], cellArea2: number): Piece | undefined {
  if (polygons.length === 0) return undefined;
  const shape = projectPolygons(grid.origin, polygons);
  if (shape.edges.length === 0 || shape.area2 <= 0) return undefined;
  const fullCell = polygons.length === 1 && polygons[0].length === 1 && Math.abs(shape.area2 - cellArea2) <= 1e-9 * cellArea2;
  return { shape, polygons, areaSquareMeters: (shape.area2 / 2) * SQUARE_METERS_PER_UNIT, fullCell };
}

/**
 * Builds a tiled layer: the union of `polygons`, optionally intersected with `clipTo`, cut into grid cells.
 * Overlaps between input polygons are resolved here, once (dissolve), so every later sum counts them once.
 * @param grid - the analysis grid
 * @param polygons - polygon coordinate arrays (a MultiPolygon's parts are passed as separate polygons)
 * @param clipTo - an already tiled layer (the boundary) to intersect with, cell by cell
 */
export function buildTiledLayer(
  grid: AnalysisGrid,
  polygons: readonly PolygonCoordinates[],
  clipTo?: TiledLayer,
): TiledLayer {
  const boxes = polygons.map(polygonBox);
  const pieces: (Piece | undefined)[] = new Array(grid.cols * grid.rows);
  let total = 0;
  for (let row = 0; row < grid.rows; row++) {
    for (let col = 0; col < grid.cols; col++) {
      const cell = row * grid.cols + col;
      const clipPiece = clipTo?.pieces[cell];
      if (clipTo && !clipPiece) continue;
      const box = cellBoundsLngLat(grid, col, row);
      const rectangle = cellRectangle(box);
      const inCell: polyclip.Geom[] = [];
      polygons.forEach((polygon, index) => {
        const b = boxes[index];
        if (b[0] > box[2] || b[2] < box[0] || b[1] > box[3] || b[3] < box[1]) return;
        inCell.push(polygon as polyclip.Geom);
      });
      if (inCell.length === 0) continue;
      // Clip to the cell, dissolve overlaps, clip to the boundary — all in one robust clipper pass each.
      const dissolved = polyclip.intersection(rectangle as polyclip.Geom, polyclip.union(inCell[0], ...inCell.slice(1)));
      const clipped =
        clipPiece && !clipPiece.fullCell && dissolved.length > 0
          ? polyclip.intersection(dissolved, clipPiece.polygons as polyclip.Geom)
          : dissolved;
      const cellArea2 = 2 * grid.cellWidth * grid.cellHeight;
      const piece = makePiece(grid, clipped as PolygonCoordinates[], cellArea2);
      if (!piece) continue;
      pieces[cell] = piece;
      total += piece.areaSquareMeters;
    }
  }
  return { pieces, totalSquareMeters: total };
}

/**
 * Cell-by-cell union of several tiled layers (e.g. the counted blue-green classes). A cell with a single
 * contributing piece re-uses it as is.
 */
export function unionTiledLayers(grid: AnalysisGrid, layers: readonly TiledLayer[]): TiledLayer {
  if (layers.length === 1) return layers[0];
  const cellCount = grid.cols * grid.rows;
  const pieces: (Piece | undefined)[] = new Array(cellCount);
  const cellArea2 = 2 * grid.cellWidth * grid.cellHeight;
  let total = 0;
  for (let cell = 0; cell < cellCount; cell++) {
    const present: Piece[] = [];
    for (const layer of layers) {
      const piece = layer.pieces[cell];
      if (piece) present.push(piece);
    }
    if (present.length === 0) continue;
    const full = present.find((piece) => piece.fullCell);
    const piece =
      full ??
      (present.length === 1
        ? present[0]
        : makePiece(
            grid,
            polyclip.union(present[0].polygons as polyclip.Geom, ...present.slice(1).map((p) => p.polygons as polyclip.Geom)) as PolygonCoordinates[],
            cellArea2,
          ));
    if (!piece) continue;
    pieces[cell] = piece;
    total += piece.areaSquareMeters;
  }
  return { pieces, totalSquareMeters: total };
}
