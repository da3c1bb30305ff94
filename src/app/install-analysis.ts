/**
 * Live analysis in the app: starts the analysis worker after map-idle (the first map draw never
 * waits for it), computes the whole-area figures and the cluster and subdistrict tables for the counted
 * blue-green classes, and puts them in the store together (state.analysis). Recomputes when the class
 * set, the regions or the what-if outlines change; errors are announced, never thrown.
 */
import type { Feature, Geometry } from 'geojson';
import type { AppServices } from './services.ts';
import type { PlanState } from '../state/plan-state.ts';
import { announce } from '../state/plan-state.ts';
import { createAnalysisClient } from './analysis-client.ts';
import type { AnalysisClient } from './analysis-client.ts';
import { provideAnalysisClient } from './analysis/analysis-service.ts';
import { translate } from '../i18n/messages.ts';
import { blueGreenImportData, sameItems } from '../state/imports.ts';

type WhatIf = Readonly<Record<string, Geometry>> | undefined;

/** The what-if cluster outlines of the study tool (state.study.whatIf, by cluster id), if any. */
function whatIfOf(state: PlanState): WhatIf {
  return (state as { study?: { whatIf?: WhatIf } }).study?.whatIf;
}

const isPolygonal = (feature: Feature) => feature.geometry?.type === 'Polygon' || feature.geometry?.type === 'MultiPolygon';

/** The plan's clusters with what-if outlines swapped in (new objects for edited ones; data untouched). */
export function clusterRegions(state: PlanState): Feature[] {
  const whatIf = whatIfOf(state) ?? {};
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

export async function installAnalysis(services: AppServices): Promise<void> {
  const { store } = services;
  await services.ready;
  let client: AnalysisClient;
  const fail = (error: unknown) => {
    const detail = error instanceof Error ? error.message : String(error);
    store.update((state) => announce(
      { ...state, analysis: { ...state.analysis, status: 'error', error: detail } },
      'error', `${translate(state.lang, 'stats.error')}: ${detail}`,
    ));
  };
  store.update((state) => ({ ...state, analysis: { ...state.analysis, status: 'preparing' } }));
  try {
    client = createAnalysisClient(store.getState().data);
  } catch (error) {
    fail(error);
    return;
  }
  provideAnalysisClient(client);

  let generation = 0;
  // Imported layers counted as blue-green: sent (as Blobs) before the requests they must affect.
  let extraSent: readonly Blob[] = [];
  const compute = async () => {
    const token = ++generation;
    const state = store.getState();
    const classes = [...state.analysisClasses];
    const extra = blueGreenImportData(state);
    try {
      if (!sameItems(extra, extraSent)) {
        extraSent = extra;
        void client.setExtraBlueGreen(extra).catch(fail);
      }
      const [whole, clusters, subdistricts] = await Promise.all([
        client.whole(classes),
        client.table(clusterRegions(state), classes),
        client.table(subdistrictRegions(state), classes),
      ]);
      if (token !== generation) return; // a newer computation superseded this one
      store.update((current) => ({
        ...current,
        analysis: { status: 'ready', classes, whole, clusters, subdistricts },
      }));
    } catch (error) {
      if (token === generation) fail(error);
    }
  };

  try {
    await client.ready;
  } catch (error) {
    fail(error);
    return;
  }
  await compute();
  // Warm the worker's cache for the most common toggle (farmland out), so it answers at once later.
  const withoutFarmland = ['water', 'wetland', 'forest', 'park'] as const;
  const warm = store.getState();
  void Promise.all([
    client.whole(withoutFarmland),
    client.table(clusterRegions(warm), withoutFarmland),
    client.table(subdistrictRegions(warm), withoutFarmland),
  ]).catch(() => undefined);
  store.subscribe((next, previous) => {
    if (next.analysisClasses !== previous.analysisClasses || next.data.structure !== previous.data.structure
      || next.data.subdistricts !== previous.data.subdistricts || whatIfOf(next) !== whatIfOf(previous)
      || (next.imports !== previous.imports && !sameItems(blueGreenImportData(next), blueGreenImportData(previous)))) {
      void compute();
    }
  });
}
