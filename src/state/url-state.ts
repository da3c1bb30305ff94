/**
 * The shareable part of the state in the URL hash:
 * `#map=zoom/lat/lng[/bearing[/pitch]]&l=<visible catalog ids>&lang=en&sel=<feature id>`.
 * `l` is written only when the visible layers differ from the defaults (`l=` alone means none visible).
 */
import { isMode } from './modes.ts';
import type { Mode } from './modes.ts';
import type { Lang } from '../i18n/messages.ts';

export interface UrlView {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

export interface UrlState {
  view?: UrlView;
  visibleLayers?: string[];
  lang?: Lang;
  selectedId?: string;
  mode?: Mode;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/**
 * Reads the hash. Unknown or malformed parts are ignored, never thrown.
 * @param hash - `location.hash`, with or without the leading `#`
 * @param knownLayers - catalog layer ids; other ids in `l` are dropped
 */
export function parseUrlHash(hash: string, knownLayers: readonly string[]): UrlState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const state: UrlState = {};
  const map = params.get('map');
  if (map) {
    const numbers = map.split('/').map(Number);
    const [zoom, lat, lng, bearing = 0, pitch = 0] = numbers;
    if (numbers.length >= 3 && numbers.every(Number.isFinite) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180
      && zoom >= 0 && zoom <= 24 && pitch >= 0 && pitch <= 85) {
      state.view = { center: [lng, lat], zoom, bearing, pitch };
    }
  }
  const layers = params.get('l');
  if (layers !== null) {
    const known = new Set(knownLayers);
    state.visibleLayers = layers.split(',').filter((id) => known.has(id));
  }
  const lang = params.get('lang');
  if (lang === 'zh' || lang === 'en') state.lang = lang;
  const selected = params.get('sel');
  if (selected) state.selectedId = selected;
  const mode = params.get('mode');
  if (isMode(mode)) state.mode = mode;
  return state;
}

/**
 * Writes the hash (with the leading `#`).
 * @param state - what to write; the view is rounded to ~1 m and 0.01 zoom
 * @param defaultVisible - the default visible ids, so an unchanged layer set is left out
 */
export function formatUrlHash(state: UrlState, defaultVisible: readonly string[]): string {
  const parts: string[] = [];
  if (state.view) {
    const { center, zoom, bearing, pitch } = state.view;
    const numbers = [round(zoom, 2), round(center[1], 5), round(center[0], 5)];
    if (round(bearing, 1) !== 0 || round(pitch, 1) !== 0) numbers.push(round(bearing, 1), round(pitch, 1));
    parts.push(`map=${numbers.join('/')}`);
  }
  if (state.visibleLayers) {
    const visible = [...state.visibleLayers].sort();
    const defaults = [...defaultVisible].sort();
    if (visible.join(',') !== defaults.join(',')) parts.push(`l=${visible.map(encodeURIComponent).join(',')}`);
  }
  if (state.lang) parts.push(`lang=${state.lang}`);
  if (state.selectedId) parts.push(`sel=${encodeURIComponent(state.selectedId)}`);
  if (state.mode && state.mode !== 'explore') parts.push(`mode=${state.mode}`);
  return `#${parts.join('&')}`;
}
