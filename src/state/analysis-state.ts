import type { BlueGreenClass, FiguresResult, RegionTableRow, WholeAreaFigures } from '../core/analysis/index.ts';
import { BLUE_GREEN_CLASSES } from '../core/analysis/index.ts';
import { SCHEMATIC_BASIS } from './basis.ts';
import type { Basis } from './basis.ts';

/**
 * Analysis results in the store: computed in the analysis worker after map-idle, all for the same
 * class set (`classes`), replaced together so every figure on screen changes at once.
 */
export interface AnalysisState {
  /** `idle` before the worker starts (the first map draw comes first), `preparing`, `ready`, `error` */
  status: 'idle' | 'preparing' | 'ready' | 'error';
  /** the data these figures were computed from */
  basis: Basis;
  /** the class set these figures were computed for (schematic basis) */
  classes: readonly BlueGreenClass[];
  whole: WholeAreaFigures | undefined;
  clusters: readonly RegionTableRow[];
  subdistricts: readonly RegionTableRow[];
  /** what went wrong (English detail; the UI shows a translated message) */
  error?: string;
}

/** Figures of a region the tables have no row for (a core), computed on request for a class set. */
export interface RegionFiguresOnRequest {
  id: string;
  basis: Basis;
  classes: readonly string[];
  result: FiguresResult;
}

export function initialAnalysisState(): AnalysisState {
  return { status: 'idle', basis: SCHEMATIC_BASIS, classes: [...BLUE_GREEN_CLASSES], whole: undefined, clusters: [], subdistricts: [] };
}

/** The classes counted by default: all five. */
export function defaultAnalysisClasses(): BlueGreenClass[] {
  return [...BLUE_GREEN_CLASSES];
}
