import { area } from '@turf/area';
import { bboxClip } from '@turf/bbox-clip';
import { intersect } from '@turf/intersect';
import { featureCollection } from '@turf/helpers';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { checkTarget, DEFAULT_TARGETS } from '../analysis/target-check.js';
import type { TargetCheck, TargetDefinition } from '../analysis/types.js';
import type { LandUseClass, LandUseGroup } from './classes.js';
import { intersectionArea2, locatePoint } from '../analysis/intersection-area.js';
import { projectPolygons, type PlanarShape } from '../analysis/planar-shape.js';
import { planeOrigin, SQUARE_METERS_PER_UNIT, type PlaneOrigin } from '../analysis/projection.js';

/** One parcel as the indicators see it: its polygon (WGS84), its class (null = not recognised) and group. */
export interface IndicatorParcel {
  geometry: Polygon | MultiPolygon;
  landUseClass: LandUseClass | null;
  /** null when the class is not recognised: such area counts in no group */
  group: LandUseGroup | null;
  /** the class-table key (`system:code`, or `unknown:<code>` for a code of no known class); derived from the class when absent */
  key?: string;
  /**
   * the share of the parcel that belongs to another class (the third survey's field ridges, 田坎, deducted from
   * cropland): that share of its area counts in the deducted class and its group, the rest in its own
   */
  deduction?: { fraction: number; landUseClass: LandUseClass; group: LandUseGroup; key: string };
}

export interface ClassArea {
  /** `system:code`, `unknown:<code>` (a code of no known class), or `unclassified` */
  key: string;
  landUseClass: LandUseClass | null;
  group: LandUseGroup | null;
  /** area inside the region, m² */
  areaSquareMeters: number;
  /** parcels of this class that reach into the region */
  parcelCount: number;
}

export interface LandUseIndicators {
  regionAreaSquareMeters: number;
  /** parcel area inside the region, m² (parcels are assumed not to overlap; see `overlapSuspected`) */
  coveredSquareMeters: number;
  /** region area no parcel covers, m²: reported, never assumed to be any group */
  notCoveredSquareMeters: number;
  /** covered area exceeds the region area: parcels overlap and shares are overstated */
  overlapSuspected: boolean;
  groupSquareMeters: Record<LandUseGroup | 'unclassified', number>;
  classes: ClassArea[];
  /** shares of the whole region area (0..1); null for an empty region */
  blueGreenShare: number | null;
  constructionShare: number | null;
  blueGreen: TargetCheck;
  construction: TargetCheck;
  /** blue-green area above (+) or below (−) the target share of the region, m² */
  blueGreenHeadroomSquareMeters: number;
  /** urban construction land that still fits under (+) or is over (−) the target share, m² */
  constructionHeadroomSquareMeters: number;
  parcelsInside: number;
  parcelsAcrossBoundary: number;
  parcelsOutside: number;
}

type Region = Feature<Polygon | MultiPolygon>;

/** Parcels projected once into the equal-area plane, with a grid index: any region query reuses them. */
export interface PreparedLandUseParcels {
  readonly parcels: readonly IndicatorParcel[];
  readonly origin: PlaneOrigin;
  readonly shapes: readonly PlanarShape[];
  readonly grid: { minX: number; minY: number; cellWidth: number; cellHeight: number; columns: number; rows: number; cells: number[][] };
}

const MAX_GRID = 256;
const REGION_GRID = 64;

function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

function cellRange(
  grid: { minX: number; minY: number; cellWidth: number; cellHeight: number; columns: number; rows: number },
  [minX, minY, maxX, maxY]: readonly number[],
): [number, number, number, number] {
  // (no closures here: this runs for every parcel of every region query)
  const lastColumn = grid.columns - 1;
  const lastRow = grid.rows - 1;
  return [
    Math.max(0, Math.min(lastColumn, Math.floor((minX - grid.minX) / grid.cellWidth))),
    Math.max(0, Math.min(lastRow, Math.floor((minY - grid.minY) / grid.cellHeight))),
    Math.max(0, Math.min(lastColumn, Math.floor((maxX - grid.minX) / grid.cellWidth))),
    Math.max(0, Math.min(lastRow, Math.floor((maxY - grid.minY) / grid.cellHeight))),
  ];
}

function gridOver(bbox: readonly number[], size: number) {
  const [minX, minY, maxX, maxY] = bbox;
  return {
    minX, minY, columns: size, rows: size,
    cellWidth: (maxX - minX) / size || 1, cellHeight: (maxY - minY) / size || 1,
    cells: Array.from({ length: size * size }, () => [] as number[]),
  };
}

/** The plane parcels are projected into: the middle of their outer rings' extent (coordinates stay small). */
export function parcelsOrigin(parcels: readonly IndicatorParcel[]): PlaneOrigin {
  let [minLng, minLat, maxLng, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const parcel of parcels) for (const polygon of polygonsOf(parcel.geometry)) for (const [x, y] of polygon[0]) {
    if (x < minLng) minLng = x;
    if (x > maxLng) maxLng = x;
    if (y < minLat) minLat = y;
    if (y > maxLat) maxLat = y;
  }
  return parcels.length > 0 ? planeOrigin((minLng + maxLng) / 2, (minLat + maxLat) / 2) : planeOrigin(0, 0);
}

/**
 * Projects the parcels once (turf's equal-area plane, so areas equal turf's) and indexes them on a grid, so
 * each region asks only about the parcels near it: what makes a dragged study polygon cheap.
 * @param parcels - classified parcels (WGS84)
 */
export function prepareLandUseParcels(parcels: readonly IndicatorParcel[]): PreparedLandUseParcels {
  const origin = parcelsOrigin(parcels);
  const shapes = parcels.map((parcel) => projectPolygons(origin, polygonsOf(parcel.geometry)));
  const bounds = shapes.reduce((box, shape) => [Math.min(box[0], shape.bbox[0]), Math.min(box[1], shape.bbox[1]), Math.max(box[2], shape.bbox[2]), Math.max(box[3], shape.bbox[3])], [Infinity, Infinity, -Infinity, -Infinity]);
  const grid = gridOver(shapes.length > 0 ? bounds : [0, 0, 1, 1], Math.max(1, Math.min(MAX_GRID, Math.round(Math.sqrt(shapes.length)))));
  shapes.forEach((shape, index) => {
    const [c0, r0, c1, r1] = cellRange(grid, shape.bbox);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) grid.cells[r * grid.columns + c].push(index);
  });
  return { parcels, origin, shapes, grid };
}

const boxesOverlap = (a: readonly number[], b: readonly number[]) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/** Area in m² of parcel ∩ region by the exact polygon clipper, on the outline cut to the parcel's box. */
function clippedArea(geometry: Polygon | MultiPolygon, region: Region): number {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygonsOf(geometry)) for (const [x, y] of polygon[0]) {
    minX = Math.min(minX, x); minY = Math.min(minY, y); maxX = Math.max(maxX, x); maxY = Math.max(maxY, y);
  }
  // The box cut can leave zero-width slivers along the box sides; they lie outside the parcel and add nothing.
  const margin = 1e-6;
  const piece = bboxClip(region, [minX - margin, minY - margin, maxX + margin, maxY + margin]) as Region;
  const clipped = intersect(featureCollection<Polygon | MultiPolygon>([{ type: 'Feature', geometry, properties: {} }, piece]));
  return clipped ? area(clipped) : 0;
}

/**
 * Blue-green and urban-construction shares of a region on a land-use layer, with the area per class and
 * group, the area no parcel covers, and the headroom to the targets.
 *
 * Shares are of the whole region area: area the layer does not cover is reported as not covered and counted
 * in neither group, so a partial layer gives a lower bound on both shares, never a guess.
 * @param parcels - classified parcels (WGS84), or the same prepared once with prepareLandUseParcels
 * @param region - the boundary, a cluster, a study polygon… (WGS84)
 * @param targets - target shares (default ≥ 70 % blue-green, ≤ 30 % construction)
 * @returns areas in m², shares 0..1, target checks and headroom in m²
 * @example landUseIndicators(parcels, boundary).constructionHeadroomSquareMeters / 1e6 // km² still under 30 %
 */
export function landUseIndicators(
  parcels: readonly IndicatorParcel[] | PreparedLandUseParcels,
  region: Region,
  targets: { readonly blueGreen: TargetDefinition; readonly construction: TargetDefinition } = DEFAULT_TARGETS,
): LandUseIndicators {
  const prepared = 'shapes' in parcels ? parcels : prepareLandUseParcels(parcels);
  const regionAreaSquareMeters = area(region);
  const regionShape = projectPolygons(prepared.origin, polygonsOf(region.geometry));
  // Region edges on their own grid: a parcel looks only at the outline edges near it.
  const regionEdges = regionShape.edges;
  // a grid about as fine as the outline has edges (a drawn rectangle needs no 64 × 64 cells made per query)
  const edgeGrid = gridOver(regionShape.bbox, Math.max(1, Math.min(REGION_GRID, Math.round(Math.sqrt(regionEdges.length / 4)))));
  const edgeColumns = edgeGrid.columns;
  for (let k = 0; k < regionEdges.length / 4; k++) {
    const o = 4 * k;
    const box = [Math.min(regionEdges[o], regionEdges[o + 2]), Math.min(regionEdges[o + 1], regionEdges[o + 3]), Math.max(regionEdges[o], regionEdges[o + 2]), Math.max(regionEdges[o + 1], regionEdges[o + 3])];
    const [c0, r0, c1, r1] = cellRange(edgeGrid, box);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) edgeGrid.cells[r * edgeColumns + c].push(k);
  }
  const groupSquareMeters = { 'blue-green': 0, 'urban-construction': 0, other: 0, unclassified: 0 };
  const classes = new Map<string, ClassArea>();
  let covered = 0;
  let parcelsInside = 0;
  let parcelsAcrossBoundary = 0;
  // (one function for every parcel, not one made per parcel)
  const count = (key: string, landUseClass: LandUseClass | null, group: LandUseGroup | null, squareMeters: number) => {
    groupSquareMeters[group ?? 'unclassified'] += squareMeters;
    let entry = classes.get(key);
    if (!entry) classes.set(key, (entry = { key, landUseClass, group, areaSquareMeters: 0, parcelCount: 0 }));
    entry.areaSquareMeters += squareMeters;
    entry.parcelCount++;
  };
  const seenParcel = new Uint8Array(prepared.shapes.length);
  const edgeStamp = new Int32Array(regionEdges.length / 4).fill(-1);
  const [c0, r0, c1, r1] = cellRange(prepared.grid, regionShape.bbox);
  for (let r = r0; r <= r1; r++) {
    for (let c = c0; c <= c1; c++) {
      for (const index of prepared.grid.cells[r * prepared.grid.columns + c]) {
        if (seenParcel[index]) continue;
        seenParcel[index] = 1;
        const shape = prepared.shapes[index];
        if (shape.edges.length === 0 || !boxesOverlap(shape.bbox, regionShape.bbox)) continue;
        const near: number[] = [];
        const [e0, f0, e1, f1] = cellRange(edgeGrid, shape.bbox);
        for (let rr = f0; rr <= f1; rr++) for (let cc = e0; cc <= e1; cc++) {
          for (const k of edgeGrid.cells[rr * edgeColumns + cc]) {
            if (edgeStamp[k] === index) continue;
            edgeStamp[k] = index;
            const o = 4 * k;
            const box = [Math.min(regionEdges[o], regionEdges[o + 2]), Math.min(regionEdges[o + 1], regionEdges[o + 3]), Math.max(regionEdges[o], regionEdges[o + 2]), Math.max(regionEdges[o + 1], regionEdges[o + 3])];
            if (boxesOverlap(box, shape.bbox)) near.push(k);
          }
        }
        let area2: number | null;
        if (near.length === 0) {
          // No outline edge near the parcel: wholly inside or wholly outside; one vertex tells which.
          area2 = locatePoint(regionShape, shape.edges[0], shape.edges[1]) === 1 ? shape.area2 : 0;
        } else {
          area2 = intersectionArea2(shape, regionShape, near);
        }
        let inRegion: number;
        if (area2 === null) {
          // A vertex on the outline or a shared edge: the exact clipper decides (rare).
          inRegion = clippedArea(prepared.parcels[index].geometry, region);
        } else {
          inRegion = (area2 / 2) * SQUARE_METERS_PER_UNIT;
        }
        if (inRegion <= 0) continue;
        if (near.length === 0) parcelsInside++;
        else parcelsAcrossBoundary++;
        const parcel = prepared.parcels[index];
        covered += inRegion;
        const deducted = parcel.deduction ? inRegion * parcel.deduction.fraction : 0;
        count(parcel.key ?? (parcel.landUseClass ? `${parcel.landUseClass.system}:${parcel.landUseClass.code}` : 'unclassified'), parcel.landUseClass, parcel.group, inRegion - deducted);
        if (parcel.deduction) count(parcel.deduction.key, parcel.deduction.landUseClass, parcel.deduction.group, deducted);
      }
    }
  }
  const parcelsOutside = prepared.parcels.length - parcelsInside - parcelsAcrossBoundary;
  const share = (value: number) => (regionAreaSquareMeters > 0 ? value / regionAreaSquareMeters : null);
  const blueGreenShare = share(groupSquareMeters['blue-green']);
  const constructionShare = share(groupSquareMeters['urban-construction']);
  const notCoveredSquareMeters = Math.max(0, regionAreaSquareMeters - covered);
  const overlapSuspected = covered > regionAreaSquareMeters * (1 + 1e-6);
  // What the layer does not classify (no parcel, or a code of no known class) could be anything: a target is
  // decided only if it holds whatever that area is (checkTarget). Overlapping parcels overstate the shares by
  // an unknown amount, so they decide nothing.
  const unknownShare = overlapSuspected ? null : share(notCoveredSquareMeters + groupSquareMeters.unclassified);
  return {
    regionAreaSquareMeters,
    coveredSquareMeters: covered,
    notCoveredSquareMeters,
    overlapSuspected,
    groupSquareMeters,
    classes: [...classes.values()].sort((a, b) => b.areaSquareMeters - a.areaSquareMeters),
    blueGreenShare,
    constructionShare,
    blueGreen: checkTarget(blueGreenShare, targets.blueGreen, unknownShare),
    construction: checkTarget(constructionShare, targets.construction, unknownShare),
    blueGreenHeadroomSquareMeters: groupSquareMeters['blue-green'] - targets.blueGreen.target * regionAreaSquareMeters,
    constructionHeadroomSquareMeters: targets.construction.target * regionAreaSquareMeters - groupSquareMeters['urban-construction'],
    parcelsInside,
    parcelsAcrossBoundary,
    parcelsOutside,
  };
}
