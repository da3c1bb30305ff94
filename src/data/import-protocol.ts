import type { ImportValidation } from '../core/import/validate-import.ts';

/** Messages between the main thread and src/data/import.worker.ts. */
export type ImportWorkerRequest = { type: 'file'; file: Blob } | { type: 'text'; text: string };

export type ImportStage = 'read' | 'parse' | 'validate';

export type ImportWorkerResponse =
  | { type: 'progress'; stage: ImportStage; fraction: number }
  | { type: 'result'; bytes: number; result: ImportValidation };
