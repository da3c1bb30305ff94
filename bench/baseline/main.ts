/**
 * The benchmark floor: bare MapLibre drawing every geodata/*.geojson file with one default layer per
 * geometry type (fill, line, circle), no labels, no controls, no UI. Same MapLibre build, same worker set-up
 * (setWorkerUrl with the bundled worker), same start camera and same-origin geodata fetches as the app.
 * Marks `performance.mark('map-idle')` at the first idle after every file's data is set.
 *
 * `?style=plan` is a diagnostic variant: the same bare page, but drawing the data with the app's own style
 * (styles/plan-style.json: its labels, dashes, per-class layers), so a load gap can be split into
 * "the style costs this much" and "the app's code costs the rest".
 */
import { Map as MaplibreMap, setWorkerUrl } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { center, zoom } from '../../styles/plan-style.json';

setWorkerUrl(workerUrl);

const urls = import.meta.glob<string>('../../geodata/*.geojson', { query: '?url', import: 'default', eager: true });

const POLYGON = ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]] as const;
const LINE = ['in', ['geometry-type'], ['literal', ['LineString', 'MultiLineString']]] as const;
const POINT = ['in', ['geometry-type'], ['literal', ['Point', 'MultiPoint']]] as const;

async function start(): Promise<void> {
  const container = document.getElementById('map');
  if (!container) throw new Error('no #map');
  const planStyle = new URLSearchParams(location.search).get('style') === 'plan'
    ? ((await import('../../styles/plan-style.json')).default as unknown as StyleSpecification)
    : null;
  const map = new MaplibreMap({
    container,
    style: planStyle ? structuredClone(planStyle) : { version: 8, sources: {}, layers: [] },
    center: center as [number, number],
    zoom,
    attributionControl: false,
    maxZoom: 16,
    minZoom: 6,
  });
  Object.assign(globalThis, { __baseline: { map } });
  const loaded = new Promise<void>((resolve) => map.once('load', () => resolve()));
  const files = Promise.all(Object.entries(urls).map(async ([path, url]) => {
    const response = await fetch(url);
    const name = path.replace(/^.*\//, '').replace(/\.geojson$/, '');
    return { name, data: (await response.json()) as FeatureCollection };
  }));
  const [entries] = await Promise.all([files, loaded]);
  for (const { name, data } of entries) {
    if (planStyle) {
      map.getSource<GeoJSONSource>(name)?.setData(data);
      continue;
    }
    map.addSource(name, { type: 'geojson', data });
    map.addLayer({ id: `${name}-fill`, type: 'fill', source: name, filter: POLYGON as never });
    map.addLayer({ id: `${name}-line`, type: 'line', source: name, filter: LINE as never });
    map.addLayer({ id: `${name}-circle`, type: 'circle', source: name, filter: POINT as never });
  }
  map.once('idle', () => performance.mark('map-idle'));
}

void start();
