/**
 * Runs one import at a time in a Web Worker (src/data/import.worker.ts). `cancel()` terminates the
 * worker, so a huge parse stops at once; the next import starts a fresh worker. Never rejects: failures
 * (including a worker that cannot start) resolve as an invalid result with a message.
 * Results carry Blobs, never FeatureCollections: see src/data/import-protocol.ts.
 */
import type { Feature } from 'geojson';
import { MAX_IMPORT_BYTES } from '../core/import/limits.ts';
import type { ImportResult, ImportStage, ImportWorkerRequest, ImportWorkerResponse } from './import-protocol.ts';
import { startImportWorker } from './start-import-worker.ts';

export type ImportOutcome = { cancelled: true } | { cancelled: false; bytes: number; result: ImportResult };

type FileRequest = Exclude<ImportWorkerRequest, { type: 'feature' }>;

function failure(bytes: number, detail: string): ImportOutcome {
  return { cancelled: false, bytes, result: { ok: false, issues: [{ code: 'internal', severity: 'error', params: { detail } }] } };
}

export class ImportClient {
  private worker: Worker | undefined;
  private finish: ((outcome: ImportOutcome) => void) | undefined;

  get busy(): boolean {
    return this.finish !== undefined;
  }

  run(request: FileRequest, onProgress: (stage: ImportStage, fraction: number) => void = () => undefined): Promise<ImportOutcome> {
    this.cancel();
    const bytes = request.type === 'file' ? request.file.size : request.text.length;
    if (bytes > MAX_IMPORT_BYTES) {
      return Promise.resolve({ cancelled: false, bytes, result: { ok: false, issues: [{ code: 'too-large', severity: 'error', params: { limitMb: MAX_IMPORT_BYTES / 1048576, sizeMb: Math.round(bytes / 1048576) } }] } });
    }
    return new Promise<ImportOutcome>((resolve) => {
      this.finish = resolve;
      let worker: Worker;
      try {
        worker = startImportWorker();
      } catch (error) {
        this.done(failure(bytes, (error as Error).message));
        return;
      }
      this.worker = worker;
      worker.addEventListener('message', (event: MessageEvent<ImportWorkerResponse>) => {
        const message = event.data;
        if (message.type === 'progress') onProgress(message.stage, message.fraction);
        else if (message.type === 'result') this.done({ cancelled: false, bytes: message.bytes, result: message.result });
      });
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        this.done(failure(bytes, event.message || 'the import worker failed'));
      });
      worker.postMessage(request);
    });
  }

  cancel(): void {
    if (!this.finish) return;
    this.done({ cancelled: true });
  }

  private done(outcome: ImportOutcome): void {
    this.worker?.terminate();
    this.worker = undefined;
    const finish = this.finish;
    this.finish = undefined;
    finish?.(outcome);
  }
}

/**
 * One feature of a layer's map copy (`data` Blob; ids are feature indexes), read in a short-lived worker so
 * the main thread never parses the layer. Resolves null when it cannot be read.
 */
export function readImportedFeature(data: Blob, index: number): Promise<Feature | null> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = startImportWorker();
    } catch {
      resolve(null);
      return;
    }
    const finish = (feature: Feature | null) => {
      worker.terminate();
      resolve(feature);
    };
    worker.addEventListener('message', (event: MessageEvent<ImportWorkerResponse>) => {
      if (event.data.type === 'feature') finish(event.data.feature);
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      finish(null);
    });
    worker.postMessage({ type: 'feature', data, index } satisfies ImportWorkerRequest);
  });
}
