/**
 * First camera and first look of the map controls: the whole Start-up Area in view, and a compact
 * (collapsed) attribution on narrow maps so it does not cover the map.
 */
import type { FeatureCollection } from 'geojson';
import { bbox } from '@turf/bbox';
import type { MapView } from './map-view.ts';

/** Room kept free around the boundary: the indicator bar and the schematic note (top), controls (right), timeline (bottom). */
const PADDING = { top: 104, right: 56, bottom: 140, left: 32 };
/** MapLibre makes its attribution compact at or below this container width. */
const NARROW_MAP_PX = 640;

/**
 * Jumps (no animation) to the camera that fits the boundary with padding. Called when the data arrives,
 * before the first complete frame, so it costs no extra rendering and does not delay `map-idle`.
 */
export function fitInitialView(view: MapView, boundary: FeatureCollection): void {
  const map = view.map;
  if (!boundary.features.length) return;
  const [west, south, east, north] = bbox(boundary);
  if (![west, south, east, north].every(Number.isFinite)) return;
  const container = map.getContainer();
  const { clientWidth: width, clientHeight: height } = container;
  if (width < 50 || height < 50) return;
  // small maps (phones) get proportionally less padding
  const scale = Math.min(1, width / 900, height / 700);
  const px = (value: number) => Math.round(value * Math.max(scale, 0.4));
  const padding = { top: px(PADDING.top), right: px(PADDING.right), bottom: px(PADDING.bottom), left: px(PADDING.left) };
  // the container may just have changed size (the phone sheet starts collapsed)
  if (map.getCanvas().clientWidth !== width || map.getCanvas().clientHeight !== height) map.resize();
  const camera = map.cameraForBounds([[west, south], [east, north]], { padding, maxZoom: 12 });
  if (camera) map.jumpTo(camera);
}

/** On a narrow map, starts the compact attribution collapsed to its (i) button. */
export function collapseAttribution(view: MapView): void {
  const map = view.map;
  const collapse = () => {
    if (map.getContainer().offsetWidth > NARROW_MAP_PX) return;
    map.getContainer().querySelector('.maplibregl-ctrl-attrib.maplibregl-compact-show')?.classList.remove('maplibregl-compact-show');
  };
  collapse();
  map.once('idle', collapse);
}
