/**
 * The shapes of user-imported layers and of the import session in PlanState (plain data). The pure updates
 * over them are in ./imports.ts; this module imports nothing from the rest of the state, so
 * ./plan-state.ts can use it without a cycle.
 */
import type { ImportIssue } from '../core/import/import-issues.ts';
import type { ImportSummary } from '../core/import/validate-import.ts';
import type { OffsetDatum } from '../core/import/china-offset.ts';

export interface ImportedLayer {
  /** `imp-…`, unique in this browser; also the prefix of its MapLibre source and layers */
  id: string;
  /** the file name (untrusted text) */
  name: string;
  /** GeoJSON text of the validated collection as given (saved and exported) */
  original: Blob;
  /** GeoJSON text drawn and analysed (converted when `conversion` says so); feature ids = feature index */
  data: Blob;
  conversion: 'none' | OffsetDatum;
  summary: ImportSummary;
  visible: boolean;
  /** count this layer's polygons as a blue-green class in the analysis */
  countAsBlueGreen: boolean;
  /** size of the source text in bytes */
  bytes: number;
  importedAt: string;
}

/** One line of the import message list (dismissable). */
export interface ImportMessage {
  id: number;
  /** the file (or "pasted text") it is about; untrusted text */
  source: string;
  issue: ImportIssue;
}

/** A clicked imported feature: its index in the layer, its properties, whether it is a polygon. */
export interface InspectedFeature {
  layerId: string;
  featureIndex: number;
  properties?: Record<string, unknown>;
  polygon?: boolean;
}

export interface ImportSession {
  /** visible, dismissable message list */
  messages: readonly ImportMessage[];
  /** the import running in the worker, if any */
  progress: { source: string; stage: 'read' | 'parse' | 'validate' | 'write' | 'add'; fraction: number } | null;
  /** the imported feature whose properties the inspector shows (as MapLibre gave them on click) */
  inspected: InspectedFeature | null;
  /** saved data that could not be read, kept for download */
  backups: readonly { id: string; label: string; raw: string }[];
  /** storage problem: saving is failing, offer an export */
  storageProblem: 'quota' | 'unavailable' | 'too-large' | null;
}

export function initialImportSession(): ImportSession {
  return { messages: [], progress: null, inspected: null, backups: [], storageProblem: null };
}
