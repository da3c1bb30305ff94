import { area } from '@turf/area';
import { bboxClip } from '@turf/bbox-clip';
import { intersect } from '@turf/intersect';
import { featureCollection } from '@turf/helpers';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { checkTarget, DEFAULT_TARGETS } from '../analysis/target-check.js';
import type { TargetCheck, TargetDefinition } from '../analysis/types.js';
import type { LandUseClass, LandUseGroup } from './classes.js';

/** One parcel as the indicators see it: its polygon (WGS84), its class (null = not recognised) and group. */
export interface IndicatorParcel {
  geometry: Polygon | MultiPolygon;
  landUseClass: LandUseClass | null;
  /** null when the class is not recognised: such area counts in no group */
  group: LandUseGroup | null;
}

export interface ClassArea {
  /** `system:code`, or `unclassified` */
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

interface PreparedRegion {
  rings: Position[][];
  bbox: [number, number, number, number];
  cells: number[][];
  size: number;
  edges: number[];
}

const GRID = 64;

/** Region edges bucketed in a GRID × GRID index so a parcel finds the few edges near it. */
function prepareRegion(region: Region): PreparedRegion {
  const rings = region.geometry.type === 'Polygon' ? region.geometry.coordinates : region.geometry.coordinates.flat();
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings) for (const [x, y] of ring) {
    minX = Math.min(minX, x); minY = Math.min(minY, y); maxX = Math.max(maxX, x); maxY = Math.max(maxY, y);
  }
  const edges: number[] = [];
  for (const ring of rings) for (let i = 0; i + 1 < ring.length; i++) edges.push(ring[i][0], ring[i][1], ring[i + 1][0], ring[i + 1][1]);
  const cells: number[][] = Array.from({ length: GRID * GRID }, () => []);
  const prepared: PreparedRegion = { rings, bbox: [minX, minY, maxX, maxY], cells, size: GRID, edges };
  for (let e = 0; e < edges.length; e += 4) {
    const [c0, r0] = cellOf(prepared, Math.min(edges[e], edges[e + 2]), Math.min(edges[e + 1], edges[e + 3]));
    const [c1, r1] = cellOf(prepared, Math.max(edges[e], edges[e + 2]), Math.max(edges[e + 1], edges[e + 3]));
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) cells[r * GRID + c].push(e);
  }
  return prepared;
}

function cellOf(region: PreparedRegion, x: number, y: number): [number, number] {
  const [minX, minY, maxX, maxY] = region.bbox;
  const clamp = (value: number) => Math.max(0, Math.min(GRID - 1, Math.floor(value)));
  return [clamp(((x - minX) / (maxX - minX || 1)) * GRID), clamp(((y - minY) / (maxY - minY || 1)) * GRID)];
}

/** Even-odd point in the region (all rings; holes count as outside). */
function regionContains(region: PreparedRegion, x: number, y: number): boolean {
  let inside = false;
  const edges = region.edges;
  for (let e = 0; e < edges.length; e += 4) {
    const [x1, y1, x2, y2] = [edges[e], edges[e + 1], edges[e + 2], edges[e + 3]];
    if (y1 > y !== y2 > y && x < ((x2 - x1) * (y - y1)) / (y2 - y1) + x1) inside = !inside;
  }
  return inside;
}

function bboxOf(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons) for (const [x, y] of polygon[0]) {
    minX = Math.min(minX, x); minY = Math.min(minY, y); maxX = Math.max(maxX, x); maxY = Math.max(maxY, y);
  }
  return [minX, minY, maxX, maxY];
}

/** Where a parcel lies: wholly inside, wholly outside, or across the region's outline. */
function locateParcel(region: PreparedRegion, geometry: Polygon | MultiPolygon): 'inside' | 'outside' | 'across' {
  const [minX, minY, maxX, maxY] = bboxOf(geometry);
  const [rMinX, rMinY, rMaxX, rMaxY] = region.bbox;
  if (maxX < rMinX || minX > rMaxX || maxY < rMinY || minY > rMaxY) return 'outside';
  const [c0, r0] = cellOf(region, minX, minY);
  const [c1, r1] = cellOf(region, maxX, maxY);
  const edges = region.edges;
  for (let r = r0; r <= r1; r++) {
    for (let c = c0; c <= c1; c++) {
      for (const e of region.cells[r * region.size + c]) {
        if (Math.max(edges[e], edges[e + 2]) >= minX && Math.min(edges[e], edges[e + 2]) <= maxX &&
          Math.max(edges[e + 1], edges[e + 3]) >= minY && Math.min(edges[e + 1], edges[e + 3]) <= maxY) return 'across';
      }
    }
  }
  // No outline edge near the parcel: it is wholly on one side; one vertex tells which.
  const first = geometry.type === 'Polygon' ? geometry.coordinates[0][0] : geometry.coordinates[0][0][0];
  return regionContains(region, first[0], first[1]) ? 'inside' : 'outside';
}

/**
 * Blue-green and urban-construction shares of a region on a land-use layer, with the area per class and
 * group, the area no parcel covers, and the headroom to the targets.
 *
 * Shares are of the whole region area: area the layer does not cover is reported as not covered and counted
 * in neither group, so a partial layer gives a lower bound on both shares, never a guess.
 * @param parcels - classified parcels (WGS84)
 * @param region - the boundary, a cluster, a study polygon… (WGS84)
 * @param targets - target shares (default ≥ 70 % blue-green, ≤ 30 % construction)
 * @returns areas in m², shares 0..1, target checks and headroom in m²
 * @example landUseIndicators(parcels, boundary).constructionHeadroomSquareMeters / 1e6 // km² still under 30 %
 */
export function landUseIndicators(
  parcels: readonly IndicatorParcel[],
  region: Region,
  targets: { readonly blueGreen: TargetDefinition; readonly construction: TargetDefinition } = DEFAULT_TARGETS,
): LandUseIndicators {
  const regionAreaSquareMeters = area(region);
  const prepared = prepareRegion(region);
  const groupSquareMeters = { 'blue-green': 0, 'urban-construction': 0, other: 0, unclassified: 0 };
  const classes = new Map<string, ClassArea>();
  let covered = 0;
  let parcelsInside = 0;
  let parcelsAcrossBoundary = 0;
  let parcelsOutside = 0;
  for (const parcel of parcels) {
    const where = locateParcel(prepared, parcel.geometry);
    let inRegion = 0;
    if (where === 'outside') {
      parcelsOutside++;
      continue;
    } else if (where === 'inside') {
      parcelsInside++;
      inRegion = area(parcel.geometry);
    } else {
      parcelsAcrossBoundary++;
      // Clip the region to (a little more than) the parcel's box first: the polygon clipper then works on a
      // few edges instead of the whole outline. The box cut can leave zero-width slivers along the box sides,
      // but those lie outside the parcel and add nothing to the intersection.
      const [minX, minY, maxX, maxY] = bboxOf(parcel.geometry);
      const margin = 1e-6;
      const piece = bboxClip(region, [minX - margin, minY - margin, maxX + margin, maxY + margin]) as Region;
      const clipped = intersect(featureCollection<Polygon | MultiPolygon>([{ type: 'Feature', geometry: parcel.geometry, properties: {} }, piece]));
      inRegion = clipped ? area(clipped) : 0;
      if (inRegion === 0) {
        parcelsOutside++;
        parcelsAcrossBoundary--;
        continue;
      }
    }
    covered += inRegion;
    groupSquareMeters[parcel.group ?? 'unclassified'] += inRegion;
    const key = parcel.landUseClass ? `${parcel.landUseClass.system}:${parcel.landUseClass.code}` : 'unclassified';
    const entry = classes.get(key) ?? { key, landUseClass: parcel.landUseClass, group: parcel.group, areaSquareMeters: 0, parcelCount: 0 };
    entry.areaSquareMeters += inRegion;
    entry.parcelCount++;
    classes.set(key, entry);
  }
  const share = (value: number) => (regionAreaSquareMeters > 0 ? value / regionAreaSquareMeters : null);
  const blueGreenShare = share(groupSquareMeters['blue-green']);
  const constructionShare = share(groupSquareMeters['urban-construction']);
  return {
    regionAreaSquareMeters,
    coveredSquareMeters: covered,
    notCoveredSquareMeters: Math.max(0, regionAreaSquareMeters - covered),
    overlapSuspected: covered > regionAreaSquareMeters * (1 + 1e-6),
    groupSquareMeters,
    classes: [...classes.values()].sort((a, b) => b.areaSquareMeters - a.areaSquareMeters),
    blueGreenShare,
    constructionShare,
    blueGreen: checkTarget(blueGreenShare, targets.blueGreen),
    construction: checkTarget(constructionShare, targets.construction),
    blueGreenHeadroomSquareMeters: groupSquareMeters['blue-green'] - targets.blueGreen.target * regionAreaSquareMeters,
    constructionHeadroomSquareMeters: targets.construction.target * regionAreaSquareMeters - groupSquareMeters['urban-construction'],
    parcelsInside,
    parcelsAcrossBoundary,
    parcelsOutside,
  };
}
