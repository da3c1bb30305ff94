/**
 * The map's DOM and its errors, for feature modules that must not touch MapLibre: the container (drag and
 * drop, focus), the canvas (focus return, print), MapLibre errors, and the automation hook of the tests.
 */
import type { MapView } from './map-view.ts';

/** The element the map draws into (its DOM container). */
export function mapContainer(view: MapView): HTMLElement {
  return view.map.getContainer();
}

/** The map's canvas (focusable: keyboard users pan and zoom there). */
export function mapCanvas(view: MapView): HTMLCanvasElement {
  return view.map.getCanvas();
}

/** Calls back with the message of every MapLibre error. @returns a function that stops it */
export function onMapError(view: MapView, listener: (message: string) => void): () => void {
  const handler = (event: { error?: { message?: string } }) => listener(event.error?.message ?? 'unknown');
  view.map.on('error', handler);
  return () => view.map.off('error', handler);
}

/** Draws one frame now and returns it as a PNG data URL ('' when the canvas cannot be read). */
export function snapshotDataUrl(view: MapView): string {
  // The drawing buffer is only readable in the task that drew it.
  view.map.redraw();
  try {
    return view.map.getCanvas().toDataURL('image/png');
  } catch {
    return '';
  }
}

/** A narrow automation hook for the browser tests and benchmarks: `globalThis.__plan`. */
export function exposeForAutomation(view: MapView, extra: Record<string, unknown>): void {
  Object.assign(globalThis, { __plan: { map: view.map, ...extra } });
}
