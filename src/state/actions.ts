/**
 * The named changes of the plan state: pure `(state, …) => state` updaters, one per thing the user or the
 * app does. Feature modules in src/app call them through `store.update`; components never do (they emit the
 * events of src/ui/events.ts). Each returns the same object when nothing changes, so no listener runs.
 */
import type { Lang } from '../i18n/messages.ts';
import { BLUE_GREEN_CLASSES } from '../core/analysis/types.ts';
import type { BlueGreenClass } from '../core/analysis/types.ts';
import type { PlanState, Selection } from './plan-state.ts';
import { removeImportedLayer } from './imports.ts';
import type { RegionFiguresOnRequest } from './analysis-state.ts';
import type { LegendEntry } from './legend.ts';
import type { Mode } from './modes.ts';
import type { Basis } from './basis.ts';
import { clampPosition, sameSide } from './compare-state.ts';
import type { CompareLayout, CompareSide, CompareSideName } from './compare-state.ts';

/** Switches the interface language. */
export function setLanguage(state: PlanState, lang: Lang): PlanState {
  return state.lang === lang ? state : { ...state, lang };
}

/** Shows or hides catalog layers. */
export function setLayersVisible(state: PlanState, ids: readonly string[], visible: boolean): PlanState {
  if (ids.every((id) => Boolean(state.layerVisibility[id]) === visible)) return state;
  // a visibility chosen by hand ends a legend filter (its reset would undo the choice)
  return { ...state, layerVisibility: { ...state.layerVisibility, ...Object.fromEntries(ids.map((id) => [id, visible])) }, legendFilter: null };
}

/** Sets exactly these catalog layers visible and the others hidden (a shared link, a slide). */
export function showOnlyLayers(state: PlanState, known: readonly string[], visible: readonly string[]): PlanState {
  const shown = new Set(visible);
  return { ...state, layerVisibility: Object.fromEntries(known.map((id) => [id, shown.has(id)])), legendFilter: null };
}

/** Sets the opacity (0..1, clamped) of a catalog or imported layer. */
export function setLayerOpacity(state: PlanState, id: string, opacity: number): PlanState {
  const value = Math.min(1, Math.max(0, opacity));
  if (state.layerOpacity[id] === value) return state;
  return { ...state, layerOpacity: { ...state.layerOpacity, [id]: value } };
}

/** Selects a feature of a geodata layer, or nothing. */
export function select(state: PlanState, selection: Selection): PlanState {
  const current = state.selection;
  if (selection.type === 'none') return current.type === 'none' ? state : { ...state, selection };
  if (current.type === 'feature' && current.layer === selection.layer && current.id === selection.id
    && current.at?.[0] === selection.at?.[0] && current.at?.[1] === selection.at?.[1]) return state;
  return { ...state, selection };
}

/** Clears the selection. */
export function clearSelection(state: PlanState): PlanState {
  return select(state, { type: 'none' });
}

/** Counts a blue-green class in every figure, or not (the list stays in the canonical class order). */
export function setClassCounted(state: PlanState, name: BlueGreenClass, counted: boolean): PlanState {
  if (state.analysisClasses.includes(name) === counted) return state;
  const set = new Set(state.analysisClasses);
  if (counted) set.add(name);
  else set.delete(name);
  return { ...state, analysisClasses: BLUE_GREEN_CLASSES.filter((item) => set.has(item)) };
}

/** Figures of a region without a table row (a core), as the analysis worker answered. */
export function setRegionFigures(state: PlanState, figures: RegionFiguresOnRequest | null): PlanState {
  return state.regionFigures === figures ? state : { ...state, regionFigures: figures };
}

/** The legend rows of the visible layers (read from the live style by the map). */
export function setLegend(state: PlanState, legend: readonly LegendEntry[]): PlanState {
  return { ...state, legend };
}

/** Sets the phasing timeline year. */
export function setYear(state: PlanState, year: number): PlanState {
  return state.year === year ? state : { ...state, year };
}

/** Removes an imported layer and its opacity setting (and its inspected feature). */
export function removeImport(state: PlanState, id: string): PlanState {
  if (!state.imports.some((layer) => layer.id === id)) return state;
  const next = removeImportedLayer(state, id);
  const { [id]: _removed, ...layerOpacity } = next.layerOpacity;
  return { ...next, layerOpacity };
}

/**
 * Legend click: shows only this catalog layer within its group (e.g. only farmland among the blue-green
 * classes, only open crossings), remembering the visibility to return to. Clicking the filtered row again, or
 * another row, keeps that first remembered visibility, so one reset always goes back to what the user had.
 * @param group - the catalog layer ids of the layer's group
 */
export function filterToLegendLayer(state: PlanState, id: string, group: readonly string[]): PlanState {
  if (!group.includes(id)) return state;
  const before = state.legendFilter?.before ?? { ...state.layerVisibility };
  const layerVisibility = { ...state.layerVisibility, ...Object.fromEntries(group.map((member) => [member, member === id])) };
  return { ...state, layerVisibility, legendFilter: { id, before } };
}

/** Ends a legend filter: the layers are visible again as they were before it. */
export function clearLegendFilter(state: PlanState): PlanState {
  if (!state.legendFilter) return state;
  return { ...state, layerVisibility: { ...state.legendFilter.before }, legendFilter: null };
}

/** Switches the interface mode (Explore, Analyse, Present). */
export function setMode(state: PlanState, mode: Mode): PlanState {
  return state.mode === mode ? state : { ...state, mode };
}

/** Switches large interface text, larger map labels and raised contrast on or off. */
export function setLargeText(state: PlanState, largeText: boolean): PlanState {
  return state.largeText === largeText ? state : { ...state, largeText };
}

/** Starts comparing two states of the map (given sides, else the last ones; the layout and divider stay). */
export function startCompare(state: PlanState, sides?: { left: CompareSide; right: CompareSide }): PlanState {
  const compare = state.compare;
  if (compare.active && (!sides || (sameSide(compare.left, sides.left) && sameSide(compare.right, sides.right)))) return state;
  return { ...state, compare: { ...compare, ...(sides ? { left: { ...sides.left }, right: { ...sides.right } } : {}), active: true } };
}

/** Changes what one side of the compare shows (its basis, outlines or year). */
export function setCompareSide(state: PlanState, side: CompareSideName, change: Partial<CompareSide>): PlanState {
  const current = state.compare[side];
  const next = { ...current, ...change };
  return sameSide(current, next) ? state : { ...state, compare: { ...state.compare, [side]: next } };
}

/** Moves the swipe divider (0..1 of the map's width, clamped). */
export function setComparePosition(state: PlanState, position: number): PlanState {
  const value = clampPosition(position);
  return state.compare.position === value ? state : { ...state, compare: { ...state.compare, position: value } };
}

/** Switches between the swipe and the two maps side by side. */
export function setCompareLayout(state: PlanState, layout: CompareLayout): PlanState {
  return state.compare.layout === layout ? state : { ...state, compare: { ...state.compare, layout } };
}

/** Ends the compare (the sides, layout and divider are kept for the next one). */
export function stopCompare(state: PlanState): PlanState {
  return state.compare.active ? { ...state, compare: { ...state.compare, active: false } } : state;
}

/** Every figure is computed from this basis: the plan's schematic layers or the planner's land-use layer. */
export function setBasis(state: PlanState, basis: Basis): PlanState {
  return JSON.stringify(state.basis) === JSON.stringify(basis) ? state : { ...state, basis };
}
