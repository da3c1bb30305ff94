/**
 * Figures for the inspector of a selected core: clusters and subdistricts have rows in
 * state.analysis; cores do not, so their figures are asked of the analysis worker (latest wins) and put in
 * state.regionFigures for the current class set (the inspector reads them there).
 */
import type { Store } from '../state/store.ts';
import { sameItems } from '../state/store.ts';
import type { PlanState } from '../state/plan-state.ts';
import { selectedFeature } from '../state/selected-feature.ts';
import { whenAnalysisClient } from './analysis/analysis-service.ts';
import { setRegionFigures } from '../state/actions.ts';

/** @returns a function that stops it */
export function installCoreFigures(store: Store<PlanState>): () => void {
  let asked = '';
  const update = (state: PlanState) => {
    const feature = selectedFeature(state);
    if (!feature || feature.properties?.kind !== 'core' || state.analysis.status !== 'ready') return;
    const id = String(feature.properties.id ?? feature.id ?? '');
    const classes = [...state.analysis.classes];
    const key = `${id}|${classes.join(',')}`;
    if (key === asked) return;
    asked = key;
    void whenAnalysisClient()
      .then((client) => client.region(feature, classes, 'inspector'))
      .then((result) => {
        if (asked === key) store.update((state) => setRegionFigures(state, { id, classes, result }));
      })
      .catch(() => {
        if (asked === key) asked = ''; // try again on the next change
      });
  };
  const stop = store.select((state) => [state.selection, state.analysis], (_value, _previous, state) => update(state), sameItems);
  update(store.getState());
  return () => {
    asked = 'stopped';
    stop();
  };
}
