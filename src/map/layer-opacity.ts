import type { Map as MaplibreMap } from 'maplibre-gl';
import { CATALOG_LAYERS } from '../state/layer-catalog.ts';
import type { MapView } from './map-view.ts';

/** The paint properties that carry opacity, per style layer type. */
const OPACITY_PROPERTIES: Record<string, readonly string[]> = {
  fill: ['fill-opacity'],
  line: ['line-opacity'],
  circle: ['circle-opacity', 'circle-stroke-opacity'],
  symbol: ['text-opacity'],
};

type PaintName = Parameters<MaplibreMap['getPaintProperty']>[1];
type PaintValue = Parameters<MaplibreMap['setPaintProperty']>[2];

interface Applied { base: unknown; value: string }
/** Per map: `layer|property` → the base value we scaled and the JSON of what we set. */
const appliedByMap = new WeakMap<MaplibreMap, Map<string, Applied>>();

/**
 * Applies the user's per-layer opacity (0..1, absent = 1) on top of the layer's own opacity, by setting
 * the `*-opacity` paint properties of every style layer a catalog layer controls. The layer's own value
 * (from the style, or set by another feature such as the timeline) is kept as the base and multiplied.
 * `extra` adds layers outside the catalog (user imports: id → their style layers), keyed the same way.
 */
export function applyLayerOpacity(view: MapView, opacity: Readonly<Record<string, number>>,
  extra: readonly { id: string; styleLayers: readonly string[] }[] = []): void {
  const map = view.map;
  let applied = appliedByMap.get(map);
  if (!applied) appliedByMap.set(map, (applied = new Map()));
  for (const layer of [...CATALOG_LAYERS, ...extra]) {
    const factor = Math.min(1, Math.max(0, opacity[layer.id] ?? 1));
    for (const styleLayerId of layer.styleLayers) {
      const styleLayer = map.getLayer(styleLayerId);
      if (!styleLayer) continue;
      for (const property of OPACITY_PROPERTIES[styleLayer.type] ?? []) {
        const key = `${styleLayerId}|${property}`;
        const current: unknown = map.getPaintProperty(styleLayerId, property as PaintName) ?? 1;
        const previous = applied.get(key);
        // Someone else changed the value since we set it: that is the new base.
        const base = previous && previous.value === JSON.stringify(current) ? previous.base : current;
        const value = factor === 1 ? base : typeof base === 'number' ? base * factor : ['*', base, factor];
        const json = JSON.stringify(value);
        applied.set(key, { base, value: json });
        if (json !== JSON.stringify(current)) map.setPaintProperty(styleLayerId, property as PaintName, value as PaintValue);
      }
    }
  }
}
