// The normal build loads the plan-image worker as a same-origin module file; the single-file build uses the
// sibling start-plan-image-worker.single.ts, which inlines it.
export function startPlanImageWorker(): Worker {
  return new Worker(new URL('./plan-image.worker.ts', import.meta.url), { type: 'module' });
}
