/**
 * Talks to the land-use worker (src/data/landuse/landuse.worker.ts): one layer at a time; `prepare` again
 * replaces it, `cancel()` terminates the worker. Never rejects: a worker that cannot start or fails
 * resolves as a result with an `internal` issue.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { LandUseIndicators } from '../../core/landuse/landuse-indicators.js';
import type { LandUsePrepareResult, LandUseStage, LandUseWorkerRequest, LandUseWorkerResponse } from './landuse-protocol.js';
import type { LandUseLayerSettings } from './prepare-landuse-layer.js';
import { startLandUseWorker } from './start-landuse-worker.js';

export type LandUsePrepareOutcome = { cancelled: true } | { cancelled: false; result: LandUsePrepareResult };

const failure = (detail: string): LandUsePrepareResult => ({ ok: false, issues: [{ code: 'internal', severity: 'error', params: { detail } }] });

type Answer = { response: LandUseWorkerResponse } | { error: string } | { cancelled: true };

export class LandUseClient {
  private worker: Worker | undefined;
  private pending: ((answer: Answer) => void) | undefined;
  private onProgress: (stage: LandUseStage, fraction: number) => void = () => undefined;

  /** Reads and classifies the files in the worker with the user's settings. */
  async prepare(files: File[], settings: LandUseLayerSettings = {}, onProgress: (stage: LandUseStage, fraction: number) => void = () => undefined): Promise<LandUsePrepareOutcome> {
    this.cancel();
    this.onProgress = onProgress;
    try {
      this.worker = startLandUseWorker();
    } catch (error) {
      return { cancelled: false, result: failure((error as Error).message) };
    }
    this.worker.onmessage = (event: MessageEvent<LandUseWorkerResponse>) => {
      if (event.data.type === 'progress') this.onProgress(event.data.stage, event.data.fraction);
      else this.settle({ response: event.data });
    };
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.settle({ error: event.message || 'worker error' });
    };
    const answer = await this.request({ type: 'prepare', files, settings });
    if ('cancelled' in answer) return { cancelled: true };
    if ('error' in answer) return { cancelled: false, result: failure(answer.error) };
    return { cancelled: false, result: answer.response.type === 'prepared' ? answer.response.result : failure('unexpected answer') };
  }

  /** Figures of the prepared layer over each region; null for a region when there is no layer. */
  async indicators(regions: { id: string; region: Feature<Polygon | MultiPolygon> }[]): Promise<{ id: string; indicators: LandUseIndicators | null }[]> {
    const none = regions.map(({ id }) => ({ id, indicators: null }));
    if (!this.worker) return none;
    const answer = await this.request({ type: 'indicators', regions });
    return 'response' in answer && answer.response.type === 'indicators' ? answer.response.results : none;
  }

  /** Stops the worker (an unfinished request resolves as cancelled) and forgets the layer. */
  cancel(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.settle({ cancelled: true });
  }

  private request(message: LandUseWorkerRequest): Promise<Answer> {
    // One request at a time: a newer one supersedes an unanswered one.
    this.settle({ cancelled: true });
    return new Promise((resolve) => {
      this.pending = resolve;
      this.worker!.postMessage(message);
    });
  }

  private settle(answer: Answer): void {
    const pending = this.pending;
    this.pending = undefined;
    pending?.(answer);
  }
}
