/**
 * Runs one import at a time in a Web Worker (src/data/import.worker.ts). `cancel()` terminates the
 * worker, so a huge parse stops at once; the next import starts a fresh worker. Never rejects: failures
 * (including a worker that cannot start) resolve as an invalid result with a message.
 */
import { MAX_IMPORT_BYTES } from '../core/import/validate-import.ts';
import type { ImportValidation } from '../core/import/validate-import.ts';
import type { ImportStage, ImportWorkerRequest, ImportWorkerResponse } from './import-protocol.ts';
import { startImportWorker } from './start-import-worker.ts';

export type ImportOutcome = { cancelled: true } | { cancelled: false; bytes: number; result: ImportValidation };

export class ImportClient {
  private worker: Worker | undefined;
  private finish: ((outcome: ImportOutcome) => void) | undefined;

  get busy(): boolean {
    return this.finish !== undefined;
  }

  run(request: ImportWorkerRequest, onProgress: (stage: ImportStage, fraction: number) => void): Promise<ImportOutcome> {
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
        this.done({ cancelled: false, bytes, result: { ok: false, issues: [{ code: 'internal', severity: 'error', params: { detail: (error as Error).message } }] } });
        return;
      }
      this.worker = worker;
      worker.addEventListener('message', (event: MessageEvent<ImportWorkerResponse>) => {
        const message = event.data;
        if (message.type === 'progress') onProgress(message.stage, message.fraction);
        else this.done({ cancelled: false, bytes: message.bytes, result: message.result });
      });
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        this.done({ cancelled: false, bytes, result: { ok: false, issues: [{ code: 'internal', severity: 'error', params: { detail: event.message || 'the import worker failed' } }] } });
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
