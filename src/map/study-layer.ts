/**
 * Static display of the saved study area and the what-if cluster outlines, for when they are not
 * being edited in terra-draw. A GeoJSON source of its own; the plan's sources are never modified.
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import type { MapView } from './map-view.ts';

const SOURCE = 'study-shapes';

/** Feature property `role`: `study` (the study area) or `what-if` (an edited cluster outline). */
export type StudyShapeRole = 'study' | 'what-if';

function ensureLayers(map: MapLibreMap): GeoJSONSource {
  const existing = map.getSource<GeoJSONSource>(SOURCE);
  if (existing) return existing;
  map.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer({
    id: 'study-shapes-fill', type: 'fill', source: SOURCE,
    paint: { 'fill-color': ['match', ['get', 'role'], 'study', '#c2410c', '#7c3aed'], 'fill-opacity': 0.1 },
  });
  map.addLayer({
    id: 'study-shapes-line', type: 'line', source: SOURCE,
    paint: {
      'line-color': ['match', ['get', 'role'], 'study', '#c2410c', '#7c3aed'],
      'line-width': 2.5,
      'line-dasharray': [2, 1.5],
    },
  });
  return map.getSource<GeoJSONSource>(SOURCE) as GeoJSONSource;
}

/** Removes the study shapes' layers and source. */
export function removeStudyShapes(view: MapView): void {
  const map = view.map;
  for (const layer of ['study-shapes-line', 'study-shapes-fill']) if (map.getLayer(layer)) map.removeLayer(layer);
  if (map.getSource(SOURCE)) map.removeSource(SOURCE);
}

/** Replaces the shapes drawn (each feature needs `properties.role`). */
export function setStudyShapes(view: MapView, features: Feature[]): void {
  const map = view.map;
  // no layers until there is something to draw
  if (!features.length && !map.getSource(SOURCE)) return;
  const data: FeatureCollection = { type: 'FeatureCollection', features };
  ensureLayers(map).setData(data);
}
