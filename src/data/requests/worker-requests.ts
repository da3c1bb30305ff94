/**
 * Request / response with a Web Worker, matched by id. Every figures worker (analysis, land use) and the
 * tile worker talk through this: a request is posted with a fresh id and settles when the worker's answer
 * with that id arrives; the caller's AbortSignal rejects it at once (the answer, if it comes, is dropped);
 * a worker error or `terminate()` rejects every pending request. Every rejection is a RequestError.
 *
 * @example
 *   const requests = workerRequests(worker, {
 *     label: 'analysis',
 *     message: (id, body) => ({ type: 'request', requestId: id, ...body }),
 *     answer: (data) => (data.type === 'result' ? { id: data.requestId, value: data.value } : undefined),
 *   });
 *   const figures = await requests.request<WholeAreaFigures>({ kind: 'whole', classes }, { signal });
 */
import { RequestError, abortError } from './request-error.ts';

/** What a request helper needs of a worker (a Worker, or a stand-in in tests). */
export interface WorkerPort {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: string, listener: (event: Event) => void): void;
  terminate(): void;
}

/** The worker's answer to request `id`: a value, or an error message. */
export type WorkerAnswer = { id: number; value: unknown } | { id: number; error: string };

export interface WorkerRequestOptions {
  signal?: AbortSignal;
  transfer?: Transferable[];
}

export interface WorkerRequests<Body> {
  /** Posts `body` as a request; resolves with the worker's answer to it. */
  request<T>(body: Body, options?: WorkerRequestOptions): Promise<T>;
  /** Rejects every pending request and every later one with `error` (the worker is unusable). */
  fail(error: RequestError): void;
  /** Terminates the worker; pending and later requests reject as `stopped`. */
  terminate(): void;
  /** Why the worker is unusable, once it is. */
  readonly failure: RequestError | undefined;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: RequestError) => void;
}

export interface WorkerRequestsConfig<Body> {
  /** names the worker in error messages (`analysis worker: …`) */
  label: string;
  /** the message posted for request `id` */
  message: (id: number, body: Body) => unknown;
  /** the answer a message carries, or undefined for other messages (progress, ready…) */
  answer: (data: never) => WorkerAnswer | undefined;
}

/** Request / response by id over `worker`; see the module comment. */
export function workerRequests<Body>(worker: WorkerPort, config: WorkerRequestsConfig<Body>): WorkerRequests<Body> {
  const { label } = config;
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let failure: RequestError | undefined;

  const fail = (error: RequestError) => {
    failure ??= error;
    const callers = [...pending.values()];
    pending.clear();
    for (const caller of callers) caller.reject(error);
  };

  worker.addEventListener('message', (event) => {
    const answer = config.answer((event as MessageEvent).data as never);
    if (!answer) return;
    const caller = pending.get(answer.id);
    pending.delete(answer.id);
    if (!caller) return;
    if ('error' in answer) caller.reject(new RequestError('failed', `${label}: ${answer.error}`));
    else caller.resolve(answer.value);
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault?.();
    fail(new RequestError('failed', `${label} worker: ${(event as ErrorEvent).message || 'failed to start'}`));
  });
  worker.addEventListener('messageerror', () => fail(new RequestError('failed', `${label} worker: unreadable message`)));

  return {
    get failure() {
      return failure;
    },
    fail,
    request<T>(body: Body, { signal, transfer }: WorkerRequestOptions = {}): Promise<T> {
      if (failure) return Promise.reject(failure);
      if (signal?.aborted) return Promise.reject(abortError(signal, label));
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        const onAbort = () => {
          if (!pending.delete(id)) return;
          reject(abortError(signal!, label));
        };
        const settle = () => signal?.removeEventListener('abort', onAbort);
        pending.set(id, {
          resolve: (value) => { settle(); resolve(value as T); },
          reject: (error) => { settle(); reject(error); },
        });
        signal?.addEventListener('abort', onAbort, { once: true });
        try {
          worker.postMessage(config.message(id, body), transfer ?? []);
        } catch (error) {
          pending.delete(id);
          settle();
          reject(new RequestError('failed', `${label}: ${error instanceof Error ? error.message : String(error)}`));
        }
      });
    },
    terminate() {
      worker.terminate();
      fail(new RequestError('stopped', `${label} worker stopped`));
    },
  };
}
