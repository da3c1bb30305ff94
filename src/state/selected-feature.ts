import type { Feature } from 'geojson';
import type { PlanState } from './plan-state.ts';

/** The selected feature's GeoJSON from the loaded data, or undefined (nothing selected or not loaded). */
export function selectedFeature(state: Pick<PlanState, 'selection' | 'data'>): Feature | undefined {
  if (state.selection.type !== 'feature') return undefined;
  return findFeature(state, state.selection.layer, state.selection.id);
}

/** A feature by geodata layer and id (`layer` undefined: search every layer). */
export function findFeature(state: Pick<PlanState, 'data'>, layer: string | undefined, id: string): Feature | undefined {
  const layers = layer ? [layer] : Object.keys(state.data);
  for (const name of layers) {
    const collection = state.data[name as keyof PlanState['data']];
    const found = collection?.features.find((feature) => String(feature.properties?.id ?? feature.id) === id);
    if (found) return found;
  }
  return undefined;
}

/** The geodata layer holding the feature with this id, if loaded. */
export function layerOfFeature(state: Pick<PlanState, 'data'>, id: string): string | undefined {
  for (const [name, collection] of Object.entries(state.data)) {
    if (collection?.features.some((feature) => String(feature.properties?.id ?? feature.id) === id)) return name;
  }
  return undefined;
}
