import * as polyclip from 'polyclip-ts';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { projectPolygons } from '../analysis/planar-shape.js';
import { SQUARE_METERS_PER_UNIT, type PlaneOrigin } from '../analysis/projection.js';
import { parcelsOrigin, type IndicatorParcel } from './landuse-indicators.js';
import { boxGrid, type BoxGrid } from './box-grid.js';
import { overlapArea2 } from './overlap-area.js';
import { planarLayer, type PlanarLayer } from './planar-layer.js';
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

/** Relative shortfall below which a parcel counts as wholly found (far below a survey's precision). */
const WHOLE_TOLERANCE = 1e-9;

const GROUP_ORDER = ['blue-green', 'urban-construction', 'other', 'unclassified'];

/** Shares of a parcel's area by key: its own class and, for a field-ridge deduction, the deducted class. */
/** A class's key at `level` (a module function: no function made per parcel). */
function keyAt(level: TransitionLevel, landUseClass: IndicatorParcel['landUseClass'], group: IndicatorParcel['group']): string {
  if (level === 'group') return group ?? 'unclassified';
  const first = landUseClass ? firstLevelOf(landUseClass) : undefined;
  return first ? `${first.system}:${first.code}` : 'unclassified';
}

function parts(parcel: IndicatorParcel, level: TransitionLevel): [string, number][] {
  if (!parcel.deduction) return [[keyAt(level, parcel.landUseClass, parcel.group), 1]];
  return [[keyAt(level, parcel.landUseClass, parcel.group), 1 - parcel.deduction.fraction], [keyAt(level, parcel.deduction.landUseClass, parcel.deduction.group), parcel.deduction.fraction]];
}

/**
 * One state ready for overlays: its parcels projected once into the plane of `origin` and indexed by box. A worker
 * keeps it beside the layer, so a matrix by group and then by first-level class projects nothing again.
 */
export interface TransitionState {
  readonly parcels: readonly IndicatorParcel[];
  readonly origin: PlaneOrigin;
  readonly layer: PlanarLayer;
  readonly index: BoxGrid;
}


/**
 * Projects and indexes one state for {@link transitionMatrix}.
 * @param origin - the plane; give the other state's `origin` so both share it (default: this state's middle)
 */
export function prepareTransitionState(parcels: readonly IndicatorParcel[], origin: PlaneOrigin = parcelsOrigin(parcels)): TransitionState {
  const layer = planarLayer(origin, parcels.map((parcel) => parcel.geometry));
  const index = boxGrid(layer.boxes, layer.count);
  return { parcels, origin, layer, index };
}

const asState = (state: readonly IndicatorParcel[] | TransitionState, origin?: PlaneOrigin): TransitionState => {
  if ('layer' in state) return origin && (state.origin.lng !== origin.lng || state.origin.sinLat !== origin.sinLat) ? prepareTransitionState(state.parcels, origin) : state;
  return prepareTransitionState(state, origin);
};

/** Whether two parcels have the same outline: same box, area and edges (in any order of rings and start vertex). */
function sameOutline(a: PlanarLayer, i: number, b: PlanarLayer, j: number): boolean {
  const [aStart, aEnd, bStart, bEnd] = [a.edgeStarts[i], a.edgeStarts[i + 1], b.edgeStarts[j], b.edgeStarts[j + 1]];
  if (aEnd - aStart !== bEnd - bStart || a.area2[i] !== b.area2[j]) return false;
  for (let c = 0; c < 4; c++) if (a.boxes[4 * i + c] !== b.boxes[4 * j + c]) return false;
  // Each edge of A is an edge of B (the lists are short; edges are distinct in a valid outline).
  for (let k = aStart; k < aEnd; k++) {
    let found = false;
    for (let m = bStart; m < bEnd && !found; m++) {
      found = a.edges[4 * k] === b.edges[4 * m] && a.edges[4 * k + 1] === b.edges[4 * m + 1] && a.edges[4 * k + 2] === b.edges[4 * m + 2] && a.edges[4 * k + 3] === b.edges[4 * m + 3];
    }
    if (!found) return false;
  }
  return true;
}

/**
 * Twice the area of parcel i of the first state ∩ parcel j of the second: the boundary integral (exact where
 * outlines share vertices and edges), and the polygon clipper only where that is too close to call.
 */
function overlap2(first: TransitionState, i: number, second: TransitionState, j: number): number {
  const [a, b] = [first.layer, second.layer];
  const area2 = overlapArea2(a.edges, a.edgeStarts[i], a.edgeStarts[i + 1], a.boxes, 4 * i, b.edges, b.edgeStarts[j], b.edgeStarts[j + 1], b.boxes, 4 * j);
  if (!Number.isNaN(area2)) return area2;
  const clipped = polyclip.intersection(polygonsOf(first.parcels[i].geometry) as polyclip.Geom, polygonsOf(second.parcels[j].geometry) as polyclip.Geom) as Polygons;
  return clipped.length === 0 ? 0 : projectPolygons(first.origin, clipped).area2;
}

/**
 * The transition matrix between two states.
 * @param first - the first state's parcels (e.g. 现状), or the same prepared once with prepareTransitionState
 * @param second - the second state's parcels (e.g. 规划), or prepared (in the first state's plane)
 * @param level - by indicator group (default) or by first-level class
 * @example transitionMatrix(current, planned).cells.find((c) => c.from === 'blue-green' && c.to === 'urban-construction')
 */
export function transitionMatrix(first: readonly IndicatorParcel[] | TransitionState, second: readonly IndicatorParcel[] | TransitionState, level: TransitionLevel = 'group'): TransitionMatrix {
  const one = asState(first);
  const two = asState(second, one.origin);
  // Keys become small integers once (each parcel: its key and share, and a deduction's key and share or -1), so the
  // overlay loop adds into one flat array.
  const rowIndex = new Map<string, number>();
  const columnIndex = new Map<string, number>();
  const keyed = (map: Map<string, number>, parcels: readonly IndicatorParcel[]) => {
    const keys = new Int32Array(2 * parcels.length).fill(-1);
    const shares = new Float64Array(2 * parcels.length);
    // (plain loops: no function made per parcel)
    for (let index = 0; index < parcels.length; index++) {
      const shares2 = parts(parcels[index], level);
      for (let part = 0; part < shares2.length; part++) {
        const [key, share] = shares2[part];
        let at = map.get(key);
        if (at === undefined) map.set(key, (at = map.size));
        keys[2 * index + part] = at;
        shares[2 * index + part] = share;
      }
    }
    return { keys, shares };
  };
  const rowsOf = keyed(rowIndex, one.parcels);
  const columnsOf = keyed(columnIndex, two.parcels);
  const columns = Math.max(1, columnIndex.size);
  const sums = new Float64Array(Math.max(1, rowIndex.size) * columns);
  let common = 0;
  const add = (i: number, j: number, area2: number) => {
    const area = (area2 / 2) * SQUARE_METERS_PER_UNIT;
    common += area;
    for (let p = 2 * i; p < 2 * i + 2 && rowsOf.keys[p] >= 0; p++) {
      for (let q = 2 * j; q < 2 * j + 2 && columnsOf.keys[q] >= 0; q++) sums[rowsOf.keys[p] * columns + columnsOf.keys[q]] += area * rowsOf.shares[p] * columnsOf.shares[q];
    }
  };
  const [boxes, firstBoxes] = [two.layer.boxes, one.layer.boxes];
  const buffer = { found: new Int32Array(64) };
  const shared = new Float64Array(64);
  for (let j = 0; j < two.layer.count; j++) {
    const [minX, minY, maxX, maxY] = [boxes[4 * j], boxes[4 * j + 1], boxes[4 * j + 2], boxes[4 * j + 3]];
    if (!(minX <= maxX)) continue;
    const found = one.index.search(minX, minY, maxX, maxY, buffer);
    const candidates = buffer.found;
    // The same outline in the first state is all of this parcel (parcels of one state do not overlap).
    let same = -1;
    for (let c = 0; c < found && same < 0; c++) if (sameOutline(one.layer, candidates[c], two.layer, j)) same = candidates[c];
    if (same >= 0) {
      add(same, j, one.layer.area2[same]);
      continue;
    }
    // Largest shared box first (insertion sort: a handful); once the pieces found make up the whole parcel, the rest
    // can only touch it.
    for (let c = 0; c < found && c < shared.length; c++) {
      const i = candidates[c];
      const value = (Math.min(maxX, firstBoxes[4 * i + 2]) - Math.max(minX, firstBoxes[4 * i])) * (Math.min(maxY, firstBoxes[4 * i + 3]) - Math.max(minY, firstBoxes[4 * i + 1]));
      let d = c - 1;
      while (d >= 0 && shared[d] < value) {
        shared[d + 1] = shared[d];
        candidates[d + 1] = candidates[d];
        d--;
      }
      shared[d + 1] = value;
      candidates[d + 1] = i;
    }
    const whole2 = two.layer.area2[j] * (1 - WHOLE_TOLERANCE);
    let found2 = 0;
    for (let c = 0; c < found && found2 < whole2; c++) {
      const area2 = overlap2(one, candidates[c], two, j);
      if (!(area2 > 0)) continue;
      add(candidates[c], j, area2);
      found2 += area2;
    }
  }
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
