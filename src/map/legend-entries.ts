import { LAYER_GROUPS } from '../state/layer-catalog.ts';
import { translate } from '../i18n/messages.ts';
import type { Lang, MessageKey } from '../i18n/messages.ts';
import type { LegendEntry } from '../state/legend.ts';
import type { MapView } from './map-view.ts';

export type { LegendEntry };

const COLOUR_PROPERTY = { fill: 'fill-color', line: 'line-color', circle: 'circle-color' } as const;

/** The output colours of a colour value: a literal, or the outputs of a `match` / `case` / `step` expression. */
function coloursOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return [];
  const [operator] = value;
  if (operator === 'match') {
    const outputs = value.slice(3).filter((_, index, list) => index % 2 === 1 || index === list.length - 1);
    return outputs.flatMap(coloursOf);
  }
  if (operator === 'case') return value.slice(2).filter((_, index) => index % 2 === 0).flatMap(coloursOf);
  if (operator === 'step' || operator === 'interpolate') return value.slice(3).filter((_, index) => index % 2 === 0).flatMap(coloursOf);
  return [];
}

/**
 * Legend rows for the visible catalog layers, read from the map's current paint properties.
 * Label-only layers (symbols) give no row.
 */
export function legendEntries(view: MapView, visibility: Readonly<Record<string, boolean>>, lang: Lang): LegendEntry[] {
  const map = view.map;
  const entries: LegendEntry[] = [];
  for (const group of LAYER_GROUPS) {
    for (const layer of group.layers) {
      if (!visibility[layer.id]) continue;
      let kind: LegendEntry['kind'] | undefined;
      const colours: string[] = [];
      let dashed = false;
      let fillOpacity = 1;
      for (const styleLayerId of layer.styleLayers) {
        const styleLayer = map.getLayer(styleLayerId);
        if (!styleLayer || !(styleLayer.type in COLOUR_PROPERTY)) continue;
        const type = styleLayer.type as keyof typeof COLOUR_PROPERTY;
        if (!kind && type === 'fill') {
          const opacity = map.getPaintProperty(styleLayerId, 'fill-opacity');
          if (typeof opacity === 'number') fillOpacity = opacity;
        }
        kind ??= type;
        for (const colour of coloursOf(map.getPaintProperty(styleLayerId, COLOUR_PROPERTY[type]))) {
          if (!colours.includes(colour)) colours.push(colour);
        }
        if (type === 'line' && map.getPaintProperty(styleLayerId, 'line-dasharray') !== undefined) dashed = true;
      }
      if (!kind) continue;
      entries.push({
        id: layer.id,
        label: translate(lang, layer.labelKey as MessageKey),
        groupLabel: translate(lang, group.labelKey as MessageKey),
        kind,
        colours,
        dashed,
        fillOpacity,
      });
    }
  }
  return entries;
}
