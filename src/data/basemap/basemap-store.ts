/**
 * The basemap remembered on this device: the File itself in IndexedDB (stored and restored as a File by the
 * browser; the page never reads it whole, before or after), with its opacity and
 * visibility, in the app's own store `plan-basemap` / `files` (idb-keyval). Never throws: storage that is
 * unavailable (private mode) or full comes back as `ok: false` with the browser's reason.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';

const KEY = 'basemap';
/** opacity and visibility, kept apart so that a change never writes the file again */
const SETTINGS_KEY = 'basemap-settings';
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
    await del(SETTINGS_KEY, basemapStore());
    return { ok: true };
  } catch (error) {
    return { ok: false, detail: reason(error) };
  }
}

/** Saves the remembered basemap's opacity and visibility (the file is not written again). */
export async function saveBasemapSettings(settings: { name: string; opacity: number; visible: boolean }): Promise<void> {
  try {
    await set(SETTINGS_KEY, settings, basemapStore());
  } catch {
    // storage unavailable: the settings last for this visit
  }
}

/** The remembered basemap; null when none (or storage is unavailable, or the record is not one of ours). */
export async function loadBasemap(): Promise<SavedBasemap | null> {
  try {
    const saved = await get<SavedBasemap>(KEY, basemapStore());
    if (!saved || saved.version !== VERSION || !(saved.file instanceof Blob) || typeof saved.name !== 'string') return null;
    const settings = await get<{ name?: unknown; opacity?: unknown; visible?: unknown }>(SETTINGS_KEY, basemapStore());
    if (settings?.name !== saved.name) return saved;
    return {
      ...saved,
      opacity: typeof settings.opacity === 'number' ? settings.opacity : saved.opacity,
      visible: typeof settings.visible === 'boolean' ? settings.visible : saved.visible,
    };
  } catch {
    return null;
  }
}

export async function forgetBasemap(): Promise<void> {
  try {
    await del(KEY, basemapStore());
    await del(SETTINGS_KEY, basemapStore());
  } catch {
    // nothing stored, or storage unavailable: nothing to forget
  }
}
