import ImportWorker from './import.worker.ts?worker&inline';

// Single-file build: the import worker's code is inlined and started from a blob: URL.
export function startImportWorker(): Worker {
  return new ImportWorker();
}
