/**
 * Keeps the planner's land-use layer across reloads: the files as picked (Blobs, in IndexedDB) with the
 * user's reading, classification and grouping choices (groups per class `system:code` and per code of no
 * known class `unknown:<code>`, both in `groupOverrides`; settings saved before the latter existed simply have
 * none) and whether the layer is the basis of the figures. Restoring sends
 * the files through the land-use worker again (saved data is input too). Never throws: failures are
 * results with a detail.
 */
import { ATTRIBUTE_ENCODINGS } from './dbf-encoding.js';
import { CLASSIFICATION_SYSTEMS, LAND_USE_GROUPS, type LandUseGroup } from '../../core/landuse/classes.js';
import type { LandUseLayerSettings } from './prepare-landuse-layer.js';

export const LAND_USE_SAVED_VERSION = 1;
const DATABASE = 'plan-landuse';
const STORE = 'layer';
const KEY = 'current';

export interface SavedLandUse {
  version: number;
  files: { name: string; data: Blob }[];
  settings: LandUseLayerSettings;
  inUse: boolean;
}

export type SavedLandUseResult = { ok: true; value: SavedLandUse | null } | { ok: false; detail: string };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks a stored record; anything unexpected is refused with a reason (never half-used).
 * @returns the record, or a reason
 */
export function validateSavedLandUse(value: unknown, isBlob: (data: unknown) => boolean = (data) => data instanceof Blob): SavedLandUse | string {
  if (!isObject(value)) return 'not an object';
  if (value.version !== LAND_USE_SAVED_VERSION) return `version ${String(value.version)}`;
  if (!Array.isArray(value.files) || value.files.length === 0) return 'no files';
  for (const file of value.files) {
    if (!isObject(file) || typeof file.name !== 'string' || !isBlob(file.data)) return 'a file is not readable';
  }
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
  if (!isObject(settings)) return 'settings is not an object';
  if (settings.encoding !== undefined && !ATTRIBUTE_ENCODINGS.includes(settings.encoding as never)) return `encoding ${String(settings.encoding)}`;
  if (settings.crsId !== undefined && typeof settings.crsId !== 'string') return 'crsId is not text';
  if (settings.layer !== undefined && typeof settings.layer !== 'string') return 'layer is not text';
  if (settings.acceptInferredCrs !== undefined && typeof settings.acceptInferredCrs !== 'boolean') return 'acceptInferredCrs is not a boolean';
  if (settings.choice !== undefined) {
    const choice = settings.choice;
    if (!isObject(choice) || !CLASSIFICATION_SYSTEMS.includes(choice.system as never) || typeof choice.codeField !== 'string'
      || (choice.nameField !== undefined && typeof choice.nameField !== 'string')) return 'classification choice';
  }
  if (settings.groupOverrides !== undefined) {
    if (!isObject(settings.groupOverrides)) return 'group overrides';
    for (const group of Object.values(settings.groupOverrides)) if (!LAND_USE_GROUPS.includes(group as LandUseGroup)) return `group ${String(group)}`;
  }
  return null;
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new Error('IndexedDB is not available'));
      return;
    }
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
  });
}

async function transact<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const database = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = database.transaction(STORE, mode);
      const request = run(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error ?? request.error ?? new Error('IndexedDB transaction failed'));
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
    });
  } finally {
    database.close();
  }
}

/** Saves the layer's files and choices (replacing what was saved). */
export async function saveLandUse(saved: Omit<SavedLandUse, 'version'>): Promise<{ ok: true } | { ok: false; detail: string }> {
  try {
    await transact('readwrite', (store) => store.put({ version: LAND_USE_SAVED_VERSION, ...saved }, KEY));
    return { ok: true };
  } catch (error) {
    return { ok: false, detail: String((error as Error)?.message ?? error) };
  }
}

/** The saved layer, null when there is none, or a detail when it cannot be read (then it is left in place). */
export async function loadLandUse(): Promise<SavedLandUseResult> {
  try {
    const value = await transact<unknown>('readonly', (store) => store.get(KEY));
    if (value === undefined) return { ok: true, value: null };
    const checked = validateSavedLandUse(value);
    return typeof checked === 'string' ? { ok: false, detail: checked } : { ok: true, value: checked };
  } catch (error) {
    return { ok: false, detail: String((error as Error)?.message ?? error) };
  }
}

/** Forgets the saved layer. */
export async function clearLandUse(): Promise<{ ok: true } | { ok: false; detail: string }> {
  try {
    await transact('readwrite', (store) => store.delete(KEY));
    return { ok: true };
  } catch (error) {
    return { ok: false, detail: String((error as Error)?.message ?? error) };
  }
}
