import type { Feature } from 'geojson';
import type { PreparedAnalysis } from './prepared-analysis.js';
import type { RatioOptions } from './ratio-for-region.js';
import { ratioForRegion } from './ratio-for-region.js';
import type { FiguresResult } from './types.js';

/** One row of {@link regionTable}. */
export interface RegionTableRow {
  /** `properties.id` (or `feature.id`), else the row index as a string. */
  readonly id: string;
  readonly nameZh: string | null;
  readonly nameEn: string | null;
  readonly result: FiguresResult;
}

/**
 * Figures for a list of regions (all clusters, all subdistricts, …), in input order.
 *
 * Rows are memoised per feature object, so after a what-if edit of one cluster outline (a new feature
 * object for that cluster, the others unchanged) only the edited row is recomputed.
 * @param prepared - from `prepareAnalysis`
 * @param regions - Features with Polygon/MultiPolygon geometry; bad ones get an `ok: false` row
 * @param options - which blue-green classes count
 * @returns one row per region
 * @example regionTable(prepared, structure.features.filter((f) => f.properties?.kind === 'cluster'))
 */
export function regionTable(prepared: PreparedAnalysis, regions: readonly Feature[], options: RatioOptions = {}): RegionTableRow[] {
  return regions.map((feature, index) => {
    const properties = feature?.properties ?? {};
    const rawId = properties.id ?? feature?.id;
    return {
      id: rawId === undefined || rawId === null ? String(index) : String(rawId),
      nameZh: typeof properties.name_zh === 'string' ? properties.name_zh : null,
      nameEn: typeof properties.name_en === 'string' ? properties.name_en : null,
      result: ratioForRegion(prepared, feature, options),
    };
  });
}
