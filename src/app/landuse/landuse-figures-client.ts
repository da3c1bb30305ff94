/**
 * The land-use layer as a figures client: the same questions the schematic analysis worker answers (whole
 * area, a table of regions, any polygon with latest-wins channels), answered from the planner's parcels in
 * the land-use worker. Provided for the `landuse` basis in `services.figures`, so the
 * statistics, clusters, study area, what-if, inspector and compare all follow the basis in use.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { AnalysisClient } from '../analysis/analysis-client.ts';
import type { FiguresResult, RegionTableRow, WholeAreaFigures } from '../../core/analysis/index.ts';
import { areaReconciliation } from '../../core/analysis/area-reconciliation.ts';
import type { LandUseClient } from '../../data/landuse/landuse-client.ts';
import type { LandUseLayerSettings } from '../../data/landuse/prepare-landuse-layer.ts';
import type { LandUseStateResult, LandUseTransitionResult } from '../../data/landuse/landuse-states-protocol.ts';
import type { TransitionLevel } from '../../core/landuse/transition-matrix.ts';
import { RequestError, coalesce } from '../../data/requests/index.ts';

type Region = Feature<Polygon | MultiPolygon>;

function rowOf(feature: Feature, index: number, result: FiguresResult): RegionTableRow {
  const properties = feature.properties ?? {};
  const rawId = properties.id ?? feature.id;
  return {
    id: rawId === undefined || rawId === null ? String(index) : String(rawId),
    nameZh: typeof properties.name_zh === 'string' ? properties.name_zh : null,
    nameEn: typeof properties.name_en === 'string' ? properties.name_en : null,
    result,
  };
}

/**
 * @param client - the land-use worker with a prepared layer
 * @param layer - the prepared layer's id in the worker
 * @param boundary - the Start-up Area outline; every region is cut to it
 */
/** The land-use figures client, with the worker and layer it asks (the control lines are cut into that layer there). */
export interface LandUseFiguresClient extends AnalysisClient {
  readonly worker: { client: LandUseClient; layer: number };
  /** Forgets every answer (the worker's figures changed: control lines were cut into the layer). */
  forget(): void;
  /** Reads files as the other state of the plan, beside this layer in its worker (a new classification keeps it). */
  readState(files: File[], settings: LandUseLayerSettings, signal?: AbortSignal): Promise<LandUseStateResult>;
  /**
   * The transition matrix between this layer and a state `readState` read, computed in the worker.
   * @param state - the state's id in this worker
   * @param present - which of the two is 现状 (the matrix runs from 现状 to 规划)
   */
  transition(state: number, present: 'layer' | 'state', level: TransitionLevel, signal?: AbortSignal): Promise<LandUseTransitionResult>;
}

export function landUseFiguresClient(client: LandUseClient, layer: number, boundary: Region): LandUseFiguresClient {
  // Regions are immutable state objects: a cluster outline unchanged since the last request costs nothing.
  let remembered = new WeakMap<object, FiguresResult>();
  const channels = new Map<string, (feature: Feature, signal?: AbortSignal) => Promise<FiguresResult>>();

  const ask = (regions: { region: unknown; clip: boolean }[], signal?: AbortSignal): Promise<FiguresResult[]> => client.figures(layer, boundary, regions, signal);

  const regionNow = async (feature: Feature, signal?: AbortSignal): Promise<FiguresResult> => {
    const known = remembered.get(feature);
    if (known) return known;
    const [result] = await ask([{ region: feature, clip: true }], signal);
    remembered.set(feature, result);
    return result;
  };

  const official = boundary.properties?.official_area_km2;
  return {
    worker: { client, layer },
    forget: () => { remembered = new WeakMap(); },
    readState: (files, settings, signal) => client.request<LandUseStateResult>({ type: 'state', files, settings }, signal),
    transition(state, present, level, signal) {
      const [from, to] = present === 'layer' ? [{ layer }, { state }] : [{ state }, { layer }];
      return client.request<LandUseTransitionResult>({ type: 'transition', from, to, level }, signal);
    },
    ready: Promise.resolve({ prepareMilliseconds: 0 }),
    async whole(_classes, options = {}): Promise<WholeAreaFigures> {
      // The boundary does not change with the layer: its figures are asked once per layer.
      const result = remembered.get(boundary) ?? (await ask([{ region: boundary, clip: false }], options.signal))[0];
      remembered.set(boundary, result);
      if (!result.ok) throw new RequestError('failed', `land use: ${result.issues.map((issue) => issue.message).join('; ')}`);
      const figures = result.figures;
      return { ...figures, reconciliation: areaReconciliation(figures.areaKm2, typeof official === 'number' ? official : figures.areaKm2) };
    },
    async table(regions: readonly Feature[], _classes, options = {}): Promise<RegionTableRow[]> {
      const missing = regions.filter((feature) => !remembered.has(feature));
      if (missing.length > 0) {
        const results = await ask(missing.map((feature) => ({ region: feature, clip: true })), options.signal);
        missing.forEach((feature, index) => remembered.set(feature, results[index]));
      }
      return regions.map((feature, index) => rowOf(feature, index, remembered.get(feature)!));
    },
    region(feature: Feature, _classes, channelName = 'region', options = {}): Promise<FiguresResult> {
      // Latest wins per channel: a waiting request is replaced, and its caller gets the newer answer.
      let channel = channels.get(channelName);
      if (!channel) {
        channel = coalesce<Feature, FiguresResult>((next) => regionNow(next), `land-use ${channelName}`);
        channels.set(channelName, channel);
      }
      return channel(feature, options.signal);
    },
    async setExtraBlueGreen() {
      // Imported layers counted as blue-green apply to the schematic basis; parcels already say what they are.
      return { polygonCount: 0 };
    },
    dispose(): void {
      channels.clear();
    },
  };
}
