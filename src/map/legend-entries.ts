import { LAYER_GROUPS } from '../state/layer-catalog.ts';
import { translate } from '../i18n/messages.ts';
import type { Lang, MessageKey } from '../i18n/messages.ts';
import type { LegendEntry } from '../state/legend.ts';
import type { MapView } from './map-view.ts';
import { BASEMAP_NAME_METADATA, BASEMAP_SOURCE } from './scene/basemap-ids.ts';
import type { LayerSpecification } from 'maplibre-gl';
import { CONTROL_LINES_SOURCE, ROLE_METADATA } from './scene/control-line-ids.ts';
import { CLASSES_METADATA, LANDUSE_SOURCE, NAME_METADATA, landUseStyleLayers, type LandUseLegendClass } from './landuse-on-map.ts';

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
 * Legend rows of the land-use layer shown on the map: each class present in it, in its standard colour and
 * named in `lang` (from the class table the layer was drawn with, kept in its style layers' metadata), then
 * one "not recognised" row for the parcels of codes of no known class, if any. Not filterable.
 */
export function landUseLegendEntries(view: MapView, lang: Lang): LegendEntry[] {
  const entries: LegendEntry[] = [];
  let unrecognised: LegendEntry | undefined;
  for (const layer of landUseStyleLayers(view.map)) {
    const classes = layer.metadata && (layer.metadata as Record<string, unknown>)[CLASSES_METADATA] as LandUseLegendClass[] | undefined;
    if (layer.type !== 'fill' || !('source' in layer) || layer.source !== LANDUSE_SOURCE || !Array.isArray(classes) || layer.layout?.visibility === 'none') continue;
    const groupLabel = String((layer.metadata as Record<string, unknown>)[NAME_METADATA] ?? '') || translate(lang, 'landuse.title' as MessageKey);
    const opacity = layer.paint?.['fill-opacity'];
    const row = (id: string, label: string, colour: string): LegendEntry =>
      ({ id, label, groupLabel, kind: 'fill', colours: [colour], dashed: false, fillOpacity: typeof opacity === 'number' ? opacity : 1, filterable: false });
    for (const landUseClass of classes) {
      const name = lang === 'zh' ? landUseClass.name : landUseClass.nameEn;
      if (name) entries.push(row(`landuse:${landUseClass.key}`, name, landUseClass.colour));
      else unrecognised ??= row('landuse:unrecognised', translate(lang, 'landuse.group.unclassified' as MessageKey), landUseClass.colour);
    }
  }
  return unrecognised ? [...entries, unrecognised] : entries;
}

/** Legend rows of the control lines shown on the map: one per role, in its line colour and dash, named in `lang`. */
export function controlLineLegendEntries(view: MapView, lang: Lang): LegendEntry[] {
  const groupLabel = translate(lang, 'controlLines.layers' as MessageKey);
  return view.map.getLayersOrder().map((id) => view.map.getLayer(id)?.serialize() as LayerSpecification | undefined)
    .filter((layer): layer is LayerSpecification & { type: 'line' } => !!layer && layer.type === 'line' && 'source' in layer && layer.source === CONTROL_LINES_SOURCE && layer.layout?.visibility !== 'none')
    .reverse()
    .map((layer) => {
      const role = String((layer.metadata as Record<string, unknown> | undefined)?.[ROLE_METADATA] ?? '');
      return {
        id: `control-line:${role}`, label: translate(lang, `controlLines.role.${role}` as MessageKey), groupLabel, kind: 'line' as const,
        colours: [String(layer.paint?.['line-color'] ?? '')], dashed: layer.paint?.['line-dasharray'] !== undefined, fillOpacity: 1, filterable: false,
      };
    });
}

/**
 * Legend rows for the visible catalog layers, read from the map's current paint properties, then the
 * land-use layer's classes when one is shown (landUseLegendEntries). Label-only layers (symbols) give no row.
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
  return [...entries, ...landUseLegendEntries(view, lang), ...controlLineLegendEntries(view, lang), ...basemapLegendEntries(view, lang)];
}

/** The basemap's legend row while it is shown: its name under "Basemap" (a neutral swatch; not filterable). */
export function basemapLegendEntries(view: MapView, lang: Lang): LegendEntry[] {
  // (the layers one by one, as the other rows read them: getStyle() would serialise the whole style)
  const layer = view.map.getLayersOrder().map((id) => view.map.getLayer(id)?.serialize() as LayerSpecification | undefined)
    .find((candidate) => !!candidate && 'source' in candidate && candidate.source === BASEMAP_SOURCE && candidate.layout?.visibility !== 'none');
  const name = layer?.metadata && (layer.metadata as Record<string, unknown>)[BASEMAP_NAME_METADATA];
  if (!layer || typeof name !== 'string') return [];
  return [{ id: 'basemap', label: name, groupLabel: translate(lang, 'basemap.legend'), kind: 'fill', colours: ['#e6e2da'], dashed: false, fillOpacity: 1, filterable: false }];
}
