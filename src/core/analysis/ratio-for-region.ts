import { buildFigures } from './build-figures.js';
import { blueGreenLayer, normalizeClasses } from './class-set.js';
import { layerAreaInRegion } from './layer-area-in-region.js';
import { projectPolygons } from './planar-shape.js';
import type { PreparedAnalysis } from './prepared-analysis.js';
import { SQUARE_METERS_PER_UNIT } from './projection.js';
import { buildRegionQuery } from './region-query.js';
import type { AnalysisIssue, BlueGreenClass, FiguresResult } from './types.js';
import { validateUserPolygon } from './validate-user-polygon.js';

/** Options of {@link ratioForRegion}. */
export interface RatioOptions {
  /** Blue-green classes to count (default: the prepared default set). Unknown names are ignored. */
  readonly classes?: readonly (BlueGreenClass | string)[];
}

/**
 * Blue-green and construction figures of any region: a user polygon, a cluster, a subdistrict, or an
 * edited what-if outline.
 *
 * The region is validated first (self-intersection, too few points, …): a bad region gives
 * `{ ok: false, issues }`, never an exception. A region partly outside the Start-up Area is clipped to
 * the boundary: `areaKm2` is the polygon as drawn, `insideAreaKm2` the part inside, and both ratios use
 * the inside part as denominator (land outside the plan has no blue-green data, so counting it would
 * dilute the share). A `partly-outside-boundary` / `outside-boundary` warning says so.
 *
 * Cost: proportional to the grid cells under the region's outline (not to the data size). Results are
 * memoised per input object and class set, so pass a new object when the outline changes (as immutable
 * state updates do) and unchanged regions cost nothing.
 * @param prepared - from `prepareAnalysis`
 * @param region - Feature / Polygon / MultiPolygon in WGS84 degrees (unknown input is reported, not thrown)
 * @param options - which blue-green classes count
 * @returns figures in km², ha, mu, ratios 0..1 and target checks; or the issues
 * @example const result = ratioForRegion(prepared, drawnFeature, { classes: ['water', 'forest'] });
 */
export function ratioForRegion(prepared: PreparedAnalysis, region: unknown, options: RatioOptions = {}): FiguresResult {
  const classes = normalizeClasses(options.classes ?? prepared.defaultClasses);
  const key = classes.join(',');
  const memo = typeof region === 'object' && region !== null ? prepared.regionResults.get(region) : undefined;
  const remembered = memo?.get(key);
  if (remembered) return remembered;

  const result = computeRegion(prepared, region, classes);
  if (typeof region === 'object' && region !== null) {
    const map = memo ?? new Map();
    map.set(key, result);
    if (!memo) prepared.regionResults.set(region, map);
  }
  return result;
}

function computeRegion(prepared: PreparedAnalysis, region: unknown, classes: BlueGreenClass[]): FiguresResult {
  const validation = validateUserPolygon(region);
  if (!validation.ok) return { ok: false, issues: validation.issues };
  const issues: AnalysisIssue[] = [...validation.issues];
  const { grid } = prepared;
  const shape = projectPolygons(grid.origin, validation.polygons);
  const query = buildRegionQuery(grid, shape);
  let insideSquareMeters: number;
  let blueGreenSquareMeters: number;
  let constructionSquareMeters: number;
  try {
    insideSquareMeters = layerAreaInRegion(grid, prepared.boundary, query, validation.polygons);
    blueGreenSquareMeters = layerAreaInRegion(grid, blueGreenLayer(prepared, classes), query, validation.polygons);
    constructionSquareMeters = layerAreaInRegion(grid, prepared.construction, query, validation.polygons);
  } catch {
    return { ok: false, issues: [...issues, { reason: 'clip-failed', severity: 'error', message: 'The region could not be clipped against the plan layers.' }] };
  }
  const areaSquareMeters = (shape.area2 / 2) * SQUARE_METERS_PER_UNIT;
  if (insideSquareMeters <= 1e-6 * Math.max(1, areaSquareMeters)) {
    issues.push({ reason: 'outside-boundary', severity: 'warning', message: 'The region lies outside the Start-up Area; it has no figures.' });
  } else if (insideSquareMeters < areaSquareMeters * (1 - 1e-6)) {
    issues.push({ reason: 'partly-outside-boundary', severity: 'warning', message: 'The region extends outside the Start-up Area; ratios use the part inside.' });
  }
  const figures = buildFigures(prepared, { areaSquareMeters, insideSquareMeters, blueGreenSquareMeters, constructionSquareMeters }, classes, issues);
  return { ok: true, figures, issues: figures.issues };
}
