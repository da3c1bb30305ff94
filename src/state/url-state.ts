/**
 * The shareable part of the state in the URL hash, so that a link restores the whole view:
 * `#map=zoom/lat/lng[/bearing[/pitch]]&l=<visible catalog ids>&op=<id>:<opacity>,…&year=2030&basis=landuse`
 * `&cmp=<layout>/<position>/<left side>/<right side>&large=1&lang=en&sel=<feature id>&mode=analyse`.
 * Each part is written only when it differs from the default (`l` when the visible layers differ from the
 * defaults, `l=` alone meaning none visible; `op` only for layers whose opacity is not 1; `year` other than
 * the 2023 baseline; `basis` only for a land-use basis; `cmp` only while comparing; `large` only when on).
 * A compare side is `<basis>.<plan|whatif>.<year>`, e.g. `cmp=swipe/0.5/schematic.plan.2023/schematic.whatif.2030`.
 */
import { isMode } from './modes.ts';
import type { Mode } from './modes.ts';
import type { Lang } from '../i18n/messages.ts';
import type { BasisKind } from './basis.ts';
import { isBasisKind } from './basis.ts';
import type { CompareLayout, CompareSide, CompareState } from './compare-state.ts';
import type { PlanState } from './plan-state.ts';
import { TIMELINE_YEARS } from '../core/timeline/status-in-year.ts';
import { setCompareLayout, setComparePosition, setLanguage, setLargeText, setMode, setYear, showOnlyLayers, startCompare } from './actions.ts';

export interface UrlView {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

/** What a link says about comparing: present only while compare is active. */
export type UrlCompare = Omit<CompareState, 'active'>;

export interface UrlState {
  view?: UrlView;
  visibleLayers?: string[];
  lang?: Lang;
  selectedId?: string;
  mode?: Mode;
  /** opacity 0..1 of the catalog layers whose opacity is not 1 (the others are 1) */
  layerOpacity?: Record<string, number>;
  /** the timeline year */
  year?: number;
  /** the basis the link's figures were computed on; only `landuse` is written */
  basis?: BasisKind;
  compare?: UrlCompare;
  largeText?: boolean;
}

/** The year the app starts in; a link leaves it out. */
const DEFAULT_YEAR = 2023;
const COMPARE_LAYOUTS: readonly CompareLayout[] = ['swipe', 'side-by-side'];

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function isTimelineYear(value: number): boolean {
  return (TIMELINE_YEARS as readonly number[]).includes(value);
}

/** A number written as plain decimal digits (no exponent, no hex, no blanks), or NaN. */
function decimal(text: string): number {
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
}

function parseView(text: string): UrlView | undefined {
  const numbers = text.split('/').map(Number);
  const [zoom, lat, lng, bearing = 0, pitch = 0] = numbers;
  if (numbers.length >= 3 && numbers.length <= 5 && numbers.every(Number.isFinite) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180
    && zoom >= 0 && zoom <= 24 && pitch >= 0 && pitch <= 85) {
    return { center: [lng, lat], zoom, bearing, pitch };
  }
  return undefined;
}

function parseOpacity(text: string, known: ReadonlySet<string>): Record<string, number> {
  const opacity: Record<string, number> = {};
  for (const item of text.split(',')) {
    const at = item.lastIndexOf(':');
    const id = item.slice(0, at);
    const value = decimal(item.slice(at + 1));
    if (at > 0 && known.has(id) && value >= 0 && value < 1) opacity[id] = value;
  }
  return opacity;
}

function parseSide(text: string): CompareSide | undefined {
  const [basis, layers, yearText, ...rest] = text.split('.');
  const year = decimal(yearText ?? '');
  if (rest.length > 0 || !isBasisKind(basis) || (layers !== 'plan' && layers !== 'whatif') || !isTimelineYear(year)) return undefined;
  return { basis, whatIf: layers === 'whatif', year };
}

function parseCompare(text: string): UrlCompare | undefined {
  const [layout, positionText, leftText, rightText, ...rest] = text.split('/');
  const position = decimal(positionText ?? '');
  const left = parseSide(leftText ?? '');
  const right = parseSide(rightText ?? '');
  if (rest.length > 0 || !COMPARE_LAYOUTS.includes(layout as CompareLayout) || !(position >= 0 && position <= 1) || !left || !right) return undefined;
  return { layout: layout as CompareLayout, position, left, right };
}

/**
 * Reads the hash. Unknown or malformed parts are ignored, never thrown.
 * @param hash - `location.hash`, with or without the leading `#`
 * @param knownLayers - catalog layer ids; other ids in `l` and `op` are dropped
 * @returns what the link states; a part it does not state (or states wrongly) is absent
 */
export function parseUrlHash(hash: string, knownLayers: readonly string[]): UrlState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const known = new Set(knownLayers);
  const state: UrlState = {};
  const view = parseView(params.get('map') ?? '');
  if (view) state.view = view;
  const layers = params.get('l');
  if (layers !== null) state.visibleLayers = layers.split(',').filter((id) => known.has(id));
  const opacity = parseOpacity(params.get('op') ?? '', known);
  if (Object.keys(opacity).length > 0) state.layerOpacity = opacity;
  const year = decimal(params.get('year') ?? '');
  if (isTimelineYear(year)) state.year = year;
  if (params.get('basis') === 'landuse') state.basis = 'landuse';
  const compare = parseCompare(params.get('cmp') ?? '');
  if (compare) state.compare = compare;
  const large = params.get('large');
  if (large === '1' || large === '0') state.largeText = large === '1';
  const lang = params.get('lang');
  if (lang === 'zh' || lang === 'en') state.lang = lang;
  const selected = params.get('sel');
  if (selected) state.selectedId = selected;
  const mode = params.get('mode');
  if (isMode(mode)) state.mode = mode;
  return state;
}

function formatSide(side: CompareSide): string {
  return `${side.basis}.${side.whatIf ? 'whatif' : 'plan'}.${side.year}`;
}

function formatOpacity(opacity: Readonly<Record<string, number>>): string | undefined {
  const items = Object.entries(opacity)
    .map(([id, value]) => [id, round(Math.min(1, Math.max(0, value)), 2)] as const)
    .filter(([, value]) => value !== 1)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return items.length ? items.map(([id, value]) => `${encodeURIComponent(id)}:${value}`).join(',') : undefined;
}

/**
 * Writes the hash (with the leading `#`).
 * @param state - what to write; the view is rounded to ~1 m and 0.01 zoom, opacities and the swipe position to 0.01
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
  const opacity = state.layerOpacity && formatOpacity(state.layerOpacity);
  if (opacity) parts.push(`op=${opacity}`);
  if (state.year !== undefined && state.year !== DEFAULT_YEAR) parts.push(`year=${state.year}`);
  if (state.basis === 'landuse') parts.push('basis=landuse');
  if (state.compare) {
    const { layout, position, left, right } = state.compare;
    parts.push(`cmp=${layout}/${round(Math.min(1, Math.max(0, position)), 2)}/${formatSide(left)}/${formatSide(right)}`);
  }
  if (state.largeText) parts.push('large=1');
  if (state.lang) parts.push(`lang=${state.lang}`);
  if (state.selectedId) parts.push(`sel=${encodeURIComponent(state.selectedId)}`);
  if (state.mode && state.mode !== 'explore') parts.push(`mode=${state.mode}`);
  return `#${parts.join('&')}`;
}

/**
 * The shareable part of the state, as a link writes it.
 * @param known - the catalog layer ids (imported layers are this device's own and stay out of links)
 */
export function urlStateOf(state: PlanState, known: readonly string[]): Omit<UrlState, 'view'> {
  const layerOpacity = Object.fromEntries(known.filter((id) => (state.layerOpacity[id] ?? 1) !== 1).map((id) => [id, state.layerOpacity[id]]));
  return {
    visibleLayers: known.filter((id) => state.layerVisibility[id]),
    layerOpacity,
    year: state.year,
    basis: state.basis.kind,
    compare: state.compare.active ? { layout: state.compare.layout, position: state.compare.position, left: state.compare.left, right: state.compare.right } : undefined,
    largeText: state.largeText,
    lang: state.lang,
    selectedId: state.selection.type === 'feature' ? state.selection.id : undefined,
    mode: state.mode,
  };
}

/**
 * Applies what a link states (the camera, the selection and the basis are the app's to resolve: they need the
 * map, the loaded data and the land-use layer). Layer opacity: every catalog layer the link leaves out is at 1.
 * @param known - the catalog layer ids
 */
export function applyUrlState(state: PlanState, link: UrlState, known: readonly string[]): PlanState {
  let next = link.lang ? setLanguage(state, link.lang) : state;
  if (link.visibleLayers) next = showOnlyLayers(next, known, link.visibleLayers);
  if (link.layerOpacity) {
    const stated = link.layerOpacity;
    next = { ...next, layerOpacity: { ...next.layerOpacity, ...Object.fromEntries(known.map((id) => [id, stated[id] ?? 1])) } };
  }
  if (link.year !== undefined) next = setYear(next, link.year);
  if (link.compare) {
    const { layout, position, left, right } = link.compare;
    next = setComparePosition(setCompareLayout(startCompare(next, { left, right }), layout), position);
  }
  if (link.largeText !== undefined) next = setLargeText(next, link.largeText);
  if (link.mode) next = setMode(next, link.mode);
  return next;
}
