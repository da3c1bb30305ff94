/**
 * "Latest wins" for anything asked again and again while the planner edits (figures of a dragged shape, of
 * the current class set, a compare computation): each `run` aborts the run before it, so only the newest
 * answer is ever applied. A superseded run rejects with a RequestError `aborted` (drop it with `isAborted`).
 *
 * `coalesce` is the same rule for a worker that cannot stop a computation it started: one request in flight,
 * the newest waiting one replaces any older waiting one, and the callers it replaced get the newest answer
 * (MapLibre's GeoJSONSource does the same with worker updates), so a worker never queues behind the hand.
 *
 * @example
 *   const latest = new LatestWins('study figures');
 *   latest.run((signal) => client.region(shape, classes, { signal })).then(show, (error) => isAborted(error) || fail(error));
 */
import { RequestError, abortError } from './request-error.ts';

export class LatestWins {
  private controller: AbortController | undefined;

  constructor(private readonly label: string) {}

  /** Starts `task` with a fresh signal, aborting the run before; settles as `task` does unless superseded. */
  run<T>(task: (signal: AbortSignal) => Promise<T>): Promise<T> {
    this.abort();
    const controller = new AbortController();
    this.controller = controller;
    const { signal } = controller;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(abortError(signal, this.label));
      signal.addEventListener('abort', onAbort, { once: true });
      task(signal).then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          if (signal.aborted) reject(abortError(signal, this.label));
          else resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(signal.aborted ? abortError(signal, this.label) : error);
        },
      );
    });
  }

  /** Aborts the current run, if any (e.g. on dispose). */
  abort(): void {
    this.controller?.abort(new RequestError('aborted', `${this.label}: superseded`));
    this.controller = undefined;
  }
}

interface Waiter<T> {
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

/**
 * One in flight, the newest waiting (see the module comment).
 * @param send - sends one input and resolves with its answer
 * @returns ask(input, signal?): the answer for `input` or for a newer input that replaced it while it waited;
 *   a caller's own signal rejects only that caller
 */
export function coalesce<I, T>(send: (input: I) => Promise<T>, label: string): (input: I, signal?: AbortSignal) => Promise<T> {
  let inFlight = false;
  let waiting: { input: I; callers: Waiter<T>[] } | undefined;

  const pump = (): void => {
    const job = waiting;
    if (!job || inFlight) return;
    waiting = undefined;
    inFlight = true;
    let answer: Promise<T>;
    try {
      answer = send(job.input);
    } catch (error) {
      answer = Promise.reject(error);
    }
    answer.then(
      (value) => { for (const caller of job.callers) caller.resolve(value); },
      (error: unknown) => { for (const caller of job.callers) caller.reject(error); },
    ).finally(() => {
      inFlight = false;
      pump();
    });
  };

  return (input, signal) => {
    if (signal?.aborted) return Promise.reject(abortError(signal, label));
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        if (waiting) waiting.callers = waiting.callers.filter((caller) => caller !== waiter);
        reject(abortError(signal!, label));
      };
      const done = () => signal?.removeEventListener('abort', onAbort);
      const waiter: Waiter<T> = { resolve: (value) => { done(); resolve(value); }, reject: (error) => { done(); reject(error); } };
      signal?.addEventListener('abort', onAbort, { once: true });
      waiting = { input, callers: [...(waiting?.callers ?? []), waiter] };
      pump();
    });
  };
}
