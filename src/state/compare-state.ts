import { TIMELINE_YEARS } from '../core/timeline/status-in-year.ts';
import type { Feature, FeatureCollection } from 'geojson';
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
  /** with a second land-use state: which land-use layer this side draws (default the first, the layer in force) */
  landuse?: 'first' | 'second';
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

/** Clamps a divider position to 0..1 (NaN → the middle). */
export function clampPosition(position: number): number {
  return Number.isFinite(position) ? Math.min(1, Math.max(0, position)) : 0.5;
}

/** True when both sides show the same state. */
export function sameSide(a: CompareSide, b: CompareSide): boolean {
  return a.basis === b.basis && a.whatIf === b.whatIf && a.year === b.year && (a.landuse ?? 'first') === (b.landuse ?? 'first');
}

/** Which bases have figures now (a land-use side needs a loaded land-use layer). */
export function setFiguresAvailable<S extends { figuresAvailable: readonly BasisKind[] }>(state: S, available: readonly BasisKind[]): S {
  const same = available.length === state.figuresAvailable.length && available.every((kind) => state.figuresAvailable.includes(kind));
  return same ? state : { ...state, figuresAvailable: [...available] };
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
