import type { Feature } from 'geojson';
import type { ImportIssue } from '../core/import/import-issues.ts';
import type { FrameGuess } from '../core/import/coordinate-frame.ts';
import type { ImportSummary } from '../core/import/validate-import.ts';
import type { OffsetDatum } from '../core/import/china-offset.ts';

/**
 * Messages between the main thread and src/data/import.worker.ts. Big data crosses only as Blobs
 * (cheap to post); the main thread never holds an imported FeatureCollection.
 * - `file` / `text`: read, parse, validate, fix winding; `conversion` also converts GCJ-02/BD-09 → WGS84
 *   (restoring saved work and the conversion offer send the saved original Blob this way).
 * - `feature`: one feature (full geometry) of a map copy by index, e.g. for "use as study area".
 */
export type ImportWorkerRequest =
  | { type: 'file'; file: Blob; conversion?: 'none' | OffsetDatum }
  | { type: 'text'; text: string; conversion?: 'none' | OffsetDatum }
  | { type: 'feature'; data: Blob; index: number };

export type ImportStage = 'read' | 'parse' | 'validate' | 'write';

/** An import's outcome: a small summary and two Blobs of GeoJSON text, or the issues. */
export type ImportResult =
  | {
    ok: true;
    issues: ImportIssue[];
    summary: ImportSummary;
    /** the validated collection as given (ids kept, winding fixed): what is saved and exported */
    original: Blob;
    /** what is drawn and analysed: the original or its conversion, feature ids = feature index */
    data: Blob;
  }
  | { ok: false; issues: ImportIssue[]; frame?: FrameGuess };

export type ImportWorkerResponse =
  | { type: 'progress'; stage: ImportStage; fraction: number }
  | { type: 'result'; bytes: number; result: ImportResult }
  | { type: 'feature'; feature: Feature | null };
