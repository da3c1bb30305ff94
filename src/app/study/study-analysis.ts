/**
 * The study tool's requests to the figures client of the basis in use (`services.figures`): the study area's
 * live figures and the plan-vs-what-if row of the chosen cluster. Each is latest-wins (a newer request aborts
 * the older); results become state through the study-state helpers, errors other than an abort are reported.
 */
import type { Feature, Polygon } from 'geojson';
import type { Store } from '../../state/store.ts';
import type { PlanState } from '../../state/plan-state.ts';
import { announce } from '../../state/plan-state.ts';
import { applyResult, asFeature, clusterFeatures } from '../../state/study-state.ts';
import { clustersWithWhatIf } from '../../state/what-if-figures.ts';
import type { StudyGeometry } from '../../state/study-state.ts';
import type { FiguresResult, RegionFigures } from '../../core/analysis/types.ts';
import { errorMessage } from '../../ui/components/study/study-figures.ts';
import type { FiguresService } from '../analysis/figures-service.ts';
import { LatestWins, isAborted } from '../../data/requests/index.ts';

export class StudyAnalysis {
  private readonly studyRequest = new LatestWins('study figures');
  private readonly tableRequest = new LatestWins('what-if figures');

  constructor(private readonly store: Store<PlanState>, private readonly figures: FiguresService, private readonly fail: (error: unknown) => void) {}

  private report(error: unknown): void {
    if (!isAborted(error)) this.fail(error);
  }

  private clusters(): Feature<StudyGeometry>[] {
    return clusterFeatures(this.store.getState().data.structure);
  }

  /** Applies a result to the study's live figures; announces an error once when it appears. */
  private showStudyResult(result: FiguresResult, drawing: boolean): void {
    this.store.update((state) => {
      const before = state.study.study;
      if (drawing && !result.ok) return state; // a shape being drawn is incomplete until closed
      const after = applyResult(before, result);
      let next: PlanState = { ...state, study: { ...state.study, study: after } };
      if (after.error && after.error !== before.error) next = announce(next, 'error', errorMessage(state.lang, after.error));
      return next;
    });
  }

  /** The study area's figures (while `drawing`, an incomplete shape's errors are not shown). */
  study(geometry: Polygon, drawing: boolean): Promise<void> {
    const { analysisClasses: classes, basis } = this.store.getState();
    return this.studyRequest.run(async (signal) => (await this.figures.client(basis.kind, signal)).region(asFeature(geometry, 'study'), classes, 'study', { signal })).then(
      (result) => this.showStudyResult(result, drawing),
      (error: unknown) => this.report(error),
    );
  }

  /** Recomputes the plan-vs-what-if row of the chosen cluster (and the live figures when it is edited). */
  cluster(): Promise<void> {
    const { study, analysisClasses: classes, basis } = this.store.getState();
    const id = study.clusterId;
    if (!id) return Promise.resolve();
    const plan = this.clusters();
    const edited = study.whatIf[id] ? clustersWithWhatIf(plan, { [id]: study.whatIf[id] }) : undefined;
    return this.tableRequest.run(async (signal) => {
      const client = await this.figures.client(basis.kind, signal);
      return Promise.all([client.table(plan, classes, { signal }), edited ? client.table(edited, classes, { signal }) : undefined]);
    }).then(
      ([planRows, editedRows]) => {
        const planRow = planRows.find((row) => row.id === id)?.result;
        const editedRow = (editedRows ?? planRows).find((row) => row.id === id)?.result;
        const planFigures: RegionFigures | null = planRow?.ok ? planRow.figures : null;
        this.store.update((state) => {
          if (state.study.clusterId !== id) return state;
          const live = editedRow ? applyResult(state.study.cluster, editedRow) : state.study.cluster;
          let next: PlanState = { ...state, study: { ...state.study, cluster: live, comparison: { id, plan: planFigures, whatIf: live.figures } } };
          if (live.error && live.error !== state.study.cluster.error) next = announce(next, 'error', errorMessage(state.lang, live.error));
          return next;
        });
      },
      (error: unknown) => this.report(error),
    );
  }

  /** Answers that arrive later are dropped. */
  stop(): void {
    this.studyRequest.abort();
    this.tableRequest.abort();
  }
}
