/**
 * Live analysis core: areas, blue-green ratio and construction share, pure and worker-safe.
 *
 * Typical use: `prepareAnalysis` once after loading geodata, then `wholeAreaFigures`, `regionTable`
 * and `ratioForRegion` on every change (they only touch what the change hits).
 */
export { areaSquareMeters } from './area-square-meters.js';
export { toKm2, toHectares, toMu, km2ToSquareMeters, SQUARE_METERS_PER_MU } from './units.js';
export { checkTarget, DEFAULT_TARGETS, isDecided } from './target-check.js';
export { prepareAnalysis } from './prepare-analysis.js';
export type { AnalysisLayers, PrepareAnalysisOptions } from './prepare-analysis.js';
export type { PreparedAnalysis } from './prepared-analysis.js';
export { withExtraBlueGreen } from './extra-blue-green.js';
export { ratioForRegion } from './ratio-for-region.js';
export type { RatioOptions } from './ratio-for-region.js';
export { wholeAreaFigures } from './whole-area-figures.js';
export type { WholeAreaFigures } from './whole-area-figures.js';
export { regionTable } from './region-table.js';
export type { RegionTableRow } from './region-table.js';
export { reconcileArea } from './reconcile-area.js';
export { headroom } from './headroom.js';
export type { Headroom } from './headroom.js';
export { validateUserPolygon } from './validate-user-polygon.js';
export type { UserPolygonValidation } from './validate-user-polygon.js';
export { normalizeClasses } from './class-set.js';
export { createStudyPolygon, movePolygonVertex } from './study-polygon.js';
export type { StudyPolygonOptions } from './study-polygon.js';
export { BLUE_GREEN_CLASSES } from './types.js';
export type {
  AnalysisIssue,
  AnalysisIssueReason,
  AreaReconciliation,
  BlueGreenClass,
  FiguresResult,
  LandUseClassArea,
  LandUseCoverage,
  PolygonalInput,
  RegionFigures,
  TargetCheck,
  TargetDefinition,
} from './types.js';
