import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { LandUseStructure } from '../landuse/structure-table.js';

/** The blue-green land classes of `geodata/blue-green.geojson` (`properties.class`). */
export type BlueGreenClass = 'water' | 'wetland' | 'forest' | 'park' | 'farmland';

/** Every blue-green class, in the plan's order. */
export const BLUE_GREEN_CLASSES: readonly BlueGreenClass[] = ['water', 'wetland', 'forest', 'park', 'farmland'];

/** A polygonal geometry, bare or wrapped in a Feature. */
export type PolygonalInput = Polygon | MultiPolygon | Feature<Polygon | MultiPolygon>;

/** Machine-readable reason codes for {@link AnalysisIssue}. */
export type AnalysisIssueReason =
  | 'not-polygonal'
  | 'invalid-coordinates'
  | 'unclosed-ring'
  | 'too-few-points'
  | 'zero-area'
  | 'self-intersection'
  | 'overlapping-parts'
  | 'hole-outside-shell'
  | 'outside-boundary'
  | 'partly-outside-boundary'
  | 'unknown-class'
  | 'clip-failed';

/** A problem found in input data. `error` issues make a result fail; `warning` issues are informative. */
export interface AnalysisIssue {
  readonly reason: AnalysisIssueReason;
  readonly severity: 'error' | 'warning';
  /** Human-readable detail (English, for logs; the UI translates `reason`). */
  readonly message: string;
  /** Index of the offending feature in its input collection, when the issue is about a data layer. */
  readonly featureIndex?: number;
  /** Where the problem is, [lng, lat], when known (e.g. a self-intersection point). */
  readonly at?: readonly [number, number];
}

/** A planning target such as "blue-green ≥ 70 %" evaluated for one figure. */
export interface TargetCheck {
  /** Target share, 0..1 (0.7 for 70 %). */
  readonly target: number;
  /** `>=`: the share must reach the target; `<=`: the share must not exceed it. */
  readonly op: '>=' | '<=';
  /**
   * Whether the figure meets the target: `true` / `false` only where the basis decides it (see `checkTarget`);
   * `'unknown'` where it does not (the schematic layers always; a land-use layer whose unclassified area could
   * flip the verdict) and where the share is undefined (empty region).
   */
  readonly pass: boolean | 'unknown';
  /**
   * Guaranteed margin in percentage points: positive = passes by at least that much, negative = misses by at
   * least that much. `null` when the verdict is `'unknown'`.
   */
  readonly marginPoints: number | null;
}

/** A target definition (without evaluation). */
export interface TargetDefinition {
  readonly target: number;
  readonly op: '>=' | '<=';
}

/** The figures of one region (whole area, cluster, subdistrict or user polygon). */
export interface RegionFigures {
  /** Area of the region as given, km² (turf spherical area). */
  readonly areaKm2: number;
  /** Same area in hectares. */
  readonly areaHa: number;
  /** Same area in 亩 (1 mu = 10000/15 m²). */
  readonly areaMu: number;
  /** Area of the region inside the Start-up Area boundary, km². Ratios use this as denominator. */
  readonly insideAreaKm2: number;
  /** Area of (union of the counted blue-green classes) ∩ boundary ∩ region, km². */
  readonly blueGreenKm2: number;
  /** blueGreenKm2 / insideAreaKm2 (0..1), `null` when the region has no area inside the boundary. */
  readonly blueGreenRatio: number | null;
  /** Area of (union of construction land) ∩ boundary ∩ region, km². */
  readonly constructionKm2: number;
  /** constructionKm2 / insideAreaKm2 (0..1), `null` when the region has no area inside the boundary. */
  readonly constructionRatio: number | null;
  readonly blueGreenTarget: TargetCheck;
  readonly constructionTarget: TargetCheck;
  /** The blue-green classes that were counted (sorted in plan order). */
  readonly classes: readonly BlueGreenClass[];
  /** Non-fatal findings (e.g. `partly-outside-boundary`). */
  readonly issues: readonly AnalysisIssue[];
  /** On a land-use basis: how the area inside the boundary splits, including what no parcel covers. */
  readonly landUse?: LandUseCoverage;
}

/** What a land-use layer says about a region's area inside the boundary (km²). */
export interface LandUseCoverage {
  readonly coveredKm2: number;
  /** area no parcel covers: counted in no group, never assumed */
  readonly notCoveredKm2: number;
  readonly otherKm2: number;
  /** parcels whose code no classification knows */
  readonly unclassifiedKm2: number;
  /** parcel area exceeds the region's area: parcels overlap and the shares are overstated */
  readonly overlapSuspected: boolean;
  /** area per class present, largest first */
  readonly classes: readonly LandUseClassArea[];
  /** the land-use structure table (用地结构表) of the region, with the development intensity */
  readonly structure?: LandUseStructure;
  /**
   * Urban construction land inside the ecological red line, inside permanent basic farmland and outside the urban
   * development boundary, m² inside the region (core/landuse/control-lines); a kind is null when its line is not
   * loaded; absent when no control lines are loaded.
   */
  readonly conflicts?: Readonly<Record<'ecological-red-line' | 'permanent-farmland' | 'outside-development-boundary', number | null>>;
}

export interface LandUseClassArea {
  /** `system:code`; `unknown:<code>` for a code of no known class; `unclassified` when there is no code */
  readonly key: string;
  readonly code: string | null;
  readonly nameZh: string | null;
  readonly nameEn: string | null;
  readonly group: 'blue-green' | 'urban-construction' | 'other' | null;
  readonly areaKm2: number;
  readonly parcelCount: number;
}

/** Result of an analysis on user or data input: figures, or the reasons why there are none. Never thrown. */
export type FiguresResult =
  | { readonly ok: true; readonly figures: RegionFigures; readonly issues: readonly AnalysisIssue[] }
  | { readonly ok: false; readonly issues: readonly AnalysisIssue[] };

/** Computed boundary area beside the official figure. */
export interface AreaReconciliation {
  readonly computedKm2: number;
  readonly officialKm2: number;
  /** computed − official, km². */
  readonly differenceKm2: number;
  /** (computed − official) / official × 100. */
  readonly differencePercent: number;
}
