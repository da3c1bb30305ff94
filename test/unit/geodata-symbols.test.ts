/**
 * Symbols match knowledge, as a rule over every point of geodata/ and every style layer that draws it: a point
 * whose position is known only to more than 1,500 m (`position_accuracy_m`) is never drawn as a visible point
 * marker (a circle or icon that says "here"). It may carry a text label, an invisible click target, or an area
 * of uncertainty: a style layer marked `plan:uncertainty-area` whose circle radius is the feature's accuracy in
 * metres. Each style layer's filter and paint are evaluated for each feature with the MapLibre style spec.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createExpression, featureFilter, latest } from '@maplibre/maplibre-gl-style-spec';
import type { Feature, FeatureCollection } from 'geojson';

/** The largest error of a position drawn as a point (the projects layer's POINT_MAX_ERROR_M). */
const POINT_MAX_ERROR_M = 1500;

const DIR = resolve(__dirname, '../../geodata');
const style = JSON.parse(readFileSync(resolve(__dirname, '../../styles/plan-style.json'), 'utf8')) as {
  layers: { id: string; type: string; source?: string; filter?: unknown; paint?: Record<string, unknown>; layout?: Record<string, unknown>; metadata?: Record<string, unknown> }[];
};
const collections = readdirSync(DIR).filter((n) => n.endsWith('.geojson'))
  .map((n) => [n.replace(/\.geojson$/, ''), JSON.parse(readFileSync(resolve(DIR, n), 'utf8')) as FeatureCollection] as const);

const points = collections.flatMap(([source, fc]) => fc.features
  .filter((f) => f.geometry?.type === 'Point' || f.geometry?.type === 'MultiPoint')
  .map((feature) => ({ source, feature })));

/** A style-spec feature for evaluation (type 1 = point). */
const asStyleFeature = (f: Feature) => ({ type: 1 as const, properties: (f.properties ?? {}) as Record<string, unknown>, id: f.id });

/** The value of a paint property of `layer` for `feature` at `zoom` (its default where unset). */
function paintValue(layer: (typeof style.layers)[number], property: string, feature: Feature, zoom: number): unknown {
  const spec = (latest as unknown as Record<string, Record<string, unknown>>)[`paint_${layer.type}`]![property] as never;
  const value = layer.paint?.[property] ?? (spec as { default?: unknown }).default;
  const parsed = createExpression(value, `layers[${layer.id}].paint.${property}`, spec);
  if (parsed.result !== 'success') throw new Error(`${layer.id} ${property}: ${JSON.stringify(parsed.value)}`);
  return parsed.value.evaluate({ zoom }, asStyleFeature(feature) as never);
}

function draws(layer: (typeof style.layers)[number], feature: Feature): boolean {
  if (layer.layout?.['visibility'] === 'none') return false;
  const filter = featureFilter(layer.filter as never, `layers[${layer.id}].filter`);
  return filter.filter({ zoom: 12 }, asStyleFeature(feature) as never);
}

/** Does `layer` draw a visible point marker (not text, not an uncertainty area) for `feature`? */
function drawsPointMarker(layer: (typeof style.layers)[number], feature: Feature): boolean {
  if (!draws(layer, feature)) return false;
  if (layer.metadata?.['plan:uncertainty-area']) return false;
  if (layer.type === 'symbol') return layer.layout?.['icon-image'] !== undefined;
  if (layer.type !== 'circle' && layer.type !== 'heatmap') return false;
  for (const zoom of [8, 11, 14]) {
    const fill = Number(paintValue(layer, 'circle-opacity', feature, zoom)) * Number(paintValue(layer, 'circle-radius', feature, zoom));
    const ring = Number(paintValue(layer, 'circle-stroke-opacity', feature, zoom)) * Number(paintValue(layer, 'circle-stroke-width', feature, zoom));
    if (fill > 0 || ring > 0) return true;
  }
  return false;
}

describe('symbols match what is known of a position', () => {
  it('has points of both kinds to check (known to ≤ 1.5 km and less well)', () => {
    const accuracy = (f: Feature) => Number(f.properties?.['position_accuracy_m']);
    expect(points.some(({ feature }) => accuracy(feature) <= POINT_MAX_ERROR_M)).toBe(true);
    expect(points.some(({ feature }) => accuracy(feature) > POINT_MAX_ERROR_M)).toBe(true);
  });

  it('draws no point feature known only to more than 1,500 m as a visible point marker', () => {
    const offenders: string[] = [];
    for (const { source, feature } of points) {
      if (!(Number(feature.properties?.['position_accuracy_m']) > POINT_MAX_ERROR_M)) continue;
      for (const layer of style.layers) {
        if (layer.source === source && drawsPointMarker(layer, feature)) offenders.push(`${String(feature.properties?.['id'])} by ${layer.id}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('draws a point feature known to 1,500 m or better with a visible marker where its layer has markers', () => {
    // the check above would pass vacuously if markers were simply switched off: the well-known points keep theirs
    for (const { source, feature } of points) {
      if (!(Number(feature.properties?.['position_accuracy_m']) <= POINT_MAX_ERROR_M)) continue;
      const markerLayers = style.layers.filter((layer) => layer.source === source && layer.type === 'circle' && !layer.metadata?.['plan:uncertainty-area'] && draws(layer, feature));
      if (!markerLayers.length) continue;
      expect(markerLayers.some((layer) => drawsPointMarker(layer, feature)), String(feature.properties?.['id'])).toBe(true);
    }
  });

  it('draws every crossing known less well than 1,500 m as an area of its accuracy', () => {
    const areaLayers = style.layers.filter((layer) => layer.source === 'crossings' && layer.metadata?.['plan:uncertainty-area']);
    expect(areaLayers.length).toBeGreaterThan(0);
    const crossings = points.filter(({ source, feature }) => source === 'crossings' && Number(feature.properties?.['position_accuracy_m']) > POINT_MAX_ERROR_M);
    expect(crossings.length).toBeGreaterThan(0);
    for (const { feature } of crossings) {
      const layer = areaLayers.find((l) => draws(l, feature));
      expect(layer, String(feature.properties?.['id'])).toBeDefined();
      // radius in pixels × metres per pixel at 36.8° N (512-px tiles) = the accuracy in metres
      for (const zoom of [9, 12]) {
        const metresPerPixel = (40075016.686 * Math.cos((36.8 * Math.PI) / 180)) / (512 * 2 ** zoom);
        const radiusM = Number(paintValue(layer!, 'circle-radius', feature, zoom)) * metresPerPixel;
        expect(radiusM / Number(feature.properties?.['position_accuracy_m'])).toBeCloseTo(1, 2);
      }
    }
  });
});
