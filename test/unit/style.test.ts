import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { CATALOG_LAYERS } from '../../src/state/layer-catalog.ts';
import { GEODATA_LAYERS } from '../../src/data/geodata.ts';

const style = JSON.parse(readFileSync(new URL('../../styles/plan-style.json', import.meta.url), 'utf8'));

describe('styles/plan-style.json', () => {
  it('is a valid MapLibre style', () => {
    expect(validateStyleMin(style)).toEqual([]);
  });

  it('would be caught if broken (the validator is not a no-op)', () => {
    const broken = structuredClone(style);
    broken.layers[1].paint = { 'fill-color': 42 };
    expect(validateStyleMin(broken).length).toBeGreaterThan(0);
  });

  it('is offline: no glyphs or sprite URL and no remote sources', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(JSON.stringify(style)).not.toMatch(/https?:\/\//);
    for (const source of Object.values(style.sources) as { type: string; url?: string; tiles?: unknown }[]) {
      expect(source.type).toBe('geojson');
      expect(source.url).toBeUndefined();
      expect(source.tiles).toBeUndefined();
    }
  });

  it('has a source for every geodata layer', () => {
    for (const layer of GEODATA_LAYERS) expect(style.sources).toHaveProperty(layer);
  });

  it('has every style layer that the layer catalog controls', () => {
    const ids = new Set((style.layers as { id: string }[]).map((layer) => layer.id));
    for (const layer of CATALOG_LAYERS) {
      for (const styleLayer of layer.styleLayers) expect(ids, `${layer.id} → ${styleLayer}`).toContain(styleLayer);
    }
  });

  it('centres near 117.08 E, 36.84 N', () => {
    expect(style.center[0]).toBeCloseTo(117.08, 1);
    expect(style.center[1]).toBeCloseTo(36.84, 1);
  });
});
