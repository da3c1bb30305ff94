import type { Map as MaplibreMap, MapGeoJSONFeature, PointLike } from 'maplibre-gl';
import { bbox } from '@turf/bbox';
import type { Feature } from 'geojson';
import type { MapView } from './map-view.ts';
import { CATALOG_LAYERS } from '../state/layer-catalog.ts';

/** A feature picked on the map: its geodata layer (= source) and stable id. */
export interface PickedFeature {
  layer: string;
  id: string;
  /** where on the map it was picked, [lng, lat] (the inspector's "Where" context uses it) */
  at?: [number, number];
}

/** Half the side of the box around a click or tap in which features are picked, in CSS pixels. */
export const PICK_TOLERANCE_PX = 6;
const TYPE_PRIORITY: Record<string, number> = { circle: 0, symbol: 0, line: 1, fill: 2 };

function pickableLayerIds(map: MaplibreMap): string[] {
  return CATALOG_LAYERS.filter((layer) => layer.pickable !== false).flatMap((layer) => layer.styleLayers).filter((id) => map.getLayer(id));
}

function rank(map: MaplibreMap, feature: MapGeoJSONFeature): number {
  const priority = TYPE_PRIORITY[feature.layer.type] ?? 3;
  // Nearly transparent fills (clusters, the belt) lose to opaque ones drawn under them.
  if (feature.layer.type === 'fill') {
    const opacity = map.getPaintProperty(feature.layer.id, 'fill-opacity');
    if (typeof opacity === 'number' && opacity < 0.3) return priority + 0.5;
  }
  return priority;
}

/** The feature a click or tap at `point` means, or undefined (points and lines win over areas). */
export function pickFeature(map: MaplibreMap, point: { x: number; y: number }): PickedFeature | undefined {
  const box: [PointLike, PointLike] = [
    [point.x - PICK_TOLERANCE_PX, point.y - PICK_TOLERANCE_PX],
    [point.x + PICK_TOLERANCE_PX, point.y + PICK_TOLERANCE_PX],
  ];
  const hits = map.queryRenderedFeatures(box, { layers: pickableLayerIds(map) });
  let best: MapGeoJSONFeature | undefined;
  let bestRank = Infinity;
  for (const hit of hits) {
    const hitRank = rank(map, hit);
    if (hitRank < bestRank) {
      best = hit;
      bestRank = hitRank;
    }
  }
  const id = best?.properties?.id ?? best?.id;
  if (!best || id === undefined) return undefined;
  const at = map.unproject([point.x, point.y]);
  return { layer: best.source, id: String(id), at: [at.lng, at.lat] };
}

/**
 * Calls back with the picked feature on click / tap (with the DOM event that caused it) and on hover
 * (undefined when leaving features). While `hoverEnabled()` is false (e.g. the study tool is drawing),
 * hovering neither highlights nor sets the pointer cursor, so another tool owns the cursor.
 * @returns a function that removes the listeners
 */
export function listenForFeatures(
  map: MaplibreMap,
  onClick: (picked: PickedFeature | undefined, originalEvent: MouseEvent | undefined, point: { x: number; y: number }) => void,
  onHover: (picked: PickedFeature | undefined) => void,
  hoverEnabled: () => boolean = () => true,
): () => void {
  let lastHoverKey = '';
  let frame = 0;
  const click = (event: { point: { x: number; y: number }; originalEvent?: MouseEvent }) => onClick(pickFeature(map, event.point), event.originalEvent, event.point);
  const move = (event: { point: { x: number; y: number } }) => {
    cancelAnimationFrame(frame);
    if (!hoverEnabled()) {
      if (lastHoverKey) {
        lastHoverKey = '';
        if (map.getCanvas().style.cursor === 'pointer') map.getCanvas().style.cursor = '';
        onHover(undefined);
      }
      return;
    }
    frame = requestAnimationFrame(() => {
      const picked = pickFeature(map, event.point);
      const key = picked ? `${picked.layer}/${picked.id}` : '';
      map.getCanvas().style.cursor = picked ? 'pointer' : '';
      if (key !== lastHoverKey) {
        lastHoverKey = key;
        onHover(picked);
      }
    });
  };
  const leave = () => {
    cancelAnimationFrame(frame);
    if (map.getCanvas().style.cursor === 'pointer') map.getCanvas().style.cursor = '';
    if (lastHoverKey) onHover(undefined);
    lastHoverKey = '';
  };
  map.on('click', click);
  map.on('mousemove', move);
  map.on('mouseout', leave);
  return () => {
    cancelAnimationFrame(frame);
    map.off('click', click);
    map.off('mousemove', move);
    map.off('mouseout', leave);
  };
}

/** Moves the map to show a feature (no animation when the user prefers reduced motion). */
export function flyToFeature(view: MapView, feature: Feature): void {
  const map = view.map;
  const [west, south, east, north] = bbox(feature);
  const animate = !globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  if (west === east && south === north) {
    map.easeTo({ center: [west, south], zoom: Math.max(map.getZoom(), 12.5), animate });
  } else {
    map.fitBounds([[west, south], [east, north]], { padding: 48, maxZoom: 14, animate });
  }
}
