/**
 * A tile archive opened for the basemap (`.pmtiles` read by byte ranges, `.mbtiles` in a worker), as the rest of
 * the app sees it: what its header and metadata say, and its tiles by z/x/y (XYZ, y down). Opening never throws:
 * a file that is not an archive, has no tiles or is too large comes back as a `BasemapIssue`.
 */

/** The tile formats a basemap can draw: raster images or Mapbox Vector Tiles. */
export type TileFormat = 'png' | 'jpg' | 'webp' | 'mvt';

/** A vector layer listed in the archive's `vector_layers` metadata. */
export interface VectorLayerInfo {
  id: string;
  minzoom?: number;
  maxzoom?: number;
}

export interface ArchiveInfo {
  format: 'pmtiles' | 'mbtiles';
  tileFormat: TileFormat;
  /** [west, south, east, north] in degrees; null when neither the metadata nor the tiles say */
  bounds: [number, number, number, number] | null;
  minZoom: number;
  maxZoom: number;
  /** the metadata's `attribution` (untrusted text), null when none */
  attribution: string | null;
  /** the metadata's `name`, null when none */
  name: string | null;
  vectorLayers: VectorLayerInfo[];
}

export interface TileArchive {
  readonly info: ArchiveInfo;
  /** the tile's bytes (vector tiles un-gzipped), null where the archive has none */
  tile(z: number, x: number, y: number, signal?: AbortSignal): Promise<ArrayBuffer | null>;
  /** lets the archive go (an MBTiles database is closed in its worker) */
  close(): void;
}

/** Why a file was not opened as a basemap; `params` fill the message. */
export type BasemapIssue =
  | { code: 'unknown-format'; params: { name: string } }
  | { code: 'pmtiles-magic'; params: { name: string } }
  | { code: 'pmtiles-version'; params: { name: string; version: number } }
  | { code: 'not-sqlite'; params: { name: string } }
  | { code: 'no-tiles-table'; params: { name: string } }
  | { code: 'no-tiles'; params: { name: string } }
  | { code: 'too-large'; params: { name: string; sizeMb: number; limitMb: number } }
  | { code: 'tile-type'; params: { name: string; type: string } }
  | { code: 'outside-area'; params: { name: string; distanceKm: number } }
  | { code: 'unreadable'; params: { name: string; detail: string } }
  | { code: 'sqlite-unavailable'; params: { name: string; detail: string } }
  | { code: 'not-found'; params: { name: string } };

export type OpenArchiveResult = { ok: true; archive: TileArchive } | { ok: false; issue: BasemapIssue };

/** The archive kind a file name says, or null. */
export function archiveKindOf(name: string): 'pmtiles' | 'mbtiles' | null {
  const match = /\.(pmtiles|mbtiles)$/i.exec(name);
  return match ? (match[1]!.toLowerCase() as 'pmtiles' | 'mbtiles') : null;
}

/** Whether dropped files hold a tile archive (a `.pmtiles` or `.mbtiles`). */
export function isBasemapDrop(names: readonly string[]): boolean {
  return names.some((name) => archiveKindOf(name) !== null);
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
