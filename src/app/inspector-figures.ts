/**
 * Figures for the inspector of a selected core: clusters and subdistricts have rows in
 * state.analysis; cores do not, so their figures are asked of the figures client of the basis in use
 * (latest wins: a newer selection aborts the older request) and put in state.regionFigures for that basis
 * and class set (the inspector reads them there).
 */
import type { Store } from '../state/store.ts';
import { sameItems } from '../state/store.ts';
import type { PlanState } from '../state/plan-state.ts';
import { selectedFeature } from '../state/selected-feature.ts';
import type { FiguresService } from './analysis/figures-service.ts';
import { setRegionFigures } from '../state/actions.ts';
import { LatestWins } from '../data/requests/index.ts';

/** @returns a function that stops it */
export function installCoreFigures(store: Store<PlanState>, figures: FiguresService): () => void {
  const latest = new LatestWins('inspector figures');
  let asked = '';
  const update = (state: PlanState) => {
    const feature = selectedFeature(state);
    if (!feature || feature.properties?.kind !== 'core' || state.analysis.status !== 'ready') return;
    const id = String(feature.properties.id ?? feature.id ?? '');
    const { basis } = state.analysis;
    const classes = [...state.analysis.classes];
    const key = `${id}|${classes.join(',')}|${JSON.stringify(basis)}`;
    if (key === asked) return;
    asked = key;
    latest.run(async (signal) => (await figures.client(basis.kind, signal)).region(feature, classes, 'inspector', { signal })).then(
      (result) => store.update((current) => setRegionFigures(current, { id, basis, classes, result })),
      () => {
        if (asked === key) asked = ''; // try again on the next change
      },
    );
  };
  const stop = store.select((state) => [state.selection, state.analysis], (_value, _previous, state) => update(state), sameItems);
  update(store.getState());
  return () => {
    asked = 'stopped';
    latest.abort();
    stop();
  };
}
