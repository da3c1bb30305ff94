/**
 * Vector tiles of a GeoJSON Blob, cut in a worker (./blob-tiles.worker.ts) and handed to MapLibre through the
 * `plan-tiles://` protocol. Use it for layers too large for a GeoJSON source: MapLibre loads a GeoJSON source
 * from a blob: URL through the main thread (it fetches, parses and serialises the whole file there) and
 * sends the parsed data back to the main thread once indexed, each a long task for tens of thousands of
 * polygons. Here the page only passes the Blob (by reference) and each tile's bytes (transferred).
 * One worker serves every tiled Blob; it stops when the last one is disposed.
 */
import { addProtocol, removeProtocol, type GetResourceResponse, type RequestParameters } from 'maplibre-gl';
import type { BlobTilesRequest, BlobTilesResponse } from './blob-tiles-protocol.ts';
import { startBlobTilesWorker } from './start-blob-tiles-worker.ts';
import { workerRequests, type WorkerRequests } from '../data/requests/index.ts';

type TileBody = Omit<Extract<BlobTilesRequest, { type: 'tile' }>, 'id'>;

export const TILES_PROTOCOL = 'plan-tiles';

export interface BlobTiles {
  /** the `tiles` of a vector source */
  tiles: string[];
  /** whether the Blob was read and indexed (false: not GeoJSON, or the worker stopped) */
  ready: Promise<boolean>;
  dispose(): void;
}

interface Server {
  worker: Worker;
  loads: Map<string, { ready: Promise<boolean>; settle: (ok: boolean) => void }>;
  /** tile requests by id (abortable by MapLibre: a tile scrolled away is not waited for) */
  tiles: WorkerRequests<TileBody>;
}

let server: Server | undefined;
let nextKey = 1;

const EMPTY_TILE = (): GetResourceResponse<ArrayBuffer> => ({ data: new ArrayBuffer(0) });

function stop(current: Server): void {
  current.tiles.terminate();
  for (const load of current.loads.values()) load.settle(false);
  removeProtocol(TILES_PROTOCOL);
  if (server === current) server = undefined;
}

/**
 * `plan-tiles://<key>/<z>/<x>/<y>` → the tile's bytes (an empty tile when the layer is gone). MapLibre's
 * AbortController cancels a tile it no longer needs: the request rejects at once and its answer is dropped.
 */
async function loadTile(request: RequestParameters, abort: AbortController): Promise<GetResourceResponse<ArrayBuffer>> {
  const match = /^plan-tiles:\/\/([^/]+)\/(\d+)\/(\d+)\/(\d+)$/.exec(request.url);
  const current = server;
  const load = match ? current?.loads.get(match[1]!) : undefined;
  if (!match || !current || !load || !(await load.ready) || server !== current) return EMPTY_TILE();
  const body: TileBody = { type: 'tile', key: match[1]!, z: Number(match[2]), x: Number(match[3]), y: Number(match[4]) };
  let data: ArrayBuffer | null;
  try {
    data = await current.tiles.request<ArrayBuffer | null>(body, { signal: abort.signal });
  } catch (error) {
    if (abort.signal.aborted) throw error;
    return EMPTY_TILE(); // the worker stopped: the layer is gone
  }
  return data ? { data } : EMPTY_TILE();
}

function start(): Server {
  const worker = startBlobTilesWorker();
  const loads: Server['loads'] = new Map();
  const tiles = workerRequests<TileBody>(worker, {
    label: 'tiles',
    message: (id, body) => ({ ...body, id }) satisfies BlobTilesRequest,
    answer: (message: BlobTilesResponse) => {
      if (message.type === 'loaded') {
        loads.get(message.key)?.settle(message.ok);
        return undefined;
      }
      return { id: message.id, value: message.data };
    },
  });
  const started: Server = { worker, loads, tiles };
  worker.addEventListener('error', () => stop(started));
  addProtocol(TILES_PROTOCOL, loadTile);
  return started;
}

/** Tiles of `data` (GeoJSON text) with their features in the tile layer `layer`, cut up to `maxZoom`. */
export function tileBlob(data: Blob, layer: string, maxZoom = 14): BlobTiles {
  const current = server ?? (server = start());
  const key = `t${nextKey++}`;
  let settle: (ok: boolean) => void = () => undefined;
  const ready = new Promise<boolean>((resolve) => {
    settle = resolve;
  });
  current.loads.set(key, { ready, settle });
  const message: BlobTilesRequest = { type: 'load', key, data, layer, maxZoom };
  current.worker.postMessage(message);
  return {
    tiles: [`${TILES_PROTOCOL}://${key}/{z}/{x}/{y}`],
    ready,
    dispose() {
      if (!current.loads.delete(key) || server !== current) return;
      settle(false);
      if (current.loads.size === 0) stop(current);
      else current.worker.postMessage({ type: 'drop', key } satisfies BlobTilesRequest);
    },
  };
}
