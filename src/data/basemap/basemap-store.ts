/**
 * The basemap remembered on this device: the File itself in IndexedDB (stored and restored as a File by the
 * browser; the page never reads it whole, before or after), with its opacity and
 * visibility, in the app's own store `plan-basemap` / `files` (idb-keyval). Never throws: storage that is
 * unavailable (private mode) or full comes back as `ok: false` with the browser's reason.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';

const KEY = 'basemap';
const VERSION = 1;

export interface SavedBasemap {
  version: typeof VERSION;
  file: Blob;
  name: string;
  opacity: number;
  visible: boolean;
  savedAt: string;
}

let store: UseStore | undefined;

function basemapStore(): UseStore {
  store ??= createStore('plan-basemap', 'files');
  return store;
}

const reason = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

export async function saveBasemap(saved: Omit<SavedBasemap, 'version' | 'savedAt'>): Promise<{ ok: true } | { ok: false; detail: string }> {
  try {
    await set(KEY, { ...saved, version: VERSION, savedAt: new Date().toISOString() } satisfies SavedBasemap, basemapStore());
    return { ok: true };
  } catch (error) {
    return { ok: false, detail: reason(error) };
  }
}

/** The remembered basemap; null when none (or storage is unavailable, or the record is not one of ours). */
export async function loadBasemap(): Promise<SavedBasemap | null> {
  try {
    const saved = await get<SavedBasemap>(KEY, basemapStore());
    if (!saved || saved.version !== VERSION || !(saved.file instanceof Blob) || typeof saved.name !== 'string') return null;
    return saved;
  } catch {
    return null;
  }
}

export async function forgetBasemap(): Promise<void> {
  try {
    await del(KEY, basemapStore());
  } catch {
    // nothing stored, or storage unavailable: nothing to forget
  }
}
