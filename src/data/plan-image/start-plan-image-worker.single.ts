import PlanImageWorker from './plan-image.worker.ts?worker&inline';

// Single-file build: the plan-image worker's code is inlined and started from a blob: URL.
export function startPlanImageWorker(): Worker {
  return new PlanImageWorker();
}
