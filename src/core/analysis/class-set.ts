import type { PreparedAnalysis } from './prepared-analysis.js';
import { unionTiledLayers } from './tiled-layer.js';
import type { TiledLayer } from './tiled-layer.js';
import type { BlueGreenClass } from './types.js';
import { BLUE_GREEN_CLASSES } from './types.js';

/** Known classes of `classes`, deduplicated, in plan order. Unknown names are ignored. */
export function normalizeClasses(classes: readonly string[]): BlueGreenClass[] {
  return BLUE_GREEN_CLASSES.filter((name) => classes.includes(name));
}

/**
 * Internal: the tiled union of the counted classes, built on first use and cached per class set, from the
 * cached per-class layers, plus any extra blue-green polygons (so toggling farmland only unions pieces cell by cell, never re-dissolves data).
 */
export function blueGreenLayer(prepared: PreparedAnalysis, classes: readonly BlueGreenClass[]): TiledLayer {
  const key = classes.join(',');
  const cached = prepared.classSetLayers.get(key);
  if (cached) return cached;
  const layers = classes.map((name) => prepared.classLayers.get(name)).filter((layer): layer is TiledLayer => layer !== undefined);
  if (prepared.extraBlueGreen) layers.push(prepared.extraBlueGreen);
  const layer = layers.length === 0 ? { pieces: [], totalSquareMeters: 0 } : unionTiledLayers(prepared.grid, layers);
  prepared.classSetLayers.set(key, layer);
  return layer;
}
