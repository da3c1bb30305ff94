/**
 * Drawing and vertex editing of one polygon on the map with terra-draw: the study area or a
 * what-if copy of a cluster outline. Loaded with `import()` the first time the study tool opens, so
 * terra-draw is not in the first view's JavaScript.
 *
 * One polygon at a time: `startDrawing()` (polygon mode: click to add points, click the first point or
 * press Enter to close, Escape cancels), `edit(geometry)` (select mode: drag vertices, drag midpoints to add
 * vertices; self-intersecting shapes are allowed so the analysis can report them), `clear()`.
 */
import {
  TerraDraw,
  TerraDrawPolygonMode,
  TerraDrawSelectMode,
} from 'terra-draw';
import type { GeoJSONStoreFeatures } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Polygon, Position } from 'geojson';
import type { MapView } from './map-view.ts';

export interface DrawCallbacks {
  /** the polygon changed (raw terra-draw events, many per frame while dragging) */
  onShape(geometry: Polygon, phase: 'drawing' | 'editing'): void;
  /** drawing finished: the polygon is now selected for vertex editing */
  onFinish(geometry: Polygon): void;
}

const STUDY_COLOUR = '#c2410c';
/** terra-draw rejects coordinates with more decimals than its precision (default 9). */
const PRECISION = 9;

function rounded(geometry: Polygon): Polygon {
  const factor = 10 ** PRECISION;
  const round = (value: number) => Math.round(value * factor) / factor;
  return { type: 'Polygon', coordinates: geometry.coordinates.map((ring) => ring.map((position: Position) => [round(position[0]), round(position[1])])) };
}

export class StudyDraw {
  private readonly draw: TerraDraw;
  private featureId: string | number | undefined;
  private phase: 'idle' | 'drawing' | 'editing' = 'idle';
  /** the last coordinates reported, so selection/styling updates that do not move anything are not reported */
  private lastCoordinates = '';

  constructor(map: MapLibreMap, private readonly callbacks: DrawCallbacks) {
    const polygon = new TerraDrawPolygonMode({
      styles: {
        fillColor: STUDY_COLOUR, fillOpacity: 0.12, outlineColor: STUDY_COLOUR, outlineWidth: 3,
        closingPointColor: '#ffffff', closingPointOutlineColor: STUDY_COLOUR, closingPointWidth: 7, closingPointOutlineWidth: 2,
      },
      keyEvents: { cancel: 'Escape', finish: 'Enter' },
    });
    const select = new TerraDrawSelectMode({
      flags: {
        polygon: {
          feature: {
            draggable: false,
            selfIntersectable: true,
            coordinates: { draggable: true, midpoints: true, deletable: true },
          },
        },
      },
      // Escape / Delete are handled by the app (so they also work with focus in the panel).
      keyEvents: null,
      allowManualDeselection: false,
      styles: {
        selectedPolygonColor: STUDY_COLOUR, selectedPolygonFillOpacity: 0.12, selectedPolygonOutlineColor: STUDY_COLOUR,
        selectedPolygonOutlineWidth: 3, selectionPointColor: '#ffffff', selectionPointOutlineColor: STUDY_COLOUR,
        selectionPointWidth: 6, selectionPointOutlineWidth: 2, midPointColor: STUDY_COLOUR, midPointOutlineColor: '#ffffff',
        midPointWidth: 4, midPointOutlineWidth: 1,
      },
    });
    this.draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map, coordinatePrecision: PRECISION }),
      modes: [polygon, select],
    });
    this.draw.start();
    this.draw.on('change', (ids, type) => this.onChange(ids, type));
    this.draw.on('finish', (id, context) => {
      if (context.mode !== 'polygon' || context.action !== 'draw') return;
      const geometry = this.polygonOf(id);
      if (!geometry) return;
      this.featureId = id;
      this.phase = 'editing';
      this.lastCoordinates = JSON.stringify(geometry.coordinates);
      this.draw.setMode('select');
      this.draw.selectFeature(id);
      this.callbacks.onFinish(geometry);
    });
  }

  /** The current mode of the tool. */
  get state(): 'idle' | 'drawing' | 'editing' {
    return this.phase;
  }

  /** Starts drawing a new polygon (any shown polygon is removed). */
  startDrawing(): void {
    this.reset();
    this.phase = 'drawing';
    this.draw.setMode('polygon');
  }

  /** Shows `geometry` (a copy) selected for vertex dragging. */
  edit(geometry: Polygon): void {
    this.reset();
    const id = this.draw.getFeatureId();
    const feature = { type: 'Feature', id, geometry: rounded(geometry), properties: { mode: 'polygon' } } as GeoJSONStoreFeatures;
    this.lastCoordinates = JSON.stringify(feature.geometry.coordinates);
    const [validation] = this.draw.addFeatures([feature]);
    if (!validation?.valid) throw new Error(`terra-draw refused the outline: ${validation?.reason ?? 'unknown reason'}`);
    this.featureId = id;
    this.phase = 'editing';
    this.draw.setMode('select');
    this.draw.selectFeature(id);
  }

  /** Removes the polygon and stops drawing/editing. */
  clear(): void {
    this.reset();
  }

  destroy(): void {
    this.draw.stop();
  }

  private reset(): void {
    this.featureId = undefined;
    this.lastCoordinates = '';
    this.phase = 'idle';
    this.draw.setMode('static');
    this.draw.clear();
  }

  private polygonOf(id: string | number): Polygon | undefined {
    const feature = this.draw.getSnapshotFeature(id);
    return feature?.geometry.type === 'Polygon' && feature.properties.mode === 'polygon' ? (feature.geometry as Polygon) : undefined;
  }

  private onChange(ids: (string | number)[], type: string): void {
    if (type !== 'create' && type !== 'update') return;
    if (this.phase === 'drawing') {
      for (const id of ids) {
        const geometry = this.polygonOf(id);
        // guidance points (closing / coordinate points) are Points; the drawn shape is the one Polygon
        if (geometry) this.callbacks.onShape(geometry, 'drawing');
      }
      return;
    }
    if (this.phase === 'editing' && this.featureId !== undefined && ids.includes(this.featureId)) {
      const geometry = this.polygonOf(this.featureId);
      const coordinates = JSON.stringify(geometry?.coordinates);
      if (!geometry || coordinates === this.lastCoordinates) return;
      this.lastCoordinates = coordinates;
      this.callbacks.onShape(geometry, 'editing');
    }
  }
}

/** Creates the drawing tool on the map (call once, after the map has loaded). */
export function createStudyDraw(view: MapView, callbacks: DrawCallbacks): StudyDraw {
  const map = view.map;
  return new StudyDraw(map, callbacks);
}
