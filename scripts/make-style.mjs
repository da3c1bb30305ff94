// One-off generator kept for reference: writes styles/plan-style.json. The JSON is the source of truth
// after generation (it is validated by test/unit/style.test.ts); re-run only to regenerate wholesale.
import { writeFileSync } from 'node:fs';

const empty = { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, promoteId: 'id' };
const sources = Object.fromEntries(
  ['context', 'boundary', 'subdistricts', 'blue-green', 'construction', 'structure', 'crossings', 'projects', 'highlight']
    .map((name) => [name, { ...empty, attribution: undefined }]),
);
for (const value of Object.values(sources)) delete value.attribution;
// Attribution (the plan documents and reference data) is set once by MapView's AttributionControl.

const font = ['Noto Sans CJK SC Regular'];
const name = ['coalesce', ['get', 'name_zh'], ['get', 'name_en']];
const halo = { 'text-color': '#1f2933', 'text-halo-color': 'rgba(255,255,255,0.9)', 'text-halo-width': 1.4 };

// Blue-green by class and projects by category: one style layer each, so the layer tree can toggle
// them one by one and the legend reads a single colour per layer.
const blueGreenColours = { water: '#1f78b4', wetland: '#5ab4ac', forest: '#1b7837', park: '#7fbf7b', farmland: '#e6efc2' };
const projectColours = { industry: '#542788', 'public-service': '#0571b0', infrastructure: '#4d4d4d', transport: '#b35806', heritage: '#a50026' };
const blueGreenLayers = Object.entries(blueGreenColours).map(([klass, colour]) => (
  { id: `blue-green-${klass}`, type: 'fill', source: 'blue-green', filter: ['==', ['get', 'class'], klass],
    paint: { 'fill-color': colour, 'fill-opacity': 0.85 } }));
const projectCircleLayers = Object.entries(projectColours).map(([category, colour]) => (
  { id: `projects-${category}`, type: 'circle', source: 'projects',
    filter: ['all', ['==', ['geometry-type'], 'Point'], ['==', ['get', 'category'], category]],
    paint: {
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 4, 13, 8],
      'circle-color': colour, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 } }));
const projectLabelLayers = Object.keys(projectColours).map((category) => (
  { id: `projects-${category}-label`, type: 'symbol', source: 'projects', minzoom: 11,
    filter: ['==', ['get', 'category'], category],
    layout: { 'text-field': name, 'text-font': font, 'text-size': 11, 'text-offset': [0, 1], 'text-anchor': 'top', 'text-optional': true },
    paint: halo }));

const layers = [
  // No `background` layer: the page colour comes from CSS behind a transparent canvas, which saves a
  // shader program at start-up (measured by bench/load.bench.ts; PNG export fills the same colour).
  { id: 'context-city', type: 'fill', source: 'context', filter: ['==', ['get', 'kind'], 'city'],
    paint: { 'fill-color': '#d9d4cc', 'fill-opacity': 0.7, 'fill-outline-color': '#b5ada3' } },
  ...blueGreenLayers,
  { id: 'construction-fill', type: 'fill', source: 'construction',
    paint: { 'fill-color': '#d95f02', 'fill-opacity': 0.55 } },
  { id: 'context-river', type: 'line', source: 'context', filter: ['==', ['get', 'kind'], 'river'],
    paint: { 'line-color': '#1f78b4', 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1.5, 13, 4] } },
  { id: 'structure-belt', type: 'fill', source: 'structure', filter: ['==', ['get', 'kind'], 'belt'],
    paint: { 'fill-color': '#4575b4', 'fill-opacity': 0.12, 'fill-outline-color': '#4575b4' } },
  { id: 'structure-cluster-fill', type: 'fill', source: 'structure', filter: ['==', ['get', 'kind'], 'cluster'],
    paint: { 'fill-color': '#762a83', 'fill-opacity': 0.08 } },
  { id: 'structure-cluster-line', type: 'line', source: 'structure', filter: ['==', ['get', 'kind'], 'cluster'],
    paint: { 'line-color': '#762a83', 'line-width': 2 } },
  { id: 'structure-core', type: 'line', source: 'structure', filter: ['==', ['get', 'kind'], 'core'],
    paint: { 'line-color': '#c51b7d', 'line-width': 3, 'line-dasharray': [2, 1] } },
  { id: 'subdistricts-line', type: 'line', source: 'subdistricts',
    paint: { 'line-color': '#6b6b6b', 'line-width': 1.2, 'line-dasharray': [3, 2] } },
  { id: 'boundary-line', type: 'line', source: 'boundary',
    paint: { 'line-color': '#b2182b', 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 2, 13, 5] } },
  { id: 'structure-axis', type: 'line', source: 'structure', filter: ['==', ['get', 'kind'], 'axis'],
    layout: { 'line-cap': 'round' },
    paint: { 'line-color': '#e08214', 'line-width': 4, 'line-dasharray': [3, 1.5] } },
  { id: 'crossings-planned', type: 'line', source: 'crossings', filter: ['==', ['get', 'status'], 'planned'],
    layout: { 'line-cap': 'round' },
    paint: { 'line-color': '#7a7a7a', 'line-width': 3, 'line-dasharray': [0.5, 1.5] } },
  { id: 'crossings-under-construction', type: 'line', source: 'crossings', filter: ['==', ['get', 'status'], 'under-construction'],
    paint: { 'line-color': '#e66101', 'line-width': 4, 'line-dasharray': [2, 1] } },
  { id: 'crossings-open', type: 'line', source: 'crossings', filter: ['==', ['get', 'status'], 'open'],
    paint: { 'line-color': '#222222', 'line-width': 4 } },
  ...projectCircleLayers,
  { id: 'context-historic', type: 'circle', source: 'context', filter: ['==', ['get', 'kind'], 'historic-node'],
    paint: { 'circle-radius': 5, 'circle-color': '#e08214', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 } },
  // highlight: the selected feature (role 'selected') and the hovered one (role 'hover'), set by src/map/highlight.ts
  { id: 'highlight-fill', type: 'fill', source: 'highlight', filter: ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false],
    paint: { 'fill-color': '#ffd92f', 'fill-opacity': ['match', ['get', 'role'], 'hover', 0.2, 0.35] } },
  { id: 'highlight-line', type: 'line', source: 'highlight',
    paint: { 'line-color': '#ffb000', 'line-width': ['match', ['get', 'role'], 'hover', 2.5, 4] } },
  { id: 'highlight-point', type: 'circle', source: 'highlight', filter: ['match', ['geometry-type'], ['Point', 'MultiPoint'], true, false],
    paint: { 'circle-radius': 10, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#ffb000',
      'circle-stroke-width': ['match', ['get', 'role'], 'hover', 2, 3] } },
  { id: 'subdistricts-label', type: 'symbol', source: 'subdistricts', minzoom: 9.5,
    layout: { 'text-field': name, 'text-font': font, 'text-size': 12 }, paint: { ...halo, 'text-color': '#555555' } },
  { id: 'context-label', type: 'symbol', source: 'context', filter: ['in', ['get', 'kind'], ['literal', ['place', 'historic-node', 'city']]],
    layout: { 'text-field': name, 'text-font': font, 'text-size': 12, 'text-offset': [0, 1.1], 'text-anchor': 'top' }, paint: halo },
  { id: 'crossings-label', type: 'symbol', source: 'crossings', minzoom: 11,
    layout: { 'symbol-placement': 'line-center', 'text-field': name, 'text-font': font, 'text-size': 11 }, paint: halo },
  ...projectLabelLayers,
  { id: 'structure-label', type: 'symbol', source: 'structure', filter: ['in', ['get', 'kind'], ['literal', ['cluster', 'core']]],
    layout: { 'text-field': name, 'text-font': font, 'text-size': 14, 'text-max-width': 8 },
    paint: { ...halo, 'text-color': '#40004b' } },
];

const style = {
  version: 8,
  name: '起步区规划地图 Jinan Start-up Area plan',
  metadata: { 'plan:note': 'Offline style: no glyphs URL (labels drawn from local fonts), no remote sources. GeoJSON data is set at run time from geodata/.' },
  center: [117.08, 36.84],
  zoom: 9.6,
  sources,
  layers,
};
writeFileSync(new URL('../styles/plan-style.json', import.meta.url), JSON.stringify(style, null, 2) + '\n');
