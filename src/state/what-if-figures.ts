/**
 * What-if cluster outlines as regions, and the figures of every saved one: pure helpers used by the lazily loaded
 * study and analysis features (kept apart from study-state.ts, which the first view loads).
 */
import type { Feature } from 'geojson';
import { applyResult, featureId } from './study-state.ts';
import type { FiguresOutcome, LiveFigures, StudyGeometry } from './study-state.ts';

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
