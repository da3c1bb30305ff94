import { buildFigures } from './build-figures.js';
import { blueGreenLayer, normalizeClasses } from './class-set.js';
import type { PreparedAnalysis } from './prepared-analysis.js';
import type { AreaReconciliation, BlueGreenClass, RegionFigures } from './types.js';
import { BLUE_GREEN_CLASSES } from './types.js';
import { toKm2 } from './units.js';
import { areaReconciliation } from './area-reconciliation.js';

/** Figures of the whole Start-up Area, with the area reconciliation and each class on its own. */
export interface WholeAreaFigures extends RegionFigures {
  /** Computed boundary area beside the official figure. */
  readonly reconciliation: AreaReconciliation;
  /**
   * Each class's own area inside the boundary, km² (overlaps between classes appear in both). Absent on a
   * land-use basis, whose classes are in `landUse.classes`.
   */
  readonly classAreasKm2?: Readonly<Record<BlueGreenClass, number>>;
}

/**
 * Figures of the whole Start-up Area. After preparation this is a lookup of precomputed sums
 * (the first call for a new class set unions the per-class pieces once).
 * @param prepared - from `prepareAnalysis`
 * @param options - which blue-green classes count (default: the prepared default set)
 * @returns whole-area figures (the region is the boundary itself, so areaKm2 = insideAreaKm2)
 * @example wholeAreaFigures(prepared, { classes: ['water', 'wetland', 'forest', 'park'] }).blueGreenTarget.pass
 */
export function wholeAreaFigures(
  prepared: PreparedAnalysis,
  options: { readonly classes?: readonly (BlueGreenClass | string)[] } = {},
): WholeAreaFigures {
  const classes = normalizeClasses(options.classes ?? prepared.defaultClasses);
  const areaSquareMeters = prepared.boundary.totalSquareMeters;
  const figures = buildFigures(
    prepared,
    {
      areaSquareMeters,
      insideSquareMeters: areaSquareMeters,
      blueGreenSquareMeters: blueGreenLayer(prepared, classes).totalSquareMeters,
      constructionSquareMeters: prepared.construction.totalSquareMeters,
    },
    classes,
    [],
  );
  const computedKm2 = toKm2(areaSquareMeters);
  const official = prepared.officialAreaKm2;
  const classAreasKm2 = Object.fromEntries(
    BLUE_GREEN_CLASSES.map((name) => [name, toKm2(prepared.classLayers.get(name)?.totalSquareMeters ?? 0)]),
  ) as Record<BlueGreenClass, number>;
  return {
    ...figures,
    reconciliation: areaReconciliation(computedKm2, official),
    classAreasKm2,
  };
}
