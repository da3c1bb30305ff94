/**
 * Versioned storage of the user's work in localStorage. Never throws and never deletes data it cannot
 * read: a corrupt or newer-version record is reported with its raw text so the UI can offer it as a
 * download before anything overwrites it.
 */
const PREFIX = 'jinan-plan:';

export type LoadResult<T> =
  | { ok: true; value: T | undefined }
  | { ok: false; reason: 'corrupt' | 'version' | 'invalid' | 'unavailable'; message: string; raw?: string };

export type SaveResult = { ok: true } | { ok: false; reason: 'quota' | 'unavailable'; message: string };

interface Envelope {
  version: number;
  savedAt: string;
  value: unknown;
}

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads `key`. `validate` returns the typed value or a message saying what is wrong with it.
 * @param version the schema version the caller understands
 */
export function loadSaved<T>(key: string, version: number, validate: (value: unknown) => T | string): LoadResult<T> {
  const store = storage();
  if (!store) return { ok: false, reason: 'unavailable', message: 'browser storage is not available' };
  let raw: string | null;
  try {
    raw = store.getItem(PREFIX + key);
  } catch (error) {
    return { ok: false, reason: 'unavailable', message: (error as Error).message };
  }
  if (raw === null) return { ok: true, value: undefined };
  let envelope: Envelope;
  try {
    envelope = JSON.parse(raw) as Envelope;
  } catch (error) {
    return { ok: false, reason: 'corrupt', message: `saved "${key}" is not valid JSON (${(error as Error).message})`, raw };
  }
  if (typeof envelope !== 'object' || envelope === null || typeof envelope.version !== 'number') {
    return { ok: false, reason: 'corrupt', message: `saved "${key}" has no schema version`, raw };
  }
  if (envelope.version !== version) {
    return { ok: false, reason: 'version', message: `saved "${key}" has schema version ${envelope.version}; this app reads version ${version}`, raw };
  }
  const checked = validate(envelope.value);
  if (typeof checked === 'string') return { ok: false, reason: 'invalid', message: `saved "${key}": ${checked}`, raw };
  return { ok: true, value: checked };
}

/** Writes `value` under `key` with its schema version. Quota and private-mode failures are returned. */
export function save(key: string, version: number, value: unknown): SaveResult {
  const store = storage();
  if (!store) return { ok: false, reason: 'unavailable', message: 'browser storage is not available' };
  const envelope: Envelope = { version, savedAt: new Date().toISOString(), value };
  try {
    store.setItem(PREFIX + key, JSON.stringify(envelope));
    return { ok: true };
  } catch (error) {
    const name = (error as DOMException).name;
    const quota = name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
    return { ok: false, reason: quota ? 'quota' : 'unavailable', message: (error as Error).message };
  }
}

/** Moves an unreadable record aside (kept, under a backup key) so new saves do not overwrite it. */
export function keepAsBackup(key: string, raw: string): string | undefined {
  const store = storage();
  if (!store) return undefined;
  const backupKey = `${PREFIX}backup:${key}:${Date.now()}`;
  try {
    store.setItem(backupKey, raw);
    store.removeItem(PREFIX + key);
    return backupKey;
  } catch {
    return undefined;
  }
}
