import type { BasisKind } from './basis.ts';

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

export interface CompareState {
  active: boolean;
  /** a swipe over one map, or two maps side by side (wide screens) */
  layout: 'swipe' | 'side-by-side';
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
