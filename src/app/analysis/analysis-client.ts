/**
 * Client of the analysis worker. The worker prepares the plan layers once, off the main thread;
 * every call here is a message round trip answered with plain data.
 *
 * @example
 *   const client = createAnalysisClient(state.data);
 *   const whole = await client.whole(['water', 'wetland', 'forest', 'park']);
 *   client.region(draggedFeature, classes, 'study').then(show); // latest wins while dragging
 *   client.table(regions, classes, { signal }); // rejects with RequestError 'aborted' when signal fires
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { BlueGreenClass, FiguresResult, RegionTableRow, WholeAreaFigures } from '../../core/analysis/index.ts';
import type { Geodata } from '../../data/geodata.ts';
import type { AnalysisRequestBody, ToClientMessage, ToWorkerMessage } from './analysis-protocol.ts';
import { startAnalysisWorker } from './start-worker.ts';
import { RequestError, asRequestError } from '../../data/requests/request-error.ts';
import { workerRequests, type WorkerRequests } from '../../data/requests/worker-requests.ts';
import { coalesce } from '../../data/requests/latest-wins.ts';

export type { BlueGreenClass, FiguresResult, RegionTableRow, WholeAreaFigures };

/** Per call: an AbortSignal that rejects the call (RequestError `aborted`) and drops its answer. */
export interface FiguresCallOptions {
  signal?: AbortSignal;
}

export interface AnalysisClient {
  /** Resolves when the worker has prepared the layers (rejects if it could not). */
  readonly ready: Promise<{ prepareMilliseconds: number }>;
  /** Whole Start-up Area figures, with the area reconciliation and per-class areas. */
  whole(classes: readonly BlueGreenClass[], options?: FiguresCallOptions): Promise<WholeAreaFigures>;
  /** One row per region, in input order (rows are cached in the worker per id + geometry). */
  table(regions: readonly Feature[], classes: readonly BlueGreenClass[], options?: FiguresCallOptions): Promise<RegionTableRow[]>;
  /**
   * Figures of any polygon (a study area, a what-if cluster outline). Latest wins per `channel`
   * (default 'region'): while a request is being answered, newer calls on the same channel replace any
   * waiting one, and a replaced call resolves with the result of the call that replaced it — so the
   * figures on screen are always those of the newest shape, and the UI never queues behind the hand.
   * Use one channel per independently edited shape.
   */
  region(feature: Feature, classes: readonly BlueGreenClass[], channel?: string, options?: FiguresCallOptions): Promise<FiguresResult>;
  /**
   * Counts extra polygons as blue-green in every later answer (imported layers marked "count as
   * blue-green"): Blobs of GeoJSON text, read by the worker. Replaces the previous set; [] = none.
   * @returns the number of polygon features read
   */
  setExtraBlueGreen(blobs: readonly Blob[]): Promise<{ polygonCount: number }>;
  /** Stops the worker; pending calls reject. */
  dispose(): void;
}

/** Error for calls made after `dispose()` or cut short by it. */
export class AnalysisDisposedError extends RequestError {
  constructor() {
    super('stopped', 'analysis client disposed');
    this.name = 'AnalysisDisposedError';
  }
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The worker's first message: the plan layers it prepares. */
function initMessage(geodata: Geodata): ToWorkerMessage {
  const layer = (name: keyof Geodata) => geodata[name] ?? EMPTY;
  return { type: 'init', layers: { boundary: layer('boundary'), blueGreen: layer('blue-green'), construction: layer('construction') } };
}

/** Request / response with the analysis worker; `ready` / `init-error` settle the preparation. */
function analysisRequests(worker: Worker, markReady: (value: { prepareMilliseconds: number }) => void, markFailed: (error: Error) => void): WorkerRequests<AnalysisRequestBody> {
  const requests = workerRequests<AnalysisRequestBody>(worker, {
    label: 'analysis',
    message: (requestId, body) => ({ type: 'request', requestId, ...body }) satisfies ToWorkerMessage,
    answer: (message: ToClientMessage) => {
      if (message.type === 'ready') markReady({ prepareMilliseconds: message.prepareMilliseconds });
      else if (message.type === 'init-error') requests.fail(new RequestError('failed', `analysis: ${message.message}`));
      else if (message.type === 'result') return { id: message.requestId, value: message.value };
      else if (message.type === 'error') return { id: message.requestId, error: message.message };
      return undefined;
    },
  });
  const fail = requests.fail;
  requests.fail = (error) => {
    markFailed(error);
    fail(error);
  };
  worker.addEventListener('error', () => markFailed(requests.failure ?? new RequestError('failed', 'analysis worker failed')));
  worker.addEventListener('messageerror', () => markFailed(requests.failure ?? new RequestError('failed', 'analysis worker failed')));
  return requests;
}

/**
 * Starts the analysis worker with the layers it needs (boundary, blue-green, construction).
 * @param geodata - the loaded geodata (`state.data`); missing layers count as empty
 * @param start - how to start the worker (tests may pass their own)
 */
export function createAnalysisClient(geodata: Geodata, start: () => Worker = startAnalysisWorker): AnalysisClient {
  let disposed = false;
  let markReady: (value: { prepareMilliseconds: number }) => void = () => undefined;
  let markFailed: (error: Error) => void = () => undefined;
  const ready = new Promise<{ prepareMilliseconds: number }>((resolve, reject) => {
    markReady = resolve;
    markFailed = reject;
  });
  // A rejected `ready` nobody awaits must not become an unhandled rejection.
  ready.catch(() => undefined);

  let requests: WorkerRequests<AnalysisRequestBody> | undefined;
  let startFailure: RequestError | undefined;
  try {
    const worker = start();
    requests = analysisRequests(worker, (value) => markReady(value), (error) => markFailed(error));
    worker.postMessage(initMessage(geodata));
  } catch (error) {
    startFailure = asRequestError(error, 'analysis worker');
    markFailed(startFailure);
    requests?.fail(startFailure);
  }

  const send = <T>(body: AnalysisRequestBody, options: FiguresCallOptions = {}): Promise<T> => {
    if (disposed) return Promise.reject(new AnalysisDisposedError());
    if (!requests) return Promise.reject(startFailure ?? new RequestError('failed', 'analysis worker not started'));
    return requests.request<T>(body, options);
  };

  const channels = new Map<string, (body: AnalysisRequestBody, signal?: AbortSignal) => Promise<FiguresResult>>();
  const channel = (name: string) => {
    let ask = channels.get(name);
    if (!ask) {
      ask = coalesce<AnalysisRequestBody, FiguresResult>((body) => send<FiguresResult>(body), `analysis ${name}`);
      channels.set(name, ask);
    }
    return ask;
  };

  return {
    ready,
    whole: (classes, options) => send<WholeAreaFigures>({ kind: 'whole', classes: [...classes] }, options),
    table: (regions, classes, options) => send<RegionTableRow[]>({ kind: 'table', classes: [...classes], regions: [...regions] }, options),
    setExtraBlueGreen: (blobs) => send<{ polygonCount: number }>({ kind: 'extra-blue-green', blobs: [...blobs] }),
    region(feature, classes, channelName = 'region', options = {}) {
      if (disposed) return Promise.reject(new AnalysisDisposedError());
      if (!requests || requests.failure) return Promise.reject(requests?.failure ?? startFailure);
      return channel(channelName)({ kind: 'region', classes: [...classes], feature }, options.signal);
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      markFailed(new AnalysisDisposedError());
      if (requests) {
        requests.fail(new AnalysisDisposedError());
        requests.terminate();
      }
      channels.clear();
    },
  };
}
