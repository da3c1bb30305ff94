/**
 * Plan images saved on this device: each image's Blob with its placement, in IndexedDB (a store of its own,
 * `plan-images` / `files`, through idb-keyval). Never throws: a browser without IndexedDB, a full disk or a
 * record this version cannot read comes back as a result.
 */
import { createStore, del, entries, set, type UseStore } from 'idb-keyval';
import type { Corners } from './world-file.ts';

export const PLAN_IMAGE_RECORD_VERSION = 1;

/** One saved image. */
export interface SavedPlanImage {
  id: string;
  name: string;
  image: Blob;
  corners: Corners;
  opacity: number;
  position: 'above' | 'below';
  visible: boolean;
  placement: 'world-file' | 'manual';
  /** the system its world file was read in (for a world-file placement) */
  crsLabel: string | null;
}

/** Whether this browser offers IndexedDB (a private window or a locked-down profile may not). */
function indexedDbAvailable(): boolean {
  try {
    return typeof globalThis.indexedDB?.open === 'function';
  } catch {
    return false;
  }
}

const UNAVAILABLE = 'browser storage (IndexedDB) is not available';

let store: UseStore | undefined;
function planImageStore(): UseStore {
  store ??= createStore('plan-images', 'files');
  return store;
}

const isCorners = (value: unknown): value is Corners => Array.isArray(value) && value.length === 4
  && value.every((corner) => Array.isArray(corner) && corner.length === 2 && corner.every((n) => typeof n === 'number' && Number.isFinite(n)));

/** The record as saved, or null when it is not one this version reads. */
function validRecord(value: unknown): SavedPlanImage | null {
  if (!value || typeof value !== 'object') return null;
  const record = value as Record<string, unknown>;
  if (record.version !== PLAN_IMAGE_RECORD_VERSION) return null;
  const { id, name, image, corners, opacity, position, visible, placement, crsLabel } = record;
  if (typeof id !== 'string' || typeof name !== 'string' || !(image instanceof Blob) || !isCorners(corners)) return null;
  if (typeof opacity !== 'number' || !(opacity >= 0 && opacity <= 1) || (position !== 'above' && position !== 'below')) return null;
  if (typeof visible !== 'boolean' || (placement !== 'world-file' && placement !== 'manual')) return null;
  return { id, name, image, corners, opacity, position, visible, placement, crsLabel: typeof crsLabel === 'string' ? crsLabel : null };
}

export type StoreResult = { ok: true } | { ok: false; message: string };

/** Saves (or replaces) one image. */
export async function savePlanImage(image: SavedPlanImage): Promise<StoreResult> {
  if (!indexedDbAvailable()) return { ok: false, message: UNAVAILABLE };
  try {
    await set(image.id, { version: PLAN_IMAGE_RECORD_VERSION, ...image }, planImageStore());
    return { ok: true };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** Forgets one image. */
export async function deleteSavedPlanImage(id: string): Promise<StoreResult> {
  if (!indexedDbAvailable()) return { ok: true };
  try {
    await del(id, planImageStore());
    return { ok: true };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Every saved image this version reads, and how many records it could not (they are kept, not deleted). Without
 * IndexedDB nothing can have been saved: no images (saving then says why it cannot).
 */
export async function loadSavedPlanImages(): Promise<{ ok: true; images: SavedPlanImage[]; unreadable: number } | { ok: false; message: string }> {
  if (!indexedDbAvailable()) return { ok: true, images: [], unreadable: 0 };
  try {
    const all = await entries(planImageStore());
    const images: SavedPlanImage[] = [];
    let unreadable = 0;
    for (const [, value] of all) {
      const record = validRecord(value);
      if (record) images.push(record);
      else unreadable += 1;
    }
    return { ok: true, images, unreadable };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
