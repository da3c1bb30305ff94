/**
 * Page expressions over the app's idb-keyval stores (a database `database` with one object store `files`): whether a
 * key is saved, and putting a record there (to test what the app does with saved data it cannot use).
 */
/** Whether the app's store `database` / `files` holds `key` (never creates the database when it is not there). */
export const savedIn = (database: string, key: string) => `(async () => {
  if (!(await indexedDB.databases()).some((item) => item.name === '${database}')) return false;
  return new Promise((done) => { const request = indexedDB.open('${database}'); request.onsuccess = () => { const db = request.result;
    if (!db.objectStoreNames.contains('files')) { db.close(); done(false); return; }
    const get = db.transaction('files').objectStore('files').get('${key}'); get.onsuccess = () => { db.close(); done(get.result !== undefined); }; }; });
})()`;

/** Puts `value` under `key` in the app's store `database` / `files` (as idb-keyval lays it out). */
export const putIn = (database: string, key: string, value: string) => `new Promise((done, fail) => { const request = indexedDB.open('${database}');
  request.onupgradeneeded = () => request.result.createObjectStore('files');
  request.onsuccess = () => { const db = request.result; const put = db.transaction('files', 'readwrite'); put.objectStore('files').put(${value}, '${key}');
    put.oncomplete = () => { db.close(); done(true); }; put.onerror = () => fail(put.error); }; })`;
