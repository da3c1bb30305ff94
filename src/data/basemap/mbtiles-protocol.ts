/** Messages between the page (./open-mbtiles.ts) and the MBTiles worker (./mbtiles.worker.ts). */
import type { ArchiveInfo, BasemapIssue } from './tile-archive.ts';

export type MbtilesRequest =
  | { type: 'open'; id: number; key: string; file: Blob; name: string }
  | { type: 'tile'; id: number; key: string; z: number; x: number; y: number }
  | { type: 'close'; key: string };

export type MbtilesOpenAnswer = { ok: true; info: ArchiveInfo } | { ok: false; issue: BasemapIssue };

export type MbtilesResponse =
  | { type: 'opened'; id: number; answer: MbtilesOpenAnswer }
  | { type: 'tile'; id: number; data: ArrayBuffer | null }
  | { type: 'failed'; id: number; error: string };
