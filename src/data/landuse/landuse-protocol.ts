import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { FiguresResult } from '../../core/analysis/types.js';
import type { LandUseIssue } from './landuse-issues.js';
import type { LandUseLayerSettings, PreparedLandUseLayer } from './prepare-landuse-layer.js';

/**
 * Messages between the main thread and src/data/landuse/landuse.worker.ts. The parcels stay in the worker
 * (they are what the indicators use); the main thread gets a summary and the drawable GeoJSON as a Blob, and
 * for a large layer a coarse overview (core/landuse/overview-grid) drawn at small scales instead of the parcels.
 * - `prepare`: read, reproject and classify the picked files with the user's settings;
 * - `figures`: blue-green / construction figures of the last prepared layer over each region, cut to the
 *   boundary (the same shape as the schematic analysis gives); answered with the request's `id`, so several
 *   can be in flight.
 */
export type LandUseWorkerRequest =
  | { type: 'prepare'; files: File[]; settings: LandUseLayerSettings }
  | { type: 'figures'; id: number; boundary: Feature<Polygon | MultiPolygon>; regions: { region: unknown; clip: boolean }[] };

export type LandUseStage = 'read' | 'prepare' | 'write';

/** The prepared layer without its parcels (they cross as `data`). */
export type LandUseLayerSummary = Omit<PreparedLandUseLayer, 'collection'>;

export type LandUsePrepareResult =
  | { ok: true; issues: LandUseIssue[]; summary: LandUseLayerSummary; data: Blob; overview: Blob | null }
  | { ok: false; issues: LandUseIssue[] };

export type LandUseWorkerResponse =
  | { type: 'progress'; stage: LandUseStage; fraction: number }
  | { type: 'prepared'; result: LandUsePrepareResult }
  | { type: 'figures'; id: number; results: FiguresResult[] | null };
