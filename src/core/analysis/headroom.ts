import type { RegionFigures } from './types.js';

/** Headroom of a region's figures to the plan's two targets, km²; null where the basis does not decide the target. */
export interface Headroom {
  /** blue-green area above (+) or short of (−) the target share of the area inside the boundary */
  readonly blueGreenKm2: number | null;
  /** urban construction land that still fits under (+) or is over (−) the target share */
  readonly constructionKm2: number | null;
}

/**
 * How far a region's figures are from the targets, as area: e.g. "4.1 km² of construction land still fits
 * under 30 %". It is the guaranteed margin of the target checks (`blueGreenTarget`, `constructionTarget`) as
 * area, so it exists only where the check decides: null for an undecided target (on the map's schematic layers,
 * or where a land-use layer leaves too much of the region unclassified to decide), never a guess.
 * @param figures - figures of a region (the denominator is its area inside the boundary)
 * @returns headroom in km², positive when the target is met with room to spare; null when undecided
 * @example headroom(whole).constructionKm2 // km² of construction land that still fits under the target, or null
 */
export function headroom(
  figures: Pick<RegionFigures, 'insideAreaKm2' | 'blueGreenTarget' | 'constructionTarget'>,
): Headroom {
  const area = (check: { readonly marginPoints: number | null }) => (check.marginPoints === null ? null : (check.marginPoints / 100) * figures.insideAreaKm2);
  return {
    blueGreenKm2: area(figures.blueGreenTarget),
    constructionKm2: area(figures.constructionTarget),
  };
}
