/**
 * Keeps the three control lines across reloads: the files as read (Blobs with their names) and the roles the planner
 * gave to layers whose names do not tell (a role, or ignore), in the store `plan-control-lines` / `files`. Restoring
 * sends the files through the control-line reader again (saved data is input too). Never throws.
 */
import { CONTROL_LINE_ROLES, type ControlLineRole } from '../../core/landuse/control-line-names.js';
import { checkSavedFiles, isBlob, isRecord, savedRecord, type SavedFile } from './saved-records.js';

export const CONTROL_LINES_SAVED_VERSION = 1;

export interface SavedControlLines {
  version: number;
  files: SavedFile[];
  roles: Record<string, ControlLineRole | 'ignore'>;
}

/**
 * Checks a stored record; anything unexpected is refused with a reason (never half-used).
 * @returns the record, or a reason
 */
export function validateSavedControlLines(value: unknown, blob: (data: unknown) => boolean = isBlob): SavedControlLines | string {
  if (!isRecord(value)) return 'not an object';
  if (value.version !== CONTROL_LINES_SAVED_VERSION) return `version ${String(value.version)}`;
  const files = checkSavedFiles(value.files, blob);
  if (files !== null) return files;
  if (!isRecord(value.roles)) return 'roles is not an object';
  for (const [layer, role] of Object.entries(value.roles)) {
    if (role !== 'ignore' && !CONTROL_LINE_ROLES.includes(role as ControlLineRole)) return `role ${String(role)} of layer ${layer}`;
  }
  return value as unknown as SavedControlLines;
}

const record = savedRecord<SavedControlLines>('plan-control-lines', 'files', 'lines', validateSavedControlLines);

/** Saves the lines in force (replacing what was saved). */
export const saveControlLines = (lines: Omit<SavedControlLines, 'version'>) => record.save({ version: CONTROL_LINES_SAVED_VERSION, ...lines });
/** The saved lines, null when none, or a detail when they cannot be read (then they are left in place). */
export const loadControlLines = () => record.load();
/** Forgets the saved lines. */
export const clearControlLines = () => record.clear();
