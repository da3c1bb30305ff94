/**
 * Keeps the second land-use state (现状 or 规划) across reloads, once the planner gave it a role: its files (Blobs
 * with their names), its reading settings, its role and the level of the transition matrix, with the names and sizes
 * of the first layer's files it was paired with (a saved state never goes with another first layer), in the store
 * `plan-landuse-second` / `files`. Restoring reads the files in the land-use worker again. Never throws.
 */
import type { TransitionLevel } from '../../core/landuse/transition-matrix.js';
import type { LandUseLayerSettings } from './prepare-landuse-layer.js';
import { checkLandUseSettings } from './landuse-saved.js';
import { checkSavedFiles, isBlob, isRecord, savedRecord, type SavedFile } from './saved-records.js';

export const SECOND_STATE_SAVED_VERSION = 1;
const ROLES = ['current', 'plan'] as const;
const LEVELS: readonly TransitionLevel[] = ['group', 'first-level'];

/** The first layer's files as names and sizes (what a restored layer can be matched by). */
export type FirstLayerFiles = { name: string; size: number }[];

export interface SavedSecondState {
  version: number;
  files: SavedFile[];
  settings: LandUseLayerSettings;
  role: (typeof ROLES)[number];
  level: TransitionLevel;
  first: FirstLayerFiles;
}

/** Whether `files` are the first layer a saved state was paired with. */
export const sameFirstLayer = (saved: FirstLayerFiles, files: readonly { name: string; size: number }[]): boolean =>
  saved.length === files.length && saved.every((file, index) => file.name === files[index].name && file.size === files[index].size);

/**
 * Checks a stored record; anything unexpected is refused with a reason (never half-used).
 * @returns the record, or a reason
 */
export function validateSavedSecondState(value: unknown, blob: (data: unknown) => boolean = isBlob): SavedSecondState | string {
  if (!isRecord(value)) return 'not an object';
  if (value.version !== SECOND_STATE_SAVED_VERSION) return `version ${String(value.version)}`;
  const files = checkSavedFiles(value.files, blob);
  if (files !== null) return files;
  const settings = checkLandUseSettings(value.settings);
  if (settings !== null) return settings;
  if (!ROLES.includes(value.role as never)) return `role ${String(value.role)}`;
  if (!LEVELS.includes(value.level as TransitionLevel)) return `level ${String(value.level)}`;
  if (!Array.isArray(value.first) || value.first.length === 0
    || !value.first.every((file) => isRecord(file) && typeof file.name === 'string' && typeof file.size === 'number' && file.size >= 0)) return 'first layer files';
  return value as unknown as SavedSecondState;
}

const record = savedRecord<SavedSecondState>('plan-landuse-second', 'files', 'second', validateSavedSecondState);

/** Saves the second state (replacing what was saved). */
export const saveSecondState = (second: Omit<SavedSecondState, 'version'>) => record.save({ version: SECOND_STATE_SAVED_VERSION, ...second });
/** The saved second state, null when none, or a detail when it cannot be read (then it is left in place). */
export const loadSecondState = () => record.load();
/** Forgets the saved second state. */
export const clearSecondState = () => record.clear();
