/**
 * Makes a map match a scene by diff, from the scene it shows now to the next: sources and layers that went are
 * removed and new ones added; a source's data is set only when its reference changed; paint, layout, filter and
 * zoom range are set only where they changed; `moveLayer` puts layers in order. Layers the scene does not know
 * (terra-draw's) are left alone.
 *
 * Why not MapLibre's `setStyle(style, { diff: true })`: its diff deep-compares every source's `data`, even
 * the same object, so with 50 000 parcels as GeoJSON one opacity change took 340–460 ms median against 0.5 ms
 * here (`npm run bench -- scene-diff`, bench/scene-diff.bench.ts); and a style cannot carry a Blob or a tile
 * cache (object URLs and vector tiles cut in a worker are made and released with their source). Here data is
 * compared by reference.
 */
import type { FeatureCollection } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import type { Scene, SceneSource, SceneSourceEntry } from './scene-types.ts';

/** What the applier needs of a MapLibre map (a fake records the calls in the unit tests). */
export interface SceneMap {
  addSource(id: string, source: object): unknown;
  removeSource(id: string): unknown;
  getSource(id: string): { setData?(data: unknown): unknown; setCoordinates?(coordinates: unknown): unknown; updateImage?(options: { url: string; coordinates?: unknown }): unknown } | undefined;
  addLayer(layer: LayerSpecification, before?: string): unknown;
  removeLayer(id: string): unknown;
  moveLayer(id: string, before?: string): unknown;
  getLayer(id: string): unknown;
  setPaintProperty(layer: string, name: string, value: unknown): unknown;
  setLayoutProperty(layer: string, name: string, value: unknown): unknown;
  setFilter(layer: string, filter: unknown): unknown;
  setLayerZoomRange(layer: string, minzoom: number, maxzoom: number): unknown;
}

/** Where Blob data becomes something a map can load; each `acquire` is paired with a `release`. */
export interface SceneResources {
  /** a URL of `blob` ('' while it is being read: `later` then receives the URL) */
  acquireUrl(blob: Blob, later: (url: string) => void): string;
  releaseUrl(blob: Blob): void;
  /** tile URL templates of `blob` cut into vector tiles with its features in `layer` */
  acquireTiles(blob: Blob, layer: string, maxzoom: number): string[];
  releaseTiles(blob: Blob): void;
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
/** A transparent 1 × 1 PNG: an image source's picture while its Blob is being read (file:// pages). */
const NO_IMAGE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

function sameSourceShape(a: SceneSource, b: SceneSource): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'blob-tiles' && b.kind === 'blob-tiles') return a.data === b.data && a.layer === b.layer && a.maxzoom === b.maxzoom;
  if (a.kind === 'tiles' && b.kind === 'tiles') return a.data === b.data && same(a.spec, b.spec);
  if (a.kind === 'image') return a.data === b.data;
  return true;
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** The parts of a layer that cannot be changed in place: a change means removing and adding it again. */
function fixedPart(layer: LayerSpecification): string {
  const { type, metadata } = layer;
  const source = 'source' in layer ? layer.source : undefined;
  const sourceLayer = 'source-layer' in layer ? layer['source-layer'] : undefined;
  return JSON.stringify([type, source, sourceLayer, metadata ?? null]);
}

type Properties = Record<string, unknown>;

export class SceneApplier {
  private current: Scene;
  private readonly sourceById = new Map<string, SceneSource>();
  private disposed = false;

  /** @param base - what the map shows now (for a map made from the plan's style: `styleScene()`) */
  constructor(private readonly map: SceneMap, private readonly resources: SceneResources, base: Scene) {
    this.current = base;
    for (const { id, source } of base.sources) this.sourceById.set(id, source);
  }

  /** The scene the map shows. */
  get scene(): Scene {
    return this.current;
  }

  /** Makes the map show `next`. Throws only if MapLibre does. */
  apply(next: Scene): void {
    if (this.disposed || next === this.current) return;
    const nextSources = new Map(next.sources.map((entry) => [entry.id, entry.source]));
    const replaced = new Set<string>();
    for (const [id, source] of this.sourceById) {
      const wanted = nextSources.get(id);
      if (!wanted || !sameSourceShape(source, wanted)) replaced.add(id);
    }
    const previousLayers = new Map(this.current.layers.map((layer) => [layer.id, layer]));
    const nextIds = new Set(next.layers.map((layer) => layer.id));
    // layers that go, or must be added again (their source is replaced, or a fixed part changed)
    for (const layer of this.current.layers) {
      const source = 'source' in layer ? layer.source : undefined;
      const wanted = next.layers.find((candidate) => candidate.id === layer.id);
      if (!nextIds.has(layer.id) || (source !== undefined && replaced.has(source)) || (wanted && fixedPart(wanted) !== fixedPart(layer))) {
        if (this.map.getLayer(layer.id)) this.map.removeLayer(layer.id);
        previousLayers.delete(layer.id);
      }
    }
    for (const id of replaced) this.removeSource(id);
    for (const entry of next.sources) this.updateSource(entry);
    this.placeLayers(next.layers, previousLayers);
    this.current = next;
  }

  /** Removes every source and layer the scene added beyond `base` (the map stays). */
  dispose(base: Scene): void {
    this.apply(base);
    this.disposed = true;
  }

  private removeSource(id: string): void {
    const source = this.sourceById.get(id);
    if (!source) return;
    if (this.map.getSource(id)) this.map.removeSource(id);
    this.sourceById.delete(id);
    this.release(source);
  }

  private release(source: SceneSource): void {
    if (source.kind === 'blob-geojson' || source.kind === 'image') this.resources.releaseUrl(source.data);
    else if (source.kind === 'blob-tiles') this.resources.releaseTiles(source.data);
  }

  /** Adds a new source, or sets a kept one's data when its reference changed. */
  private updateSource({ id, source }: SceneSourceEntry): void {
    const shown = this.sourceById.get(id);
    if (shown?.kind === 'image' && source.kind === 'image' && shown.data === source.data) {
      // the same picture moved (its corners dragged): only the corners change
      if (!same(shown.coordinates, source.coordinates)) this.map.getSource(id)?.setCoordinates?.(source.coordinates);
      this.sourceById.set(id, source);
      return;
    }
    if (shown && shown.data === source.data) return;
    if (source.kind === 'tiles') {
      this.sourceById.set(id, source);
      this.map.addSource(id, { ...source.spec, tiles: [source.data] });
      return;
    }
    if (source.kind === 'image') {
      this.sourceById.set(id, source);
      const url = this.resources.acquireUrl(source.data, (later) => {
        const current = this.sourceById.get(id);
        if (current === source || (current?.kind === 'image' && current.data === source.data)) this.map.getSource(id)?.updateImage?.({ url: later });
      });
      this.map.addSource(id, { type: 'image', url: url || NO_IMAGE, coordinates: source.coordinates });
      return;
    }
    if (shown && source.kind !== 'blob-tiles') {
      this.sourceById.set(id, source);
      this.map.getSource(id)?.setData?.(this.dataOf(id, source));
      this.release(shown);
      return;
    }
    this.sourceById.set(id, source);
    if (source.kind === 'blob-tiles') {
      const tiles = this.resources.acquireTiles(source.data, source.layer, source.maxzoom);
      this.map.addSource(id, { type: 'vector', tiles, maxzoom: source.maxzoom });
    } else this.map.addSource(id, { type: 'geojson', data: this.dataOf(id, source) });
  }

  private dataOf(id: string, source: Exclude<SceneSource, { kind: 'blob-tiles' | 'tiles' | 'image' }>): unknown {
    if (source.kind === 'geojson') return source.data;
    const url = this.resources.acquireUrl(source.data, (later) => {
      if (this.sourceById.get(id) === source) this.map.getSource(id)?.setData?.(later);
    });
    return url || EMPTY;
  }

  /** Adds, moves and updates layers so the scene's ones are on the map in its order. */
  private placeLayers(layers: readonly LayerSpecification[], previous: Map<string, LayerSpecification>): void {
    const order = this.current.layers.map((layer) => layer.id).filter((id) => previous.has(id));
    layers.forEach((layer, index) => {
      const before = order[index];
      const shown = previous.get(layer.id);
      if (!shown) {
        this.map.addLayer(layer, before);
        order.splice(index, 0, layer.id);
        return;
      }
      if (before !== layer.id) {
        this.map.moveLayer(layer.id, before);
        order.splice(order.indexOf(layer.id), 1);
        order.splice(index, 0, layer.id);
      }
      if (shown !== layer) this.updateLayer(shown, layer);
    });
  }

  private updateLayer(shown: LayerSpecification, layer: LayerSpecification): void {
    const id = layer.id;
    const diff = (from: Properties | undefined, to: Properties | undefined, set: (name: string, value: unknown) => void) => {
      if (from === to) return;
      for (const name of new Set([...Object.keys(from ?? {}), ...Object.keys(to ?? {})])) {
        if (!same(from?.[name], to?.[name])) set(name, to?.[name]);
      }
    };
    diff(shown.paint as Properties | undefined, layer.paint as Properties | undefined, (name, value) => this.map.setPaintProperty(id, name, value));
    diff(shown.layout as Properties | undefined, layer.layout as Properties | undefined, (name, value) => this.map.setLayoutProperty(id, name, value));
    const filterOf = (spec: LayerSpecification) => ('filter' in spec ? spec.filter : undefined);
    if (!same(filterOf(shown), filterOf(layer))) this.map.setFilter(id, filterOf(layer) ?? null);
    if (shown.minzoom !== layer.minzoom || shown.maxzoom !== layer.maxzoom) this.map.setLayerZoomRange(id, layer.minzoom ?? 0, layer.maxzoom ?? 24);
  }
}
