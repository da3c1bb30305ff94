/**
 * The style layers of each user import, for the per-layer opacity the layer tree sets:
 * `applyLayerOpacity(map, opacity, importedStyleLayers(state.imports))` keys them by the import id.
 */
import type { ImportedLayer } from '../state/imports.ts';
import { IMPORT_LAYER_SUFFIXES } from './imported-layers.ts';

export function importedStyleLayers(imports: readonly Pick<ImportedLayer, 'id'>[]): { id: string; styleLayers: string[] }[] {
  return imports.map(({ id }) => ({ id, styleLayers: IMPORT_LAYER_SUFFIXES.map((suffix) => `${id}${suffix}`) }));
}
