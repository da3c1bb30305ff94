/**
 * The study tool's requests to the figures client of the basis in use (latest wins): the study area's live figures and the
 * plan-vs-what-if row of the chosen cluster. Results become state through the study-state helpers.
 */
import type { Feature, Polygon } from 'geojson';
import type { Store } from '../../state/store.ts';
import type { PlanState } from '../../state/plan-state.ts';
import { announce } from '../../state/plan-state.ts';
import { applyResult, asFeature, clusterFeatures, clustersWithWhatIf } from '../../state/study-state.ts';
import type { StudyGeometry } from '../../state/study-state.ts';
import type { FiguresResult, RegionFigures } from '../../core/analysis/types.ts';
import { errorMessage } from '../../ui/components/study/study-figures.ts';
import { whenFiguresClient } from '../analysis/analysis-service.ts';

export class StudyAnalysis {
  private studyRequest = 0;
  private tableRequest = 0;
  private stopped = false;

  constructor(private readonly store: Store<PlanState>, private readonly fail: (error: unknown) => void) {}

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
    const request = ++this.studyRequest;
    const { analysisClasses: classes, basis } = this.store.getState();
    return whenFiguresClient(basis.kind).then((client) => client.region(asFeature(geometry, 'study'), classes, 'study')).then(
      (result) => { if (request === this.studyRequest && !this.stopped) this.showStudyResult(result, drawing); },
      (error: unknown) => this.fail(error),
    );
  }

  /** Recomputes the plan-vs-what-if row of the chosen cluster (and the live figures when it is edited). */
  cluster(): Promise<void> {
    const { study, analysisClasses: classes, basis } = this.store.getState();
    const id = study.clusterId;
    if (!id) return Promise.resolve();
    const request = ++this.tableRequest;
    const plan = this.clusters();
    const edited = study.whatIf[id] ? clustersWithWhatIf(plan, { [id]: study.whatIf[id] }) : undefined;
    return whenFiguresClient(basis.kind).then((client) => Promise.all([client.table(plan, classes), edited ? client.table(edited, classes) : undefined])).then(
      ([planRows, editedRows]) => {
        if (request !== this.tableRequest || this.stopped) return;
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
      (error: unknown) => this.fail(error),
    );
  }

  /** Answers that arrive later are dropped. */
  stop(): void {
    this.stopped = true;
  }
}
