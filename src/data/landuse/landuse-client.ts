/**
 * Talks to the land-use worker (src/data/landuse/landuse.worker.ts) through the one worker-request helper
 * (src/data/requests/worker-requests.ts). `prepare` starts a worker for new files; `reprepare` asks the same
 * worker again with other settings (a new classification is not read again); `cancel()` terminates it. `prepare` never rejects: a worker that cannot start or fails resolves as a result
 * with an `internal` issue. Figure requests run side by side, each answered by id, each abortable; they
 * reject with a RequestError (`stopped` once the worker is gone, `unavailable` when it holds no layer).
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { FiguresResult } from '../../core/analysis/types.js';
import type { ControlLinesResult, DeliveryKinds, LandUsePrepareResult, LandUseProgress, LandUseRequestBody, LandUseWorkerResponse } from './landuse-protocol.js';
import type { ControlLineRole } from '../../core/landuse/control-line-names.js';
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

  /** Reads and classifies the files in a new worker with the user's settings (the worker before is stopped). */
  async prepare(files: File[], settings: LandUseLayerSettings = {}, onProgress: (progress: LandUseProgress) => void = () => undefined): Promise<LandUsePrepareOutcome> {
    this.cancel();
    try {
      this.requests = this.connect(this.start());
    } catch (error) {
      return { cancelled: false, result: failure((error as Error).message) };
    }
    return this.ask({ type: 'prepare', files, settings, keep: [] }, onProgress);
  }

  /**
   * Prepares the files of the last `prepare` again, in the same worker, with other settings: a new
   * classification or grouping only classifies again (nothing is read or reprojected); a new encoding,
   * coordinate system or layer reads the kept bytes again. The prepared layers in `keep` stay (the one in force).
   */
  async reprepare(settings: LandUseLayerSettings, keep: number[], onProgress: (progress: LandUseProgress) => void = () => undefined): Promise<LandUsePrepareOutcome> {
    if (!this.requests) return { cancelled: false, result: failure('land use: no files are read') };
    return this.ask({ type: 'prepare', settings, keep }, onProgress);
  }

  /** Whether the worker is running (holding the files and layers of the last prepare). */
  get running(): boolean {
    return this.requests !== undefined && !this.requests.failure;
  }

  private async ask(body: Extract<LandUseRequestBody, { type: 'prepare' }>, onProgress: (progress: LandUseProgress) => void): Promise<LandUsePrepareOutcome> {
    this.onProgress = onProgress;
    try {
      const result = await this.requests!.request<LandUsePrepareResult>(body);
      return { cancelled: false, result };
    } catch (error) {
      if (error instanceof RequestError && error.reason === 'stopped') return { cancelled: true };
      return { cancelled: false, result: failure(error instanceof Error ? error.message : String(error)) };
    }
  }

  /**
   * Figures of prepared layer `layer` over each region, cut to the boundary (`clip: false` for the boundary
   * itself). Rejects with a RequestError: `unavailable` without that layer, `stopped` when the worker stopped
   * before answering, `aborted` when `signal` fired.
   */
  async figures(layer: number, boundary: Feature<Polygon | MultiPolygon>, regions: { region: unknown; clip: boolean }[], signal?: AbortSignal): Promise<FiguresResult[]> {
    const requests = this.requests;
    if (!requests) throw new RequestError('unavailable', 'land use: no layer is read');
    const results = await requests.request<FiguresResult[] | null>({ type: 'figures', layer, boundary, regions }, signal ? { signal } : {});
    if (!results) throw new RequestError('unavailable', 'land use: the layer was replaced');
    return results;
  }

  /** Starts the worker without files, if none runs (for control lines read before any land-use layer). */
  open(): void {
    if (this.running) return;
    this.cancel();
    this.requests = this.connect(this.start());
  }

  /**
   * Reads a delivery's control lines in this worker (kept there) and cuts them into prepared layer `layer` (null:
   * none yet). Rejects with a RequestError: `stopped` when the worker stopped, `unavailable` when none runs.
   */
  async controlLines(files: File[], roles: Record<string, ControlLineRole | 'ignore'>, layer: number | null): Promise<ControlLinesResult> {
    if (!this.requests) throw new RequestError('unavailable', 'land use: no worker runs');
    return this.requests.request<ControlLinesResult>({ type: 'control-lines', files, roles, layer });
  }

  /** What a delivery holds: layers named as control lines, layers carrying land-use codes. */
  async describeDelivery(files: File[]): Promise<DeliveryKinds> {
    if (!this.requests) throw new RequestError('unavailable', 'land use: no worker runs');
    return this.requests.request<DeliveryKinds>({ type: 'describe-delivery', files });
  }

  /**
   * Another request to the same worker (a second land-use state, the transition matrix), answered by id. Rejects
   * with a RequestError (`unavailable` with no worker, `stopped`, `aborted`).
   */
  async request<T>(body: LandUseRequestBody, signal?: AbortSignal): Promise<T> {
    if (!this.requests) throw new RequestError('unavailable', 'land use: no layer is read');
    return this.requests.request<T>(body, signal ? { signal } : {});
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
