import Flatbush from 'flatbush';
import * as polyclip from 'polyclip-ts';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { intersectionArea2 } from '../analysis/intersection-area.js';
import { projectPolygons, type PlanarShape } from '../analysis/planar-shape.js';
import { SQUARE_METERS_PER_UNIT } from '../analysis/projection.js';
import { prepareLandUseParcels, type IndicatorParcel, type PreparedLandUseParcels } from './landuse-indicators.js';
import { firstLevelOf } from './structure-table.js';

/**
 * What changes between two land-use states (现状 → 规划): the area that is of one group (or first-level class) in the
 * first state and of another in the second, found by overlaying the two layers' outlines (not by parcel id: the
 * states need not share parcels). Area only one state covers is in no cell; each row sums to the area of the first
 * state's group inside the common coverage.
 */
export type TransitionLevel = 'group' | 'first-level';

export interface TransitionCell {
  /** `blue-green` / `urban-construction` / `other` / `unclassified`, or a first-level key `system:code` */
  readonly from: string;
  readonly to: string;
  readonly areaSquareMeters: number;
}

export interface TransitionMatrix {
  readonly level: TransitionLevel;
  /** row keys (first state) and column keys (second state) present, in a stable order */
  readonly from: readonly string[];
  readonly to: readonly string[];
  readonly cells: readonly TransitionCell[];
  /** area both states cover, m² */
  readonly commonSquareMeters: number;
}

type Polygons = Position[][][];
const polygonsOf = (geometry: Polygon | MultiPolygon): Polygons => (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates);

const GROUP_ORDER = ['blue-green', 'urban-construction', 'other', 'unclassified'];

/** Shares of a parcel's area by key: its own class and, for a field-ridge deduction, the deducted class. */
function parts(parcel: IndicatorParcel, level: TransitionLevel): [string, number][] {
  const keyOf = (landUseClass: IndicatorParcel['landUseClass'], group: IndicatorParcel['group']): string => {
    if (level === 'group') return group ?? 'unclassified';
    const first = landUseClass ? firstLevelOf(landUseClass) : undefined;
    return first ? `${first.system}:${first.code}` : 'unclassified';
  };
  if (!parcel.deduction) return [[keyOf(parcel.landUseClass, parcel.group), 1]];
  return [[keyOf(parcel.landUseClass, parcel.group), 1 - parcel.deduction.fraction], [keyOf(parcel.deduction.landUseClass, parcel.deduction.group), parcel.deduction.fraction]];
}

/** Area of two parcels' overlap in m², by the edge integral, or the exact clipper where the outlines touch. */
function overlap(a: PlanarShape, b: PlanarShape, aGeometry: Polygon | MultiPolygon, bGeometry: Polygon | MultiPolygon, bEdges: readonly number[], origin: PreparedLandUseParcels['origin']): number {
  const area2 = intersectionArea2(a, b, bEdges);
  if (area2 !== null) return (area2 / 2) * SQUARE_METERS_PER_UNIT;
  const clipped = polyclip.intersection(polygonsOf(aGeometry) as polyclip.Geom, polygonsOf(bGeometry) as polyclip.Geom) as Polygons;
  return clipped.length === 0 ? 0 : (projectPolygons(origin, clipped).area2 / 2) * SQUARE_METERS_PER_UNIT;
}

/**
 * The transition matrix between two states.
 * @param first - the first state's parcels (e.g. 现状), or the same prepared once with prepareLandUseParcels
 * @param second - the second state's parcels (e.g. 规划)
 * @param level - by indicator group (default) or by first-level class
 * @example transitionMatrix(current, planned).cells.find((c) => c.from === 'blue-green' && c.to === 'urban-construction')
 */
export function transitionMatrix(first: readonly IndicatorParcel[] | PreparedLandUseParcels, second: readonly IndicatorParcel[], level: TransitionLevel = 'group'): TransitionMatrix {
  const prepared = 'shapes' in first ? first : prepareLandUseParcels(first);
  // Keys become small integers once, so the overlay loop adds into one flat array.
  const rowIndex = new Map<string, number>();
  const columnIndex = new Map<string, number>();
  const indexed = (map: Map<string, number>, parcel: IndicatorParcel) => parts(parcel, level).map(([key, share]): [number, number] => {
    if (!map.has(key)) map.set(key, map.size);
    return [map.get(key)!, share];
  });
  const firstParts = prepared.parcels.map((parcel) => indexed(rowIndex, parcel));
  const secondParts = second.map((parcel) => indexed(columnIndex, parcel));
  const columns = Math.max(1, columnIndex.size);
  const sums = new Float64Array(Math.max(1, rowIndex.size) * columns);
  let common = 0;
  const firstIndex = prepared.shapes.length > 0 ? new Flatbush(prepared.shapes.length) : null;
  if (firstIndex) {
    for (const shape of prepared.shapes) firstIndex.add(...(shape.edges.length > 0 ? shape.bbox : [Infinity, Infinity, Infinity, Infinity] as const));
    firstIndex.finish();
  }
  const allEdges: number[][] = [];
  const edgesUpTo = (count: number) => (allEdges[count] ??= Array.from({ length: count }, (_, k) => k));
  second.forEach((parcel, secondIndex) => {
    if (!firstIndex) return;
    const shape = projectPolygons(prepared.origin, polygonsOf(parcel.geometry));
    if (shape.edges.length === 0) return;
    const edges = edgesUpTo(shape.edges.length / 4);
    const [minX, minY, maxX, maxY] = shape.bbox;
    for (const index of firstIndex.search(minX, minY, maxX, maxY)) {
      const area = overlap(prepared.shapes[index], shape, prepared.parcels[index].geometry, parcel.geometry, edges, prepared.origin);
      if (!(area > 0)) continue;
      common += area;
      for (const [from, fromShare] of firstParts[index]) {
        for (const [to, toShare] of secondParts[secondIndex]) sums[from * columns + to] += area * fromShare * toShare;
      }
    }
  });
  const cells = new Map<string, number>();
  const rows = new Set<string>();
  const columnsPresent = new Set<string>();
  for (const [from, i] of rowIndex) {
    for (const [to, j] of columnIndex) {
      const value = sums[i * columns + j];
      if (!(value > 0)) continue;
      rows.add(from);
      columnsPresent.add(to);
      cells.set(`${from}\u0000${to}`, value);
    }
  }
  const order = (keys: Set<string>) => [...keys].sort((a, b) => (level === 'group' ? GROUP_ORDER.indexOf(a) - GROUP_ORDER.indexOf(b) : a.localeCompare(b)));
  return {
    level,
    from: order(rows),
    to: order(columnsPresent),
    cells: [...cells].map(([key, areaSquareMeters]) => {
      const [from, to] = key.split('\u0000');
      return { from, to, areaSquareMeters };
    }),
    commonSquareMeters: common,
  };
}
