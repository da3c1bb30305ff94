import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import { CLASSIFICATION_SYSTEMS, type LandUseGroup } from './classes.js';
import {
  chosenGroup, classifyParcels, classKey, detectClassification, groupOf, unknownKey,
  type ClassificationCandidate, type ClassificationChoice, type ClassifiedParcels,
} from './classify-parcels.js';
import type { IndicatorParcel } from './landuse-indicators.js';
import { fieldRidgeDeduction } from './field-ridge-deduction.js';

export interface LayerClassification {
  /** the fields and system used: the user's choice, else the best detected */
  choice: ClassificationChoice | null;
  /** where `choice` comes from: the user's choice, or detection (null when there is no choice) */
  choiceSource: 'user' | 'detected' | null;
  /** the user's choice when it could not be used (a field the layer does not have): detection was used instead */
  choiceIgnored: ClassificationChoice | null;
  /** every detected candidate, best first, for the override menu */
  candidates: ClassificationCandidate[];
  classified: ClassifiedParcels | null;
  /**
   * parcels ready for `landUseIndicators` (empty when nothing could be classified); each with its `key`:
   * `system:code` for a class, `unknown:<code>` for a code of no known class
   */
  parcels: IndicatorParcel[];
}

/** The user's choice if the layer has its fields and the system is one of the two; else undefined. */
function usableChoice(choice: ClassificationChoice | undefined, fields: readonly string[]): ClassificationChoice | undefined {
  if (!choice || !CLASSIFICATION_SYSTEMS.includes(choice.system)) return undefined;
  if (typeof choice.codeField !== 'string' || !fields.includes(choice.codeField)) return undefined;
  if (choice.nameField !== undefined && (typeof choice.nameField !== 'string' || !fields.includes(choice.nameField))) return undefined;
  return { system: choice.system, codeField: choice.codeField, ...(choice.nameField ? { nameField: choice.nameField } : {}) };
}

/**
 * Detects the classification of a land-use layer (or takes the user's choice), classifies every parcel and
 * applies the user's groups: per class (`system:code`), and per code of no known class (`unknown:<code>`,
 * see `unknownKey`; such a parcel counts in no group unless the user gave its code one). Never throws.
 * @param features - parcels with attribute properties (WGS84 polygons)
 * @param fields - attribute field names
 * @param options - `choice` to override detection (ignored, and reported in `choiceIgnored`, when the layer
 *   lacks its fields), `groupOverrides` keyed `system:code` or `unknown:<code>`
 * @example classifyLayer(features, fields, { groupOverrides: { 'unknown:Z1': 'urban-construction' } })
 */
export function classifyLayer(
  features: readonly { geometry: Geometry | null; properties: Readonly<Record<string, unknown>> | null }[],
  fields: readonly string[],
  options: { choice?: ClassificationChoice; groupOverrides?: Readonly<Record<string, LandUseGroup>> } = {},
): LayerClassification {
  const records = features.map((feature) => feature.properties ?? {});
  const candidates = detectClassification(fields, records);
  const chosen = usableChoice(options.choice, fields);
  const choiceIgnored = options.choice && !chosen ? options.choice : null;
  const detected = candidates[0];
  const choice = chosen ?? (detected ? { system: detected.system, codeField: detected.codeField, ...(detected.nameField ? { nameField: detected.nameField } : {}) } : null);
  if (!choice) return { choice: null, choiceSource: null, choiceIgnored, candidates, classified: null, parcels: [] };
  const classified = classifyParcels(records, choice);
  const parcels: IndicatorParcel[] = [];
  features.forEach((feature, index) => {
    const geometry = feature.geometry;
    if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) return;
    const landUseClass = classified.classes[index];
    const key = landUseClass ? classKey(landUseClass) : unknownKey(records[index][choice.codeField]);
    const deduction = landUseClass ? fieldRidgeDeduction(records[index], choice.system) : null;
    parcels.push({
      geometry: geometry as Polygon | MultiPolygon,
      landUseClass,
      group: landUseClass ? groupOf(landUseClass, options.groupOverrides, records[index]) : (chosenGroup(options.groupOverrides, key) ?? null),
      key,
      ...(deduction ? {
        deduction: { ...deduction, group: groupOf(deduction.landUseClass, options.groupOverrides), key: classKey(deduction.landUseClass) },
      } : {}),
    });
  });
  return { choice, choiceSource: chosen ? 'user' : 'detected', choiceIgnored, candidates, classified, parcels };
}
