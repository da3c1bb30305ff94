import type { MapView } from './map-view.ts';
import { bbox } from '@turf/bbox';
import type { Feature } from 'geojson';

/**
 * Fits the map to a cluster's bounds (cluster explorer): the whole cluster in view with some margin,
 * no animation when the user prefers reduced motion.
 * @returns the bounds fitted, [west, south, east, north]
 */
export function focusCluster(view: MapView, feature: Feature): [number, number, number, number] {
  const map = view.map;
  const [west, south, east, north] = bbox(feature);
  const canvas = map.getCanvas();
  const padding = Math.max(16, Math.min(56, Math.round(Math.min(canvas.clientWidth, canvas.clientHeight) * 0.08)));
  const animate = !globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  map.fitBounds([[west, south], [east, north]], { padding, maxZoom: 13.5, animate, duration: animate ? 900 : 0 });
  return [west, south, east, north];
}
