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
  tiles: Map<number, (data: ArrayBuffer | null) => void>;
}

let server: Server | undefined;
let nextKey = 1;
let nextTile = 1;

const EMPTY_TILE = (): GetResourceResponse<ArrayBuffer> => ({ data: new ArrayBuffer(0) });

function stop(current: Server): void {
  current.worker.terminate();
  for (const load of current.loads.values()) load.settle(false);
  for (const answer of current.tiles.values()) answer(null);
  removeProtocol(TILES_PROTOCOL);
  if (server === current) server = undefined;
}

/** `plan-tiles://<key>/<z>/<x>/<y>` → the tile's bytes (an empty tile when the layer is gone). */
async function loadTile(request: RequestParameters): Promise<GetResourceResponse<ArrayBuffer>> {
  const match = /^plan-tiles:\/\/([^/]+)\/(\d+)\/(\d+)\/(\d+)$/.exec(request.url);
  const current = server;
  const load = match ? current?.loads.get(match[1]!) : undefined;
  if (!match || !current || !load || !(await load.ready) || server !== current) return EMPTY_TILE();
  const id = nextTile++;
  const data = await new Promise<ArrayBuffer | null>((resolve) => {
    current.tiles.set(id, resolve);
    const message: BlobTilesRequest = { type: 'tile', id, key: match[1]!, z: Number(match[2]), x: Number(match[3]), y: Number(match[4]) };
    current.worker.postMessage(message);
  });
  return data ? { data } : EMPTY_TILE();
}

function start(): Server {
  const worker = startBlobTilesWorker();
  const started: Server = { worker, loads: new Map(), tiles: new Map() };
  worker.onmessage = (event: MessageEvent<BlobTilesResponse>) => {
    const message = event.data;
    if (message.type === 'loaded') started.loads.get(message.key)?.settle(message.ok);
    else {
      started.tiles.get(message.id)?.(message.data);
      started.tiles.delete(message.id);
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    stop(started);
  };
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
