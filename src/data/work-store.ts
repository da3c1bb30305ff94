/**
 * Saves the user's work automatically: settings in localStorage (src/data/persist.ts), imported
 * layers in IndexedDB (big; falls back to localStorage when IndexedDB is unavailable). Never throws;
 * unreadable saved data is kept (moved to a backup key) and returned so the UI can offer it as a download.
 * An imported layer is saved as the Blob of GeoJSON text the import worker wrote, never as objects
 * of the main thread; restoring sends it back through the worker (saved data is input too).
 */
import { keepAsBackup, loadSaved, save } from './persist.ts';

export const SETTINGS_VERSION = 1;
/** 2: `original` is a Blob (IndexedDB) or text (localStorage fallback); 1 (still read): an object. */
export const IMPORTS_VERSION = 2;
/** Imports larger than this in total are not saved automatically (the user is told and can export). */
export const MAX_SAVED_IMPORT_BYTES = 150 * 1024 * 1024;

export interface SavedSettings {
  lang: 'zh' | 'en';
  layerVisibility: Record<string, boolean>;
  layerOpacity: Record<string, number>;
  /** large text and contrast (absent in settings saved before it existed) */
  largeText?: boolean;
}

export interface SavedImport {
  id: string;
  name: string;
  /** GeoJSON text of the validated collection as given */
  original: Blob;
  conversion: 'none' | 'gcj02' | 'bd09';
  visible: boolean;
  countAsBlueGreen: boolean;
  bytes: number;
  importedAt: string;
}

export type StorageProblem = 'quota' | 'unavailable' | 'too-large';
export interface Backup { id: string; label: string; raw: string }

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks saved settings; returns them or what is wrong. */
export function validateSettings(value: unknown): SavedSettings | string {
  if (!isRecord(value)) return 'settings are not an object';
  if (value.lang !== 'zh' && value.lang !== 'en') return 'unknown language';
  const visibility = value.layerVisibility;
  if (!isRecord(visibility) || !Object.values(visibility).every((item) => typeof item === 'boolean')) return 'layer visibility is malformed';
  const opacity = value.layerOpacity;
  if (!isRecord(opacity) || !Object.values(opacity).every((item) => typeof item === 'number' && item >= 0 && item <= 1)) return 'layer opacity is malformed';
  return {
    lang: value.lang, layerVisibility: visibility as Record<string, boolean>, layerOpacity: opacity as Record<string, number>,
    ...(typeof value.largeText === 'boolean' ? { largeText: value.largeText } : {}),
  };
}

/** Checks saved imports (the envelope's value); returns them or what is wrong. */
export function validateImports(value: unknown): SavedImport[] | string {
  if (!Array.isArray(value)) return 'imported layers are not a list';
  for (const [index, item] of value.entries()) {
    if (!isRecord(item)) return `imported layer ${index} is not an object`;
    if (typeof item.id !== 'string' || typeof item.name !== 'string') return `imported layer ${index} has no id or name`;
    const data = item.original;
    const isBlob = typeof Blob !== 'undefined' && data instanceof Blob;
    if (!isBlob && typeof data !== 'string' && !(isRecord(data) && data.type === 'FeatureCollection' && Array.isArray(data.features))) {
      return `imported layer ${index} has no FeatureCollection`;
    }
    if (!['none', 'gcj02', 'bd09'].includes(item.conversion as string)) return `imported layer ${index} has an unknown conversion`;
    if (typeof item.visible !== 'boolean' || typeof item.countAsBlueGreen !== 'boolean') return `imported layer ${index} has malformed flags`;
  }
  // Text (localStorage) and version-1 objects become Blobs; the import worker re-validates them anyway.
  return (value as Record<string, unknown>[]).map((item) => {
    const data = item.original;
    if (typeof Blob !== 'undefined' && data instanceof Blob) return item as unknown as SavedImport;
    return { ...item, original: new Blob([typeof data === 'string' ? data : JSON.stringify(data)], { type: 'application/geo+json' }) } as unknown as SavedImport;
  });
}

/** Reads a loadSaved envelope of version 1 or 2 (version 1 objects are converted by validateImports). */
function loadSavedImports(): ReturnType<typeof loadSaved<SavedImport[]>> {
  const current = loadSaved('imports', IMPORTS_VERSION, validateImports);
  if (current.ok || current.reason !== 'version') return current;
  const old = loadSaved('imports', 1, validateImports);
  return old.ok ? old : current;
}

// ---------------------------------------------------------------- IndexedDB (tiny key-value store)
const DB_NAME = 'jinan-plan';
const STORE = 'work';

function openDb(): Promise<IDBDatabase | undefined> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      if (typeof indexedDB === 'undefined') {
        resolve(undefined);
        return;
      }
      request = indexedDB.open(DB_NAME, 1);
    } catch {
      resolve(undefined);
      return;
    }
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => resolve(undefined);
    request.onblocked = () => resolve(undefined);
  });
}

function idb<T>(db: IDBDatabase, mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest): Promise<{ ok: true; value: T } | { ok: false; error: DOMException | null }> {
  return new Promise((resolve) => {
    try {
      const transaction = db.transaction(STORE, mode);
      const request = run(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve({ ok: true, value: request.result as T });
      transaction.onerror = () => resolve({ ok: false, error: transaction.error ?? request.error });
      transaction.onabort = () => resolve({ ok: false, error: transaction.error ?? request.error });
    } catch (error) {
      resolve({ ok: false, error: error as DOMException });
    }
  });
}

function rawText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export interface LoadedWork {
  settings?: SavedSettings;
  imports: SavedImport[];
  backups: Backup[];
  /** English detail of each problem, for the message list */
  problems: { kind: 'corrupt' | 'version' | 'unavailable'; what: 'settings' | 'imports'; detail: string }[];
}

/** Loads settings and imports; never throws. */
export async function loadWork(): Promise<LoadedWork> {
  const out: LoadedWork = { imports: [], backups: [] , problems: [] };
  const settings = loadSaved('settings', SETTINGS_VERSION, validateSettings);
  if (settings.ok) {
    if (settings.value) out.settings = settings.value;
  } else if (settings.reason === 'unavailable') {
    out.problems.push({ kind: 'unavailable', what: 'settings', detail: settings.message });
  } else {
    out.problems.push({ kind: settings.reason === 'version' ? 'version' : 'corrupt', what: 'settings', detail: settings.message });
    if (settings.raw !== undefined) {
      keepAsBackup('settings', settings.raw);
      out.backups.push({ id: `settings-${Date.now()}`, label: 'settings', raw: settings.raw });
    }
  }

  const db = await openDb();
  if (db) {
    const got = await idb<unknown>(db, 'readonly', (store) => store.get('imports'));
    if (got.ok && got.value !== undefined) {
      const envelope = got.value;
      const problem = !isRecord(envelope) || typeof envelope.version !== 'number' ? 'saved imports have no schema version'
        : envelope.version !== IMPORTS_VERSION && envelope.version !== 1 ? `saved imports have schema version ${String(envelope.version)}; this app reads version ${IMPORTS_VERSION}`
          : undefined;
      const checked = problem ?? validateImports((envelope as { value?: unknown }).value);
      if (typeof checked === 'string') {
        const raw = rawText(envelope);
        // Keep it: move it aside under a backup key instead of deleting it.
        await idb(db, 'readwrite', (store) => store.put(envelope, `backup:imports:${Date.now()}`));
        await idb(db, 'readwrite', (store) => store.delete('imports'));
        out.problems.push({ kind: problem?.includes('version ') ? 'version' : 'corrupt', what: 'imports', detail: checked });
        out.backups.push({ id: `imports-${Date.now()}`, label: 'imports', raw });
      } else {
        out.imports = checked;
      }
    }
    db.close();
  } else {
    const saved = loadSavedImports();
    if (saved.ok) out.imports = saved.value ?? [];
    else if (saved.raw !== undefined) {
      keepAsBackup('imports', saved.raw);
      out.problems.push({ kind: saved.reason === 'version' ? 'version' : 'corrupt', what: 'imports', detail: saved.message });
      out.backups.push({ id: `imports-${Date.now()}`, label: 'imports', raw: saved.raw });
    }
  }
  return out;
}

export function saveSettings(settings: SavedSettings): { ok: true } | { ok: false; problem: StorageProblem; detail: string } {
  const result = save('settings', SETTINGS_VERSION, settings);
  return result.ok ? result : { ok: false, problem: result.reason, detail: result.message };
}

export async function saveImports(imports: SavedImport[]): Promise<{ ok: true } | { ok: false; problem: StorageProblem; detail: string }> {
  const total = imports.reduce((sum, item) => sum + item.bytes, 0);
  if (total > MAX_SAVED_IMPORT_BYTES) return { ok: false, problem: 'too-large', detail: `${Math.round(total / 1048576)} MB` };
  const db = await openDb();
  if (!db) {
    // localStorage holds text only (and little of it: big layers end in a quota message and the export).
    const texts = await Promise.all(imports.map(async (item) => ({ ...item, original: await item.original.text() })));
    const result = save('imports', IMPORTS_VERSION, texts);
    return result.ok ? result : { ok: false, problem: result.reason, detail: result.message };
  }
  const envelope = { version: IMPORTS_VERSION, savedAt: new Date().toISOString(), value: imports };
  const result = await idb(db, 'readwrite', (store) => store.put(envelope, 'imports'));
  db.close();
  if (result.ok) return { ok: true };
  const quota = result.error?.name === 'QuotaExceededError';
  return { ok: false, problem: quota ? 'quota' : 'unavailable', detail: result.error?.message ?? 'IndexedDB write failed' };
}

/**
 * The user's work as one JSON document (the export offered when saving fails). Built as a Blob from parts,
 * so each layer's GeoJSON text is copied in as it is, never parsed on the main thread.
 */
export function exportDocument(settings: SavedSettings, imports: SavedImport[]): Blob {
  const head = JSON.stringify({ app: 'jinan-startup-area-map', version: 1, exportedAt: new Date().toISOString(), settings });
  const parts: BlobPart[] = [`${head.slice(0, -1)},"imports":[`];
  imports.forEach((item, index) => {
    const meta = JSON.stringify({ name: item.name, conversion: item.conversion, visible: item.visible, countAsBlueGreen: item.countAsBlueGreen });
    parts.push(`${index > 0 ? ',' : ''}${meta.slice(0, -1)},"data":`, item.original, '}');
  });
  parts.push(']}');
  return new Blob(parts, { type: 'application/json' });
}
