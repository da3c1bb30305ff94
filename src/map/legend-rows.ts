import { CATALOG_LAYERS } from '../state/layer-catalog.ts';
import type { MapView } from './map-view.ts';

export interface LegendRow {
  label: string;
  colour: string;
  kind: 'fill' | 'line' | 'circle';
}

/** Legend rows for the visible catalog layers, coloured from the live style. */
export function legendRows(view: MapView, visibility: Record<string, boolean>, labels: Record<string, string>): LegendRow[] {
  const map = view.map;
  const rows: LegendRow[] = [];
  for (const layer of CATALOG_LAYERS) {
    if (!visibility[layer.id]) continue;
    for (const styleLayerId of layer.styleLayers) {
      const styleLayer = map.getLayer(styleLayerId);
      if (!styleLayer || (styleLayer.type !== 'fill' && styleLayer.type !== 'line' && styleLayer.type !== 'circle')) continue;
      const value: unknown = map.getPaintProperty(styleLayerId, `${styleLayer.type}-color`);
      rows.push({ label: labels[layer.id] ?? layer.id, colour: typeof value === 'string' ? value : '#888888', kind: styleLayer.type });
      break;
    }
  }
  return rows;
}

