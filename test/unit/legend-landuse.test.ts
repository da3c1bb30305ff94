import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { translate } from '../../src/i18n/all-messages.ts';
import { CLASSIFICATION_TABLES } from '../../src/core/landuse/classes.ts';
import { LANDUSE_OVERVIEW_SOURCE, LANDUSE_SOURCE, landUseLayerSpecs, type LandUseStyleInput } from '../../src/map/landuse-layer.ts';
import { landUseLegendEntries, legendEntries } from '../../src/map/legend-entries.ts';
import { legendRows } from '../../src/map/legend-rows.ts';
import type { MapView } from '../../src/map/map-view.ts';

const table = CLASSIFICATION_TABLES['land-sea-use-2023'];
const classOf = (code: string) => {
  const found = table.classes.find((item) => item.code === code);
  if (!found) throw new Error(`no class ${code} in the table`);
  return found;
};
const cropland = classOf('0101');
const irrigated = classOf('0102');
const industry = table.classes.find((item) => item.nameEn.toLowerCase().includes('industr'))!;

/** A layer's summary as the land-use worker gives it: classes present, one code of no known class. */
const input: LandUseStyleInput = {
  name: 'ydyh',
  classes: [
    { key: `land-sea-use-2023:${cropland.code}`, landUseClass: { ...cropland, system: 'land-sea-use-2023' } },
    { key: `land-sea-use-2023:${irrigated.code}`, landUseClass: { ...irrigated, system: 'land-sea-use-2023' } },
    { key: `land-sea-use-2023:${industry.code}`, landUseClass: { ...industry, system: 'land-sea-use-2023' } },
    { key: 'unknown:9999', landUseClass: null },
  ],
};

/** A map holding `layers` in this order: what legendEntries reads of the live style. */
function fakeView(layers: LayerSpecification[]): MapView {
  const byId = new Map(layers.map((layer) => [layer.id, layer]));
  const map = {
    getLayersOrder: () => layers.map((layer) => layer.id),
    getLayer: (id: string) => (byId.has(id) ? { ...byId.get(id), serialize: () => structuredClone(byId.get(id)) } : undefined),
    getPaintProperty: () => undefined,
  };
  return { map } as unknown as MapView;
}

describe('land-use layer: one plain-colour fill per class colour, the classes in the layer metadata', () => {
  it('gives each colour of the class table its own layer, and the rest to landuse-fill; a valid style', () => {
    const specs = landUseLayerSpecs(true, input);
    const colours = [...new Set([cropland.colour, industry.colour, '#9E9E9E'])];
    const parcelFills = specs.filter((spec) => spec.type === 'fill' && 'source' in spec && spec.source === LANDUSE_SOURCE);
    expect(parcelFills.map((spec) => spec.id)).toEqual(['landuse-fill', ...colours.map((_, index) => `landuse-fill-${index + 1}`)]);
    // the plain colours are the table's; nothing reads a colour from the data but the catch-all
    expect(parcelFills.slice(1).map((spec) => spec.paint?.['fill-color' as never])).toEqual(colours);
    expect((parcelFills[0] as { filter?: unknown }).filter).toEqual(['!', ['in', ['get', 'colour'], ['literal', colours]]]);
    expect(specs.filter((spec) => 'source' in spec && spec.source === LANDUSE_OVERVIEW_SOURCE)).toHaveLength(colours.length + 1);
    const errors = validateStyleMin({
      version: 8,
      sources: { [LANDUSE_SOURCE]: { type: 'vector', tiles: ['plan-tiles://t1/{z}/{x}/{y}'] }, [LANDUSE_OVERVIEW_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } },
      layers: specs,
    });
    expect(errors).toEqual([]);
  });

  it('without a class table: one fill in the data’s colours, as before', () => {
    expect(landUseLayerSpecs(false).map((spec) => spec.id)).toEqual(['landuse-fill', 'landuse-line']);
  });
});

describe('legend rows of the land-use layer', () => {
  it('lists each class present with its standard colour and its name in the language, then "not recognised"', () => {
    const view = fakeView(landUseLayerSpecs(true, input));
    const zh = landUseLegendEntries(view, 'zh');
    expect(zh.map((entry) => [entry.label, entry.colours])).toEqual([
      [cropland.name, [cropland.colour]], [irrigated.name, [irrigated.colour]], [industry.name, [industry.colour]],
      [translate('zh', 'landuse.group.unclassified'), ['#9E9E9E']],
    ]);
    expect(zh.every((entry) => entry.kind === 'fill' && entry.groupLabel === 'ydyh' && entry.filterable === false && entry.fillOpacity === 0.75)).toBe(true);
    const en = landUseLegendEntries(view, 'en');
    expect(en.map((entry) => entry.label)).toEqual([cropland.nameEn, irrigated.nameEn, industry.nameEn, translate('en', 'landuse.group.unclassified')]);
    expect(new Set(en.map((entry) => entry.id)).size).toBe(en.length);
  });

  it('has no row without a land-use layer, none for a hidden one, and no "not recognised" row when every code is known', () => {
    expect(landUseLegendEntries(fakeView([]), 'en')).toEqual([]);
    const hidden = landUseLayerSpecs(false, input).map((spec) => ({ ...spec, layout: { visibility: 'none' } }) as LayerSpecification);
    expect(landUseLegendEntries(fakeView(hidden), 'en')).toEqual([]);
    const known = landUseLegendEntries(fakeView(landUseLayerSpecs(false, { ...input, classes: input.classes.slice(0, 3) })), 'en');
    expect(known.map((entry) => entry.label)).toEqual([cropland.nameEn, irrigated.nameEn, industry.nameEn]);
  });

  it('follows the catalogue rows in the legend, and in the print / PNG rows in the language asked for', () => {
    const view = fakeView(landUseLayerSpecs(false, input));
    expect(legendEntries(view, {}, 'zh').map((entry) => entry.label)).toEqual(landUseLegendEntries(view, 'zh').map((entry) => entry.label));
    expect(legendRows(view, {}, {}, 'zh')[0]).toEqual({ label: cropland.name, colour: cropland.colour, kind: 'fill' });
    expect(legendRows(view, {}, {})[0]!.label).toBe(cropland.nameEn);
  });
});
