import type { Feature, FeatureCollection } from 'geojson';
import type { BlueGreenClass, FiguresResult, RegionTableRow, WholeAreaFigures } from '../../core/analysis/index.ts';

/**
 * Messages between the analysis client (main thread) and the analysis worker.
 * Everything is plain, structured-cloneable data.
 */
export interface AnalysisInitMessage {
  type: 'init';
  layers: { boundary: FeatureCollection; blueGreen: FeatureCollection; construction: FeatureCollection };
}

export type AnalysisRequestBody =
  | { kind: 'whole'; classes: readonly BlueGreenClass[] }
  | { kind: 'table'; classes: readonly BlueGreenClass[]; regions: readonly Feature[] }
  | { kind: 'region'; classes: readonly BlueGreenClass[]; feature: Feature }
  /**
   * Extra polygons counted as blue-green from now on (imported layers): GeoJSON text Blobs the worker
   * reads itself (no objects through the main thread). Replaces the previous extra set; [] = none.
   * Answered with the number of polygon features read.
   */
  | { kind: 'extra-blue-green'; blobs: readonly Blob[] };

export type AnalysisRequestMessage = { type: 'request'; requestId: number } & AnalysisRequestBody;

export type ToWorkerMessage = AnalysisInitMessage | AnalysisRequestMessage;

export type ToClientMessage =
  | { type: 'ready'; prepareMilliseconds: number; issues: readonly { reason: string; severity: string; message: string }[] }
  | { type: 'init-error'; message: string }
  | { type: 'result'; requestId: number; value: WholeAreaFigures | RegionTableRow[] | FiguresResult | { polygonCount: number } }
  | { type: 'error'; requestId: number; message: string };
