/**
 * Changing one layer's opacity on a map that holds 50 000 parcels as GeoJSON: MapLibre's own style diff
 * (`diff` of @maplibre/maplibre-gl-style-spec, what `map.setStyle(style, { diff: true })` runs) against the
 * scene's (`sceneOf` + `SceneApplier` into a map that only records calls). MapLibre's diff deep-compares every
 * source's data, whether the parcels are the same object or an equal copy, walking every coordinate; the scene
 * compares data by reference and sets only the changed paint property.
 */
import { diff } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';
import planStyle from '../styles/plan-style.json';
import { generateLandUseParcels } from './landuse-parcels.ts';
import { formatTable, printFigures } from './lib/report.ts';
import { ratio, round, summarize } from './lib/stats.ts';
import { sceneOf, styleScene } from '../src/map/scene/scene-of.ts';
import { SceneApplier, type SceneMap } from '../src/map/scene/apply-scene.ts';
import type { SceneInput } from '../src/map/scene/scene-types.ts';
import { defaultLayerVisibility } from '../src/state/layer-catalog.ts';

const RUNS = Number(process.env.BENCH_SCENE_RUNS ?? 15);
const parcels = JSON.parse(generateLandUseParcels().geojson) as FeatureCollection;
const copy = structuredClone(parcels);

function styleWith(data: FeatureCollection, opacity: number): StyleSpecification {
  const style = structuredClone(planStyle) as unknown as StyleSpecification;
  style.sources.parcels = { type: 'geojson', data };
  style.layers.push({ id: 'parcels-fill', type: 'fill', source: 'parcels', paint: { 'fill-color': '#c33', 'fill-opacity': opacity } });
  return style;
}

function time(run: () => void): number[] {
  const times: number[] = [];
  for (let index = 0; index < RUNS; index++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return times;
}

let opacity = 0.5;
const before = styleWith(parcels, opacity);
const sameObject = summarize(time(() => diff(before, styleWith(parcels, (opacity = 1 - opacity)))));
const equalCopy = summarize(time(() => diff(before, styleWith(copy, (opacity = 1 - opacity)))));

const noop = () => undefined;
const recorder: SceneMap = {
  addSource: noop, removeSource: noop, getSource: () => ({ setData: noop }), addLayer: noop, removeLayer: noop, moveLayer: noop,
  getLayer: () => ({}), setPaintProperty: noop, setLayoutProperty: noop, setFilter: noop, setLayerZoomRange: noop,
};
const resources = { acquireUrl: () => '', releaseUrl: noop, acquireTiles: () => [], releaseTiles: noop };
const applier = new SceneApplier(recorder, resources, styleScene());
const input = (layerOpacity: number): SceneInput => ({
  data: {}, visibility: defaultLayerVisibility(), opacity: { clusters: layerOpacity }, lang: 'zh', labelScale: 1, year: 2023,
  imports: [], landuse: null, outlines: parcels, highlight: { type: 'FeatureCollection', features: [] }, measure: null, slide: null,
});
applier.apply(sceneOf(input(0.5)));
const scene = summarize(time(() => applier.apply(sceneOf(input((opacity = 1 - opacity))))));

console.log(`\none opacity change with ${parcels.features.length} parcels as GeoJSON, ${RUNS} runs (ms):`);
console.log(formatTable(['series', 'n', 'p50', 'p95', 'max'], Object.entries({ 'maplibre diff, same object': sameObject, 'maplibre diff, equal copy': equalCopy, 'scene (sceneOf + apply)': scene })
  .map(([name, s]) => [name, String(s.n), s.median.toFixed(2), s.p95.toFixed(2), s.max.toFixed(2)])));
printFigures('style diff vs scene diff', [
  { bench: 'scene.opacity_change_ms', median: round(scene.median, 2), baseline: round(equalCopy.median, 2), ratio: round(ratio(scene.median, equalCopy.median), 4),
    note: 'baseline: MapLibre setStyle diff with the parcels as an equal copy (50 000 parcels)' },
  { bench: 'scene.maplibre_diff_same_object_ms', median: round(sameObject.median, 2), note: 'MapLibre diff when the parcels are the same object' },
]);
