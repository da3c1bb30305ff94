/**
 * The style layers of the three control lines (pure; no MapLibre runtime): one GeoJSON source (`control-lines`, the
 * polygons of every accepted line, each with its `role`) and one line layer per role, in the customary line styles
 * (core/landuse/control-line-styles.ts), drawn above the land-use parcels. Each layer names its role in its
 * metadata, so the legend reads its rows from the live style.
 */
import type { LayerSpecification } from 'maplibre-gl';
import { CONTROL_LINE_ROLES, type ControlLineRole } from '../../core/landuse/control-line-names.ts';
import { CONTROL_LINE_STYLES } from '../../core/landuse/control-line-styles.ts';

import { CONTROL_LINES_SOURCE, ROLE_METADATA } from './control-line-ids.ts';
import type { Scene, SceneInput } from './scene-types.ts';

export { CONTROL_LINES_SOURCE, ROLE_METADATA };

/** The layer id of a role's lines. */
export const controlLineLayerId = (role: ControlLineRole): string => `${CONTROL_LINES_SOURCE}-${role}`;

/** One line layer per role, the red line drawn last (on top). */
export function controlLineLayerSpecs(visible: boolean): LayerSpecification[] {
  const order: ControlLineRole[] = [...CONTROL_LINE_ROLES].reverse();
  return order.map((role) => {
    const style = CONTROL_LINE_STYLES[role];
    return {
      id: controlLineLayerId(role), type: 'line', source: CONTROL_LINES_SOURCE,
      filter: ['==', ['get', 'role'], role],
      metadata: { [ROLE_METADATA]: role },
      layout: { 'line-join': 'round', visibility: visible ? 'visible' : 'none' },
      paint: { 'line-color': style.colour, 'line-width': style.width, ...(style.dashed ? { 'line-dasharray': [...style.dashed] } : {}) },
    } as LayerSpecification;
  });
}

/** The control lines above the parcels, under the plan's labels (provided to `sceneOf` by their feature: ./lazy-parts.ts). */
export function controlLinesScenePart(input: SceneInput): Scene {
  const lines = input.controlLines;
  if (!lines) return { sources: [], layers: [] };
  return { sources: [{ id: CONTROL_LINES_SOURCE, source: { kind: 'blob-geojson', data: lines.data } }], layers: controlLineLayerSpecs(lines.visible) };
}
