/**
 * Cuts GeoJSON layers into Mapbox Vector Tiles off the main thread (src/map/blob-tiles.ts). A layer arrives
 * as a Blob of GeoJSON text: it is read, parsed and indexed here (geojson-vt, as MapLibre's own worker does),
 * and each tile MapLibre asks for is encoded here and sent back as bytes (transferred, not copied), so the
 * page never holds, parses, serialises or receives the parcels themselves.
 */
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { BlobTilesRequest, BlobTilesResponse } from './blob-tiles-protocol.ts';
import { TILE_EXTENT } from './blob-tiles-protocol.ts';

const indexes = new Map<string, { index: GeoJSONVT; layer: string }>();

const post = (message: BlobTilesResponse, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(message, transfer);

async function load(key: string, data: Blob, layer: string, maxZoom: number): Promise<void> {
  try {
    const geojson = JSON.parse(await data.text()) as GeoJSON.GeoJSON;
    // tolerance 12 of 4096 ≈ 1.5 px of a 512 px tile (MapLibre's own GeoJSON sources simplify by 0.375 px by default)
    indexes.set(key, { index: new GeoJSONVT(geojson, { maxZoom, extent: TILE_EXTENT, tolerance: 12, buffer: 128 }), layer });
    post({ type: 'loaded', key, ok: true });
  } catch (error) {
    post({ type: 'loaded', key, ok: false, error: String((error as Error).message ?? error) });
  }
}

self.onmessage = (event: MessageEvent<BlobTilesRequest>) => {
  const request = event.data;
  if (request.type === 'load') void load(request.key, request.data, request.layer, request.maxZoom);
  else if (request.type === 'drop') indexes.delete(request.key);
  else {
    const entry = indexes.get(request.key);
    const tile = entry?.index.getTile(request.z, request.x, request.y);
    if (!entry || !tile) {
      post({ type: 'tile', id: request.id, data: null });
      return;
    }
    const bytes = fromGeojsonVt({ [entry.layer]: tile }, { version: 2, extent: TILE_EXTENT });
    const data = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer as ArrayBuffer : bytes.slice().buffer;
    post({ type: 'tile', id: request.id, data }, [data]);
  }
};
