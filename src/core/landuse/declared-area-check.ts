import { area } from '@turf/area';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { fieldRidgeDeduction } from './field-ridge-deduction.js';

/**
 * Holds the areas a survey registered for its parcels against the areas computed from their outlines: planners
 * compare the figures with their statistics tables, which are sums of the registered areas. In the third land
 * survey TBMJ (图斑面积) is the parcel's area and TBDLMJ (图斑地类面积) its area net of deductions; the 2023
 * land/sea-use deliveries carry TBMJ or MJ / YDMJ.
 */
export interface DeclaredAreaCheck {
  /** the field holding each parcel's registered area */
  field: string;
  /** parcels with a registered area (> 0) */
  parcelCount: number;
  /** sums over those parcels, m² */
  declaredSquareMeters: number;
  computedSquareMeters: number;
  /** the net field (TBDLMJ) and its sum, when the layer has it, beside the computed area net of deductions */
  netField?: string;
  netDeclaredSquareMeters?: number;
  netComputedSquareMeters?: number;
  /** the parcel whose areas differ most (relative), with both areas in m² */
  largest: { id: string | number; declaredSquareMeters: number; computedSquareMeters: number } | null;
}

// Shape_Area is left out: it is in the units of the file's projection (degrees² in a geographic file).
const AREA_FIELDS = ['TBMJ', 'YDMJ', 'MJ'];
const NET_FIELDS = ['TBDLMJ'];

const numberOf = (value: unknown): number | null => {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(number) && number > 0 ? number : null;
};

/**
 * Sums the registered and the computed (geodesic, turf) areas of the parcels that have a registered area, and
 * finds the parcel that differs most. Registered areas are in m² as the survey standards write them.
 * @param features - parcels in WGS84 with their attributes; `id` identifies the record
 * @param fields - the layer's attribute fields
 * @returns null when the layer has no registered-area field
 */
export function checkDeclaredAreas(features: readonly Feature<Polygon | MultiPolygon>[], fields: readonly string[]): DeclaredAreaCheck | null {
  const upper = new Map(fields.map((name) => [name.toUpperCase(), name]));
  const field = AREA_FIELDS.map((name) => upper.get(name)).find((name) => name !== undefined);
  if (!field) return null;
  const netField = NET_FIELDS.map((name) => upper.get(name)).find((name) => name !== undefined);
  const check: DeclaredAreaCheck = { field, parcelCount: 0, declaredSquareMeters: 0, computedSquareMeters: 0, largest: null, ...(netField ? { netField, netDeclaredSquareMeters: 0, netComputedSquareMeters: 0 } : {}) };
  let worst = -1;
  for (const feature of features) {
    const declared = numberOf(feature.properties?.[field]);
    if (declared === null) continue;
    const computed = area(feature);
    check.parcelCount++;
    check.declaredSquareMeters += declared;
    check.computedSquareMeters += computed;
    if (netField) {
      check.netDeclaredSquareMeters! += numberOf(feature.properties?.[netField]) ?? 0;
      check.netComputedSquareMeters! += computed * (1 - (fieldRidgeDeduction(feature.properties ?? {}, 'third-survey-2017')?.fraction ?? 0));
    }
    const difference = Math.abs(computed - declared) / declared;
    if (difference > worst) {
      worst = difference;
      check.largest = { id: feature.id ?? '', declaredSquareMeters: declared, computedSquareMeters: computed };
    }
  }
  return check.parcelCount > 0 ? check : null;
}
