/**
 * Keeps the planner's land-use layer across reloads: the files as picked (Blobs, in IndexedDB) with the
 * user's reading, classification and grouping choices (groups per class `system:code` and per code of no
 * known class `unknown:<code>`, both in `groupOverrides`; settings saved before the latter existed simply have
 * none) and whether the layer is the basis of the figures. Restoring sends
 * the files through the land-use worker again (saved data is input too). Stored with idb-keyval in
 * `plan-landuse` / `layer` (as ./saved-records.ts keeps every saved record). Never throws: failures are results
 * with a detail.
 */
import { ATTRIBUTE_ENCODINGS } from './dbf-encoding.js';
import { CLASSIFICATION_SYSTEMS, LAND_USE_GROUPS, type LandUseGroup } from '../../core/landuse/classes.js';
import type { LandUseLayerSettings } from './prepare-landuse-layer.js';
import { checkSavedFiles, isBlob, isRecord, savedRecord, type Saved, type SavedFile, type Written } from './saved-records.js';

export const LAND_USE_SAVED_VERSION = 1;
const DATABASE = 'plan-landuse';
const STORE = 'layer';
const KEY = 'current';

export interface SavedLandUse {
  version: number;
  files: SavedFile[];
  settings: LandUseLayerSettings;
  inUse: boolean;
}

export type SavedLandUseResult = Saved<SavedLandUse>;

/**
 * Checks a stored record; anything unexpected is refused with a reason (never half-used).
 * @returns the record, or a reason
 */
export function validateSavedLandUse(value: unknown, blob: (data: unknown) => boolean = isBlob): SavedLandUse | string {
  if (!isRecord(value)) return 'not an object';
  if (value.version !== LAND_USE_SAVED_VERSION) return `version ${String(value.version)}`;
  const files = checkSavedFiles(value.files, blob);
  if (files !== null) return files;
  if (typeof value.inUse !== 'boolean') return 'inUse is not a boolean';
  const settings = checkLandUseSettings(value.settings);
  if (settings !== null) return settings;
  return value as unknown as SavedLandUse;
}

/**
 * Checks saved reading, classification and grouping choices (also those of a saved second state).
 * @returns null when they can be used, else the reason
 */
export function checkLandUseSettings(settings: unknown): string | null {
  if (!isRecord(settings)) return 'settings is not an object';
  if (settings.encoding !== undefined && !ATTRIBUTE_ENCODINGS.includes(settings.encoding as never)) return `encoding ${String(settings.encoding)}`;
  if (settings.crsId !== undefined && typeof settings.crsId !== 'string') return 'crsId is not text';
  if (settings.layer !== undefined && typeof settings.layer !== 'string') return 'layer is not text';
  if (settings.acceptInferredCrs !== undefined && typeof settings.acceptInferredCrs !== 'boolean') return 'acceptInferredCrs is not a boolean';
  if (settings.choice !== undefined) {
    const choice = settings.choice;
    if (!isRecord(choice) || !CLASSIFICATION_SYSTEMS.includes(choice.system as never) || typeof choice.codeField !== 'string'
      || (choice.nameField !== undefined && typeof choice.nameField !== 'string')) return 'classification choice';
  }
  if (settings.groupOverrides !== undefined) {
    if (!isRecord(settings.groupOverrides)) return 'group overrides';
    for (const group of Object.values(settings.groupOverrides)) if (!LAND_USE_GROUPS.includes(group as LandUseGroup)) return `group ${String(group)}`;
  }
  return null;
}

const record = savedRecord<SavedLandUse>(DATABASE, STORE, KEY, validateSavedLandUse);

/** Saves the layer's files and choices (replacing what was saved). */
export const saveLandUse = (saved: Omit<SavedLandUse, 'version'>): Promise<Written> => record.save({ version: LAND_USE_SAVED_VERSION, ...saved });

/** The saved layer, null when there is none, or a detail when it cannot be read (then it is left in place). */
export const loadLandUse = (): Promise<SavedLandUseResult> => record.load();

/** Forgets the saved layer. */
export const clearLandUse = (): Promise<Written> => record.clear();
