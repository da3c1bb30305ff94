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

/**
 * Sutherland–Hodgman clip of a closed ring to a box (degrees). Cheap and exact for area; a concave ring
 * can come out with zero-width "bridges" along the box edges, which the robust union that follows removes.
 */
function clipRingToBox(ring: readonly Position[], box: Box): Position[] {
  let points: Position[] = ring.slice(0, -1) as Position[];
  for (let side = 0; side < 4 && points.length > 0; side++) {
    const inside = (p: Position): boolean =>
      side === 0 ? p[0] >= box[0] : side === 1 ? p[0] <= box[2] : side === 2 ? p[1] >= box[1] : p[1] <= box[3];
    const cut = (a: Position, b: Position): Position => {
      if (side < 2) {
        const x = side === 0 ? box[0] : box[2];
        return [x, a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0])];
      }
      const y = side === 2 ? box[1] : box[3];
      return [a[0] + ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]), y];
    };
    const output: Position[] = [];
    let previous = points[points.length - 1];
    let previousInside = inside(previous);
    for (const point of points) {
      const pointInside = inside(point);
      if (pointInside !== previousInside) output.push(cut(previous, point));
      if (pointInside) output.push(point);
      previous = point;
      previousInside = pointInside;
    }
    points = output;
  }
  if (points.length < 3) return [];
  return [...points, points[0]];
}

/** How many times a closed ring leaves the box (0 or 1 means a box clip yields one clean ring). */
function exitsFromBox(ring: readonly Position[], box: Box): number {
  const inside = (p: Position): boolean => p[0] >= box[0] && p[0] <= box[2] && p[1] >= box[1] && p[1] <= box[3];
  let exits = 0;
  let previous = inside(ring[0]);
  for (let i = 1; i < ring.length; i++) {
    const current = inside(ring[i]);
    if (previous && !current) exits++;
    previous = current;
  }
  return exits;
}

interface ClippedPolygon {
  readonly polygon: PolygonCoordinates;
  /** False when the box clip may have left zero-width bridges or a hole on the box edge (needs the robust union). */
  readonly clean: boolean;
  readonly box: Box;
}

/** A polygon clipped to a box: the polygon itself when it lies inside, null when nothing is left. */
function clipPolygonToBox(polygon: PolygonCoordinates, polygonBounds: Box, box: Box): ClippedPolygon | null {
  if (polygonBounds[0] >= box[0] && polygonBounds[2] <= box[2] && polygonBounds[1] >= box[1] && polygonBounds[3] <= box[3]) {
    return { polygon, clean: true, box: polygonBounds };
  }
  const shell = clipRingToBox(polygon[0], box);
  if (shell.length === 0) return null;
  let clean = exitsFromBox(polygon[0], box) <= 1;
  const holes: Position[][] = [];
  for (const ring of polygon.slice(1)) {
    const clipped = clipRingToBox(ring, box);
    if (clipped.length === 0) continue;
    // A hole cut by the box edge, or one the box sits inside, needs the robust clipper to merge with the shell.
    if (exitsFromBox(ring, box) > 0 || !ring.every((p) => p[0] >= box[0] && p[0] <= box[2] && p[1] >= box[1] && p[1] <= box[3])) clean = false;
    holes.push(clipped);
  }
  return { polygon: [shell, ...holes], clean, box: polygonBox([shell]) };
}

function boxesOverlap(a: Box, b: Box): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** Dissolves the clipped polygons of one cell, calling the (slow, robust) clipper only when needed. */
function dissolveCell(parts: readonly ClippedPolygon[]): PolygonCoordinates[] {
  let needsUnion = parts.some((part) => !part.clean);
  for (let i = 0; i < parts.length && !needsUnion; i++) {
    for (let j = i + 1; j < parts.length && !needsUnion; j++) needsUnion = boxesOverlap(parts[i].box, parts[j].box);
  }
  if (!needsUnion) return parts.map((part) => part.polygon);
  const geoms = parts.map((part) => part.polygon as polyclip.Geom);
  return polyclip.union(geoms[0], ...geoms.slice(1)) as PolygonCoordinates[];
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
      const inCell: ClippedPolygon[] = [];
      polygons.forEach((polygon, index) => {
        const b = boxes[index];
        if (b[0] > box[2] || b[2] < box[0] || b[1] > box[3] || b[3] < box[1]) return;
        const clipped = clipPolygonToBox(polygon, b, box);
        if (clipped) inCell.push(clipped);
      });
      if (inCell.length === 0) continue;
      // Cheap box clip first; the robust union only where parts may overlap or the box clip was not clean.
      const dissolved = dissolveCell(inCell);
      const clipped =
        clipPiece && !clipPiece.fullCell && dissolved.length > 0
          ? polyclip.intersection(dissolved as polyclip.Geom, clipPiece.polygons as polyclip.Geom)
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
