/**
 * The MBTiles worker: opens each `.mbtiles` with sql.js (the whole database in this worker's memory, up to
 * MAX_MBTILES_BYTES) and answers tile requests by z/x/y with the tile's bytes (transferred). The page keeps
 * only the File reference.
 */
import type { Database } from 'sql.js';
import { loadSqlite } from '../landuse/read-geopackage.ts';
import { mbtilesTile, openMbtiles } from './read-mbtiles.ts';
import type { MbtilesRequest, MbtilesResponse } from './mbtiles-protocol.ts';
import { errorText } from './tile-archive.ts';

const databases = new Map<string, Database>();

const post = (message: MbtilesResponse, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(message, transfer);

async function open(id: number, key: string, file: Blob, name: string): Promise<void> {
  const loaded = await loadSqlite();
  if (!loaded.ok) {
    const detail = String((loaded.issues[0]?.params as { detail?: unknown } | undefined)?.detail ?? '');
    post({ type: 'opened', id, answer: { ok: false, issue: { code: 'sqlite-unavailable', params: { name, detail } } } });
    return;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    post({ type: 'opened', id, answer: { ok: false, issue: { code: 'unreadable', params: { name, detail: errorText(error) } } } });
    return;
  }
  const opened = openMbtiles(loaded.sqlite, bytes, name);
  if (opened.ok) {
    databases.set(key, opened.db);
    post({ type: 'opened', id, answer: { ok: true, info: opened.info } });
  } else post({ type: 'opened', id, answer: opened });
}

self.onmessage = (event: MessageEvent<MbtilesRequest>) => {
  const request = event.data;
  if (request.type === 'open') void open(request.id, request.key, request.file, request.name);
  else if (request.type === 'close') {
    databases.get(request.key)?.close();
    databases.delete(request.key);
  } else {
    const db = databases.get(request.key);
    try {
      const tile = db ? mbtilesTile(db, request.z, request.x, request.y) : null;
      const data = tile ? (tile.byteOffset === 0 && tile.byteLength === tile.buffer.byteLength ? tile.buffer as ArrayBuffer : tile.slice().buffer) : null;
      post({ type: 'tile', id: request.id, data }, data ? [data] : []);
    } catch (error) {
      post({ type: 'failed', id: request.id, error: errorText(error) });
    }
  }
};
