/**
 * The map's scene: every source and style layer a map draws, in drawing order, as plain data. `sceneOf`
 * (./scene-of.ts) makes it from a `SceneInput`; `SceneApplier` (./apply-scene.ts) makes a MapLibre map match it.
 * Data is carried by reference (a FeatureCollection or a Blob), never copied: the applier compares references.
 */
import type { FeatureCollection } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import type { Lang } from '../../i18n/messages.ts';
import type { LandUseStyleInput } from './landuse-specs.ts';
import type { BasemapStyleInput } from './basemap-ids.ts';

/** A source of the scene: GeoJSON in memory, GeoJSON text in a Blob, or a Blob of GeoJSON cut into vector tiles. */
export type SceneSource =
  | { kind: 'geojson'; data: FeatureCollection }
  | { kind: 'blob-geojson'; data: Blob }
  | { kind: 'blob-tiles'; data: Blob; layer: string; maxzoom: number }
  /** tiles served by a protocol (the basemap): `data` is the source's tile URL, `spec` the rest of the source */
  | { kind: 'tiles'; data: string; spec: Readonly<Record<string, unknown>> }
  /** a PNG or JPEG drawn between four corners (upper left, upper right, lower right, lower left) */
  | { kind: 'image'; data: Blob; coordinates: ScenePlanImage['corners'] };

export interface SceneSourceEntry {
  id: string;
  source: SceneSource;
}

/** Sources (by id) and style layers in drawing order (the first drawn first). */
export interface Scene {
  readonly sources: readonly SceneSourceEntry[];
  readonly layers: readonly LayerSpecification[];
}

/** A user-imported layer as the map draws it. */
export interface SceneImport {
  id: string;
  /** GeoJSON text */
  data: Blob;
  visible: boolean;
}

/** The planner's accepted land-use layer as the map draws it. */
export interface SceneLandUse extends LandUseStyleInput {
  /** GeoJSON text of the parcels (drawn as vector tiles) */
  data: Blob;
  /** a coarse overview drawn below the parcels' zoom, for a large layer */
  overview: Blob | null;
  visible: boolean;
  /** 0..1 on top of the layer's own opacity (absent: 1) */
  opacity?: number;
}

/** A plan image as the map draws it (src/state/plan-image-state.ts). */
export interface ScenePlanImage {
  id: string;
  /** the PNG or JPEG */
  data: Blob;
  /** [longitude, latitude] of the upper left, upper right, lower right, lower left corners */
  corners: readonly [readonly [number, number], readonly [number, number], readonly [number, number], readonly [number, number]];
  opacity: number;
  /** drawn below the plan's layers or above them */
  position: 'above' | 'below';
  visible: boolean;
}

/** The presenter's slide highlight: the features and, with a spotlight, the mask that dims the rest. */
export interface SceneSlide {
  features: FeatureCollection;
  mask: FeatureCollection;
}

/** Everything the scene is made from. Built from the state by `sceneInputOf` (./scene-input.ts). */
export interface SceneInput {
  /** the plan's layers (structure with the side's what-if outlines swapped in, where they are) */
  data: Readonly<Record<string, FeatureCollection | undefined>>;
  /** catalog layer id → visible */
  visibility: Readonly<Record<string, boolean>>;
  /** catalog layer or import id → opacity 0..1 (absent: 1) */
  opacity: Readonly<Record<string, number>>;
  lang: Lang;
  /** map label size factor (1: the style's own sizes) */
  labelScale: number;
  /** timeline year: crossings and projects show their status then */
  year: number;
  imports: readonly SceneImport[];
  landuse: SceneLandUse | null;
  /** the accepted control lines (GeoJSON text, each feature's `role`), drawn above the parcels; null or absent: none */
  controlLines?: { data: Blob; visible: boolean } | null;
  /** the study area and what-if outlines (`properties.role`: `study` | `what-if`); null or empty: none */
  outlines: FeatureCollection | null;
  /** the selected (`role: selected`) and hovered (`role: hover`) features */
  highlight: FeatureCollection;
  /** a measurement's points, line or polygon; null: the measure tool is not in use */
  measure: FeatureCollection | null;
  slide: SceneSlide | null;
  /** the basemap drawn under every plan layer (absent or null: none) */
  basemap?: BasemapStyleInput | null;
  /** plan images, the first drawn first (absent: none) */
  planImages?: readonly ScenePlanImage[];
}
