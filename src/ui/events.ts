/**
 * Every event the interface emits, declared once (like Shoelace's src/events/): the name, and the type of
 * its detail. Components emit them with `emit`; the app's feature modules listen on the shell
 * (`app.addEventListener('plan-…', (event) => event.detail …)`, typed through GlobalEventHandlersEventMap,
 * no casts) and turn them into named actions of src/state/. Components never write the store.
 * All events bubble and cross shadow roots.
 */
import type { Mode } from '../state/modes.ts';
import type { Polygon } from 'geojson';
import type { Lang } from '../i18n/messages.ts';
import type { BlueGreenClass } from '../core/analysis/types.ts';
import type { OffsetDatum } from '../core/import/china-offset.ts';
import type { AttributeEncoding } from '../data/landuse/dbf-encoding.ts';
import type { LandUseGroup } from '../core/landuse/classes.ts';
import type { ClassificationChoice } from '../core/landuse/classify-parcels.ts';
import type { CompareCommand } from '../state/compare-state.ts';
import type { ControlLineChoice } from '../state/control-lines-state.ts';

/** A feature chosen by its geodata layer and stable id (search result, inspector link). */
export interface FeatureChoice {
  layer: string;
  id: string;
}

/** What the study panel, the cluster cards and the inspector ask of the study-area tool. */
export type StudyCommand =
  | { command: 'open' | 'draw' | 'from-view' | 'edit' | 'done' | 'cancel' | 'clear' }
  | { command: 'choose-cluster'; clusterId: string | null }
  | { command: 'edit-cluster' | 'reset-cluster'; clusterId: string }
  /** use this polygon as the study area (e.g. an imported feature) */
  | { command: 'set-polygon'; polygon: Polygon };

/** What the user asked the slides panel to do; the presenter carries it out. */
export type DeckAction =
  | { type: 'add' | 'present' | 'export-json' | 'reset' | 'png-full' | 'png-window' | 'download-backup' | 'close' }
  | { type: 'goto' | 'duplicate' | 'delete' | 'up' | 'down' | 'present-from'; index: number }
  | { type: 'caption'; index: number; lang: Lang; text: string }
  | { type: 'spotlight'; index: number; value: boolean }
  | { type: 'notes'; index: number; lang: Lang; text: string }
  | { type: 'presenter-view' | 'notes-strip' | 'handout' }
  | { type: 'kiosk'; seconds: number }
  | { type: 'approval'; text: string }
  | { type: 'import-json'; file: File };

/** Event name → detail. */
export interface PlanEventDetail {
  /** a search result was chosen */
  'plan-search-choose': FeatureChoice;
  /** a containing region or contained feature was chosen in the inspector */
  'plan-inspector-choose': FeatureChoice;
  /** the inspector was closed (button or Escape inside it) */
  'plan-inspector-close': null;
  'plan-study-command': StudyCommand;
  /** a cluster card was chosen */
  'plan-cluster-choose': { id: string };
  /** the open cluster card was closed */
  'plan-cluster-close': null;
  'plan-deck-action': DeckAction;
  /** the presenter overlay's exit button */
  'plan-present-exit': null;
  /** the header's mode switch */
  'plan-mode-change': Mode;
  /** legend: show only this catalog layer within its group (id), or end the filter (null) */
  'plan-legend-filter': { id: string | null };
  /** the measure tool's panel */
  'plan-measure': { command: 'start' | 'stop' | 'add-centre' | 'undo' | 'clear' } | { command: 'mode'; mode: 'distance' | 'area' };
  /** the keyboard help sheet was closed */
  'plan-shortcuts-close': null;
  /** the header's language switch */
  'plan-lang-change': Lang;
  /** the header's large-text switch: on or off */
  'plan-large-text-change': boolean;
  /** layer tree: show or hide catalog layers */
  'plan-layers-visible': { ids: readonly string[]; visible: boolean };
  /** layer tree: opacity 0..1 of a catalog layer or an imported layer (by id) */
  'plan-layer-opacity': { id: string; opacity: number };
  /** statistics panel: count a blue-green class or not */
  'plan-analysis-class': { name: BlueGreenClass; counted: boolean };
  /** statistics panel: the CSV was saved */
  'plan-stats-exported': { file: string };
  /** timeline: a year was chosen */
  'plan-year-change': { year: number };
  /** import panel and layer tree: imported layers */
  'plan-import-file': { file: File };
  'plan-import-cancel': null;
  'plan-import-visible': { id: string; visible: boolean };
  'plan-import-remove': { id: string };
  'plan-import-convert': { id: string; conversion: 'none' | OffsetDatum };
  'plan-import-blue-green': { id: string; counted: boolean };
  'plan-import-use-as-study': null;
  'plan-import-inspect-close': null;
  'plan-import-dismiss': { id: number | 'all' };
  'plan-work-export': null;
  'plan-backup-download': { id: string };
  /** land-use panel: files chosen; a reading setting or a class group changed; use for the indicators or not */
  'plan-landuse-files': { files: File[]; dropped?: boolean };
  /**
   * a changed reading or classification choice of the land-use layer: `choice` null goes back to the detected
   * classification; `group` null takes the user's group off a key (`system:code` back to the default rule,
   * `unknown:<code>` back to counting in no group)
   */
  'plan-landuse-settings': { encoding?: AttributeEncoding; crsId?: string; layer?: string; choice?: ClassificationChoice | null; group?: { key: string; group: LandUseGroup | null } };
  /** accept the layer waiting for the planner's word (a guessed coordinate system, or a layer without recognised codes) */
  'plan-landuse-confirm': Record<string, never>;
  /** stop reading the chosen files, or drop the layer waiting for the planner's word */
  'plan-landuse-cancel': Record<string, never>;
  'plan-landuse-use': { use: boolean };
  /** the land-use layer shown or hidden on the map, or its opacity (0..1) */
  'plan-landuse-display': { visible?: boolean; opacity?: number };
  /** control-line files chosen (a zip, a folder's files, a GeoPackage) */
  'plan-control-lines-files': { files: File[] };
  /** the planner's role for a control-line layer whose name does not tell it (null: not chosen) */
  'plan-control-lines-role': { id: string; choice: ControlLineChoice | null };
  /** a dropped delivery with control lines and a land-use layer: read it as which */
  'plan-control-lines-kind': { kind: 'control-lines' | 'land-use' };
  /** drop the control-lines question */
  'plan-control-lines-cancel': null;
  /** the control lines shown or hidden on the map */
  'plan-control-lines-display': { visible: boolean };
  /** the planner removes the control lines (nothing drawn or remembered) */
  'plan-control-lines-remove': null;
  /** the layer offered as the other land-use state: as 现状 / 规划, in place of the current layer, or dropped; compare the two */
  'plan-landuse-state': { choice: 'current' | 'plan' | 'replace' | 'drop' | 'compare' };
  /** the transition matrix by indicator group or by first-level class */
  'plan-transition-level': { level: 'group' | 'first-level' };
  /** a figure without a verdict asks for the land-use layer: open its panel in Analyse mode */
  'plan-landuse-open': null;
  /** compare panel, divider: start, stop, change a side, the layout or the divider's position */
  'plan-compare': CompareCommand;
  /** share: the header button asks for the dialog; the dialog's copy button; the dialog was closed */
  'plan-share-open': null;
  'plan-share-copy': null;
  'plan-share-close': null;
  /** a basemap tile archive (.pmtiles / .mbtiles) chosen or dropped; its opacity, shown or hidden, removed */
  'plan-basemap-files': { files: File[] };
  'plan-basemap-opacity': { opacity: number };
  'plan-basemap-visible': { visible: boolean };
  'plan-basemap-remove': null;
  /** plan image: files chosen or dropped on the map (an image with its world file and .prj, or a zip of them) */
  'plan-image-files': { files: File[] };
  /** plan image in the layer tree: opacity 0..1, above or below the plan layers, shown, removed */
  'plan-image-opacity': { id: string; opacity: number };
  'plan-image-position': { id: string; position: 'above' | 'below' };
  'plan-image-visible': { id: string; visible: boolean };
  'plan-image-remove': { id: string };
  /** place an image again by dragging its corners; end placing (done: keep the corners, else put them back) */
  'plan-image-place': { id: string };
  'plan-image-place-end': { done: boolean };
  /** the answer to "which system is this world file in?": a system, placing by corners instead, or cancel */
  'plan-image-answer': { crsId: string } | { byCorners: true } | { cancel: true };
}

export type PlanEventName = keyof PlanEventDetail;
export type PlanEvent<K extends PlanEventName> = CustomEvent<PlanEventDetail[K]>;
type PlanEvents = { [K in PlanEventName]: PlanEvent<K> };

/** Dispatches a declared event from `host` (bubbles, composed). */
export function emit<K extends PlanEventName>(host: EventTarget, type: K, detail: PlanEventDetail[K]): void {
  host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends PlanEvents {}
}
