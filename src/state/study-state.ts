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
