/**
 * Talks to the land-use worker (src/data/landuse/landuse.worker.ts): one layer at a time; `prepare` again
 * replaces it, `cancel()` terminates the worker. Never rejects: a worker that cannot start or fails
 * resolves as a result with an `internal` issue. Figure requests run side by side, each answered by id.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { FiguresResult } from '../../core/analysis/types.js';
import type { LandUsePrepareResult, LandUseProgress, LandUseWorkerRequest, LandUseWorkerResponse } from './landuse-protocol.js';
import type { LandUseLayerSettings } from './prepare-landuse-layer.js';
import { startLandUseWorker } from './start-landuse-worker.js';

export type LandUsePrepareOutcome = { cancelled: true } | { cancelled: false; result: LandUsePrepareResult };

const failure = (detail: string): LandUsePrepareResult => ({ ok: false, issues: [{ code: 'internal', severity: 'error', params: { detail } }] });

type Answer = { response: LandUseWorkerResponse } | { error: string } | { cancelled: true };

export class LandUseClient {
  private worker: Worker | undefined;
  private pending: ((answer: Answer) => void) | undefined;
  private readonly figureRequests = new Map<number, (results: FiguresResult[] | null) => void>();
  private nextId = 1;
  private onProgress: (progress: LandUseProgress) => void = () => undefined;

  /** Reads and classifies the files in the worker with the user's settings. */
  async prepare(files: File[], settings: LandUseLayerSettings = {}, onProgress: (progress: LandUseProgress) => void = () => undefined): Promise<LandUsePrepareOutcome> {
    this.cancel();
    this.onProgress = onProgress;
    try {
      this.worker = startLandUseWorker();
    } catch (error) {
      return { cancelled: false, result: failure((error as Error).message) };
    }
    this.worker.onmessage = (event: MessageEvent<LandUseWorkerResponse>) => {
      const message = event.data;
      if (message.type === 'progress') this.onProgress(message);
      else if (message.type === 'figures') this.answerFigures(message.id, message.results);
      else this.settle({ response: message });
    };
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.settle({ error: event.message || 'worker error' });
      for (const id of [...this.figureRequests.keys()]) this.answerFigures(id, null);
    };
    const answer = await this.request({ type: 'prepare', files, settings });
    if ('cancelled' in answer) return { cancelled: true };
    if ('error' in answer) return { cancelled: false, result: failure(answer.error) };
    return { cancelled: false, result: answer.response.type === 'prepared' ? answer.response.result : failure('unexpected answer') };
  }

  /**
   * Figures of the prepared layer over each region, cut to the boundary (`clip: false` for the boundary
   * itself); null when there is no layer or the worker stopped before answering.
   */
  figures(boundary: Feature<Polygon | MultiPolygon>, regions: { region: unknown; clip: boolean }[]): Promise<FiguresResult[] | null> {
    const worker = this.worker;
    if (!worker) return Promise.resolve(null);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.figureRequests.set(id, resolve);
      worker.postMessage({ type: 'figures', id, boundary, regions } satisfies LandUseWorkerRequest);
    });
  }

  /** Stops the worker (an unfinished request resolves as cancelled) and forgets the layer. */
  cancel(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.settle({ cancelled: true });
    for (const id of [...this.figureRequests.keys()]) this.answerFigures(id, null);
  }

  private answerFigures(id: number, results: FiguresResult[] | null): void {
    const resolve = this.figureRequests.get(id);
    this.figureRequests.delete(id);
    resolve?.(results);
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
