/**
 * The image's corners from the world file's system to WGS84 longitude/latitude. Runs in the plan-image worker
 * (./plan-image.worker.ts) only: it reprojects with proj4 through the land-use CRS code, which the page itself
 * never loads. Never throws.
 */
import { crsById, crsFromPrj, inferCrs, makeProjector, type CrsInfo } from '../landuse/crs.ts';
import type { Corners } from './world-file.ts';

export interface PlaceRequest {
  /** the image's corners in the world file's coordinates (./world-file.ts `worldCorners`) */
  corners: Corners;
  /** the .prj's text, or null */
  prj: string | null;
  /** the system the planner chose (`EPSG:4527`…): used when there is no .prj */
  crsId: string | null;
}

export type PlaceIssue =
  /** the .prj names a system we cannot read (`detail`: why) */
  | { code: 'prj-unknown'; detail: string }
  /** no .prj and no system chosen: the planner must say which (`suggested`: what the numbers look like, or null) */
  | { code: 'needs-crs'; suggested: string | null }
  /** a chosen id we do not know */
  | { code: 'crs-unknown'; id: string }
  /** the corners do not land on the Earth in that system */
  | { code: 'reproject-failed'; crs: string };

export type PlaceResult =
  | { ok: true; corners: Corners; crs: { id: string; label: string; unshiftedDatum?: string } }
  | { ok: false; issue: PlaceIssue };

function systemOf({ prj, crsId }: PlaceRequest): { crs: CrsInfo } | { issue: PlaceIssue } | null {
  if (crsId) {
    const crs = crsById(crsId);
    return crs ? { crs } : { issue: { code: 'crs-unknown', id: crsId } };
  }
  if (prj !== null && prj.trim() !== '') {
    const detection = crsFromPrj(prj);
    return detection.crs ? { crs: detection.crs } : { issue: { code: 'prj-unknown', detail: detection.reason ?? 'unknown' } };
  }
  return null;
}

/** Reprojects the corners; without a system, says which one the numbers look like, for the planner to confirm. */
export function placeImage(request: PlaceRequest): PlaceResult {
  const system = systemOf(request);
  if (!system) {
    const xs = request.corners.map(([x]) => x);
    const ys = request.corners.map(([, y]) => y);
    const guess = inferCrs({ minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) });
    const suggested = guess.crs && guess.crs.id !== 'custom' ? guess.crs.id : null;
    return { ok: false, issue: { code: 'needs-crs', suggested } };
  }
  if ('issue' in system) return { ok: false, issue: system.issue };
  const { crs } = system;
  try {
    const project = makeProjector(crs);
    const corners = request.corners.map(([x, y]) => project(x, y)) as Corners;
    const onEarth = corners.every(([lng, lat]) => Number.isFinite(lng) && Number.isFinite(lat) && Math.abs(lng) <= 180 && Math.abs(lat) <= 85.06);
    if (!onEarth) return { ok: false, issue: { code: 'reproject-failed', crs: crs.label } };
    return { ok: true, corners, crs: { id: crs.id, label: crs.label, ...(crs.unshiftedDatum ? { unshiftedDatum: crs.unshiftedDatum } : {}) } };
  } catch {
    return { ok: false, issue: { code: 'reproject-failed', crs: crs.label } };
  }
}
