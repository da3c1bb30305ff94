import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { CLASSIFICATION_TABLES, type ClassificationSystem, type LandUseClass, type LandUseGroup } from '../../core/landuse/classes.js';
import { chosenGroup, classKey, UNKNOWN_KEY_PREFIX, type ClassificationCandidate, type ClassificationChoice } from '../../core/landuse/classify-parcels.js';
import { classifyLayer } from '../../core/landuse/classify-layer.js';
import type { CrsDetection } from './crs.js';
import type { EncodingChoice } from './dbf-encoding.js';
import type { LandUseIssue } from './landuse-issues.js';
import type { InputFile } from './collect-files.js';
import { readLandUseFiles, type GeoPackageReader, type LandUseReadOptions, type LandUseReadResult, type LayerQuestion, type ProgressCallback } from './read-landuse-files.js';
import type { DeliveryLayer } from './delivery-layers.js';
import type { LayerPlacement } from './layer-placement.js';
import type { IndicatorParcel } from '../../core/landuse/landuse-indicators.js';
import { checkDeclaredAreas, type DeclaredAreaCheck } from '../../core/landuse/declared-area-check.js';

/** What the user chose for a land-use layer; saved with the layer so a reload reads it the same way. */
export interface LandUseLayerSettings extends LandUseReadOptions {
  /** classification fields and system, when the user overrode detection */
  choice?: ClassificationChoice;
  /**
   * groups the user chose: per class (`system:code`) where the default rule is changed, and per code of no
   * known class (`unknown:<code>`, the code as `normaliseCode` writes it) where such parcels are to count in a
   * group; a code without an entry counts in no group. Settings saved before unknown codes could be grouped
   * simply have no `unknown:` keys.
   */
  groupOverrides?: Record<string, LandUseGroup>;
}

/** One row of the layer's class table: a class present in the layer, or a code of no known class. */
export interface LandUseClassRow {
  /** `system:code`; `unknown:<code>` for a code of no known class; `unclassified` when nothing could be classified */
  key: string;
  landUseClass: LandUseClass | null;
  /** the group the row's parcels count in; null: in no group (a code of no known class the user has not grouped) */
  group: LandUseGroup | null;
  /** parcels of this class in the layer */
  parcelCount: number;
  /** a code of no known class: the code as written (normalised) and the names written beside it, most frequent first */
  unknown?: { code: string; names: string[] };
}

export interface PreparedLandUseLayer {
  name: string;
  featureCount: number;
  recordCount: number;
  fields: string[];
  encoding?: EncodingChoice;
  sampleNames: string[];
  crs: CrsDetection;
  choice: ClassificationChoice | null;
  /** whether `choice` is the user's or the detected one (null when there is no choice) */
  choiceSource: 'user' | 'detected' | null;
  candidates: ClassificationCandidate[];
  classes: LandUseClassRow[];
  /** every layer of the delivery, and the one read (absent for a single file) */
  delivery?: DeliveryLayer[];
  layerId?: string;
  /** the parcels' registered areas (TBMJ, TBDLMJ…) against the computed ones, when the layer has them */
  declaredAreas: DeclaredAreaCheck | null;
  /** parcels carrying a deduction (third survey: field ridges, 田坎, counted as their own class) */
  deductedParcels: number;
  /** where the layer lies against the Start-up Area (its extent, overlap, distance, direction), from the reader */
  placement: LayerPlacement;
  /** the parcels as the indicators use them (stays in the worker; not part of the summary) */
  parcels: IndicatorParcel[];
  /**
   * parcels in WGS84 with `class_key`, `class_code`, `class_name`, `class_system`, `group` (null when not
   * recognised) and `colour` added to their attributes, for drawing and for the indicators
   */
  collection: FeatureCollection<Polygon | MultiPolygon>;
}

export type PreparedLandUseResult = { ok: true; layer: PreparedLandUseLayer; issues: LandUseIssue[] } | { ok: false; issues: LandUseIssue[]; question?: LayerQuestion };

const UNRECOGNISED_COLOUR = '#9E9E9E';
const LISTED = 5;

const systemName = (system: ClassificationSystem): string => CLASSIFICATION_TABLES[system]?.titleEn ?? String(system);

/**
 * Reads a land-use layer and classifies it: the whole import pipeline short of drawing, pure and
 * synchronous (the worker runs it off the main thread). Never throws.
 * @param files - the picked or dropped files
 * @param settings - the user's encoding, coordinate system, classification and group choices
 * @param onProgress - share of the work done (0..1), now and then
 * @param geopackage - the GeoPackage reader, when the files hold a .gpkg (the worker loads sql.js for it)
 */
export function prepareLandUseLayer(files: readonly InputFile[], settings: LandUseLayerSettings = {}, onProgress: ProgressCallback = () => undefined, geopackage?: GeoPackageReader): PreparedLandUseResult {
  const read = readLandUseFiles(files, settings, (fraction, parcels) => onProgress(fraction * 0.9, parcels), geopackage);
  if (!read.ok) return read;
  return classifyLandUseLayer(read, settings);
}

/**
 * Classifies a layer already read (and reprojected): a new classification or grouping of the same files runs
 * only this part. Pure; never throws; `read` is not changed.
 */
export function classifyLandUseLayer(read: Extract<LandUseReadResult, { ok: true }>, settings: LandUseLayerSettings = {}): PreparedLandUseResult {
  const issues = [...read.issues];
  const { layer } = read;
  const classification = classifyLayer(layer.features, layer.fields, settings);
  const rows = new Map<string, LandUseClassRow>();
  const unknownNames = new Map<string, string[]>();
  for (const item of classification.classified?.unknownCodes ?? []) {
    const names = unknownNames.get(item.code) ?? [];
    if (item.name) names.push(item.name);
    unknownNames.set(item.code, names);
  }
  let deductedParcels = 0;
  const features = layer.features.map((feature, index) => {
    const parcel = classification.parcels[index];
    const landUseClass = parcel?.landUseClass ?? null;
    const key = parcel?.key ?? (landUseClass ? classKey(landUseClass) : 'unclassified');
    const unknownCode = !landUseClass && key.startsWith(UNKNOWN_KEY_PREFIX) ? key.slice(UNKNOWN_KEY_PREFIX.length) : null;
    const row = rows.get(key) ?? {
      key, landUseClass, group: parcel?.group ?? null, parcelCount: 0,
      ...(unknownCode !== null ? { unknown: { code: unknownCode, names: unknownNames.get(unknownCode) ?? [] } } : {}),
    };
    row.parcelCount++;
    rows.set(key, row);
    const deduction = parcel?.deduction;
    if (deduction) {
      deductedParcels++;
      const deducted = rows.get(deduction.key) ?? { key: deduction.key, landUseClass: deduction.landUseClass, group: deduction.group, parcelCount: 0 };
      deducted.parcelCount++;
      rows.set(deduction.key, deducted);
    }
    return {
      ...feature,
      properties: {
        ...feature.properties,
        class_key: key,
        class_code: landUseClass?.code ?? null,
        class_name: landUseClass?.name ?? null,
        class_system: landUseClass?.system ?? null,
        group: parcel?.group ?? null,
        colour: landUseClass?.colour ?? UNRECOGNISED_COLOUR,
      },
    };
  });
  const classified = classification.classified;
  if (classification.choiceIgnored) {
    const { system, codeField, nameField } = classification.choiceIgnored;
    issues.push({ code: 'classification-choice-unusable', severity: 'warning', params: { fields: [codeField, nameField].filter(Boolean).join(' / '), system: systemName(system) } });
  }
  if (!classification.choice) {
    issues.push({ code: 'classification-none', severity: 'warning', params: { fields: layer.fields.join(', ') } });
  } else if (classified) {
    const grouped = (code: string) => chosenGroup(settings.groupOverrides, `${UNKNOWN_KEY_PREFIX}${code}`) !== undefined;
    const listed = (items: typeof classified.unknownCodes) => items.slice(0, LISTED).map((item) => `${item.code || '—'} ${item.name}`.trim()).join(', ');
    const ungroupedCodes = classified.unknownCodes.filter((item) => !grouped(item.code));
    const groupedCodes = classified.unknownCodes.filter((item) => grouped(item.code));
    const count = (items: typeof classified.unknownCodes) => items.reduce((sum, item) => sum + item.count, 0);
    if (ungroupedCodes.length > 0) {
      issues.push({ code: 'classification-unknown-codes', severity: 'warning', params: { count: count(ungroupedCodes), codes: listed(ungroupedCodes) } });
    }
    if (groupedCodes.length > 0) {
      issues.push({ code: 'classification-unknown-grouped', severity: 'notice', params: { count: count(groupedCodes), codes: listed(groupedCodes) } });
    }
    if (classified.otherSystemCount > 0) {
      const other = classification.choice.system === 'land-sea-use-2023' ? 'third-survey-2017' : 'land-sea-use-2023';
      issues.push({ code: 'classification-mixed', severity: 'warning', params: { count: classified.otherSystemCount, system: systemName(other), examples: classified.otherSystemExamples.join(', ') } });
    }
    if (classified.nameMismatchCount > 0) {
      issues.push({ code: 'classification-name-mismatch', severity: 'notice', params: { count: classified.nameMismatchCount, examples: classified.nameMismatchExamples.join(', ') } });
    }
  }
  return {
    ok: true,
    issues,
    layer: {
      name: layer.name,
      featureCount: layer.features.length,
      recordCount: layer.recordCount,
      fields: layer.fields,
      ...(layer.encoding ? { encoding: layer.encoding } : {}),
      sampleNames: layer.sampleNames,
      crs: layer.crs,
      choice: classification.choice,
      choiceSource: classification.choiceSource,
      candidates: classification.candidates,
      classes: [...rows.values()].sort((a, b) => b.parcelCount - a.parcelCount),
      ...(layer.delivery ? { delivery: layer.delivery } : {}),
      ...(layer.layerId ? { layerId: layer.layerId } : {}),
      declaredAreas: checkDeclaredAreas(layer.features, layer.fields),
      deductedParcels,
      placement: { extent: layer.extent, overlapsArea: layer.overlapsArea, distanceKm: layer.distanceKm, direction: layer.direction },
      parcels: classification.choice ? classification.parcels : layer.features.map((feature) => ({ geometry: feature.geometry, landUseClass: null, group: null, key: 'unclassified' })),
      collection: { type: 'FeatureCollection', features },
    },
  };
}
