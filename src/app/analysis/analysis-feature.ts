/**
 * Live analysis in the app: starts the analysis worker after map-idle (the first map draw never
 * waits for it), computes the whole-area figures and the cluster and subdistrict tables for the counted
 * blue-green classes, and puts them in the store together (state.analysis). Recomputes when the class
 * set, the regions or the what-if outlines change; errors are announced, never thrown. `dispose` stops
 * the worker.
 */
import type { Feature } from 'geojson';
import type { AppServices, Dispose } from '../services.ts';
import { Lifetime } from '../lifetime.ts';
import type { PlanState } from '../../state/plan-state.ts';
import { announce } from '../../state/plan-state.ts';
import { createAnalysisClient } from '../analysis-client.ts';
import type { AnalysisClient } from '../analysis-client.ts';
import { figuresClientNow, provideAnalysisClient } from './analysis-service.ts';
import { translate } from '../../i18n/messages.ts';
import { blueGreenImportData } from '../../state/imports.ts';
import { sameItems } from '../../state/store.ts';
import type { Store } from '../../state/store.ts';

const isPolygonal = (feature: Feature) => feature.geometry?.type === 'Polygon' || feature.geometry?.type === 'MultiPolygon';

/** The plan's clusters with what-if outlines swapped in (new objects for edited ones; data untouched). */
export function clusterRegions(state: PlanState): Feature[] {
  const whatIf = state.study.whatIf;
  return (state.data.structure?.features ?? [])
    .filter((feature) => feature.properties?.kind === 'cluster' && isPolygonal(feature))
    .map((feature) => {
      const edited = whatIf[String(feature.properties?.id ?? feature.id)];
      return edited ? { ...feature, properties: { ...feature.properties }, geometry: edited } : feature;
    });
}

function subdistrictRegions(state: PlanState): Feature[] {
  return (state.data.subdistricts?.features ?? []).filter(isPolygonal);
}

/** What the figures depend on: a new computation starts when any of these changes. */
function analysisInputs(state: PlanState): unknown[] {
  return [state.basis, state.analysisClasses, state.data.structure, state.data.subdistricts, state.study.whatIf, ...blueGreenImportData(state)];
}

/**
 * Computes all figures for the current state from the client of its basis (the schematic worker, or the
 * land-use layer); the latest computation wins.
 */
function figuresComputer(store: Store<PlanState>, schematic: AnalysisClient, fail: (error: unknown) => void): () => Promise<void> {
  let generation = 0;
  // Imported layers counted as blue-green: sent (as Blobs) before the requests they must affect.
  let extraSent: readonly Blob[] = [];
  return async () => {
    const token = ++generation;
    const state = store.getState();
    const { basis } = state;
    const classes = [...state.analysisClasses];
    const extra = blueGreenImportData(state);
    // The land-use client is provided before the basis names it; a basis without one has nothing to compute yet.
    const client = basis.kind === 'schematic' ? schematic : figuresClientNow(basis.kind);
    if (!client) return;
    try {
      if (!sameItems(extra, extraSent)) {
        extraSent = extra;
        void schematic.setExtraBlueGreen(extra).catch(fail);
      }
      const [whole, clusters, subdistricts] = await Promise.all([
        client.whole(classes),
        client.table(clusterRegions(state), classes),
        client.table(subdistrictRegions(state), classes),
      ]);
      if (token !== generation) return; // a newer computation superseded this one
      store.update((current) => ({ ...current, analysis: { status: 'ready', basis, classes, whole, clusters, subdistricts } }));
    } catch (error) {
      if (token === generation) fail(error);
    }
  };
}

async function startAnalysis({ store, ready }: AppServices, life: Lifetime): Promise<void> {
  await ready;
  if (life.disposed) return;
  const fail = (error: unknown) => {
    if (life.disposed) return;
    const detail = error instanceof Error ? error.message : String(error);
    store.update((state) => announce(
      { ...state, analysis: { ...state.analysis, status: 'error', error: detail } },
      'error', `${translate(state.lang, 'stats.error')}: ${detail}`,
    ));
  };
  store.update((state) => ({ ...state, analysis: { ...state.analysis, status: 'preparing' } }));
  let client: AnalysisClient;
  try {
    client = createAnalysisClient(store.getState().data);
  } catch (error) {
    fail(error);
    return;
  }
  life.add(() => client.dispose());
  life.add(provideAnalysisClient(client));
  try {
    await client.ready;
  } catch (error) {
    fail(error);
    return;
  }
  if (life.disposed) return;
  const compute = figuresComputer(store, client, fail);
  // Follow the inputs from now on: a change while the first figures are computed (the land-use layer
  // restored, a class toggled) starts a newer computation, which wins.
  life.add(store.select(analysisInputs, () => void compute(), sameItems));
  await compute();
  if (life.disposed) return;
  // Warm the worker's cache for the most common toggle (farmland out), so it answers at once later.
  const withoutFarmland = ['water', 'wetland', 'forest', 'park'] as const;
  const warm = store.getState();
  void Promise.all([
    client.whole(withoutFarmland),
    client.table(clusterRegions(warm), withoutFarmland),
    client.table(subdistrictRegions(warm), withoutFarmland),
  ]).catch(() => undefined);
}

export function install(services: AppServices): Dispose {
  const life = new Lifetime();
  void startAnalysis(services, life);
  return () => life.dispose();
}
