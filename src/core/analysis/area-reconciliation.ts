import type { AreaReconciliation } from './types.js';

/**
 * The comparison of a computed area with the official one (difference in km² and in percent of the
 * official area; 0 % when the official area is 0).
 * @param computedKm2 - the area computed from the outline, km²
 * @param officialKm2 - the official area, km²
 * @returns both areas and their difference
 * @example areaReconciliation(802, 798).differencePercent // ≈ 0.501
 */
export function areaReconciliation(computedKm2: number, officialKm2: number): AreaReconciliation {
  return {
    computedKm2,
    officialKm2,
    differenceKm2: computedKm2 - officialKm2,
    differencePercent: officialKm2 === 0 ? 0 : ((computedKm2 - officialKm2) / officialKm2) * 100,
  };
}
