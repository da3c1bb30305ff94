/** Square metres in one 亩 (mu): 10000 / 15 ≈ 666.667 m². */
export const SQUARE_METERS_PER_MU = 10000 / 15;

/**
 * Square metres to square kilometres.
 * @param squareMeters - area in m²
 * @returns area in km²
 * @example toKm2(2_500_000) // 2.5
 */
export function toKm2(squareMeters: number): number {
  return squareMeters / 1e6;
}

/**
 * Square metres to hectares.
 * @param squareMeters - area in m²
 * @returns area in ha
 */
export function toHectares(squareMeters: number): number {
  return squareMeters / 1e4;
}

/**
 * Square metres to 亩 (mu), 1 mu = 10000/15 m².
 * @param squareMeters - area in m²
 * @returns area in mu
 * @example toMu(10_000) // 15
 */
export function toMu(squareMeters: number): number {
  return squareMeters / SQUARE_METERS_PER_MU;
}

/**
 * Square kilometres to square metres.
 * @param squareKilometers - area in km²
 * @returns area in m²
 */
export function km2ToSquareMeters(squareKilometers: number): number {
  return squareKilometers * 1e6;
}
