/** Messages between src/map/blob-tiles.ts and its worker (src/map/blob-tiles.worker.ts). */
export const TILE_EXTENT = 4096;

export type BlobTilesRequest =
  | { type: 'load'; key: string; data: Blob; layer: string; maxZoom: number }
  | { type: 'drop'; key: string }
  | { type: 'tile'; id: number; key: string; z: number; x: number; y: number };

export type BlobTilesResponse =
  | { type: 'loaded'; key: string; ok: true }
  | { type: 'loaded'; key: string; ok: false; error: string }
  | { type: 'tile'; id: number; data: ArrayBuffer | null };
