import type { AnalysisGrid } from './grid.js';
import type { PolygonCoordinates, TiledLayer } from './tiled-layer.js';
import type { AnalysisIssue, BlueGreenClass, FiguresResult, TargetDefinition } from './types.js';

/**
 * Everything that does not change while a planner edits: the grid index and the dissolved, boundary-clipped,
 * tiled layers. Build it once with `prepareAnalysis` (in a Web Worker if you like) and pass it to every
 * query. Treat it as opaque; its only mutable parts are internal caches (class-set unions, per-region
 * results memoised by input object identity).
 */
export interface PreparedAnalysis {
  readonly grid: AnalysisGrid;
  /** The boundary, dissolved and tiled. */
  readonly boundary: TiledLayer;
  /** The boundary polygons (degrees), dissolved. */
  readonly boundaryPolygons: readonly PolygonCoordinates[];
  /** Construction land ∩ boundary, dissolved and tiled. */
  readonly construction: TiledLayer;
  /** Each blue-green class ∩ boundary, dissolved and tiled. Absent classes map to an empty layer. */
  readonly classLayers: ReadonlyMap<BlueGreenClass, TiledLayer>;
  /** Extra polygons counted as blue-green with every class set (see `withExtraBlueGreen`), tiled. */
  readonly extraBlueGreen?: TiledLayer;
  /** Cache: sorted class-set key → union of those class layers. */
  readonly classSetLayers: Map<string, TiledLayer>;
  /** Cache: region input object → class-set key → result. Valid because inputs are never mutated. */
  readonly regionResults: WeakMap<object, Map<string, FiguresResult>>;
  readonly officialAreaKm2: number;
  readonly targets: { readonly blueGreen: TargetDefinition; readonly construction: TargetDefinition };
  /** The default counted classes (used when a query does not say). */
  readonly defaultClasses: readonly BlueGreenClass[];
  /** Problems found in the layers (bad features are skipped, never thrown). */
  readonly issues: readonly AnalysisIssue[];
  /** Time spent preparing, ms (for benchmarks and logs). */
  readonly prepareMilliseconds: number;
}
