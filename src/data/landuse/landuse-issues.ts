/**
 * What the land-use readers can say about a file. Each issue has a code (translated by the UI from the
 * `landuse` message catalogue as `landuse.issue.<code>`) and says where: file, record, byte offset.
 */
export type LandUseIssueCode =
  | 'empty-input'
  | 'zip-corrupt'
  | 'zip-empty'
  | 'no-shapefile'
  | 'missing-shx'
  | 'missing-dbf'
  | 'shp-header'
  | 'shp-not-polygon'
  | 'shp-truncated'
  | 'shp-record'
  | 'shx-mismatch'
  | 'dbf-header'
  | 'dbf-count-mismatch'
  | 'prj-unknown'
  | 'crs-inferred'
  | 'crs-unknown'
  | 'encoding-cpg'
  | 'encoding-detected'
  | 'encoding-unknown-cpg'
  | 'self-intersection'
  | 'empty-geometry'
  | 'geojson-syntax'
  | 'geojson-not-collection'
  | 'no-polygons'
  | 'classification-none'
  | 'classification-unknown-codes'
  | 'classification-mixed'
  | 'classification-name-mismatch'
  | 'classification-unknown-grouped'
  | 'classification-choice-unusable'
  | 'internal'
  | 'no-polygon-layer'
  | 'layer-choice-several'
  | 'layer-choice-unclassified'
  | 'layer-chosen'
  | 'layer-chosen-by-user'
  | 'shp-ring-unclosed'
  | 'shp-record-longer'
  | 'encoding-language-driver'
  | 'encoding-unsupported-code-page'
  | 'datum-shift-estimated'
  | 'datum-shift-unknown'
  | 'outside-area'
  | 'sqlite-unavailable'
  | 'gpkg-not-sqlite'
  | 'gpkg-not-geopackage'
  | 'gpkg-damaged'
  | 'gpkg-no-layer'
  | 'gpkg-not-polygon'
  | 'gpkg-geometry'
  | 'gpkg-mixed-geometry'
  | 'filegdb-unsupported'
  | 'mdb-unsupported';

export type LandUseIssueSeverity = 'error' | 'warning' | 'notice';

export interface LandUseIssue {
  code: LandUseIssueCode;
  severity: LandUseIssueSeverity;
  /** the file the issue is about, e.g. `parcels.shp` */
  file?: string;
  /** 1-based record number in the .shp / .dbf */
  record?: number;
  /** byte offset in the file */
  byteOffset?: number;
  /** values for the message template (plain text; never markup) */
  params?: Record<string, string | number>;
}

/** Every issue code, for tests that check each one has a message in both languages. */
export const LAND_USE_ISSUE_CODES: readonly LandUseIssueCode[] = [
  'empty-input', 'zip-corrupt', 'zip-empty', 'no-shapefile', 'missing-shx', 'missing-dbf', 'shp-header',
  'shp-not-polygon', 'shp-truncated', 'shp-record', 'shx-mismatch', 'dbf-header', 'dbf-count-mismatch',
  'prj-unknown', 'crs-inferred', 'crs-unknown', 'encoding-cpg', 'encoding-detected', 'encoding-unknown-cpg',
  'self-intersection', 'empty-geometry', 'geojson-syntax', 'geojson-not-collection',
  'no-polygons', 'classification-none', 'classification-unknown-codes', 'classification-mixed',
  'classification-name-mismatch', 'classification-unknown-grouped', 'classification-choice-unusable', 'internal',
  'no-polygon-layer', 'layer-choice-several', 'layer-choice-unclassified', 'layer-chosen', 'layer-chosen-by-user',
  'shp-ring-unclosed', 'shp-record-longer',
  'encoding-language-driver', 'encoding-unsupported-code-page', 'datum-shift-estimated', 'datum-shift-unknown',
  'outside-area',
  'sqlite-unavailable', 'gpkg-not-sqlite', 'gpkg-not-geopackage', 'gpkg-damaged', 'gpkg-no-layer',
  'gpkg-not-polygon', 'gpkg-geometry', 'gpkg-mixed-geometry', 'filegdb-unsupported', 'mdb-unsupported',
];
