/**
 * Study-area tool and what-if cluster outlines: wires the panel (src/ui/components/study), the
 * drawing tool (src/map/draw.ts, terra-draw, loaded on first use), the analysis worker client and the store.
 *
 * Per frame while drawing or dragging: terra-draw 'change' events → one value per animation frame
 * (frame-coalescer) → `client.region` / `client.table` in the worker (latest wins) → store → panel.
 * The study polygon and the what-if outlines are saved with src/data/persist.ts and restored on load.
 * While the tool draws or edits it owns the map's pointer (the click dispatcher is suspended).
 */
import { setMode } from '../../state/actions.ts';
import type { Polygon } from 'geojson';
import { formatNumber, formatPercent } from '../../ui/components/study/study-figures.ts';
import type { StudyCommand } from '../../ui/events.ts';
import type { AppServices } from '../shell/services.ts';
import { Lifetime } from '../shell/lifetime.ts';
import { frameCoalescer } from '../shell/frame-coalescer.ts';
import { announce } from '../../state/plan-state.ts';
import type { PlanState } from '../../state/plan-state.ts';
import { clusterFeatures, copyGeometry, featureId } from '../../state/study-state.ts';
import type { StudyState } from '../../state/study-state.ts';
import { translate } from '../../i18n/messages.ts';
import { featureName } from '../../i18n/feature-name.ts';
import { mapSceneOf } from '../../map/scene/map-scene.ts';
import { middleOfView } from '../../map/camera.ts';
import type { StudyDraw } from '../../map/draw.ts';
import { StudyAnalysis } from './study-analysis.ts';

export type FailureKey = 'study.analysisFailed' | 'study.drawFailed' | 'study.saveFailed';

/** The shapes drawn statically: everything that is not being edited in terra-draw. */
export class StudyTool {
  readonly life = new Lifetime();
  readonly analysis: StudyAnalysis;
  private draw: StudyDraw | undefined;
  private loadingDraw: Promise<StudyDraw | undefined> | undefined;
  private readonly studyFrames = frameCoalescer<{ geometry: Polygon; drawing: boolean }>(({ geometry, drawing }) => {
    if (!drawing) this.setStudy(() => ({ polygon: geometry }));
    void this.analysis.study(geometry, drawing);
  });
  private readonly clusterFrames = frameCoalescer<{ id: string; geometry: Polygon }>(({ id, geometry }) => {
    this.setStudy((study) => ({ whatIf: { ...study.whatIf, [id]: geometry } }));
    void this.analysis.cluster();
  });

  constructor(private readonly services: AppServices) {
    this.analysis = new StudyAnalysis(services.store, services.figures, (error) => this.fail('study.analysisFailed', error));
    this.life.add(() => {
      this.analysis.stop();
      this.studyFrames.cancel();
      this.clusterFrames.cancel();
      this.draw?.destroy();
      mapSceneOf(services.view)?.setPart('outlines', false);
    });
  }

  private get store() {
    return this.services.store;
  }

  setStudy(change: (study: StudyState, state: PlanState) => Partial<StudyState>): void {
    this.store.update((state) => ({ ...state, study: { ...state.study, ...change(state.study, state) } }));
  }

  say(level: 'info' | 'error', text: (state: PlanState) => string): void {
    this.store.update((state) => announce(state, level, text(state)));
  }

  fail(key: FailureKey, error: unknown): void {
    if (this.life.disposed) return;
    this.say('error', (state) => translate(state.lang, key, { message: error instanceof Error ? error.message : String(error) }));
  }

  /** The study tool belongs to Analyse: using it (header button, what-if from a card) switches to that mode. */
  private reveal(): void {
    this.store.update((state) => setMode(state, 'analyse'));
    this.services.app.querySelector('plan-side-panel')?.reveal('study');
  }

  // ---- drawing (terra-draw, loaded with import() on first use) ----

  private ensureDraw(): Promise<StudyDraw | undefined> {
    if (this.draw) return Promise.resolve(this.draw);
    this.setStudy(() => ({ loading: true }));
    this.loadingDraw ??= import('../../map/draw.ts').then(({ createStudyDraw }) => {
      if (this.life.disposed) return undefined;
      this.draw = createStudyDraw(this.services.view, {
        onShape: (geometry, phase) => {
          const { target } = this.store.getState().study;
          if (target.kind === 'cluster') this.clusterFrames.push({ id: target.id, geometry });
          else this.studyFrames.push({ geometry, drawing: phase === 'drawing' });
        },
        onFinish: (geometry) => this.finishDrawing(geometry),
      });
      return this.draw;
    }, (error: unknown) => {
      this.loadingDraw = undefined;
      this.fail('study.drawFailed', error);
      return undefined;
    }).finally(() => this.setStudy(() => ({ loading: false })));
    return this.loadingDraw;
  }

  private finishDrawing(geometry: Polygon): void {
    this.studyFrames.cancel();
    this.setStudy(() => ({ polygon: geometry, mode: 'editing', target: { kind: 'study' } }));
    void this.analysis.study(geometry, false).then(() => {
      const figures = this.store.getState().study.study.figures;
      if (!figures) return;
      this.say('info', (state) => translate(state.lang, 'study.drawn', {
        area: formatNumber(state.lang, figures.areaKm2, 2),
        blueGreen: formatPercent(state.lang, figures.blueGreenRatio),
        construction: formatPercent(state.lang, figures.constructionRatio),
      }));
    });
  }

  stopEditing(): void {
    this.studyFrames.cancel();
    this.clusterFrames.cancel();
    this.draw?.clear();
    this.setStudy(() => ({ mode: 'off', target: { kind: 'study' } }));
  }

  private async editStudy(geometry: Polygon): Promise<void> {
    const tool = await this.ensureDraw();
    if (!tool) return;
    this.clusterFrames.cancel();
    tool.edit(geometry);
    this.setStudy(() => ({ mode: 'editing', target: { kind: 'study' } }));
  }

  private async startDrawing(): Promise<void> {
    const tool = await this.ensureDraw();
    if (!tool) return;
    this.clusterFrames.cancel();
    tool.startDrawing();
    this.setStudy(() => ({ mode: 'drawing', target: { kind: 'study' } }));
  }

  cancelDrawing(): void {
    const { polygon } = this.store.getState().study;
    this.stopEditing();
    this.say('info', (state) => translate(state.lang, 'study.cancelled'));
    // the previous study area (if any) comes back with its own figures
    this.setStudy(() => ({ study: { figures: null, error: null } }));
    if (polygon) void this.analysis.study(polygon, false);
  }

  clearStudy(): void {
    if (this.store.getState().study.target.kind === 'study') this.stopEditing();
    this.setStudy(() => ({ polygon: null, study: { figures: null, error: null } }));
    this.say('info', (state) => translate(state.lang, 'study.cleared'));
  }

  private clusterFeature(id: string) {
    return clusterFeatures(this.store.getState().data.structure).find((feature) => featureId(feature) === id);
  }

  private async editCluster(id: string): Promise<void> {
    const original = this.clusterFeature(id);
    if (!original) return;
    const geometry = this.store.getState().study.whatIf[id] ?? original.geometry;
    if (geometry.type !== 'Polygon') return;
    const tool = await this.ensureDraw();
    if (!tool) return;
    this.studyFrames.cancel();
    tool.edit(copyGeometry(geometry));
    this.setStudy(() => ({ mode: 'editing', target: { kind: 'cluster', id }, clusterId: id, cluster: { figures: null, error: null } }));
    void this.analysis.cluster();
  }

  private resetCluster(id: string): void {
    this.clusterFrames.cancel();
    this.setStudy((study) => {
      const whatIf = { ...study.whatIf };
      delete whatIf[id];
      return { whatIf, cluster: { figures: null, error: null } };
    });
    const { study } = this.store.getState();
    const original = this.clusterFeature(id);
    if (study.target.kind === 'cluster' && study.target.id === id && original?.geometry.type === 'Polygon') this.draw?.edit(copyGeometry(original.geometry));
    this.say('info', (state) => translate(state.lang, 'whatIf.resetDone', { name: featureName(original, state.lang, id) }));
    void this.analysis.cluster();
  }

  private setPolygon(polygon: Polygon): void {
    this.reveal();
    if (this.store.getState().study.mode !== 'off') this.stopEditing();
    this.setStudy(() => ({ polygon, study: { figures: null, error: null } }));
    void this.analysis.study(polygon, false);
  }

  private fromView(): void {
    const geometry = middleOfView(this.services.view);
    this.setStudy(() => ({ polygon: geometry }));
    void this.analysis.study(geometry, false);
    void this.editStudy(geometry);
  }

  private open(): void {
    this.reveal();
    const { study } = this.store.getState();
    if (study.mode !== 'off') return;
    if (study.polygon) void this.editStudy(study.polygon);
    else void this.startDrawing();
  }

  private chooseCluster(clusterId: string | null): void {
    if (this.store.getState().study.target.kind === 'cluster') this.stopEditing();
    this.setStudy(() => ({ clusterId, comparison: null, cluster: { figures: null, error: null } }));
    void this.analysis.cluster();
  }

  run(detail: StudyCommand): void {
    const { study } = this.store.getState();
    switch (detail.command) {
      case 'open': return this.open();
      case 'draw': return void this.startDrawing();
      case 'from-view': return this.fromView();
      case 'set-polygon': return this.setPolygon(detail.polygon);
      case 'edit': if (study.polygon) void this.editStudy(study.polygon); return;
      case 'done': return this.stopEditing();
      case 'cancel': return this.cancelDrawing();
      case 'clear': return this.clearStudy();
      case 'choose-cluster': return this.chooseCluster(detail.clusterId);
      // also sent by the cluster cards and the inspector: show the figures beside the map
      case 'edit-cluster': this.reveal(); return void this.editCluster(detail.clusterId);
      case 'reset-cluster': return this.resetCluster(detail.clusterId);
    }
  }
}

