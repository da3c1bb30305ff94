/**
 * Talks to the land-use worker (src/data/landuse/landuse.worker.ts) through the one worker-request helper
 * (src/data/requests/worker-requests.ts): one layer at a time; `prepare` again replaces it, `cancel()`
 * terminates the worker. `prepare` never rejects: a worker that cannot start or fails resolves as a result
 * with an `internal` issue. Figure requests run side by side, each answered by id, each abortable; they
 * reject with a RequestError (`stopped` once the worker is gone, `unavailable` when it holds no layer).
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { FiguresResult } from '../../core/analysis/types.js';
import type { LandUsePrepareResult, LandUseProgress, LandUseRequestBody, LandUseWorkerResponse } from './landuse-protocol.js';
import type { LandUseLayerSettings } from './prepare-landuse-layer.js';
import { startLandUseWorker } from './start-landuse-worker.js';
import { RequestError, workerRequests, type WorkerPort, type WorkerRequests } from '../requests/index.js';

export type LandUsePrepareOutcome = { cancelled: true } | { cancelled: false; result: LandUsePrepareResult };

const failure = (detail: string): LandUsePrepareResult => ({ ok: false, issues: [{ code: 'internal', severity: 'error', params: { detail } }] });

export class LandUseClient {
  private requests: WorkerRequests<LandUseRequestBody> | undefined;
  private onProgress: (progress: LandUseProgress) => void = () => undefined;

  /** @param start - how to start the worker (tests may pass their own) */
  constructor(private readonly start: () => WorkerPort = startLandUseWorker) {}

  /** Reads and classifies the files in the worker with the user's settings. */
  async prepare(files: File[], settings: LandUseLayerSettings = {}, onProgress: (progress: LandUseProgress) => void = () => undefined): Promise<LandUsePrepareOutcome> {
    this.cancel();
    this.onProgress = onProgress;
    let requests: WorkerRequests<LandUseRequestBody>;
    try {
      requests = this.connect(this.start());
    } catch (error) {
      return { cancelled: false, result: failure((error as Error).message) };
    }
    this.requests = requests;
    try {
      const result = await requests.request<LandUsePrepareResult>({ type: 'prepare', files, settings });
      return { cancelled: false, result };
    } catch (error) {
      if (error instanceof RequestError && error.reason === 'stopped') return { cancelled: true };
      return { cancelled: false, result: failure(error instanceof Error ? error.message : String(error)) };
    }
  }

  /**
   * Figures of the prepared layer over each region, cut to the boundary (`clip: false` for the boundary
   * itself). Rejects with a RequestError: `unavailable` without a layer, `stopped` when the worker stopped
   * before answering, `aborted` when `signal` fired.
   */
  async figures(boundary: Feature<Polygon | MultiPolygon>, regions: { region: unknown; clip: boolean }[], signal?: AbortSignal): Promise<FiguresResult[]> {
    const requests = this.requests;
    if (!requests) throw new RequestError('unavailable', 'land use: no layer is read');
    const results = await requests.request<FiguresResult[] | null>({ type: 'figures', boundary, regions }, signal ? { signal } : {});
    if (!results) throw new RequestError('unavailable', 'land use: no layer is read');
    return results;
  }

  /** Stops the worker (an unfinished request settles as cancelled / stopped) and forgets the layer. */
  cancel(): void {
    const requests = this.requests;
    this.requests = undefined;
    requests?.terminate();
  }

  private connect(worker: WorkerPort): WorkerRequests<LandUseRequestBody> {
    return workerRequests<LandUseRequestBody>(worker, {
      label: 'land use',
      message: (id, body) => ({ ...body, id }),
      answer: (message: LandUseWorkerResponse) => {
        // Only the newest worker runs (prepare terminates the one before), so its progress is the reading's.
        if (message.type === 'progress') {
          this.onProgress(message);
          return undefined;
        }
        return message.type === 'figures' ? { id: message.id, value: message.results } : { id: message.id, value: message.result };
      },
    });
  }
}
