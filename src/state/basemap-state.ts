/**
 * The basemap in the store (`state.basemap`): the tile archive drawn under every plan layer (a `.pmtiles` or
 * `.mbtiles` from this device, or the deployer's `basemap.pmtiles` beside index.html), what its header and
 * metadata say (raster or vector, bounds, zooms, attribution, vector layers), how it is drawn (opacity,
 * visibility), the file being read and the last error. Written by src/app/basemap/ through the named actions
 * below; read by the layer tree's basemap entry, the legend and the map's scene (its tiles come through the
 * `plan-basemap://` protocol by `key`).
 */

/** Where a basemap comes from: a file on this device (remembered in IndexedDB) or the deployer's, beside index.html. */
export type BasemapOrigin = 'device' | 'deployer';

/** A vector layer the archive's metadata lists (`vector_layers`), with the zooms it has data in. */
export interface BasemapVectorLayer {
  id: string;
  minzoom?: number;
  maxzoom?: number;
}

export interface Basemap {
  /** the archive's key in the map's tile protocol (`plan-basemap://<key>/{z}/{x}/{y}`) */
  key: string;
  /** the file's name (or the metadata's name) */
  name: string;
  format: 'pmtiles' | 'mbtiles';
  kind: 'raster' | 'vector';
  origin: BasemapOrigin;
  /** [west, south, east, north] in degrees, null when the archive does not say */
  bounds: readonly [number, number, number, number] | null;
  minZoom: number;
  maxZoom: number;
  /** the attribution from the archive's metadata (untrusted text, shown as text), null when none */
  attribution: string | null;
  /** a vector archive's layers (empty for raster) */
  vectorLayers: readonly BasemapVectorLayer[];
  /** 0..1 */
  opacity: number;
  visible: boolean;
}

export interface BasemapState {
  /** the basemap drawn (null: none) */
  current: Basemap | null;
  /** the name of the file being read, null when none */
  reading: string | null;
  /** the last reading's error (what and where, in the interface language of the moment), null when none */
  error: string | null;
}

export function initialBasemapState(): BasemapState {
  return { current: null, reading: null, error: null };
}

/** A file starts being read: the basemap drawn stays until the new one is accepted. */
export function startBasemapReading(state: BasemapState, name: string): BasemapState {
  return { ...state, reading: name, error: null };
}

/** The reading failed: the basemap drawn (if any) stays as it was. */
export function basemapReadingFailed(state: BasemapState, error: string): BasemapState {
  return { ...state, reading: null, error };
}

/** A read basemap is drawn in place of the one before (its opacity and visibility kept when it replaces one). */
export function basemapOpened(state: BasemapState, basemap: Omit<Basemap, 'opacity' | 'visible'> & Partial<Pick<Basemap, 'opacity' | 'visible'>>): BasemapState {
  const opacity = clampOpacity(basemap.opacity ?? state.current?.opacity ?? 1);
  const visible = basemap.visible ?? true;
  return { current: { ...basemap, opacity, visible }, reading: null, error: null };
}

function clampOpacity(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 1;
}

export function setBasemapOpacity(state: BasemapState, opacity: number): BasemapState {
  if (!state.current) return state;
  const next = clampOpacity(opacity);
  return next === state.current.opacity ? state : { ...state, current: { ...state.current, opacity: next } };
}

export function setBasemapVisible(state: BasemapState, visible: boolean): BasemapState {
  if (!state.current || state.current.visible === visible) return state;
  return { ...state, current: { ...state.current, visible } };
}

/** The basemap is removed (the map draws none). */
export function removeBasemap(state: BasemapState): BasemapState {
  return state.current || state.error ? { ...state, current: null, error: null } : state;
}

/** The error is dismissed. */
export function clearBasemapError(state: BasemapState): BasemapState {
  return state.error === null ? state : { ...state, error: null };
}

/** Wraps a slice action as a whole-state updater. */
export function onBasemap<A extends unknown[]>(action: (slice: BasemapState, ...args: A) => BasemapState, ...args: A): <S extends { basemap: BasemapState }>(state: S) => S {
  return <S extends { basemap: BasemapState }>(state: S): S => {
    const next = action(state.basemap, ...args);
    return next === state.basemap ? state : { ...state, basemap: next };
  };
}
