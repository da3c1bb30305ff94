/**
 * The selector from the app's state to a `SceneInput`, for the main map or one side of a compare. The plan
 * layers, imported layers, the land-use layer (`state.landuse`), the study and what-if outlines, the selection and
 * a measurement (`state.measure`) are read from the store. What is not state comes in `SceneParts`, set by the
 * features that own it: whether a feature that draws is installed, the feature under the pointer (it changes at
 * pointer speed and is nobody's state) and the presenter's slide highlight (derived from the deck by its
 * behaviour). The collections made here keep their identity while their inputs do, so the applier sets a
 * source's data only when it changed.
 */
import type { Feature, FeatureCollection, Position } from 'geojson';
import type { PlanState } from '../../state/plan-state.ts';
import type { CompareSide } from '../../state/compare-state.ts';
import type { StudyState } from '../../state/study-state.ts';
import type { MeasureState } from '../../state/measure-state.ts';
import { selectLandUseDrawing, type LandUseDrawn } from '../../state/landuse-state.ts';
import { structureWithWhatIf } from '../../state/compare-state.ts';
import { selectControlLineDrawing } from '../../state/control-lines-state.ts';
import { selectedFeature } from '../../state/selected-feature.ts';
import type { SceneInput } from './scene-types.ts';

/** Map labels in large-text mode: this many times the style's size. */
export const LARGE_TEXT_LABEL_SCALE = 1.65;

/** What the scene draws that is not in the store, each set by the feature that owns it. */
export interface SceneParts {
  /** the imported layers are drawn (their feature is installed) */
  imports: boolean;
  /** the study area and what-if outlines are drawn (the study tool is installed) */
  outlines: boolean;
  /** the feature under the pointer */
  hovered: Feature | null;
  /** the measure tool is installed (it draws `state.measure`) */
  measure: boolean;
  /** the presenter's slide highlight and, with a spotlight, the mask that dims the rest (src/core/deck/spotlight-mask.ts) */
  slide: { features: readonly Feature[]; mask: Feature | null } | null;
}

export const NO_PARTS: SceneParts = { imports: false, outlines: false, hovered: null, measure: false, slide: null };

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The outlines shown while not edited (the one being edited is terra-draw's). */
export function staticOutlines(study: StudyState): Feature[] {
  const features: Feature[] = [];
  const editing = study.mode !== 'off';
  if (study.polygon && !(editing && study.target.kind === 'study')) {
    features.push({ type: 'Feature', properties: { role: 'study' }, geometry: study.polygon });
  }
  for (const [id, geometry] of Object.entries(study.whatIf)) {
    if (editing && study.target.kind === 'cluster' && study.target.id === id) continue;
    features.push({ type: 'Feature', properties: { role: 'what-if', id }, geometry });
  }
  return features;
}

export function measureCollection(points: readonly Position[], closed: boolean): FeatureCollection {
  const features: Feature[] = points.map((point) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [...point] } }));
  if (closed && points.length >= 3) {
    features.push({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[...points.map((p) => [...p]), [...points[0]!]]] } });
  } else if (points.length >= 2) {
    features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: points.map((p) => [...p]) } });
  }
  return { type: 'FeatureCollection', features };
}

/** `make(...args)`, made again only when an argument changed (by reference). */
function memo<A extends unknown[], R>(make: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | undefined;
  return (...args: A) => {
    if (last && last.args.length === args.length && last.args.every((arg, index) => arg === args[index])) return last.result;
    const result = make(...args);
    last = { args, result };
    return result;
  };
}

export type SceneSelector = (state: PlanState, parts: SceneParts, side?: CompareSide) => SceneInput;

/**
 * A selector for one map (each map keeps its own, so its collections keep their identity).
 * @param side - for a compare side: its year, basis (the land-use layer shown or not) and what-if outlines
 */
export function sceneSelector(): SceneSelector {
  const structure = memo((plan: FeatureCollection | undefined, whatIf: StudyState['whatIf']) => (plan ? structureWithWhatIf(plan, whatIf) : undefined));
  const data = memo((planData: PlanState['data'], swapped: FeatureCollection | undefined) => (swapped && swapped !== planData.structure ? { ...planData, structure: swapped } : planData));
  const outlines = memo((study: StudyState): FeatureCollection => ({ type: 'FeatureCollection', features: staticOutlines(study) }));
  const highlight = memo((selected: Feature | undefined, hovered: Feature | null): FeatureCollection => {
    const features: Feature[] = [];
    if (selected) features.push({ ...selected, properties: { ...selected.properties, role: 'selected' } });
    if (hovered && hovered !== selected) features.push({ ...hovered, properties: { ...hovered.properties, role: 'hover' } });
    return features.length ? { type: 'FeatureCollection', features } : EMPTY;
  });
  const selected = memo((selection: PlanState['selection'], planData: PlanState['data']) => selectedFeature({ selection, data: planData } as PlanState));
  const measure = memo((slice: MeasureState) => (slice.active || slice.points.length ? measureCollection(slice.points, slice.mode === 'area') : null));
  const slide = memo((part: SceneParts['slide']) => (part ? {
    features: { type: 'FeatureCollection', features: [...part.features] } as FeatureCollection,
    mask: part.mask ? { type: 'FeatureCollection', features: [part.mask] } as FeatureCollection : EMPTY,
  } : null));
  const imports = memo((list: PlanState['imports']) => list.map(({ id, data: blob, visible }) => ({ id, data: blob, visible })));
  const landuse = memo((drawn: LandUseDrawn | undefined, visible: boolean, opacity: number) => (drawn ? {
    data: drawn.data, overview: drawn.overview, name: drawn.name, classes: drawn.classes, visible, opacity,
  } : null));
  /**
   * The land-use layer as drawn: hidden by its own switch, and on a compare side whose basis is not land use; a side
   * may draw the second land-use state instead (现状 | 规划), with the first's switch and opacity.
   */
  const landUseOf = (state: PlanState, side: CompareSide | undefined) => {
    const first = selectLandUseDrawing(state);
    const second = side?.landuse === 'second' ? state.landuse.second?.drawn : undefined;
    const drawing = first && second ? { ...first, drawn: second } : first;
    return landuse(drawing?.drawn, !!drawing?.visible && (side ? side.basis === 'landuse' : true), drawing?.opacity ?? 1);
  };
  const planImages = memo((list: PlanState['planImages']['images']) => list.map(({ id, image, corners, opacity, position, visible }) => ({ id, data: image, corners, opacity, position, visible })));
  const controlLines = memo((data: Blob | undefined, visible: boolean) => (data ? { data, visible } : null));
  const linesOf = (state: PlanState) => {
    const drawing = selectControlLineDrawing(state);
    return controlLines(drawing?.data, !!drawing?.visible);
  };
  return (state, parts, side) => ({
    data: data(state.data, side?.whatIf ? structure(state.data.structure, state.study.whatIf) : undefined),
    visibility: state.layerVisibility,
    opacity: state.layerOpacity,
    lang: state.lang,
    labelScale: state.largeText ? LARGE_TEXT_LABEL_SCALE : 1,
    year: side?.year ?? state.year,
    imports: parts.imports ? imports(state.imports) : [],
    landuse: landUseOf(state, side),
    controlLines: linesOf(state),
    outlines: parts.outlines ? outlines(state.study) : null,
    highlight: highlight(selected(state.selection, state.data), parts.hovered),
    measure: parts.measure ? measure(state.measure) : null,
    slide: slide(parts.slide),
    basemap: state.basemap.current,
    planImages: planImages(state.planImages.images),
  });
}
