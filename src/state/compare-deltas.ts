/**
 * What the compare computes from two sides (only the compare feature needs it, so it is not in the first view;
 * the state it keeps and the structure layer a side draws are in ./compare-state.ts): the sides of a preset and the
 * indicator deltas between two sides.
 */
import { headroom } from '../core/analysis/headroom.ts';
import type { RegionFigures, TargetCheck } from '../core/analysis/types.ts';
import type { BasisKind } from './basis.ts';
import { COMPARE_YEARS } from './compare-state.ts';
import type { ComparePreset, CompareSide } from './compare-state.ts';

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

/** A share's verdict on each side: `unknown` where that side's basis does not decide (the share is then a lower bound). */
export interface DeltaVerdicts {
  left: 'true' | 'false' | 'unknown';
  right: 'true' | 'false' | 'unknown';
}

/** The deltas of one region: shares (0..1, changes in percentage points) and headroom (km²). */
export interface RegionDelta {
  /** 'whole' for the whole Start-up Area, else the cluster id */
  id: string;
  nameZh: string | null;
  nameEn: string | null;
  blueGreen: DeltaValue;
  construction: DeltaValue;
  /** construction land that still fits under the construction target, km²; null on a side that does not decide the target */
  constructionHeadroomKm2: DeltaValue;
  /** blue-green area above the blue-green target, km²; null on a side that does not decide the target */
  blueGreenHeadroomKm2: DeltaValue;
  /** the two shares' verdicts on each side */
  verdicts: { blueGreen: DeltaVerdicts; construction: DeltaVerdicts };
}

function verdict(check: TargetCheck | undefined): 'true' | 'false' | 'unknown' {
  return !check || check.pass === 'unknown' ? 'unknown' : check.pass ? 'true' : 'false';
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
    verdicts: {
      blueGreen: { left: verdict(left?.blueGreenTarget), right: verdict(right?.blueGreenTarget) },
      construction: { left: verdict(left?.constructionTarget), right: verdict(right?.constructionTarget) },
    },
  };
}

function differs(row: RegionDelta): boolean {
  return [row.blueGreen, row.construction, row.constructionHeadroomKm2, row.blueGreenHeadroomKm2]
    .some((value) => (value.change !== null && value.change !== 0) || (value.left === null) !== (value.right === null));
}

/**
 * The indicator deltas between two sides: blue-green and construction shares (change in percentage points,
 * right − left) and the headroom to the targets (change in km², only where both sides decide the target: a
 * side whose basis does not decide has no headroom, so there is no change of it), for the whole area and for
 * each cluster whose figures differ.
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

/** Where the indicator deltas of the two compare sides are (computed by the compare feature, latest wins). */
export type CompareFigures =
  | { status: 'idle' | 'computing' }
  | { status: 'ready'; deltas: CompareDeltas }
  | { status: 'error'; detail: string };

export const IDLE_COMPARE_FIGURES: CompareFigures = { status: 'idle' };

export function setCompareFigures<S extends { compareFigures: CompareFigures }>(state: S, compareFigures: CompareFigures): S {
  return state.compareFigures === compareFigures ? state : { ...state, compareFigures };
}
