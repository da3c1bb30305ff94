/** A zipped Shapefile or its loose parts (also inside a dropped folder), a GeoPackage, or a geodatabase to explain. */
const SHAPEFILE_PART = /\.(zip|shp|shx|dbf|prj|cpg|gpkg|mdb|gdbtable)$/i;

/**
 * Whether files dropped on the map are a land-use layer (a zipped Shapefile or the parts of one) rather than a
 * GeoJSON layer to import: the drop goes to the land-use panel then.
 * @param names - the dropped files' names
 * @example isLandUseDrop(['用地.shp', '用地.dbf', '用地.shx']) // true
 */
export function isLandUseDrop(names: readonly string[]): boolean {
  return names.some((name) => SHAPEFILE_PART.test(name));
}
