/**
 * The basemap's tiles for MapLibre: every open tile archive (src/data/basemap/: PMTiles by byte ranges, MBTiles
 * in its worker) is registered here under its key and served through one protocol, `plan-basemap://<key>/{z}/{x}/{y}`
 * (`addProtocol`, added with the first archive and removed with the last). Every map of the page (the main map,
 * compare's second map, the PNG export) draws the same archive from it. MapLibre's AbortController cancels a tile
 * it no longer needs. A key no longer registered answers with no tile.
 */
import { addProtocol, removeProtocol, type GetResourceResponse, type RequestParameters } from 'maplibre-gl';
import type { TileArchive } from '../data/basemap/tile-archive.ts';
import { BASEMAP_PROTOCOL } from './scene/basemap-ids.ts';

const archives = new Map<string, TileArchive>();
let nextKey = 1;

const URL_PATTERN = new RegExp(`^${BASEMAP_PROTOCOL}://([^/]+)/(\\d+)/(\\d+)/(\\d+)$`);

async function loadTile(request: RequestParameters, abort: AbortController): Promise<GetResourceResponse<ArrayBuffer | null>> {
  const match = URL_PATTERN.exec(request.url);
  const archive = match ? archives.get(match[1]!) : undefined;
  if (!match || !archive) return { data: archive?.info.tileFormat === 'mvt' ? new ArrayBuffer(0) : null };
  const data = await archive.tile(Number(match[2]), Number(match[3]), Number(match[4]), abort.signal);
  abort.signal.throwIfAborted();
  // a vector tile the archive lacks is an empty tile; a missing raster tile is no image
  return { data: data ?? (archive.info.tileFormat === 'mvt' ? new ArrayBuffer(0) : null) };
}

/** Registers `archive` for every map of the page. @returns its key */
export function registerBasemapArchive(archive: TileArchive): string {
  if (archives.size === 0) addProtocol(BASEMAP_PROTOCOL, loadTile as Parameters<typeof addProtocol>[1]);
  const key = `b${nextKey++}`;
  archives.set(key, archive);
  return key;
}

/** Lets the archive under `key` go (closed; its tiles answer empty from now on). */
export function releaseBasemapArchive(key: string): void {
  const archive = archives.get(key);
  if (!archive) return;
  archives.delete(key);
  archive.close();
  if (archives.size === 0) removeProtocol(BASEMAP_PROTOCOL);
}
