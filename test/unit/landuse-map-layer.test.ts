import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { LANDUSE_OVERVIEW_SOURCE, LANDUSE_SOURCE, OVERVIEW_MAX_ZOOM, landUseLayerSpecs } from '../../src/map/landuse-layer.ts';

describe('land-use map layer specs', () => {
  it('fill in each parcel’s class colour, outline from zoom 12, all on the land-use source, valid style', () => {
    const specs = landUseLayerSpecs();
    expect(specs.map((spec) => spec.id)).toEqual(['landuse-fill', 'landuse-line']);
    expect(specs.every((spec) => 'source' in spec && spec.source === LANDUSE_SOURCE)).toBe(true);
    expect(JSON.stringify(specs[0])).toContain('"get","colour"');
    const errors = validateStyleMin({ version: 8, sources: { [LANDUSE_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } }, layers: specs });
    expect(errors).toEqual([]);
  });

  it('with an overview: the overview below the switch zoom, the parcels from it on', () => {
    const specs = landUseLayerSpecs(true);
    expect(specs.map((spec) => [spec.id, spec.minzoom ?? 0, spec.maxzoom ?? 24])).toEqual([
      ['landuse-overview-fill', 0, OVERVIEW_MAX_ZOOM], ['landuse-fill', OVERVIEW_MAX_ZOOM, 24], ['landuse-line', OVERVIEW_MAX_ZOOM, 24],
    ]);
    const errors = validateStyleMin({
      version: 8,
      sources: { [LANDUSE_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } }, [LANDUSE_OVERVIEW_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } },
      layers: specs,
    });
    expect(errors).toEqual([]);
  });
});
