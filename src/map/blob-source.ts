/**
 * GeoJSON sources whose data is a Blob (the imported layers, the land-use overview): the source is given an
 * object URL of the Blob. MapLibre fetches and parses a blob: URL on the main thread, posts the parsed data
 * to its worker and gets it back once indexed, so this suits layers of moderate size; the land-use parcels
 * are served as vector tiles instead (./blob-tiles.ts). A page opened over file:// (the single-file build)
 * has an opaque origin whose blob: URLs MapLibre's worker cannot fetch, so there the Blob is read as a data:
 * URL (asynchronously, by the browser) and set on the source once read, if it is still wanted. Object URLs
 * are revoked when the source goes (CSP: connect-src needs `blob:`).
 */
import type { GeoJSONSource, LayerSpecification, Map as MaplibreMap } from 'maplibre-gl';

export const EMPTY_COLLECTION = { type: 'FeatureCollection' as const, features: [] };

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

/**
 * A URL of `blob` for the GeoJSON source `source` (revoke it with `URL.revokeObjectURL` when done), or ''
 * where object URLs cannot be fetched: then the data: URL is set on the source when read, if `stillWanted()`.
 */
export function blobUrl(map: MaplibreMap, source: string, blob: Blob, stillWanted: () => boolean): string {
  if (!opaqueOrigin()) return URL.createObjectURL(blob);
  void readAsDataUrl(blob).then((dataUrl) => {
    if (stillWanted()) map.getSource<GeoJSONSource>(source)?.setData(dataUrl);
  }, () => undefined);
  return '';
}

/** Removes the style layers, then the sources, that exist (either may be missing). */
export function removeFromMap(map: MaplibreMap, layers: readonly (LayerSpecification | string)[], sources: readonly string[]): void {
  for (const layer of layers) {
    const id = typeof layer === 'string' ? layer : layer.id;
    if (map.getLayer(id)) map.removeLayer(id);
  }
  for (const source of sources) if (map.getSource(source)) map.removeSource(source);
}
