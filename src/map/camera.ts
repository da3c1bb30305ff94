/**
 * The camera and the map's own input, for feature modules that must not touch MapLibre: read and set the
 * camera, follow its moves (URL camera sync), fit features, and lock the map's interactions (presenter).
 */
import type { Feature, Polygon } from 'geojson';
import { bbox } from '@turf/bbox';
import type { MapView } from './map-view.ts';

/** A camera as plain numbers. */
export interface Camera {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

/** The current camera (unrounded). */
export function currentCamera(view: MapView): Camera {
  const map = view.map;
  const center = map.getCenter();
  return { center: [center.lng, center.lat], zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() };
}

/** Jumps (no animation) to a camera. */
export function jumpToCamera(view: MapView, camera: Camera): void {
  view.map.jumpTo({ ...camera });
}

/** Calls back after every camera move has ended. @returns a function that stops it */
export function onCameraMoved(view: MapView, listener: () => void): () => void {
  view.map.on('moveend', listener);
  return () => view.map.off('moveend', listener);
}

/** True while the camera is moving. */
export function isCameraMoving(view: MapView): boolean {
  return view.map.isMoving();
}

/**
 * Locks the map's own input (keyboard, drag, scroll and touch zoom) so that another owner (the presenter)
 * moves the camera alone. Locks nest; the map is unlocked when every returned function has been called.
 */
const locks = new WeakMap<MapView, number>();
export function lockInteraction(view: MapView): () => void {
  const map = view.map;
  const handlers = [map.keyboard, map.dragPan, map.scrollZoom, map.touchZoomRotate];
  const count = locks.get(view) ?? 0;
  if (count === 0) for (const handler of handlers) handler.disable();
  locks.set(view, count + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (locks.get(view) ?? 1) - 1;
    locks.set(view, left);
    if (left === 0) for (const handler of handlers) handler.enable();
  };
}

/** Re-reads the container's size (after full screen, a panel opening…). */
export function resizeMap(view: MapView): void {
  view.map.resize();
}

/** A polygon covering the middle half of the map view (a keyboard way to get a study area). */
export function middleOfView(view: MapView): Polygon {
  const bounds = view.map.getBounds();
  const w = bounds.getWest(), e = bounds.getEast(), s = bounds.getSouth(), n = bounds.getNorth();
  const x1 = w + (e - w) / 4, x2 = e - (e - w) / 4, y1 = s + (n - s) / 4, y2 = n - (n - s) / 4;
  const r = (v: number) => Math.round(v * 1e6) / 1e6;
  return { type: 'Polygon', coordinates: [[[r(x1), r(y1)], [r(x2), r(y1)], [r(x2), r(y2)], [r(x1), r(y2)], [r(x1), r(y1)]]] };
}

/** Fits the map to a feature at once (no animation) and resolves when everything requested is drawn. */
export function fitFeatureNow(view: MapView, feature: Feature, padding = 40): Promise<void> {
  const [west, south, east, north] = bbox(feature);
  const idle = view.whenIdle();
  view.map.fitBounds([[west, south], [east, north]], { padding, maxZoom: 13.5, animate: false });
  view.map.triggerRepaint();
  return idle;
}

/** Resolves once the map has drawn everything requested (after the next repaint). */
export function drawnNow(view: MapView): Promise<void> {
  const idle = view.whenIdle();
  view.map.triggerRepaint();
  return idle;
}
