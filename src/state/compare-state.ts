import type { Feature, FeatureCollection } from 'geojson';
import { headroom } from '../core/analysis/headroom.ts';
import type { RegionFigures } from '../core/analysis/types.ts';
import { TIMELINE_YEARS } from '../core/timeline/status-in-year.ts';
import type { BasisKind } from './basis.ts';
import type { StudyGeometry } from './study-state.ts';

/**
 * Compare: two states of the map side by side or under a swipe, with the indicator deltas between them.
 * A side is described by what differs between states: the figures' basis, whether the what-if outlines
 * replace the plan's clusters, and the timeline year.
 */
export interface CompareSide {
  basis: BasisKind;
  whatIf: boolean;
  year: number;
}

export type CompareLayout = 'swipe' | 'side-by-side';
export type CompareSideName = 'left' | 'right';

export interface CompareState {
  active: boolean;
  /** a swipe over one map, or two maps side by side (wide screens) */
  layout: CompareLayout;
  left: CompareSide;
  right: CompareSide;
  /** the swipe divider, 0..1 of the map's width */
  position: number;
}

export function initialCompareState(): CompareState {
  return {
    active: false,
    layout: 'swipe',
    left: { basis: 'schematic', whatIf: false, year: 2023 },
    right: { basis: 'schematic', whatIf: true, year: 2023 },
    position: 0.5,
  };
}

/** The ready-made pairs of the compare panel: plan vs what-if outlines, one year vs another, schematic vs land use. */
export const COMPARE_PRESETS = ['plan-whatif', 'years', 'basis'] as const;
export type ComparePreset = (typeof COMPARE_PRESETS)[number];

/** The years a side can show (the phasing timeline's). */
export const COMPARE_YEARS: readonly number[] = TIMELINE_YEARS;

/** Side-by-side needs this much width (CSS px); narrower screens swipe. */
export const SIDE_BY_SIDE_MIN_WIDTH = 1100;

/** What the compare panel, its divider and the shortcut ask of the compare feature. */
export type CompareCommand =
  | { command: 'start'; preset: ComparePreset }
  | { command: 'stop' }
  | { command: 'side'; side: CompareSideName; change: Partial<CompareSide> }
  | { command: 'layout'; layout: CompareLayout }
  | { command: 'position'; position: number };

/**
 * The two sides of a preset, built around what the user has now.
 * @param context - the current year and basis of the map
 * @returns left and right sides: plan vs what-if in the current year; the current year (or 2023) vs 2035;
 *   the schematic layers vs the land-use layer
 */
export function presetSides(preset: ComparePreset, context: { year: number; basis: BasisKind }): { left: CompareSide; right: CompareSide } {
  const { year, basis } = context;
  if (preset === 'plan-whatif') return { left: { basis, whatIf: false, year }, right: { basis, whatIf: true, year } };
  if (preset === 'years') {
    const last = COMPARE_YEARS[COMPARE_YEARS.length - 1];
    return { left: { basis, whatIf: false, year: year === last ? COMPARE_YEARS[0] : year }, right: { basis, whatIf: false, year: last } };
  }
  return { left: { basis: 'schematic', whatIf: false, year }, right: { basis: 'landuse', whatIf: false, year } };
}

/**
 * The plan's structure layer with the what-if outlines swapped into its clusters (new objects for the edited
 * clusters; the plan's data is untouched). Without edits the same collection is returned.
 * @param whatIf - cluster id → edited outline
 */
export function structureWithWhatIf(structure: FeatureCollection, whatIf: Readonly<Record<string, StudyGeometry>>): FeatureCollection {
  if (Object.keys(whatIf).length === 0) return structure;
  let changed = false;
  const features = structure.features.map((feature): Feature => {
    if (feature.properties?.kind !== 'cluster') return feature;
    const edited = whatIf[String(feature.properties.id ?? feature.id)];
    if (!edited) return feature;
    changed = true;
    return { ...feature, properties: { ...feature.properties }, geometry: edited };
  });
  return changed ? { ...structure, features } : structure;
}

/** One region's figures on one side (null when it has none, e.g. an outline outside the boundary). */
export interface CompareRegionFigures {
  id: string;
  nameZh: string | null;
  nameEn: string | null;
  figures: RegionFigures | null;
}

/** What one side's figures client answered: the whole area and the clusters. */
export interface CompareSideFigures {
  whole: RegionFigures;
  clusters: readonly CompareRegionFigures[];
}

/** A value on both sides and its change (right − left); null where a side has no value. */
export interface DeltaValue {
  left: number | null;
  right: number | null;
  change: number | null;
}

/** The deltas of one region: shares (0..1, changes in percentage points) and headroom (km²). */
export interface RegionDelta {
  /** 'whole' for the whole Start-up Area, else the cluster id */
  id: string;
  nameZh: string | null;
  nameEn: string | null;
  blueGreen: DeltaValue;
  construction: DeltaValue;
  /** construction land that still fits under the construction target, km² */
  constructionHeadroomKm2: DeltaValue;
  /** blue-green area above the blue-green target, km² */
  blueGreenHeadroomKm2: DeltaValue;
}

export interface CompareDeltas {
  /** the whole area first, then each cluster whose figures differ */
  rows: RegionDelta[];
  /** true when no indicator differs between the two sides */
  unchanged: boolean;
}

/** Differences below this (in shares, and in km²) are rounding, not change. */
const EPSILON = 1e-9;

function delta(left: number | null, right: number | null, scale = 1): DeltaValue {
  const change = left === null || right === null ? null : (right - left) * scale;
  return { left, right, change: change !== null && Math.abs(change) < EPSILON ? 0 : change };
}

function regionDelta(id: string, names: { nameZh: string | null; nameEn: string | null }, left: RegionFigures | null, right: RegionFigures | null): RegionDelta {
  const leftRoom = left ? headroom(left) : null;
  const rightRoom = right ? headroom(right) : null;
  return {
    id, ...names,
    blueGreen: delta(left?.blueGreenRatio ?? null, right?.blueGreenRatio ?? null, 100),
    construction: delta(left?.constructionRatio ?? null, right?.constructionRatio ?? null, 100),
    constructionHeadroomKm2: delta(leftRoom?.constructionKm2 ?? null, rightRoom?.constructionKm2 ?? null),
    blueGreenHeadroomKm2: delta(leftRoom?.blueGreenKm2 ?? null, rightRoom?.blueGreenKm2 ?? null),
  };
}

function differs(row: RegionDelta): boolean {
  return [row.blueGreen, row.construction, row.constructionHeadroomKm2, row.blueGreenHeadroomKm2]
    .some((value) => (value.change !== null && value.change !== 0) || (value.left === null) !== (value.right === null));
}

/**
 * The indicator deltas between two sides: blue-green and construction shares (change in percentage points,
 * right − left) and the headroom to the targets (change in km²), for the whole area and for each cluster
 * whose figures differ.
 * @returns the rows (whole area always first) and whether nothing changed at all
 */
export function compareDeltas(left: CompareSideFigures, right: CompareSideFigures): CompareDeltas {
  const whole = regionDelta('whole', { nameZh: null, nameEn: null }, left.whole, right.whole);
  const rightById = new Map(right.clusters.map((cluster) => [cluster.id, cluster]));
  const clusters = left.clusters
    .filter((cluster) => rightById.has(cluster.id))
    .map((cluster) => regionDelta(cluster.id, cluster, cluster.figures, rightById.get(cluster.id)?.figures ?? null))
    .filter(differs);
  return { rows: [whole, ...clusters], unchanged: !differs(whole) && clusters.length === 0 };
}

/** Clamps a divider position to 0..1 (NaN → the middle). */
export function clampPosition(position: number): number {
  return Number.isFinite(position) ? Math.min(1, Math.max(0, position)) : 0.5;
}

/** True when both sides show the same state. */
export function sameSide(a: CompareSide, b: CompareSide): boolean {
  return a.basis === b.basis && a.whatIf === b.whatIf && a.year === b.year;
}
