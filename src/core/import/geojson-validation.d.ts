/** Types for geojson-validation 1.x (CommonJS, no bundled types). Only the trace form is used. */
declare module 'geojson-validation' {
  interface GeoJsonValidation {
    /** `trace = true` returns an array of error strings (empty when valid). */
    valid(value: unknown, trace: true): string[] | string | boolean;
    valid(value: unknown, trace?: false): boolean;
  }
  const GJV: GeoJsonValidation;
  export default GJV;
}
