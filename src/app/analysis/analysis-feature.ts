/**
 * Live analysis in the app: starts the analysis worker after map-idle (the first map draw never
 * waits for it), computes the whole-area figures and the cluster and subdistrict tables for the counted
 * blue-green classes, and puts them in the store together (state.analysis). Recomputes when the class
 * set, the regions or the what-if outlines change; errors are announced, never thrown. `dispose` stops
 * the worker.
 */
import type { Feature } from 'geojson';
import type { AppServices, Dispose } from '../shell/services.ts';
import { Lifetime } from '../shell/lifetime.ts';
import type { PlanState } from '../../state/plan-state.ts';
import { announce } from '../../state/plan-state.ts';
import { createAnalysisClient } from './analysis-client.ts';
import type { AnalysisClient } from './analysis-client.ts';
import type { FiguresService } from './figures-service.ts';
import { LatestWins, type RequestError, asRequestError, isAborted } from '../../data/requests/index.ts';
import { translate } from '../../i18n/messages.ts';
import { blueGreenImportData } from '../../state/imports.ts';
import { sameItems } from '../../state/store.ts';
import type { Store } from '../../state/store.ts';
import type { StudyGeometry } from '../../state/study-state.ts';
import { whatIfFeature } from '../../state/what-if-figures.ts';

const isPolygonal = (feature: Feature) => feature.geometry?.type === 'Polygon' || feature.geometry?.type === 'MultiPolygon';

/**
 * The plan's clusters with what-if outlines swapped in (a copy for each edited one, the same object while its
 * outline is the same, so a figures client that remembers regions recomputes only the outline being dragged).
 */
export function clusterRegions(state: PlanState): Feature[] {
  const whatIf = state.study.whatIf;
  return (state.data.structure?.features ?? [])
    .filter((feature): feature is Feature<StudyGeometry> => feature.properties?.kind === 'cluster' && isPolygonal(feature))
    .map((feature) => {
      const edited = whatIf[String(feature.properties?.id ?? feature.id)];
      return edited ? whatIfFeature(feature, edited) : feature;
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
 * land-use layer); a newer computation aborts the older (latest wins).
 */
function figuresComputer(store: Store<PlanState>, figures: FiguresService, schematic: AnalysisClient, fail: (error: unknown) => void): { compute: () => Promise<void>; stop: () => void } {
  const latest = new LatestWins('figures');
  // Imported layers counted as blue-green: sent (as Blobs) before the requests they must affect.
  let extraSent: readonly Blob[] = [];
  const compute = async () => {
    const state = store.getState();
    const { basis } = state;
    const classes = [...state.analysisClasses];
    const extra = blueGreenImportData(state);
    // The land-use client is provided before the basis names it; a basis without one has nothing to compute yet.
    const client = basis.kind === 'schematic' ? schematic : figures.now(basis.kind);
    if (!client) return;
    if (!sameItems(extra, extraSent)) {
      extraSent = extra;
      void schematic.setExtraBlueGreen(extra).catch(fail);
    }
    try {
      const [whole, clusters, subdistricts] = await latest.run((signal) => Promise.all([
        client.whole(classes, { signal }),
        client.table(clusterRegions(state), classes, { signal }),
        client.table(subdistrictRegions(state), classes, { signal }),
      ]));
      store.update((current) => ({ ...current, analysis: { status: 'ready', basis, classes, whole, clusters, subdistricts } }));
    } catch (error) {
      if (!isAborted(error)) fail(error);
    }
  };
  return { compute, stop: () => latest.abort() };
}

async function startAnalysis({ store, ready, figures }: AppServices, life: Lifetime): Promise<void> {
  const withdraw = figures.expect('schematic');
  life.add(() => withdraw());
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
  const failToStart = (error: unknown) => {
    const failure: RequestError = asRequestError(error, 'analysis');
    withdraw(failure);
    fail(failure);
  };
  store.update((state) => ({ ...state, analysis: { ...state.analysis, status: 'preparing' } }));
  let client: AnalysisClient;
  try {
    client = createAnalysisClient(store.getState().data);
  } catch (error) {
    failToStart(error);
    return;
  }
  life.add(() => client.dispose());
  try {
    await client.ready;
  } catch (error) {
    failToStart(error);
    return;
  }
  if (life.disposed) return;
  life.add(figures.provide('schematic', client));
  const { compute, stop } = figuresComputer(store, figures, client, fail);
  life.add(stop);
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
