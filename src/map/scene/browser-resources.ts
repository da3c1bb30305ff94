/**
 * The page's Blob resources for scenes, shared by every map that draws the same Blob (the main map, compare's
 * second map, an export): one object URL per Blob (a data: URL on a file:// page, where a fetch of a blob: URL is refused) and one
 * tile cache per parcels Blob (../blob-tiles.ts), each released when its last map lets it go. So the second map
 * and an export draw the land-use parcels from the tiles already cut, and no object URL outlives its layers.
 */
import { tileBlob, type BlobTiles } from '../blob-tiles.ts';
import type { SceneResources } from './apply-scene.ts';

interface Shared<T> { value: T; count: number }

const urls = new Map<Blob, Shared<{ url: string; read: Promise<string> | undefined }>>();
const tiles = new Map<Blob, Shared<BlobTiles>>();

function opaqueOrigin(): boolean {
  return typeof location !== 'undefined' && location.protocol === 'file:';
}

function readAsDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('could not read the layer'));
    reader.readAsDataURL(blob);
  });
}

export const browserResources: SceneResources = {
  acquireUrl(blob, later) {
    let shared = urls.get(blob);
    if (!shared) {
      shared = opaqueOrigin()
        ? { value: { url: '', read: readAsDataUrl(blob) }, count: 0 }
        : { value: { url: URL.createObjectURL(blob), read: undefined }, count: 0 };
      urls.set(blob, shared);
    }
    shared.count += 1;
    shared.value.read?.then(later, () => undefined);
    return shared.value.url;
  },
  releaseUrl(blob) {
    const shared = urls.get(blob);
    if (!shared || --shared.count > 0) return;
    urls.delete(blob);
    if (shared.value.url) URL.revokeObjectURL(shared.value.url);
  },
  acquireTiles(blob, layer, maxzoom) {
    let shared = tiles.get(blob);
    if (!shared) {
      shared = { value: tileBlob(blob, layer, maxzoom), count: 0 };
      tiles.set(blob, shared);
    }
    shared.count += 1;
    return shared.value.tiles;
  },
  releaseTiles(blob) {
    const shared = tiles.get(blob);
    if (!shared || --shared.count > 0) return;
    tiles.delete(blob);
    shared.value.dispose();
  },
};
