/**
 * Coalesces bursts of calls into one per animation frame: terra-draw fires several 'change' events per
 * pointer move; the analysis runs once per frame with the newest value.
 */
export interface FrameCoalescer<T> {
  /** Remembers `value`; the callback runs once on the next frame with the last value pushed. */
  push(value: T): void;
  /** Drops a pending value. */
  cancel(): void;
}

export function frameCoalescer<T>(
  run: (value: T) => void,
  schedule: (callback: () => void) => number = (callback) => requestAnimationFrame(callback),
  unschedule: (handle: number) => void = (handle) => cancelAnimationFrame(handle),
): FrameCoalescer<T> {
  let pending: { value: T } | undefined;
  let handle: number | undefined;
  return {
    push(value) {
      pending = { value };
      handle ??= schedule(() => {
        handle = undefined;
        const job = pending;
        pending = undefined;
        if (job) run(job.value);
      });
    },
    cancel() {
      pending = undefined;
      if (handle !== undefined) unschedule(handle);
      handle = undefined;
    },
  };
}
