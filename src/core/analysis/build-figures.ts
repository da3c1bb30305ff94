import type { PreparedAnalysis } from './prepared-analysis.js';
import { checkTarget } from './target-check.js';
import type { AnalysisIssue, BlueGreenClass, RegionFigures } from './types.js';
import { toHectares, toKm2, toMu } from './units.js';

/** Internal: the raw areas of one region, m². */
export interface RegionAreas {
  readonly areaSquareMeters: number;
  readonly insideSquareMeters: number;
  readonly blueGreenSquareMeters: number;
  readonly constructionSquareMeters: number;
}

/** Internal: turns raw areas into {@link RegionFigures} (units, ratios, targets). */
export function buildFigures(
  prepared: PreparedAnalysis,
  areas: RegionAreas,
  classes: readonly BlueGreenClass[],
  issues: readonly AnalysisIssue[],
): RegionFigures {
  const inside = areas.insideSquareMeters;
  // A share is undefined for a region with (numerically) no area inside the boundary.
  const hasInside = inside > 1e-6;
  const blueGreenRatio = hasInside ? Math.min(1, areas.blueGreenSquareMeters / inside) : null;
  const constructionRatio = hasInside ? Math.min(1, areas.constructionSquareMeters / inside) : null;
  return {
    areaKm2: toKm2(areas.areaSquareMeters),
    areaHa: toHectares(areas.areaSquareMeters),
    areaMu: toMu(areas.areaSquareMeters),
    insideAreaKm2: toKm2(inside),
    blueGreenKm2: toKm2(areas.blueGreenSquareMeters),
    blueGreenRatio,
    constructionKm2: toKm2(areas.constructionSquareMeters),
    constructionRatio,
    // These layers map only part of every region (farmland, villages and towns are not mapped) and how much
    // they leave out is not known: the shares are lower bounds of what is drawn and never decide a target.
    blueGreenTarget: checkTarget(blueGreenRatio, prepared.targets.blueGreen, null),
    constructionTarget: checkTarget(constructionRatio, prepared.targets.construction, null),
    classes: [...classes],
    issues: [...issues],
  };
}
