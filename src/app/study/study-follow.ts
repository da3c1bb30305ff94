/**
 * What the study tool does beside drawing: restores the saved study area and what-if outlines, saves them when
 * they change, has the map's scene draw the outlines not being edited, hands the map's pointer to the tool while it
 * draws or edits, and recomputes the study figures when what they depend on changes.
 */
import type { AppServices } from '../shell/services.ts';
import type { PlanState } from '../../state/plan-state.ts';
import { blueGreenImportData } from '../../state/imports.ts';
import { sameItems } from '../../state/store.ts';
import { STUDY_SCHEMA_VERSION, STUDY_STORAGE_KEY, savedStudyOf, validateSavedStudy } from '../../state/study-state.ts';
import { whatIfFiguresOf } from '../../state/what-if-figures.ts';
import { keepAsBackup, loadSaved, save } from '../../data/persist.ts';
import { translate } from '../../i18n/messages.ts';
import { mapSceneOf } from '../../map/scene/map-scene.ts';
import type { StudyTool } from './study-tool.ts';

/** Puts the saved study area and what-if outlines back (a damaged save is kept aside and reported). */
export function restoreStudy(tool: StudyTool): void {
  const saved = loadSaved(STUDY_STORAGE_KEY, STUDY_SCHEMA_VERSION, validateSavedStudy);
  if (saved.ok && saved.value) {
    const { polygon, whatIf } = saved.value;
    tool.setStudy(() => ({ polygon, whatIf }));
    if (polygon) void tool.analysis.study(polygon, false);
  } else if (!saved.ok && saved.reason !== 'unavailable') {
    if (saved.raw !== undefined) keepAsBackup(STUDY_STORAGE_KEY, saved.raw);
    tool.say('error', (state) => translate(state.lang, 'study.restoreFailed', { message: saved.message }));
  }
}

export function followStudyState({ store, view, pointer }: AppServices, tool: StudyTool): void {
  const { life } = tool;
  let saveFailed = false;
  const scheduleSave = life.debounce(() => {
    const result = save(STUDY_STORAGE_KEY, STUDY_SCHEMA_VERSION, savedStudyOf(store.getState().study));
    if (!result.ok && !saveFailed) tool.fail('study.saveFailed', result.message);
    saveFailed = !result.ok;
  }, 300);
  // the map's scene draws the outlines not being edited from state.study (src/map/scene)
  mapSceneOf(view)?.setPart('outlines', true);
  life.add(store.select((state) => [state.study.polygon, state.study.whatIf], scheduleSave, sameItems));
  // the tool owns the map's pointer while it draws or edits
  let release: (() => void) | undefined;
  life.add(() => release?.());
  life.add(store.select((state) => state.study.mode !== 'off', (active) => {
    release?.();
    release = active ? pointer.suspend() : undefined;
  }));
  followAnalysisInputs(store, tool);
  followWhatIfFigures(store, tool);
}

/**
 * Imports counted as blue-green reach the worker before the whole-area figures they change, so the study
 * figures follow once those arrive (and so does a change of basis: the whole-area figures of the new basis arrive
 * first); a new class set recomputes them at once.
 */
function followAnalysisInputs(store: AppServices['store'], tool: StudyTool): void {
  const recompute = (state: PlanState) => {
    if (state.study.polygon) void tool.analysis.study(state.study.polygon, false);
    if (state.study.clusterId) void tool.analysis.cluster();
  };
  let studyExtras = blueGreenImportData(store.getState());
  let studyBasis = store.getState().analysis.basis;
  tool.life.add(store.select((state) => state.analysis, (analysis, _previous, state) => {
    if (analysis.status !== 'ready' || (sameItems(blueGreenImportData(state), studyExtras) && analysis.basis === studyBasis)) return;
    studyExtras = blueGreenImportData(state);
    studyBasis = analysis.basis;
    recompute(state);
  }));
  tool.life.add(store.select((state) => state.analysisClasses, (_classes, _previous, state) => recompute(state)));
}

/**
 * Every saved what-if outline's figures come from the cluster table the analysis computes with the outlines
 * swapped in (one table for all; the figures clients remember an unchanged outline, so a drag recomputes only
 * the dragged one): kept in `state.study.whatIfFigures` as each table arrives, and dropped with their outline.
 */
function followWhatIfFigures(store: AppServices['store'], tool: StudyTool): void {
  // a table is read when it arrives; an outline changed since waits for the next (which its change starts)
  const follow = (state: PlanState, tableArrived: boolean) => {
    const rows = tableArrived && state.analysis.status === 'ready' ? state.analysis.clusters : [];
    const whatIfFigures = whatIfFiguresOf(state.study.whatIfFigures, state.study.whatIf, rows);
    if (whatIfFigures !== state.study.whatIfFigures) tool.setStudy(() => ({ whatIfFigures }));
  };
  follow(store.getState(), true);
  tool.life.add(store.select((state) => [state.analysis, state.study.whatIf] as const, ([analysis], [before], state) => follow(state, analysis !== before), sameItems));
}
