import type { Geodata } from '../data/geodata.ts';
import type { Mode } from './modes.ts';
import type { Lang } from '../i18n/messages.ts';
import { defaultLayerVisibility } from './layer-catalog.ts';
import { initialStudyState } from './study-state.ts';
import type { StudyState } from './study-state.ts';
import { initialImportSession } from './import-session.ts';
import type { ImportSession, ImportedLayer } from './import-session.ts';
import type { BlueGreenClass } from '../core/analysis/index.ts';
import { defaultAnalysisClasses, initialAnalysisState } from './analysis-state.ts';
import type { AnalysisState, RegionFiguresOnRequest } from './analysis-state.ts';
import type { LegendEntry } from './legend.ts';
import { SCHEMATIC_BASIS } from './basis.ts';
import type { Basis } from './basis.ts';
import { initialCompareState } from './compare-state.ts';
import type { CompareState } from './compare-state.ts';
import { initialLandUseState } from './landuse-state.ts';
import type { LandUseState } from './landuse-state.ts';
import { initialControlLinesState, type ControlLinesState } from './control-lines-state.ts';
import type { CompareFigures } from './compare-deltas.ts';
import type { BasisKind } from './basis.ts';
import { initialMeasureState } from './measure-state.ts';
import type { MeasureState } from './measure-state.ts';
import { initialShareState } from './share-state.ts';
import type { ShareState } from './share-state.ts';
import { initialPresenterState } from './presenter-state.ts';
import type { PresenterState } from './presenter-state.ts';
import { initialBasemapState } from './basemap-state.ts';
import type { BasemapState } from './basemap-state.ts';
import { initialPlanImagesState } from './plan-image-state.ts';
import type { PlanImagesState } from './plan-image-state.ts';

/**
 * What is selected on the map: nothing, or one feature of a geodata layer by its stable id; `at` is where it
 * was picked on the map, [lng, lat] (the inspector's "Where" context uses it), absent when chosen otherwise.
 */
export type Selection = { type: 'none' } | { type: 'feature'; layer: string; id: string; at?: [number, number] };

/** A message for the ARIA live regions: `error` goes to role="alert", `info` to role="status". */
export interface Announcement {
  id: number;
  level: 'info' | 'error';
  text: string;
}

export interface PlanState {
  status: 'loading' | 'ready' | 'error';
  lang: Lang;
  data: Geodata;
  /** catalog layer id → visible */
  layerVisibility: Record<string, boolean>;
  /** catalog layer id → opacity 0..1 (absent = 1) */
  layerOpacity: Record<string, number>;
  selection: Selection;
  announcements: readonly Announcement[];
  /** study-area tool and what-if cluster outlines (helpers in ./study-state.ts) */
  study: StudyState;
  /** phasing timeline year (2023 baseline, 2025, 2030, 2035): crossings and projects show their status then */
  year: number;
  /** user-imported GeoJSON layers, in import order (helpers in ./imports.ts) */
  imports: readonly ImportedLayer[];
  /** import messages, progress, inspected imported feature, storage problems */
  importSession: ImportSession;
  /** blue-green classes that count in every figure (toggled in the statistics panel) */
  analysisClasses: readonly BlueGreenClass[];
  /** analysis results from the worker, all for one class set (see ./analysis-state.ts) */
  analysis: AnalysisState;
  /** figures of the selected region that has no table row (a core), asked of the worker on selection */
  regionFigures: RegionFiguresOnRequest | null;
  /** legend rows of the visible layers, read from the live style by the map */
  legend: readonly LegendEntry[];
  /** a legend row clicked to show only its layer within its group, and the visibility to return to */
  legendFilter: { id: string; before: Record<string, boolean> } | null;
  /** the interface mode: which tools the side panel shows (src/state/modes.ts) */
  mode: Mode;
  /** the data every indicator is computed from (src/state/basis.ts) */
  basis: Basis;
  /** two states of the map compared, with indicator deltas (src/state/compare-state.ts) */
  compare: CompareState;
  /** the indicator deltas of the compare's two sides, while comparing (src/state/compare-state.ts) */
  compareFigures: CompareFigures;
  /** the bases whose figures can be computed now (`landuse` once a land-use layer is loaded) */
  figuresAvailable: readonly BasisKind[];
  /** large interface text and map labels with raised contrast (saved on this device) */
  largeText: boolean;
  /** the planner's land-use layer: reading, waiting question, accepted layer, drawing (./landuse-state.ts) */
  landuse: LandUseState;
  /** the three control lines: reading, question, accepted lines, drawing (./control-lines-state.ts) */
  controlLines: ControlLinesState;
  /** the measure tool: on or off, distance or area, the points picked (src/state/measure-state.ts) */
  measure: MeasureState;
  /** the share dialog: open, the link it shares and its QR code (src/state/share-state.ts) */
  share: ShareState;
  /** the slides, the slide shown, the presenting modes and the slide highlight (src/state/presenter-state.ts) */
  presenter: PresenterState;
  /** the basemap drawn under every plan layer, its reading and last error (src/state/basemap-state.ts) */
  basemap: BasemapState;
  /** plan images over the map, the one being placed by its corners, a question about one (./plan-image-state.ts) */
  planImages: PlanImagesState;
}

export function initialState(lang: Lang): PlanState {
  return {
    status: 'loading',
    lang,
    data: {},
    layerVisibility: defaultLayerVisibility(),
    layerOpacity: {},
    selection: { type: 'none' },
    announcements: [],
    study: initialStudyState(),
    year: 2023,
    imports: [],
    importSession: initialImportSession(),
    analysisClasses: defaultAnalysisClasses(),
    analysis: initialAnalysisState(),
    regionFigures: null,
    legend: [],
    legendFilter: null,
    mode: 'explore',
    basis: SCHEMATIC_BASIS,
    compare: initialCompareState(),
    compareFigures: { status: 'idle' },
    figuresAvailable: ['schematic'],
    largeText: false,
    landuse: initialLandUseState(),
    controlLines: initialControlLinesState(),
    measure: initialMeasureState,
    share: initialShareState,
    presenter: initialPresenterState(),
    basemap: initialBasemapState(),
    planImages: initialPlanImagesState,
  };
}

let nextAnnouncementId = 1;

/** Pure update: adds an announcement, keeping the last 20. */
export function announce(state: PlanState, level: Announcement['level'], text: string): PlanState {
  const announcement: Announcement = { id: nextAnnouncementId++, level, text };
  return { ...state, announcements: [...state.announcements, announcement].slice(-20) };
}
