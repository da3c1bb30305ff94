/**
 * Writes a validated FeatureCollection as GeoJSON text in parts. The import worker turns the parts
 * into a Blob, so a 50 MB layer never exists as one string and never crosses to the main thread as objects:
 * the main thread hands MapLibre an object URL of the Blob and MapLibre's own worker parses it.
 */
import type { FeatureCollection } from 'geojson';

export interface CollectionJsonOptions {
  /**
   * Replace every feature's `id` by its index in `features` (the map's copy: a click on the map then
   * names the feature by index). Default false: ids stay as given.
   */
  indexIds?: boolean;
  /** Features per text part (default 2000). */
  featuresPerPart?: number;
}

/**
 * The collection as JSON text, split into parts whose concatenation is one valid GeoJSON document.
 * Pure; never mutates the input.
 * @param collection - a validated FeatureCollection
 * @param options - index ids, features per part
 * @returns text parts (concatenate them, or pass them to `new Blob(parts)`)
 * @example JSON.parse(collectionJsonParts(fc, { indexIds: true }).join('')).features[3].id === 3
 */
export function collectionJsonParts(collection: FeatureCollection, options: CollectionJsonOptions = {}): string[] {
  const perPart = Math.max(1, options.featuresPerPart ?? 2000);
  const parts: string[] = [];
  const features = collection.features;
  let chunk: string[] = [];
  for (let index = 0; index < features.length; index += 1) {
    const feature = features[index];
    const written = options.indexIds ? { ...feature, id: index } : feature;
    chunk.push(JSON.stringify(written));
    if (chunk.length === perPart) {
      parts.push(`${parts.length === 0 ? '' : ','}${chunk.join(',')}`);
      chunk = [];
    }
  }
  if (chunk.length > 0) parts.push(`${parts.length === 0 ? '' : ','}${chunk.join(',')}`);
  return ['{"type":"FeatureCollection","features":[', ...parts, ']}'];
}
