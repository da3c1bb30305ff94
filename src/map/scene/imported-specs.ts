/**
 * The style layers of a user import (pure; no MapLibre runtime): one source per import (`<id>`) and three
 * style layers (`<id>-fill`, `<id>-line`, `<id>-circle`) filtered by geometry type.
 */
import type { LayerSpecification } from 'maplibre-gl';

/** Distinct colours, none of them the plan's blue-green or construction colours' near twins. */
export const IMPORT_PALETTE = ['#d6336c', '#7048e8', '#e67700', '#0c8599', '#5c940d', '#862e9c'] as const;

export const IMPORT_LAYER_SUFFIXES = ['-fill', '-line', '-circle'] as const;

/** The colour of the import at `index` (import order). */
export function importColour(index: number): string {
  return IMPORT_PALETTE[index % IMPORT_PALETTE.length] as string;
}

/** The style layer specs of one import. */
export function importedLayerSpecs(id: string, colour: string, visible: boolean): LayerSpecification[] {
  const visibility = visible ? 'visible' : 'none';
  return [
    { id: `${id}-fill`, type: 'fill', source: id, filter: ['==', ['geometry-type'], 'Polygon'],
      layout: { visibility }, paint: { 'fill-color': colour, 'fill-opacity': 0.35 } },
    { id: `${id}-line`, type: 'line', source: id, filter: ['in', ['geometry-type'], ['literal', ['LineString', 'Polygon']]],
      layout: { visibility, 'line-join': 'round' }, paint: { 'line-color': colour, 'line-width': 2 } },
    { id: `${id}-circle`, type: 'circle', source: id, filter: ['==', ['geometry-type'], 'Point'],
      layout: { visibility }, paint: { 'circle-color': colour, 'circle-radius': 5, 'circle-stroke-color': '#fff', 'circle-stroke-width': 1.5 } },
  ];
}
