/**
 * Client of the analysis worker. The worker prepares the plan layers once, off the main thread;
 * every call here is a message round trip answered with plain data.
 *
 * @example
 *   const client = createAnalysisClient(state.data);
 *   const whole = await client.whole(['water', 'wetland', 'forest', 'park']);
 *   client.region(draggedFeature, classes, 'study').then(show); // latest wins while dragging
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { BlueGreenClass, FiguresResult, RegionTableRow, WholeAreaFigures } from '../core/analysis/index.ts';
import type { Geodata } from '../data/geodata.ts';
import type { AnalysisRequestBody, ToClientMessage, ToWorkerMessage } from './analysis/analysis-protocol.ts';
import { startAnalysisWorker } from './analysis/start-worker.ts';

export type { BlueGreenClass, FiguresResult, RegionTableRow, WholeAreaFigures };

export interface AnalysisClient {
  /** Resolves when the worker has prepared the layers (rejects if it could not). */
  readonly ready: Promise<{ prepareMilliseconds: number }>;
  /** Whole Start-up Area figures, with the area reconciliation and per-class areas. */
  whole(classes: readonly BlueGreenClass[]): Promise<WholeAreaFigures>;
  /** One row per region, in input order (rows are cached in the worker per id + geometry). */
  table(regions: readonly Feature[], classes: readonly BlueGreenClass[]): Promise<RegionTableRow[]>;
  /**
   * Figures of any polygon (a study area, a what-if cluster outline). Latest wins per `channel`
   * (default 'region'): while a request is being answered, newer calls on the same channel replace any
   * waiting one, and a replaced call resolves with the result of the call that replaced it — so the
   * figures on screen are always those of the newest shape, and the UI never queues behind the hand.
   * Use one channel per independently edited shape.
   */
  region(feature: Feature, classes: readonly BlueGreenClass[], channel?: string): Promise<FiguresResult>;
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
export class AnalysisDisposedError extends Error {
  constructor() {
    super('analysis client disposed');
    this.name = 'AnalysisDisposedError';
  }
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Channel {
  inFlight: boolean;
  waiting: { body: AnalysisRequestBody; callers: Pending[] } | undefined;
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The worker's first message: the plan layers it prepares. */
function initMessage(geodata: Geodata): ToWorkerMessage {
  const layer = (name: keyof Geodata) => geodata[name] ?? EMPTY;
  return { type: 'init', layers: { boundary: layer('boundary'), blueGreen: layer('blue-green'), construction: layer('construction') } };
}

/** Routes the worker's answers to their callers; a worker that fails fails every caller. */
function listenToWorker(worker: Worker, pending: Map<number, Pending>, markReady: (value: { prepareMilliseconds: number }) => void, failAll: (error: Error) => void): void {
  worker.addEventListener('message', (event: MessageEvent<ToClientMessage>) => {
    const message = event.data;
    if (message.type === 'ready') {
      markReady({ prepareMilliseconds: message.prepareMilliseconds });
      return;
    }
    if (message.type === 'init-error') {
      failAll(new Error(`analysis: ${message.message}`));
      return;
    }
    const caller = pending.get(message.requestId);
    pending.delete(message.requestId);
    if (!caller) return;
    if (message.type === 'result') caller.resolve(message.value);
    else caller.reject(new Error(`analysis: ${message.message}`));
  });
  worker.addEventListener('error', (event: ErrorEvent) => {
    event.preventDefault();
    failAll(new Error(`analysis worker: ${event.message || 'failed to start'}`));
  });
  worker.addEventListener('messageerror', () => failAll(new Error('analysis worker: unreadable message')));
}

/** Runs a channel's waiting job once the one in flight has been answered (latest wins). */
function channelRunner(channels: Map<string, Channel>, send: <T>(body: AnalysisRequestBody) => Promise<T>) {
  const runChannel = (name: string, channel: Channel): void => {
    const job = channel.waiting;
    if (!job || channel.inFlight) return;
    channel.waiting = undefined;
    channel.inFlight = true;
    send<FiguresResult>(job.body).then(
      (value) => {
        for (const caller of job.callers) caller.resolve(value);
      },
      (error: Error) => {
        for (const caller of job.callers) caller.reject(error);
      },
    ).finally(() => {
      channel.inFlight = false;
      if (channels.get(name) === channel) runChannel(name, channel);
    });
  };
  return runChannel;
}

/**
 * Starts the analysis worker with the layers it needs (boundary, blue-green, construction).
 * @param geodata - the loaded geodata (`state.data`); missing layers count as empty
 * @param start - how to start the worker (tests may pass their own)
 */
export function createAnalysisClient(geodata: Geodata, start: () => Worker = startAnalysisWorker): AnalysisClient {
  const pending = new Map<number, Pending>();
  const channels = new Map<string, Channel>();
  let nextId = 1;
  let disposed = false;
  let failure: Error | undefined;
  let markReady: (value: { prepareMilliseconds: number }) => void = () => undefined;
  let markFailed: (error: Error) => void = () => undefined;
  const ready = new Promise<{ prepareMilliseconds: number }>((resolve, reject) => {
    markReady = resolve;
    markFailed = reject;
  });
  // A rejected `ready` nobody awaits must not become an unhandled rejection.
  ready.catch(() => undefined);

  const failAll = (error: Error) => {
    failure ??= error;
    markFailed(error);
    for (const caller of pending.values()) caller.reject(error);
    pending.clear();
    for (const channel of channels.values()) {
      for (const caller of channel.waiting?.callers ?? []) caller.reject(error);
      channel.waiting = undefined;
      channel.inFlight = false;
    }
  };

  let worker: Worker | undefined;
  try {
    worker = start();
  } catch (error) {
    failAll(error instanceof Error ? error : new Error(String(error)));
  }

  if (worker) listenToWorker(worker, pending, markReady, failAll);
  try {
    worker?.postMessage(initMessage(geodata));
  } catch (error) {
    failAll(error instanceof Error ? error : new Error(String(error)));
  }

  const send = <T>(body: AnalysisRequestBody): Promise<T> => {
    if (disposed) return Promise.reject(new AnalysisDisposedError());
    if (failure || !worker) return Promise.reject(failure ?? new Error('analysis worker not started'));
    const requestId = nextId++;
    const target = worker;
    return new Promise<T>((resolve, reject) => {
      pending.set(requestId, { resolve: resolve as (value: unknown) => void, reject });
      try {
        target.postMessage({ type: 'request', requestId, ...body } satisfies ToWorkerMessage);
      } catch (error) {
        pending.delete(requestId);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  };

  const runChannel = channelRunner(channels, send);

  return {
    ready,
    whole: (classes) => send<WholeAreaFigures>({ kind: 'whole', classes: [...classes] }),
    table: (regions, classes) => send<RegionTableRow[]>({ kind: 'table', classes: [...classes], regions: [...regions] }),
    setExtraBlueGreen: (blobs) => send<{ polygonCount: number }>({ kind: 'extra-blue-green', blobs: [...blobs] }),
    region(feature, classes, channelName = 'region') {
      if (disposed) return Promise.reject(new AnalysisDisposedError());
      if (failure) return Promise.reject(failure);
      let channel = channels.get(channelName);
      if (!channel) {
        channel = { inFlight: false, waiting: undefined };
        channels.set(channelName, channel);
      }
      const current = channel;
      return new Promise<FiguresResult>((resolve, reject) => {
        const callers = current.waiting?.callers ?? [];
        callers.push({ resolve: resolve as (value: unknown) => void, reject });
        current.waiting = { body: { kind: 'region', classes: [...classes], feature }, callers };
        runChannel(channelName, current);
      });
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      worker?.terminate();
      const error = new AnalysisDisposedError();
      markFailed(error);
      for (const caller of pending.values()) caller.reject(error);
      pending.clear();
      for (const channel of channels.values()) for (const caller of channel.waiting?.callers ?? []) caller.reject(error);
      channels.clear();
    },
  };
}
