/**
 * Parts of the scene whose style code loads with the feature that draws them, not with the first view: the
 * basemap (its default vector style) and the control lines. The feature provides its part's builder at install
 * (`provideScenePart`), before it puts anything in its slice; `sceneOf` draws a part only once its builder is
 * provided, and every `MapScene` draws again when one arrives. The builders are pure, like `sceneOf`.
 */
import type { Scene, SceneInput } from './scene-types.ts';

export interface LazyParts {
  basemap: (input: SceneInput) => Scene;
  controlLines: (input: SceneInput) => Scene;
}

const provided: Partial<LazyParts> = {};
const listeners = new Set<() => void>();

/** Provides a part's builder (its feature installed); the maps draw again. */
export function provideScenePart<K extends keyof LazyParts>(name: K, builder: LazyParts[K]): void {
  if (provided[name] === builder) return;
  provided[name] = builder;
  for (const listener of [...listeners]) listener();
}

/** A part's builder, if provided. */
export function scenePart<K extends keyof LazyParts>(name: K): LazyParts[K] | undefined {
  return provided[name];
}

/** Calls `listener` when a builder is provided. @returns unsubscribe */
export function onScenePartProvided(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
