/**
 * What the saved control lines and the saved second land-use state share: the files as read (Blobs with their
 * names), checked before use, and an idb-keyval store of their own per record. Never throws: failures are results
 * with the browser's reason.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';

export type SavedFile = { name: string; data: Blob };
/** `storage`: IndexedDB itself failed (unavailable in private mode, or broken), rather than the record being unusable. */
export type Saved<T> = { ok: true; value: T | null } | { ok: false; detail: string; storage: boolean };
export type Written = { ok: true } | { ok: false; detail: string };

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
export const isBlob = (data: unknown): boolean => data instanceof Blob;

/** Null when `files` is a non-empty list of named Blobs, else the reason. */
export function checkSavedFiles(files: unknown, blob: (data: unknown) => boolean): string | null {
  if (!Array.isArray(files) || files.length === 0) return 'no files';
  for (const file of files) if (!isRecord(file) || typeof file.name !== 'string' || file.name === '' || !blob(file.data)) return 'a file is not readable';
  return null;
}

/** Files as saved, for the readers again. */
export const filesOf = (files: readonly SavedFile[]): File[] => files.map(({ name, data }) => new File([data], name));
/** The names and sizes of saved files. */
export const savedFileSizes = (files: readonly SavedFile[]): { name: string; size: number }[] => files.map(({ name, data }) => ({ name, size: data.size }));
/** Files for saving (a File is a Blob: stored as it is). */
export const savedFiles = (files: readonly File[]): SavedFile[] => files.map((file) => ({ name: file.name, data: file }));

const reason = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/** One saved record under `key` in store `database` / `name`, checked by `check` when read. */
export function savedRecord<T>(database: string, name: string, key: string, check: (value: unknown) => T | string) {
  let store: UseStore | undefined;
  const open = () => (store ??= createStore(database, name));
  // one operation at a time, in the order asked: a removal asked after a write is never undone by it
  let last: Promise<unknown> = Promise.resolve();
  const queued = <R>(operation: () => Promise<R>): Promise<R> => {
    const next = last.then(operation, operation);
    last = next.catch(() => undefined);
    return next;
  };
  const attempt = async (operation: () => Promise<void>): Promise<Written> => {
    try {
      await operation();
      return { ok: true };
    } catch (error) {
      return { ok: false, detail: reason(error) };
    }
  };
  return {
    save: (value: T): Promise<Written> => queued(() => attempt(() => set(key, value, open()))),
    /** null when nothing is saved; a detail when it cannot be read or is not one of ours (then it is left in place) */
    load: (): Promise<Saved<T>> => queued(async () => {
      try {
        const value = await get<unknown>(key, open());
        if (value === undefined) return { ok: true, value: null };
        const checked = check(value);
        return typeof checked === 'string' ? { ok: false, detail: checked, storage: false } : { ok: true, value: checked };
      } catch (error) {
        return { ok: false, detail: reason(error), storage: true };
      }
    }),
    clear: (): Promise<Written> => queued(() => attempt(() => del(key, open()))),
  };
}
