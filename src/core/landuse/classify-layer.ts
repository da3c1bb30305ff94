import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import type { LandUseGroup } from './classes.js';
import { classifyParcels, detectClassification, groupOf, type ClassificationCandidate, type ClassificationChoice, type ClassifiedParcels } from './classify-parcels.js';
import type { IndicatorParcel } from './landuse-indicators.js';

export interface LayerClassification {
  /** the fields and system used: the user's choice, else the best detected */
  choice: ClassificationChoice | null;
  /** every detected candidate, best first, for the override menu */
  candidates: ClassificationCandidate[];
  classified: ClassifiedParcels | null;
  /** parcels ready for `landUseIndicators` (empty when nothing could be classified) */
  parcels: IndicatorParcel[];
}

/**
 * Detects the classification of a land-use layer (or takes the user's choice), classifies every parcel and
 * applies the user's group changes per class.
 * @param features - parcels with attribute properties (WGS84 polygons)
 * @param fields - attribute field names
 * @param options - `choice` to override detection, `groupOverrides` keyed `system:code`
 */
export function classifyLayer(
  features: readonly { geometry: Geometry | null; properties: Readonly<Record<string, unknown>> | null }[],
  fields: readonly string[],
  options: { choice?: ClassificationChoice; groupOverrides?: Readonly<Record<string, LandUseGroup>> } = {},
): LayerClassification {
  const records = features.map((feature) => feature.properties ?? {});
  const candidates = detectClassification(fields, records);
  const choice = options.choice ?? candidates[0] ?? null;
  if (!choice) return { choice: null, candidates, classified: null, parcels: [] };
  const { system, codeField, nameField } = choice;
  const classified = classifyParcels(records, { system, codeField, ...(nameField ? { nameField } : {}) });
  const parcels: IndicatorParcel[] = [];
  features.forEach((feature, index) => {
    const geometry = feature.geometry;
    if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) return;
    const landUseClass = classified.classes[index];
    parcels.push({
      geometry: geometry as Polygon | MultiPolygon,
      landUseClass,
      group: landUseClass ? groupOf(landUseClass, options.groupOverrides, records[index]) : null,
    });
  });
  return { choice: { system, codeField, ...(nameField ? { nameField } : {}) }, candidates, classified, parcels };
}
