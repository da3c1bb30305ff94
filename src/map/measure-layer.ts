/**
 * Draws a measurement on the map (the picked points, the line through them or the closed polygon) and reports
 * map clicks as [lng, lat] while measuring. Removes its source, layers and listeners in `remove()`.
 */
import type { GeoJSONSource, MapMouseEvent } from 'maplibre-gl';
import type { Feature, Position } from 'geojson';
import type { MapView } from './map-view.ts';

const SOURCE = 'measure';
const COLOUR = '#0f766e';
const LAYERS = ['measure-fill', 'measure-line', 'measure-point'];

export class MeasureLayer {
  private unlisten: (() => void) | undefined;

  constructor(private readonly view: MapView) {
    const map = view.map;
    if (!map.getSource(SOURCE)) map.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    map.addLayer({ id: 'measure-fill', type: 'fill', source: SOURCE, filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': COLOUR, 'fill-opacity': 0.15 } });
    map.addLayer({ id: 'measure-line', type: 'line', source: SOURCE, filter: ['!=', ['geometry-type'], 'Point'],
      paint: { 'line-color': COLOUR, 'line-width': 3, 'line-dasharray': [2, 1] } });
    map.addLayer({ id: 'measure-point', type: 'circle', source: SOURCE, filter: ['==', ['geometry-type'], 'Point'],
      paint: { 'circle-radius': 5, 'circle-color': '#ffffff', 'circle-stroke-color': COLOUR, 'circle-stroke-width': 2.5 } });
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
    const features: Feature[] = points.map((point) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [...point] } }));
    if (closed && points.length >= 3) {
      features.push({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[...points.map((p) => [...p]), [...points[0]!]]] } });
    } else if (points.length >= 2) {
      features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: points.map((p) => [...p]) } });
    }
    this.view.map.getSource<GeoJSONSource>(SOURCE)?.setData({ type: 'FeatureCollection', features });
  }

  /** The map's centre, for adding a point from the keyboard. */
  centre(): Position {
    const centre = this.view.map.getCenter();
    return [centre.lng, centre.lat];
  }

  remove(): void {
    const map = this.view.map;
    this.unlisten?.();
    for (const id of LAYERS) if (map.getLayer(id)) map.removeLayer(id);
    if (map.getSource(SOURCE)) map.removeSource(SOURCE);
  }
}
