/**
 * The figures clients of the app, one per basis (`services.figures`): `schematic` is the analysis worker over
 * the plan's layers (started after map-idle by ./analysis-feature.ts, which `expect`s it at install);
 * `landuse` answers the same questions from the planner's land-use layer while one is accepted
 * (src/app/landuse/landuse-session.ts). The statistics, study-area tool, what-if editing, inspector and compare
 * ask `client(basis)`: the client now, or — while its provider has said one is coming — the client once it
 * arrives. A basis nobody provides fails at once with a message (RequestError `unavailable`), never waits.
 * Which bases can be asked (`available()`) is mirrored into the store's `figuresAvailable` by the shell, on
 * every change (src/main.ts), so the compare panel offers a basis exactly while it can answer.
 */
import type { AnalysisClient } from './analysis-client.ts';
import type { BasisKind } from '../../state/basis.ts';
import { RequestError, abortError } from '../../data/requests/request-error.ts';
import { translate, type Lang } from '../../i18n/messages.ts';

interface Waiter {
  resolve: (client: AnalysisClient) => void;
  reject: (error: RequestError) => void;
}

export class FiguresService {
  private readonly current = new Map<BasisKind, AnalysisClient>();
  private readonly expected = new Map<BasisKind, number>();
  private readonly waiting = new Map<BasisKind, Waiter[]>();
  private readonly listeners = new Set<() => void>();
  /** a provider that failed to start: requests get its error until a client is provided */
  private readonly failed = new Map<BasisKind, RequestError>();

  /** @param lang - the interface language now (for the `unavailable` message) */
  constructor(private readonly lang: () => Lang) {}

  /** The bases that can be asked now: provided, or expected and not failed; in a stable order. */
  available(): BasisKind[] {
    const kinds = new Set<BasisKind>([...this.current.keys(), ...[...this.expected.keys()].filter((basis) => !this.failed.has(basis))]);
    return [...kinds].sort((a, b) => (a === b ? 0 : a === 'schematic' ? -1 : b === 'schematic' ? 1 : a < b ? -1 : 1));
  }

  /** The client of a basis if one is provided now. */
  now(basis: BasisKind): AnalysisClient | undefined {
    return this.current.get(basis);
  }

  /**
   * The client of a basis: at once if provided, after it arrives if a provider is expected, else a
   * RequestError `unavailable` at once. `signal` gives up waiting (RequestError `aborted`).
   */
  client(basis: BasisKind, signal?: AbortSignal): Promise<AnalysisClient> {
    const client = this.current.get(basis);
    if (client) return Promise.resolve(client);
    if (signal?.aborted) return Promise.reject(abortError(signal, 'figures'));
    const failure = this.failed.get(basis);
    if (failure) return Promise.reject(failure);
    if (!this.expected.get(basis)) return Promise.reject(this.unavailable(basis));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        resolve: (value) => { signal?.removeEventListener('abort', onAbort); resolve(value); },
        reject: (error) => { signal?.removeEventListener('abort', onAbort); reject(error); },
      };
      const onAbort = () => {
        this.waiting.set(basis, (this.waiting.get(basis) ?? []).filter((other) => other !== waiter));
        reject(abortError(signal!, 'figures'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.set(basis, [...(this.waiting.get(basis) ?? []), waiter]);
    });
  }

  /**
   * A feature that will provide the client of `basis` (after its worker has started) says so at install.
   * @returns withdraw(error?): the provider was disposed, or — with `error` — failed to start; waiting
   *   requests reject with `error` (and so do later ones until a client is provided) or with `unavailable`
   */
  expect(basis: BasisKind): (error?: RequestError) => void {
    this.expected.set(basis, (this.expected.get(basis) ?? 0) + 1);
    this.changed();
    let withdrawn = false;
    return (error) => {
      if (withdrawn) return;
      withdrawn = true;
      if (error && !this.current.has(basis)) {
        this.failed.set(basis, error);
        for (const waiter of this.waiting.get(basis)?.splice(0) ?? []) waiter.reject(error);
      }
      const count = (this.expected.get(basis) ?? 1) - 1;
      if (count > 0) {
        this.expected.set(basis, count);
        if (error) this.changed();
        return;
      }
      this.expected.delete(basis);
      this.changed();
      if (this.current.has(basis)) return;
      for (const waiter of this.waiting.get(basis)?.splice(0) ?? []) waiter.reject(error ?? this.unavailable(basis));
    };
  }

  /**
   * Provides the client of a basis (replacing any other).
   * @returns a function that withdraws it again (its feature disposed or its layer replaced or removed)
   */
  provide(basis: BasisKind, client: AnalysisClient): () => void {
    this.current.set(basis, client);
    this.failed.delete(basis);
    for (const waiter of this.waiting.get(basis)?.splice(0) ?? []) waiter.resolve(client);
    this.changed();
    return () => {
      if (this.current.get(basis) !== client) return;
      this.current.delete(basis);
      this.changed();
    };
  }

  /** Calls `listener` whenever a client is provided or withdrawn, or a provider is expected or withdrawn. @returns unsubscribe */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private unavailable(basis: BasisKind): RequestError {
    return new RequestError('unavailable', translate(this.lang(), `figures.unavailable.${basis}`));
  }
}
