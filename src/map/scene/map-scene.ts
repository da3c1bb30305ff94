/**
 * One map drawing its scene: follows the store (and the scene parts the features set), builds the
 * `SceneInput` with its selector, the `Scene` with `sceneOf`, and applies it by diff once the map has loaded.
 * The main map's `MapScene` is made in src/main.ts; compare's second map makes one for its side that reads the
 * main map's parts. `mapSceneOf(view)` finds a map's scene (the features set their parts through it).
 */
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { PlanState } from '../../state/plan-state.ts';
import type { CompareSide } from '../../state/compare-state.ts';
import type { Store } from '../../state/store.ts';
import type { MapView } from '../map-view.ts';
import { landUseLayerChanged } from '../landuse-on-map.ts';
import { SceneApplier, type SceneMap } from './apply-scene.ts';
import { browserResources } from './browser-resources.ts';
import { NO_PARTS, sceneSelector, type SceneParts } from './scene-input.ts';
import { sceneOf, styleScene } from './scene-of.ts';
import { onScenePartProvided } from './lazy-parts.ts';
import type { Scene, SceneInput } from './scene-types.ts';

const scenes = new WeakMap<MaplibreMap, MapScene>();

export interface MapSceneOptions {
  /** the compare side this map shows (undefined: the app's own state) */
  side?: (state: PlanState) => CompareSide | undefined;
  /** where the parts come from (compare's second map: the main map's scene) */
  partsFrom?: MapScene;
  /** MapLibre refused the scene (the map keeps what it showed) */
  onError?: (error: unknown) => void;
}

function sameInput(a: SceneInput | undefined, b: SceneInput): boolean {
  return !!a && (Object.keys(b) as (keyof SceneInput)[]).every((key) => a[key] === b[key]);
}

export class MapScene {
  private partsNow: SceneParts = NO_PARTS;
  private readonly select = sceneSelector();
  private readonly listeners = new Set<() => void>();
  private applier: SceneApplier | undefined;
  private input: SceneInput | undefined;
  private unsubscribe: (() => void)[] = [];
  private stopped = false;
  private refusal: { input: SceneInput; error: unknown } | null = null;

  constructor(private readonly view: MapView, private readonly store: Store<PlanState>, private readonly options: MapSceneOptions = {}) {
    scenes.set(view.map, this);
    this.unsubscribe.push(store.subscribe(() => this.render()));
    if (options.partsFrom) this.unsubscribe.push(options.partsFrom.onParts(() => this.render()));
    // a part's builder arrived with its feature: draw again even though the input is the same
    this.unsubscribe.push(onScenePartProvided(() => {
      this.input = undefined;
      this.render();
    }));
    void view.whenLoaded().then(() => {
      if (this.stopped) return;
      this.applier = new SceneApplier(view.map as unknown as SceneMap, browserResources, styleScene());
      this.render();
    });
  }

  /** The parts this map draws beyond the store. */
  get parts(): SceneParts {
    return this.options.partsFrom?.parts ?? this.partsNow;
  }

  /** Sets one part (the feature that owns it), and draws it. */
  setPart<K extends keyof SceneParts>(key: K, value: SceneParts[K]): void {
    if (this.partsNow[key] === value) return;
    this.partsNow = { ...this.partsNow, [key]: value };
    this.render();
    for (const listener of [...this.listeners]) listener();
  }

  /** Calls `listener` when a part changes. @returns the unsubscribe */
  onParts(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The scene the map shows now (an export draws the same). */
  get scene(): Scene {
    return this.applier?.scene ?? sceneOf(this.inputNow());
  }

  /** The scene input of the current state. */
  inputNow(): SceneInput {
    const state = this.store.getState();
    return this.select(state, this.parts, this.options.side?.(state));
  }

  /** The scene input of the current state with some parts replaced (an export: its slide highlight, no hover). */
  inputWith(parts: Partial<SceneParts>): SceneInput {
    const state = this.store.getState();
    return sceneSelector()(state, { ...this.parts, ...parts }, this.options.side?.(state));
  }

  /** Draws the current state (skipped while nothing the scene reads changed). */
  render(): void {
    if (!this.applier || this.stopped) return;
    const input = this.inputNow();
    if (sameInput(this.input, input)) return;
    const landuseBefore = this.input?.landuse;
    const linesBefore = this.input?.controlLines;
    this.input = input;
    try {
      this.applier.apply(sceneOf(input));
      this.refusal = null;
    } catch (error) {
      this.refusal = { input, error };
      this.options.onError?.(error);
    }
    if ((landuseBefore?.data ?? null) !== (input.landuse?.data ?? null) || landuseBefore?.classes !== input.landuse?.classes) landUseLayerChanged(this.view.map);
    // the control lines' legend rows are read from the live style too
    else if (linesBefore !== input.controlLines) landUseLayerChanged(this.view.map);
  }

  /**
   * Why MapLibre refused the scene drawn last, when it did and `drew(input)` holds for that scene (a feature asks
   * whether what it just put in the state could be drawn); null when it was drawn or not drawn yet.
   */
  refused(drew: (input: SceneInput) => boolean): unknown | null {
    return this.refusal && drew(this.refusal.input) ? this.refusal.error : null;
  }

  /** Stops following the state; with `clear`, removes what the scene added beyond the plan's style. */
  stop(clear = false): void {
    if (this.stopped) return;
    if (clear) this.applier?.dispose(styleScene());
    this.stopped = true;
    for (const unsubscribe of this.unsubscribe) unsubscribe();
    this.unsubscribe = [];
    this.listeners.clear();
    if (scenes.get(this.view.map) === this) scenes.delete(this.view.map);
  }
}

/** The scene of `view`'s map (undefined for a map that draws none). */
export function mapSceneOf(view: MapView): MapScene | undefined {
  return scenes.get(view.map);
}
