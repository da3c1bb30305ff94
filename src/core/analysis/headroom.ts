import type { RegionFigures } from './types.js';

/** Headroom of a region's figures to the plan's two targets, km². */
export interface Headroom {
  /** blue-green area above (+) or short of (−) the target share of the area inside the boundary */
  readonly blueGreenKm2: number;
  /** urban construction land that still fits under (+) or is over (−) the target share */
  readonly constructionKm2: number;
}

/**
 * How far a region's figures are from the targets, as area: e.g. "4.1 km² of construction land still fits
 * under 30 %". Uses the targets the figures were checked against (`blueGreenTarget`, `constructionTarget`).
 * @param figures - figures of a region (the denominator is its area inside the boundary)
 * @returns headroom in km², positive when the target is met with room to spare
 * @example headroom(whole).constructionKm2 // km² of construction land that still fits under the target
 */
export function headroom(
  figures: Pick<RegionFigures, 'insideAreaKm2' | 'blueGreenKm2' | 'constructionKm2' | 'blueGreenTarget' | 'constructionTarget'>,
): Headroom {
  const limit = (check: { readonly target: number }) => check.target * figures.insideAreaKm2;
  return {
    blueGreenKm2: figures.blueGreenKm2 - limit(figures.blueGreenTarget),
    constructionKm2: limit(figures.constructionTarget) - figures.constructionKm2,
  };
}
