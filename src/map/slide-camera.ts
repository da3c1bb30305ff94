import type { SlideCamera } from '../core/deck/deck.ts';
import type { MapView } from './map-view.ts';

const round = (value: number, digits: number): number => Number(value.toFixed(digits));

/** The map's current camera, rounded to what a slide stores. */
export function readCamera(view: MapView): SlideCamera {
  const map = view.map;
  const center = map.getCenter();
  return {
    center: [round(center.lng, 5), round(center.lat, 5)],
    zoom: round(map.getZoom(), 3),
    bearing: round(map.getBearing(), 2),
    pitch: round(map.getPitch(), 2),
  };
}

/**
 * Moves to a slide's camera: a smooth flight when `animate` (skipped for reduced motion), a jump
 * otherwise. Resolves when the move has ended.
 */
export function moveToCamera(view: MapView, camera: SlideCamera, animate: boolean): Promise<void> {
  const map = view.map;
  const reduced = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  const options = { center: camera.center, zoom: camera.zoom, bearing: camera.bearing, pitch: camera.pitch };
  return new Promise((resolve) => {
    map.stop();
    map.once('moveend', () => resolve());
    if (animate && !reduced) map.flyTo({ ...options, duration: 1600, essential: false, curve: 1.3 });
    else map.jumpTo(options);
  });
}
