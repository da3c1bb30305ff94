/**
 * `.mbtiles` basemaps through the MBTiles worker (./mbtiles.worker.ts): the page passes the File by reference,
 * the worker holds the database and answers each tile. One worker serves every open MBTiles; it stops when the
 * last one is closed. Files over MAX_MBTILES_BYTES are refused before anything is read.
 */
import { workerRequests, type WorkerRequests } from '../requests/index.ts';
import type { MbtilesOpenAnswer, MbtilesRequest, MbtilesResponse } from './mbtiles-protocol.ts';
import { MAX_MBTILES_BYTES } from './read-mbtiles.ts';
import { startMbtilesWorker } from './start-mbtiles-worker.ts';
import type { OpenArchiveResult } from './tile-archive.ts';
import { errorText } from './tile-archive.ts';

type Body = { type: 'open'; key: string; file: Blob; name: string } | { type: 'tile'; key: string; z: number; x: number; y: number };

interface Server { worker: Worker; requests: WorkerRequests<Body>; open: Set<string> }

let server: Server | undefined;
let nextKey = 1;

function start(): Server {
  const worker = startMbtilesWorker();
  const requests = workerRequests<Body>(worker, {
    label: 'mbtiles',
    message: (id, body) => ({ ...body, id }) satisfies MbtilesRequest,
    answer: (message: MbtilesResponse) => {
      if (message.type === 'failed') return { id: message.id, error: message.error };
      return { id: message.id, value: message.type === 'opened' ? message.answer : message.data };
    },
  });
  return { worker, requests, open: new Set() };
}

function release(current: Server, key: string): void {
  if (!current.open.delete(key)) return;
  if (current.open.size === 0 && server === current) {
    current.requests.terminate();
    server = undefined;
  } else current.worker.postMessage({ type: 'close', key } satisfies MbtilesRequest);
}

/** Opens an `.mbtiles` File (or Blob) in the worker. */
export async function openMbtilesFile(file: Blob, name: string): Promise<OpenArchiveResult> {
  if (file.size > MAX_MBTILES_BYTES) {
    return { ok: false, issue: { code: 'too-large', params: { name, sizeMb: Math.ceil(file.size / 1048576), limitMb: MAX_MBTILES_BYTES / 1048576 } } };
  }
  const current = server ?? (server = start());
  const key = `m${nextKey++}`;
  current.open.add(key);
  let answer: MbtilesOpenAnswer;
  try {
    answer = await current.requests.request<MbtilesOpenAnswer>({ type: 'open', key, file, name });
  } catch (error) {
    release(current, key);
    return { ok: false, issue: { code: 'unreadable', params: { name, detail: errorText(error) } } };
  }
  if (!answer.ok) {
    release(current, key);
    return answer;
  }
  return {
    ok: true,
    archive: {
      info: answer.info,
      tile: (z, x, y, signal) => current.requests.request<ArrayBuffer | null>({ type: 'tile', key, z, x, y }, { signal }),
      close: () => release(current, key),
    },
  };
}
