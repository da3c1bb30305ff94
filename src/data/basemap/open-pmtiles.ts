/**
 * PMTiles (v3) basemaps, read with the `pmtiles` library by byte ranges: from a File or Blob on this device
 * (`Blob.slice`, never the whole file) or from the deployer's archive beside index.html (HTTP range requests to
 * the app's own origin). The header gives the tile type, zooms and bounds; the JSON metadata the attribution,
 * name and vector layers. Never throws: a file that is not a PMTiles archive comes back as an issue.
 */
import { FetchSource, PMTiles, TileType, type RangeResponse, type Source } from 'pmtiles';
import type { ArchiveInfo, BasemapIssue, OpenArchiveResult, TileFormat, VectorLayerInfo } from './tile-archive.ts';
import { errorText } from './tile-archive.ts';
import { validBounds } from './placement.ts';

const MAGIC = 'PMTiles';

const FORMATS: Partial<Record<TileType, TileFormat>> = {
  [TileType.Mvt]: 'mvt', [TileType.Png]: 'png', [TileType.Jpeg]: 'jpg', [TileType.Webp]: 'webp',
};
const TYPE_NAMES: Record<number, string> = { [TileType.Unknown]: 'unknown', [TileType.Avif]: 'AVIF', [TileType.Mlt]: 'MapLibre Tiles (MLT)' };

let nextKey = 1;

/** A PMTiles source over a Blob: each read is a `slice` of it (the file is never read whole). */
export class BlobSource implements Source {
  private readonly key = `blob-${nextKey++}`;
  constructor(private readonly blob: Blob) {}
  getKey(): string {
    return this.key;
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    return { data: await this.blob.slice(offset, offset + length).arrayBuffer() };
  }
}

/** The metadata's `vector_layers` as plain records (ids that are not strings left out). */
export function vectorLayersOf(metadata: unknown): VectorLayerInfo[] {
  const list = (metadata as { vector_layers?: unknown } | null)?.vector_layers;
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry: unknown) => {
    const { id, minzoom, maxzoom } = (entry ?? {}) as { id?: unknown; minzoom?: unknown; maxzoom?: unknown };
    if (typeof id !== 'string' || !id) return [];
    return [{ id, ...(typeof minzoom === 'number' ? { minzoom } : {}), ...(typeof maxzoom === 'number' ? { maxzoom } : {}) }];
  });
}

/** A metadata text field, or null. */
export function textOf(metadata: unknown, field: string): string | null {
  const value = (metadata as Record<string, unknown> | null)?.[field];
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

async function magicOf(source: Source): Promise<{ magic: string; version: number }> {
  const head = new Uint8Array((await source.getBytes(0, 8)).data);
  return { magic: String.fromCharCode(...head.subarray(0, 7)), version: head[7] ?? 0 };
}

/**
 * Opens a PMTiles archive from `source`. The header and metadata are read (a few KB); tiles are read one
 * range each when asked for.
 * @param name - the file's name, for the messages
 */
export async function openPmtilesSource(source: Source, name: string): Promise<OpenArchiveResult> {
  const fail = (issue: BasemapIssue): OpenArchiveResult => ({ ok: false, issue });
  try {
    const { magic, version } = await magicOf(source);
    if (magic !== MAGIC) return fail({ code: 'pmtiles-magic', params: { name } });
    if (version !== 3) return fail({ code: 'pmtiles-version', params: { name, version } });
    const archive = new PMTiles(source);
    const header = await archive.getHeader();
    const tileFormat = FORMATS[header.tileType];
    if (!tileFormat) return fail({ code: 'tile-type', params: { name, type: TYPE_NAMES[header.tileType] ?? String(header.tileType) } });
    if (header.numAddressedTiles === 0) return fail({ code: 'no-tiles', params: { name } });
    const metadata = header.jsonMetadataLength > 0 ? await archive.getMetadata() : {};
    const bounds = [header.minLon, header.minLat, header.maxLon, header.maxLat];
    const info: ArchiveInfo = {
      format: 'pmtiles', tileFormat,
      bounds: validBounds(bounds) ? [...bounds] as ArchiveInfo['bounds'] : null,
      minZoom: header.minZoom, maxZoom: header.maxZoom,
      attribution: textOf(metadata, 'attribution'), name: textOf(metadata, 'name'),
      vectorLayers: tileFormat === 'mvt' ? vectorLayersOf(metadata) : [],
    };
    return {
      ok: true,
      archive: {
        info,
        async tile(z, x, y, signal) {
          const response = await archive.getZxy(z, x, y, signal);
          return response ? response.data : null;
        },
        close() {},
      },
    };
  } catch (error) {
    return fail({ code: 'unreadable', params: { name, detail: errorText(error) } });
  }
}

/** Opens a `.pmtiles` File (or Blob) from this device, by ranges. */
export function openPmtilesFile(file: Blob, name: string): Promise<OpenArchiveResult> {
  return openPmtilesSource(new BlobSource(file), name);
}

/**
 * Opens the deployer's PMTiles archive at `url` by HTTP range requests. Only a URL of the page's own origin is
 * read (`not-found` otherwise: nothing is ever requested off the origin).
 */
export function openPmtilesUrl(url: string, base: string, name: string): Promise<OpenArchiveResult> {
  const resolved = new URL(url, base);
  if (resolved.origin !== new URL(base).origin || !/^https?:$/.test(resolved.protocol)) return Promise.resolve({ ok: false, issue: { code: 'not-found', params: { name } } });
  return openPmtilesSource(new FetchSource(resolved.href, new Headers(), 'same-origin'), name);
}
