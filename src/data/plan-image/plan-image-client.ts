/**
 * Asks the plan-image worker (./plan-image.worker.ts) to place an image's corners, through the one
 * worker-request helper. The worker starts on the first request and stays for the next. Never rejects: a
 * worker that cannot start or fails answers as `reproject-failed`.
 */
import { workerRequests, type WorkerPort, type WorkerRequests } from '../requests/index.ts';
import type { PlaceRequest, PlaceResult } from './place-image.ts';
import { startPlanImageWorker } from './start-plan-image-worker.ts';

export class PlanImageClient {
  private requests: WorkerRequests<PlaceRequest> | undefined;

  constructor(private readonly start: () => WorkerPort = startPlanImageWorker) {}

  async place(request: PlaceRequest): Promise<PlaceResult> {
    try {
      if (!this.requests || this.requests.failure) {
        this.requests = workerRequests<PlaceRequest>(this.start(), {
          label: 'plan image',
          message: (id, body) => ({ ...body, id }),
          answer: (message: { id: number; result: PlaceResult }) => ({ id: message.id, value: message.result }),
        });
      }
      return await this.requests.request<PlaceResult>(request);
    } catch (error) {
      return { ok: false, issue: { code: 'reproject-failed', crs: error instanceof Error ? error.message : String(error) } };
    }
  }

  /** Stops the worker. */
  dispose(): void {
    this.requests?.terminate();
    this.requests = undefined;
  }
}
