import type { ExpressionSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { idsByStatus } from '../core/timeline/status-in-year.ts';
import type { BuildStatus } from '../core/timeline/status-in-year.ts';
import type { MapView } from './map-view.ts';

/** The crossing style layers, one per status (styles/plan-style.json). */
const CROSSING_LAYERS: Record<BuildStatus, string> = {
  open: 'crossings-open',
  'under-construction': 'crossings-under-construction',
  planned: 'crossings-planned',
};

const PROJECT_OPACITY: ExpressionSpecification = ['match', ['feature-state', 'yearStatus'], 'planned', 0.3, 'under-construction', 0.65, 1];

/**
 * Shows crossings and projects by their status in `year`: each crossing goes to the style layer of its
 * derived status (filter by id); project circles fade by status through feature-state.
 */
export function applyTimelineYear(view: MapView, data: { crossings?: FeatureCollection; projects?: FeatureCollection }, year: number): void {
  const map = view.map;
  if (data.crossings) {
    const groups = idsByStatus(data.crossings.features as never, year);
    for (const status of Object.keys(CROSSING_LAYERS) as BuildStatus[]) {
      const layer = CROSSING_LAYERS[status];
      if (map.getLayer(layer)) map.setFilter(layer, ['in', ['get', 'id'], ['literal', groups[status]]]);
    }
  }
  if (data.projects && map.getSource('projects')) {
    const groups = idsByStatus(data.projects.features as never, year);
    for (const status of Object.keys(groups) as BuildStatus[]) {
      for (const id of groups[status]) map.setFeatureState({ source: 'projects', id }, { yearStatus: status });
    }
    for (const layer of map.getStyle().layers) {
      if (layer.type !== 'circle' || layer.source !== 'projects') continue;
      if (JSON.stringify(map.getPaintProperty(layer.id, 'circle-opacity')) === JSON.stringify(PROJECT_OPACITY)) continue;
      map.setPaintProperty(layer.id, 'circle-opacity', PROJECT_OPACITY);
      map.setPaintProperty(layer.id, 'circle-stroke-opacity', PROJECT_OPACITY);
    }
  }
}
