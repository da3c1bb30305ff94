import { area } from '@turf/area';
import { bboxClip } from '@turf/bbox-clip';
import { bbox } from '@turf/bbox';
import { intersect } from '@turf/intersect';
import { featureCollection } from '@turf/helpers';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { checkTarget, DEFAULT_TARGETS } from '../analysis/target-check.js';
import { toHectares, toKm2, toMu } from '../analysis/units.js';
import { validateUserPolygon } from '../analysis/validate-user-polygon.js';
import type { AnalysisIssue, FiguresResult, LandUseCoverage, RegionFigures, TargetDefinition } from '../analysis/types.js';
import { landUseIndicators, type LandUseIndicators, type PreparedLandUseParcels } from './landuse-indicators.js';
import { landUseStructure } from './structure-table.js';
import { CONFLICT_KINDS, controlLineConflicts, type PreparedConflicts } from './control-lines.js';

type Region = Feature<Polygon | MultiPolygon>;
type Targets = { readonly blueGreen: TargetDefinition; readonly construction: TargetDefinition };

/** Whether `piece` (a polygon cut to `box`) is the whole box: one ring, no hole, its shoelace area the box's. */
function isBox(piece: Region, [minX, minY, maxX, maxY]: readonly number[]): boolean {
  if (piece.geometry.type !== 'Polygon' || piece.geometry.coordinates.length !== 1) return false;
  const ring = piece.geometry.coordinates[0];
  let twice = 0;
  for (let i = 0; i + 1 < ring.length; i++) twice += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  const boxArea = (maxX - minX) * (maxY - minY);
  return Math.abs(Math.abs(twice / 2) - boxArea) <= boxArea * 1e-12;
}

/** The part of a region inside the boundary (the boundary first cut to the region's box, so a small region is cheap). */
function insideBoundary(region: Region, boundary: Region): Region | null {
  const [minX, minY, maxX, maxY] = bbox(region);
  const margin = 1e-6;
  const piece = bboxClip(boundary, [minX - margin, minY - margin, maxX + margin, maxY + margin]) as Region;
  if (piece.geometry.coordinates.length === 0) return null;
  // the region's box wholly inside the boundary: the region is too, and needs no clipping
  if (isBox(piece, [minX - margin, minY - margin, maxX + margin, maxY + margin])) return region;
  return intersect(featureCollection<Polygon | MultiPolygon>([region, piece])) as Region | null;
}

/** The land-use layer's answer for a region as the figures every panel shows (shares of the area inside the boundary). */
export function figuresFromIndicators(indicators: LandUseIndicators | null, drawnSquareMeters: number, issues: readonly AnalysisIssue[]): RegionFigures {
  const inside = indicators?.regionAreaSquareMeters ?? 0;
  const blueGreen = indicators?.groupSquareMeters['blue-green'] ?? 0;
  const construction = indicators?.groupSquareMeters['urban-construction'] ?? 0;
  const blueGreenRatio = indicators && inside > 1e-6 ? indicators.blueGreenShare : null;
  const constructionRatio = indicators && inside > 1e-6 ? indicators.constructionShare : null;
  const landUse: LandUseCoverage = {
    coveredKm2: toKm2(indicators?.coveredSquareMeters ?? 0),
    notCoveredKm2: toKm2(indicators?.notCoveredSquareMeters ?? 0),
    otherKm2: toKm2(indicators?.groupSquareMeters.other ?? 0),
    unclassifiedKm2: toKm2(indicators?.groupSquareMeters.unclassified ?? 0),
    overlapSuspected: indicators?.overlapSuspected ?? false,
    classes: (indicators?.classes ?? []).map((item) => ({
      key: item.key,
      code: item.landUseClass?.code ?? null,
      nameZh: item.landUseClass?.name ?? null,
      nameEn: item.landUseClass?.nameEn ?? null,
      group: item.group,
      areaKm2: toKm2(item.areaSquareMeters),
      parcelCount: item.parcelCount,
    })),
    ...(indicators ? { structure: landUseStructure({
      regionAreaSquareMeters: inside,
      notCoveredSquareMeters: indicators.notCoveredSquareMeters,
      overlapSuspected: indicators.overlapSuspected,
      classes: indicators.classes,
    }) } : {}),
  };
  return {
    areaKm2: toKm2(drawnSquareMeters),
    areaHa: toHectares(drawnSquareMeters),
    areaMu: toMu(drawnSquareMeters),
    insideAreaKm2: toKm2(inside),
    blueGreenKm2: toKm2(blueGreen),
    blueGreenRatio,
    constructionKm2: toKm2(construction),
    constructionRatio,
    blueGreenTarget: indicators?.blueGreen ?? checkTarget(null, DEFAULT_TARGETS.blueGreen),
    constructionTarget: indicators?.construction ?? checkTarget(null, DEFAULT_TARGETS.construction),
    classes: [],
    issues: [...issues],
    landUse,
  };
}

/** A region with no area inside the boundary: no conflicting land where a line is loaded, unknown where not. */
function noConflicts(conflicts: PreparedConflicts): Record<(typeof CONFLICT_KINDS)[number], number | null> {
  const entries = CONFLICT_KINDS.map((kind) => [kind, conflicts.pieces[kind] ? 0 : null] as const);
  return Object.fromEntries(entries) as Record<(typeof CONFLICT_KINDS)[number], number | null>;
}

/**
 * Blue-green and construction figures of any region (a cluster, a subdistrict, a study polygon, a what-if
 * outline) from a land-use layer, in the same shape the schematic analysis gives, so every panel shows either.
 * The region is validated like any user polygon (a bad one gives `ok: false` with the reasons, never an
 * exception) and cut to the Start-up Area boundary: shares are of the area inside, and the area there that no
 * parcel covers is reported (`landUse.notCoveredKm2`), never assumed to be any group.
 * @param prepared - parcels prepared once with prepareLandUseParcels
 * @param region - Feature / Polygon / MultiPolygon in WGS84
 * @param boundary - the Start-up Area outline; null when the region is the boundary itself
 * @param conflicts - the control lines cut into the parcels (prepareControlLineConflicts), when loaded: the figures
 *   then carry the three conflict figures of the part of the region inside the boundary (`landUse.conflicts`)
 * @example landUseRegionFigures(prepared, clusterFeature, boundary).figures?.constructionRatio
 */
export function landUseRegionFigures(prepared: PreparedLandUseParcels, region: unknown, boundary: Region | null, targets: Targets = DEFAULT_TARGETS, conflicts?: PreparedConflicts): FiguresResult {
  const validation = validateUserPolygon(region);
  if (!validation.ok) return { ok: false, issues: validation.issues };
  const polygons = validation.polygons.map((polygon) => polygon.map((ring) => [...ring]));
  const feature: Region = {
    type: 'Feature', properties: {},
    geometry: polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons },
  };
  const drawn = area(feature);
  const issues: AnalysisIssue[] = [...validation.issues];
  let inside: Region | null = feature;
  if (boundary) {
    try {
      inside = insideBoundary(feature, boundary);
    } catch (error) {
      return { ok: false, issues: [...issues, { reason: 'clip-failed', severity: 'error', message: `Could not cut the region to the boundary: ${(error as Error).message}` }] };
    }
    const insideArea = inside ? area(inside) : 0;
    if (insideArea <= 1e-6 * Math.max(1, drawn)) {
      inside = null;
      issues.push({ reason: 'outside-boundary', severity: 'warning', message: 'The region lies outside the Start-up Area; it has no figures.' });
    } else if (insideArea < drawn * (1 - 1e-6)) {
      issues.push({ reason: 'partly-outside-boundary', severity: 'warning', message: 'The region extends outside the Start-up Area; ratios use the part inside.' });
    }
  }
  const plain = figuresFromIndicators(inside ? landUseIndicators(prepared, inside, targets) : null, drawn, issues);
  const figures = conflicts && plain.landUse ? { ...plain, landUse: { ...plain.landUse, conflicts: inside ? controlLineConflicts(conflicts, inside) : noConflicts(conflicts) } } : plain;
  return { ok: true, figures, issues: figures.issues };
}
