/**
 * The one error every figures / worker request rejects with. `reason` says why:
 * - `aborted`: the caller's AbortSignal fired, or a newer request replaced this one (latest wins);
 * - `stopped`: the worker was terminated (its feature disposed, its layer replaced) before answering;
 * - `failed`: the worker answered with an error, could not start, or crashed;
 * - `unavailable`: nothing provides what was asked (no figures client for a basis).
 * Callers drop `aborted` and show the others' message in the live region.
 */
export type RequestErrorReason = 'aborted' | 'stopped' | 'failed' | 'unavailable';

export class RequestError extends Error {
  constructor(readonly reason: RequestErrorReason, message: string) {
    super(message);
    this.name = 'RequestError';
  }
}

/** True for a request superseded by a newer one or aborted by its caller: nothing to show. */
export function isAborted(error: unknown): boolean {
  return error instanceof RequestError ? error.reason === 'aborted' : error instanceof Error && error.name === 'AbortError';
}

/** Any thrown value as a RequestError (`failed` unless it already is one). */
export function asRequestError(error: unknown, label: string): RequestError {
  if (error instanceof RequestError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new RequestError('failed', `${label}: ${detail}`);
}

/** The error for an aborted signal (its reason when that is already a RequestError). */
export function abortError(signal: AbortSignal, label: string): RequestError {
  return signal.reason instanceof RequestError ? signal.reason : new RequestError('aborted', `${label}: aborted`);
}
