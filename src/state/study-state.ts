/**
 * Study-area tool and what-if cluster outlines: plain data and pure helpers.
 *
 * The study polygon and the what-if outlines are the user's own work: they are saved (versioned) and
 * restored. The plan's data is never modified; a what-if outline is a copy that replaces the cluster's
 * outline only in the study figures and the cluster row shown beside it.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { AnalysisIssueReason, RegionFigures } from '../core/analysis/types.ts';

export type StudyGeometry = Polygon | MultiPolygon;

/** What the drawing tool is doing. */
export type StudyToolMode = 'off' | 'drawing' | 'editing';

/** Which outline the tool edits: the user's study area, or a what-if copy of one cluster. */
export type StudyTarget = { kind: 'study' } | { kind: 'cluster'; id: string };

/** Live figures of the edited outline: the last good figures, and the problem with the current outline. */
export interface LiveFigures {
  /** last figures computed from a valid outline (kept while the outline is invalid) */
  figures: RegionFigures | null;
  /** the reason the current outline cannot be analysed (e.g. `self-intersection`), or null */
  error: AnalysisIssueReason | null;
}

/** One answer of the figures clients for one outline: its figures, or why it cannot be analysed. */
export type FiguresOutcome = { ok: true; figures: RegionFigures } | { ok: false; issues: readonly { reason: AnalysisIssueReason; severity: 'error' | 'warning' }[] };

/** One cluster row: the plan's figures and (when edited) the what-if figures. */
export interface ClusterComparison {
  id: string;
  plan: RegionFigures | null;
  whatIf: RegionFigures | null;
}

export interface StudyState {
  mode: StudyToolMode;
  /** terra-draw or the analysis worker is still loading */
  loading: boolean;
  target: StudyTarget;
  /** the user's study polygon (null = none drawn) */
  polygon: Polygon | null;
  study: LiveFigures;
  /** cluster id → edited outline (what-if copy); absent = as planned */
  whatIf: Readonly<Record<string, StudyGeometry>>;
  /** the cluster chosen in the what-if select */
  clusterId: string | null;
  /** live figures of the what-if outline being edited */
  cluster: LiveFigures;
  /** plan vs what-if row of the chosen cluster */
  comparison: ClusterComparison | null;
  /** cluster id → figures of its edited outline, for every saved what-if (absent until computed) */
  whatIfFigures: Readonly<Record<string, LiveFigures>>;
}

export function initialStudyState(): StudyState {
  return {
    mode: 'off',
    loading: false,
    target: { kind: 'study' },
    polygon: null,
    study: { figures: null, error: null },
    whatIf: {},
    clusterId: null,
    cluster: { figures: null, error: null },
    comparison: null,
    whatIfFigures: {},
  };
}

/** Storage key and schema version of the saved study work (src/data/persist.ts). */
export const STUDY_STORAGE_KEY = 'study';
export const STUDY_SCHEMA_VERSION = 1;

/** What is saved: the study polygon and the what-if outlines. */
export interface SavedStudy {
  polygon: Polygon | null;
  whatIf: Record<string, StudyGeometry>;
}

function isPosition(value: unknown): value is Position {
  return Array.isArray(value) && value.length >= 2 && value.every((n) => typeof n === 'number' && Number.isFinite(n))
    && Math.abs(value[0] as number) <= 180 && Math.abs(value[1] as number) <= 90;
}

function isRings(value: unknown): value is Position[][] {
  return Array.isArray(value) && value.length > 0
    && value.every((ring) => Array.isArray(ring) && ring.length >= 4 && ring.every(isPosition));
}

/** True for a GeoJSON Polygon / MultiPolygon with well-formed coordinates. */
export function isStudyGeometry(value: unknown): value is StudyGeometry {
  if (typeof value !== 'object' || value === null) return false;
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  if (type === 'Polygon') return isRings(coordinates);
  if (type === 'MultiPolygon') return Array.isArray(coordinates) && coordinates.length > 0 && coordinates.every(isRings);
  return false;
}

/** Checks a saved record: returns it typed, or a message saying what is wrong (for persist.loadSaved). */
export function validateSavedStudy(value: unknown): SavedStudy | string {
  if (typeof value !== 'object' || value === null) return 'not an object';
  const { polygon, whatIf } = value as { polygon?: unknown; whatIf?: unknown };
  if (polygon !== null && polygon !== undefined && !(isStudyGeometry(polygon) && (polygon as StudyGeometry).type === 'Polygon')) {
    return 'the study polygon is not a valid GeoJSON Polygon';
  }
  if (typeof whatIf !== 'object' || whatIf === null || Array.isArray(whatIf)) return 'whatIf is not an object';
  for (const [id, geometry] of Object.entries(whatIf)) {
    if (!isStudyGeometry(geometry)) return `the what-if outline of "${id}" is not a valid Polygon/MultiPolygon`;
  }
  return { polygon: (polygon as Polygon | null | undefined) ?? null, whatIf: whatIf as Record<string, StudyGeometry> };
}

/** The record to save for a state. */
export function savedStudyOf(state: StudyState): SavedStudy {
  return { polygon: state.polygon, whatIf: { ...state.whatIf } };
}

/** The plan's clusters (structure.geojson, kind `cluster`), in file order. */
export function clusterFeatures(structure: FeatureCollection | undefined): Feature<StudyGeometry>[] {
  return (structure?.features ?? []).filter(
    (feature): feature is Feature<StudyGeometry> => feature.properties?.kind === 'cluster' && isStudyGeometry(feature.geometry),
  );
}

/** The stable id of a plan feature (`properties.id`, else `feature.id`). */
export function featureId(feature: Feature): string {
  return String(feature.properties?.id ?? feature.id ?? '');
}

/**
 * The cluster list with what-if outlines swapped in: a NEW feature object (copied properties) for each
 * edited cluster, the original objects for the others (so memoised rows are reused). Never mutates.
 */
export function clustersWithWhatIf(clusters: readonly Feature<StudyGeometry>[], whatIf: Readonly<Record<string, StudyGeometry>>): Feature<StudyGeometry>[] {
  return clusters.map((feature) => {
    const edited = whatIf[featureId(feature)];
    return edited ? whatIfFeature(feature, edited) : feature;
  });
}

/** original cluster → edited outline → its what-if feature (the same object for the same pair) */
const whatIfFeatures = new WeakMap<Feature<StudyGeometry>, WeakMap<StudyGeometry, Feature<StudyGeometry>>>();

/**
 * The what-if feature of a cluster with an edited outline: a copy of the cluster with that outline, the SAME object
 * each time for the same cluster and outline, so figures remembered per region object (the figures clients) are
 * reused for the saved what-ifs not being dragged.
 */
export function whatIfFeature(original: Feature<StudyGeometry>, edited: StudyGeometry): Feature<StudyGeometry> {
  let byOutline = whatIfFeatures.get(original);
  if (!byOutline) whatIfFeatures.set(original, byOutline = new WeakMap());
  let feature = byOutline.get(edited);
  if (!feature) byOutline.set(edited, feature = { type: 'Feature', id: original.id, properties: { ...original.properties }, geometry: edited });
  return feature;
}

/**
 * The figures of every saved what-if outline from the cluster table computed with the outlines swapped in
 * (`state.analysis.clusters`): each edited cluster's row applied to its live figures (an outline that cannot be
 * analysed keeps its last good figures, with the error); clusters no longer edited are dropped, and an edited
 * cluster the table has no row for yet keeps what it had. Returns `previous` itself when nothing changed.
 */
export function whatIfFiguresOf(
  previous: Readonly<Record<string, LiveFigures>>,
  whatIf: Readonly<Record<string, StudyGeometry>>,
  rows: readonly { id: string; result: FiguresOutcome }[],
): Readonly<Record<string, LiveFigures>> {
  const next: Record<string, LiveFigures> = {};
  let changed = Object.keys(previous).length !== Object.keys(whatIf).length;
  for (const id of Object.keys(whatIf)) {
    const before = previous[id];
    const row = rows.find((item) => item.id === id);
    const after = row ? applyResult(before ?? { figures: null, error: null }, row.result) : before ?? { figures: null, error: null };
    next[id] = before && after.figures === before.figures && after.error === before.error ? before : after;
    if (next[id] !== before) changed = true;
  }
  return changed ? next : previous;
}

/** A deep copy of a geometry (what-if edits start from a copy; the source data is never touched). */
export function copyGeometry<G extends StudyGeometry>(geometry: G): G {
  return structuredClone(geometry);
}

/** Wraps a polygon as a Feature (the analysis accepts either; features carry an id for tables). */
export function asFeature(geometry: StudyGeometry, id: string): Feature<StudyGeometry> {
  return { type: 'Feature', id, properties: { id }, geometry };
}

/**
 * Applies one analysis result to live figures: figures replace the last good ones; an error keeps them.
 * Only `error`-severity issues count as errors (warnings such as partly-outside travel with the figures).
 */
export function applyResult(live: LiveFigures, result: FiguresOutcome): LiveFigures {
  if (result.ok) return { figures: result.figures, error: null };
  const error = result.issues.find((issue) => issue.severity === 'error')?.reason ?? result.issues[0]?.reason ?? 'clip-failed';
  return { figures: live.figures, error };
}
