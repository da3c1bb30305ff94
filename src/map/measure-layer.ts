/**
 * Draws a measurement on the map (the picked points, the line through them or the closed polygon) and reports
 * map clicks as [lng, lat] while measuring. Removes its source, layers and listeners in `remove()`.
 */
import type { MapMouseEvent } from 'maplibre-gl';
import type { Position } from 'geojson';
import type { MapView } from './map-view.ts';
import { mapSceneOf } from './scene/map-scene.ts';

/** The measurement is the measure part of the map's scene (./scene/overlay-specs.ts); this adds the clicks. */
export class MeasureLayer {
  private unlisten: (() => void) | undefined;

  constructor(private readonly view: MapView) {
    this.show([], false);
  }

  /** Reports clicks as points and a double-click as "finish" until the returned function is called. */
  listen(add: (point: Position) => void, finish: () => void): () => void {
    this.unlisten?.();
    const map = this.view.map;
    const onClick = (event: MapMouseEvent) => add([event.lngLat.lng, event.lngLat.lat]);
    const onDoubleClick = (event: MapMouseEvent) => {
      event.preventDefault();
      finish();
    };
    const zoomOnDoubleClick = map.doubleClickZoom.isEnabled();
    map.on('click', onClick);
    map.on('dblclick', onDoubleClick);
    map.doubleClickZoom.disable();
    map.getCanvas().style.cursor = 'crosshair';
    const unlisten = () => {
      map.off('click', onClick);
      map.off('dblclick', onDoubleClick);
      if (zoomOnDoubleClick) map.doubleClickZoom.enable();
      map.getCanvas().style.cursor = '';
      if (this.unlisten === unlisten) this.unlisten = undefined;
    };
    this.unlisten = unlisten;
    return unlisten;
  }

  /** Shows the points and, with two or more, the line (or with three or more in area mode, the polygon). */
  show(points: readonly Position[], closed: boolean): void {
    mapSceneOf(this.view)?.setPart('measure', { points, closed });
  }

  /** The map's centre, for adding a point from the keyboard. */
  centre(): Position {
    const centre = this.view.map.getCenter();
    return [centre.lng, centre.lat];
  }

  remove(): void {
    this.unlisten?.();
    mapSceneOf(this.view)?.setPart('measure', null);
  }
}
