import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { FiguresResult } from '../../core/analysis/types.js';
import type { LandUseIssue } from './landuse-issues.js';
import type { LandUseLayerSettings, PreparedLandUseLayer } from './prepare-landuse-layer.js';
import type { LayerQuestion } from './read-landuse-files.js';
import type { ControlLineIssue, ControlLineRole } from '../../core/landuse/control-lines.js';
import type { DeliveryLayer } from './delivery-layers.js';
import type { LandUseStatesRequest, LandUseStatesResponse } from './landuse-states-protocol.js';

/**
 * Messages between the main thread and src/data/landuse/landuse.worker.ts. The parcels stay in the worker
 * (they are what the indicators use); the main thread gets a summary and the drawable GeoJSON as a Blob, and
 * for a large layer a coarse overview (core/landuse/overview-grid) drawn at small scales instead of the parcels.
 * - `prepare`: read, reproject and classify the picked files with the user's settings;
 * - `figures`: blue-green / construction figures of the last prepared layer over each region, cut to the
 *   boundary (the same shape as the schematic analysis gives).
 * Each request is answered with its `id`, so several can be in flight.
 */
export type LandUseRequestBody =
  /**
   * `files` absent: the files of the last prepare again, kept in the worker — with the same reading settings
   * (encoding, coordinate system, layer) only the classification runs, nothing is read or reprojected again.
   * `keep`: prepared layers to keep (the one in force); every other is dropped first.
   */
  | { type: 'prepare'; files?: File[]; settings: LandUseLayerSettings; keep: number[] }
  /** figures of prepared layer `layer` */
  | { type: 'figures'; layer: number; boundary: Feature<Polygon | MultiPolygon>; regions: { region: unknown; clip: boolean }[] }
  /**
   * the three control lines of a delivery (src/data/landuse/control-lines-reader.ts), with the planner's roles for
   * layers whose names do not tell; kept in the worker and cut into prepared layer `layer` (when given) once, so
   * that layer's `figures` carry the conflict figures; no `files`: the lines kept are dropped (removed by the planner)
   */
  | { type: 'control-lines'; files: File[]; roles: Record<string, ControlLineRole | 'ignore'>; layer: number | null }
  /** what a delivery holds: its layers named as control lines, and its layers carrying land-use codes */
  | { type: 'describe-delivery'; files: File[] }
  /** a second land-use state beside the layer in force, and the transition matrix between the two */
  | LandUseStatesRequest;

/** Every request carries an `id`; its answer carries the same `id` (src/data/requests/worker-requests.ts). */
export type LandUseWorkerRequest = LandUseRequestBody & { id: number };

export type LandUseStage = 'read' | 'prepare' | 'write';

/** How far the reading is: a share of the work, and the parcels read of all when the stage counts parcels. */
export interface LandUseProgress {
  stage: LandUseStage;
  fraction: number;
  parcels?: { read: number; total: number };
}

/** The prepared layer without its parcels (they cross as `data`). */
export type LandUseLayerSummary = Omit<PreparedLandUseLayer, 'collection' | 'parcels'>;

export type LandUsePrepareResult =
  /** `layer`: the prepared layer's id in the worker (for `figures` and `keep`); `reclassified`: nothing was read again */
  | { ok: true; issues: LandUseIssue[]; summary: LandUseLayerSummary; data: Blob; overview: Blob | null; layer: number; reclassified: boolean }
  | { ok: false; issues: LandUseIssue[]; question?: LayerQuestion };

/** One control-line layer read: how its role was told, its polygons and their area. */
export interface ControlLineLayerSummary {
  name: string;
  role: ControlLineRole;
  by: 'code' | 'chinese-name' | 'planner';
  parcelCount: number;
  areaSquareMeters: number;
}

export type ControlLineWorkerIssue = ControlLineIssue | LandUseIssue;

export type ControlLinesResult =
  /** `data`: the lines' polygons as GeoJSON, each feature's `role`; `conflicts`: cut into the land-use layer asked for */
  | { ok: true; lines: ControlLineLayerSummary[]; data: Blob; issues: ControlLineWorkerIssue[]; question: DeliveryLayer[] | null; conflicts: boolean }
  | { ok: false; issues: ControlLineWorkerIssue[]; question: DeliveryLayer[] | null };

/** A delivery's layers named as control lines and those carrying land-use codes (names). */
export interface DeliveryKinds {
  controlLines: string[];
  landUse: string[];
}

export type LandUseWorkerResponse =
  | { type: 'control-lines'; id: number; result: ControlLinesResult }
  | { type: 'delivery'; id: number; result: DeliveryKinds }
  | ({ type: 'progress' } & LandUseProgress)
  | { type: 'prepared'; id: number; result: LandUsePrepareResult }
  | { type: 'figures'; id: number; results: FiguresResult[] | null }
  | LandUseStatesResponse;
