/**
 * User-imported GeoJSON layers on the map: one source per import (`<id>`, an object URL of the layer's `data`
 * Blob; a file:// page reads it as a data: URL) and three style layers (`<id>-fill`, `<id>-line`, `<id>-circle`)
 * filtered by geometry type, on top of the plan's layers. The map's scene draws them from state.imports
 * (./scene/scene-of.ts, ./scene/imported-specs.ts); object URLs are revoked when the data changes or the layer
 * goes (./scene/browser-resources.ts; CSP: connect-src needs `blob:`).
 */
export { IMPORT_LAYER_SUFFIXES, IMPORT_PALETTE, importColour, importedLayerSpecs } from './scene/imported-specs.ts';
