/**
 * The measure tool on the map: reports map clicks as [lng, lat] while measuring. The measurement itself (the
 * picked points, the line through them or the closed polygon) is drawn by the map's scene from `state.measure`
 * while the tool is installed (./scene/overlay-specs.ts). `remove()` takes the listeners and the drawing away.
 */
import type { MapMouseEvent } from 'maplibre-gl';
import type { Position } from 'geojson';
import type { MapView } from './map-view.ts';
import { mapSceneOf } from './scene/map-scene.ts';

export class MeasureLayer {
  private unlisten: (() => void) | undefined;

  constructor(private readonly view: MapView) {
    mapSceneOf(view)?.setPart('measure', true);
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

  /** The map's centre, for adding a point from the keyboard. */
  centre(): Position {
    const centre = this.view.map.getCenter();
    return [centre.lng, centre.lat];
  }

  remove(): void {
    this.unlisten?.();
    mapSceneOf(this.view)?.setPart('measure', false);
  }
}
