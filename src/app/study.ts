/**
 * Study-area tool and what-if cluster outlines: wires the panel (src/ui/components/study), the
 * drawing tool (src/map/draw.ts, terra-draw, loaded on first use), the analysis worker client and the store.
 *
 * Per frame while drawing or dragging: terra-draw 'change' events → one value per animation frame
 * (frame-coalescer) → `client.region` / `client.table` in the worker (latest wins) → store → panel.
 * The study polygon and the what-if outlines are saved with src/data/persist.ts and restored on load.
 */
import '../ui/components/study/study-panel.ts';
import '../ui/components/study/study-button.ts';
import type { Feature, Polygon } from 'geojson';
import { PlanSidePanel } from '../ui/components/side-panel/side-panel.ts';
import { errorMessage, formatNumber, formatPercent } from '../ui/components/study/study-figures.ts';
import type { StudyCommand } from '../ui/components/study/study-panel.ts';
import type { AppServices } from './services.ts';
import { whenAnalysisClient } from './analysis/analysis-service.ts';
import { frameCoalescer } from './frame-coalescer.ts';
import { announce } from '../state/plan-state.ts';
import { blueGreenImportData, sameItems } from '../state/imports.ts';
import type { PlanState } from '../state/plan-state.ts';
import {
  STUDY_SCHEMA_VERSION, STUDY_STORAGE_KEY, applyResult, asFeature, clusterFeatures, clustersWithWhatIf, copyGeometry, featureId,
  savedStudyOf, validateSavedStudy,
} from '../state/study-state.ts';
import type { StudyGeometry, StudyState } from '../state/study-state.ts';
import { BLUE_GREEN_CLASSES } from '../core/analysis/types.ts';
import type { BlueGreenClass, FiguresResult, RegionFigures } from '../core/analysis/types.ts';
import { keepAsBackup, loadSaved, save } from '../data/persist.ts';
import { translate } from '../i18n/messages.ts';
import { setStudyShapes } from '../map/study-layer.ts';
import type { StudyDraw } from '../map/draw.ts';

/** The counted blue-green classes (chosen in the statistics panel). */
function classesOf(state: PlanState): readonly BlueGreenClass[] {
  return state.analysisClasses ?? BLUE_GREEN_CLASSES;
}

/** A polygon covering the middle half of the map view (a keyboard way to get a study area). */
function middleOfView(bounds: { getWest(): number; getEast(): number; getSouth(): number; getNorth(): number }): Polygon {
  const w = bounds.getWest(), e = bounds.getEast(), s = bounds.getSouth(), n = bounds.getNorth();
  const x1 = w + (e - w) / 4, x2 = e - (e - w) / 4, y1 = s + (n - s) / 4, y2 = n - (n - s) / 4;
  const r = (v: number) => Math.round(v * 1e6) / 1e6;
  return { type: 'Polygon', coordinates: [[[r(x1), r(y1)], [r(x2), r(y1)], [r(x2), r(y2)], [r(x1), r(y2)], [r(x1), r(y1)]]] };
}

export function installStudy(services: AppServices): Promise<void> {
  const { store, view, app } = services;
  const map = view.map;

  const button = document.createElement('plan-study-button');
  button.slot = 'toolbar';
  app.append(button);
  const panel = document.createElement('plan-study-panel');
  PlanSidePanel.addSection({ id: 'study', labelKey: 'study.section', content: panel, order: 40, open: false }, app);
  const sidePanel = app.querySelector('plan-side-panel');

  const setStudy = (change: (study: StudyState, state: PlanState) => Partial<StudyState>) =>
    store.update((state) => ({ ...state, study: { ...state.study, ...change(state.study, state) } }));
  const fail = (key: 'study.analysisFailed' | 'study.drawFailed' | 'study.saveFailed', error: unknown) =>
    store.update((state) => announce(state, 'error', translate(state.lang, key, { message: error instanceof Error ? error.message : String(error) })));

  // ---- analysis: the app's one worker client (started after map-idle by installAnalysis) ----
  const clusters = (): Feature<StudyGeometry>[] => clusterFeatures(store.getState().data.structure);

  /** Applies a result to the study's live figures; announces an error once when it appears. */
  const showStudyResult = (result: FiguresResult, drawing: boolean) => {
    store.update((state) => {
      const before = state.study.study;
      if (drawing && !result.ok) return state; // a shape being drawn is incomplete until closed
      const after = applyResult(before, result);
      let next: PlanState = { ...state, study: { ...state.study, study: after } };
      if (after.error && after.error !== before.error) next = announce(next, 'error', errorMessage(state.lang, after.error));
      return next;
    });
  };
  let studyRequest = 0;
  const analyseStudy = (geometry: Polygon, drawing: boolean): Promise<void> => {
    const request = ++studyRequest;
    return whenAnalysisClient().then((client) => client.region(asFeature(geometry, 'study'), classesOf(store.getState()), 'study')).then(
      (result) => { if (request === studyRequest) showStudyResult(result, drawing); },
      (error: unknown) => fail('study.analysisFailed', error),
    );
  };

  /** Recomputes the plan-vs-what-if row of the chosen cluster (and the live figures when it is edited). */
  let tableRequest = 0;
  const analyseCluster = (): Promise<void> => {
    const { study } = store.getState();
    const id = study.clusterId;
    if (!id) return Promise.resolve();
    const request = ++tableRequest;
    const classes = classesOf(store.getState());
    const plan = clusters();
    const edited = study.whatIf[id] ? clustersWithWhatIf(plan, { [id]: study.whatIf[id] }) : undefined;
    return whenAnalysisClient().then((client) => Promise.all([client.table(plan, classes), edited ? client.table(edited, classes) : undefined])).then(
      ([planRows, editedRows]) => {
        if (request !== tableRequest) return;
        const planRow = planRows.find((row) => row.id === id)?.result;
        const editedRow = (editedRows ?? planRows).find((row) => row.id === id)?.result;
        const planFigures: RegionFigures | null = planRow?.ok ? planRow.figures : null;
        store.update((state) => {
          if (state.study.clusterId !== id) return state;
          const live = editedRow ? applyResult(state.study.cluster, editedRow) : state.study.cluster;
          let next: PlanState = {
            ...state,
            study: { ...state.study, cluster: live, comparison: { id, plan: planFigures, whatIf: live.figures } },
          };
          if (live.error && live.error !== state.study.cluster.error) next = announce(next, 'error', errorMessage(state.lang, live.error));
          return next;
        });
      },
      (error: unknown) => fail('study.analysisFailed', error),
    );
  };

  // ---- drawing (terra-draw, loaded with import() on first use) ----
  let draw: StudyDraw | undefined;
  let loadingDraw: Promise<StudyDraw | undefined> | undefined;
  const studyFrames = frameCoalescer<{ geometry: Polygon; drawing: boolean }>(({ geometry, drawing }) => {
    if (!drawing) setStudy(() => ({ polygon: geometry }));
    void analyseStudy(geometry, drawing);
  });
  const clusterFrames = frameCoalescer<{ id: string; geometry: Polygon }>(({ id, geometry }) => {
    setStudy((study) => ({ whatIf: { ...study.whatIf, [id]: geometry } }));
    void analyseCluster();
  });
  const ensureDraw = (): Promise<StudyDraw | undefined> => {
    if (draw) return Promise.resolve(draw);
    setStudy(() => ({ loading: true }));
    loadingDraw ??= import('../map/draw.ts').then(({ createStudyDraw }) => {
      draw = createStudyDraw(map, {
        onShape(geometry, phase) {
          const { target } = store.getState().study;
          if (target.kind === 'cluster') clusterFrames.push({ id: target.id, geometry });
          else studyFrames.push({ geometry, drawing: phase === 'drawing' });
        },
        onFinish(geometry) {
          studyFrames.cancel();
          setStudy(() => ({ polygon: geometry, mode: 'editing', target: { kind: 'study' } }));
          void analyseStudy(geometry, false).then(() => {
            const figures = store.getState().study.study.figures;
            if (!figures) return;
            store.update((state) => announce(state, 'info', translate(state.lang, 'study.drawn', {
              area: formatNumber(state.lang, figures.areaKm2, 2),
              blueGreen: formatPercent(state.lang, figures.blueGreenRatio),
              construction: formatPercent(state.lang, figures.constructionRatio),
            })));
          });
        },
      });
      return draw;
    }, (error: unknown) => {
      loadingDraw = undefined;
      fail('study.drawFailed', error);
      return undefined;
    }).finally(() => setStudy(() => ({ loading: false })));
    return loadingDraw;
  };

  const stopEditing = () => {
    studyFrames.cancel();
    clusterFrames.cancel();
    draw?.clear();
    setStudy(() => ({ mode: 'off', target: { kind: 'study' } }));
  };
  const editStudy = async (geometry: Polygon) => {
    const tool = await ensureDraw();
    if (!tool) return;
    clusterFrames.cancel();
    tool.edit(geometry);
    setStudy(() => ({ mode: 'editing', target: { kind: 'study' } }));
  };
  const startDrawing = async () => {
    const tool = await ensureDraw();
    if (!tool) return;
    clusterFrames.cancel();
    tool.startDrawing();
    setStudy(() => ({ mode: 'drawing', target: { kind: 'study' } }));
  };
  const cancelDrawing = () => {
    const { polygon } = store.getState().study;
    stopEditing();
    store.update((state) => announce(state, 'info', translate(state.lang, 'study.cancelled')));
    // the previous study area (if any) comes back with its own figures
    setStudy(() => ({ study: { figures: null, error: null } }));
    if (polygon) void analyseStudy(polygon, false);
  };
  const clearStudy = () => {
    if (store.getState().study.target.kind === 'study') stopEditing();
    setStudy(() => ({ polygon: null, study: { figures: null, error: null } }));
    store.update((state) => announce(state, 'info', translate(state.lang, 'study.cleared')));
  };
  const editCluster = async (id: string) => {
    const original = clusters().find((feature) => featureId(feature) === id);
    if (!original) return;
    const geometry = store.getState().study.whatIf[id] ?? original.geometry;
    if (geometry.type !== 'Polygon') return;
    const tool = await ensureDraw();
    if (!tool) return;
    studyFrames.cancel();
    tool.edit(copyGeometry(geometry));
    setStudy(() => ({ mode: 'editing', target: { kind: 'cluster', id }, clusterId: id, cluster: { figures: null, error: null } }));
    void analyseCluster();
  };
  const resetCluster = (id: string) => {
    clusterFrames.cancel();
    setStudy((study) => {
      const whatIf = { ...study.whatIf };
      delete whatIf[id];
      return { whatIf, cluster: { figures: null, error: null } };
    });
    const { study } = store.getState();
    const original = clusters().find((feature) => featureId(feature) === id);
    if (study.target.kind === 'cluster' && study.target.id === id && original?.geometry.type === 'Polygon') draw?.edit(copyGeometry(original.geometry));
    const name = String(original?.properties?.[store.getState().lang === 'zh' ? 'name_zh' : 'name_en'] ?? id);
    store.update((state) => announce(state, 'info', translate(state.lang, 'whatIf.resetDone', { name })));
    void analyseCluster();
  };

  const run = (detail: StudyCommand) => {
    const { study } = store.getState();
    switch (detail.command) {
      case 'open':
        sidePanel?.reveal('study');
        if (study.mode !== 'off') return;
        if (study.polygon) void editStudy(study.polygon);
        else void startDrawing();
        return;
      case 'draw': return void startDrawing();
      case 'from-view': {
        const geometry = middleOfView(map.getBounds());
        setStudy(() => ({ polygon: geometry }));
        void analyseStudy(geometry, false);
        return void editStudy(geometry);
      }
      case 'set-polygon':
        sidePanel?.reveal('study');
        if (study.mode !== 'off') stopEditing();
        setStudy(() => ({ polygon: detail.polygon, study: { figures: null, error: null } }));
        void analyseStudy(detail.polygon, false);
        return;
      case 'edit': if (study.polygon) void editStudy(study.polygon); return;
      case 'done': return stopEditing();
      case 'cancel': return cancelDrawing();
      case 'clear': return clearStudy();
      case 'choose-cluster':
        if (study.target.kind === 'cluster') stopEditing();
        setStudy(() => ({ clusterId: detail.clusterId, comparison: null, cluster: { figures: null, error: null } }));
        void analyseCluster();
        return;
      case 'edit-cluster':
        // also sent by the cluster cards and the inspector: show the figures beside the map
        sidePanel?.reveal('study');
        return void editCluster(detail.clusterId);
      case 'reset-cluster': return resetCluster(detail.clusterId);
    }
  };
  app.addEventListener('plan-study-command', (event) => run(event.detail));

  document.addEventListener('keydown', (event) => {
    const { study } = store.getState();
    if (event.key === 'Escape' && study.mode === 'drawing') {
      event.preventDefault();
      cancelDrawing();
    } else if (event.key === 'Escape' && study.mode === 'editing' && !event.defaultPrevented) {
      stopEditing();
    } else if ((event.key === 'Delete' || event.key === 'Backspace') && study.mode === 'editing' && study.target.kind === 'study') {
      const active = document.activeElement;
      if (active === document.body || active === null || map.getContainer().contains(active)) {
        event.preventDefault();
        clearStudy();
      }
    }
  });

  // ---- static display of what is not being edited, and saving ----
  const drawShapes = (study: StudyState) => {
    const features: Feature[] = [];
    const editing = study.mode !== 'off';
    if (study.polygon && !(editing && study.target.kind === 'study')) {
      features.push({ type: 'Feature', properties: { role: 'study' }, geometry: study.polygon });
    }
    for (const [id, geometry] of Object.entries(study.whatIf)) {
      if (editing && study.target.kind === 'cluster' && study.target.id === id) continue;
      features.push({ type: 'Feature', properties: { role: 'what-if', id }, geometry });
    }
    setStudyShapes(map, features);
  };
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let saveFailed = false;
  const scheduleSave = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      const result = save(STUDY_STORAGE_KEY, STUDY_SCHEMA_VERSION, savedStudyOf(store.getState().study));
      if (!result.ok && !saveFailed) fail('study.saveFailed', result.message);
      saveFailed = !result.ok;
    }, 300);
  };

  return services.ready.then(() => {
    const saved = loadSaved(STUDY_STORAGE_KEY, STUDY_SCHEMA_VERSION, validateSavedStudy);
    if (saved.ok && saved.value) {
      const { polygon, whatIf } = saved.value;
      setStudy(() => ({ polygon, whatIf }));
      if (polygon) void analyseStudy(polygon, false);
    } else if (!saved.ok && saved.reason !== 'unavailable') {
      if (saved.raw !== undefined) keepAsBackup(STUDY_STORAGE_KEY, saved.raw);
      store.update((state) => announce(state, 'error', translate(state.lang, 'study.restoreFailed', { message: saved.message })));
    }
    drawShapes(store.getState().study);
    let studyExtras = blueGreenImportData(store.getState());
    store.subscribe((next, previous) => {
      const a = next.study, b = previous.study;
      if (a.polygon !== b.polygon || a.whatIf !== b.whatIf || a.mode !== b.mode || a.target !== b.target) drawShapes(a);
      if (a.polygon !== b.polygon || a.whatIf !== b.whatIf) scheduleSave();
      // Imports counted as blue-green reach the worker before the whole-area figures they change, so the
      // study figures follow once those arrive.
      const extraChanged = next.analysis !== previous.analysis && next.analysis.status === 'ready'
        && !sameItems(blueGreenImportData(next), studyExtras);
      if (extraChanged) studyExtras = blueGreenImportData(next);
      if (classesOf(next) !== classesOf(previous) || extraChanged) {
        if (a.polygon) void analyseStudy(a.polygon, false);
        if (a.clusterId) void analyseCluster();
      }
    });
  });
}
