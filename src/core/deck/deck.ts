/**
 * Slide decks: a slide is a map state (camera, visible catalog layers, timeline year, highlighted
 * feature ids) plus a caption in both languages. Pure data and a validator; no DOM, no MapLibre.
 */

export const DECK_FORMAT = 'jinan-plan-deck';
/** Version written by this app: 2 adds speaker notes; version 1 files (no notes) still load. */
export const DECK_VERSION = 2;
export const SUPPORTED_DECK_VERSIONS: readonly number[] = [1, 2];
export const MAX_SLIDES = 200;
export const MAX_CAPTION_LENGTH = 2000;
export const MAX_NOTES_LENGTH = 5000;

export interface SlideCamera {
  /** [longitude, latitude] in degrees (WGS84) */
  center: [number, number];
  zoom: number;
  /** degrees clockwise from north */
  bearing: number;
  /** degrees from vertical, 0..85 */
  pitch: number;
}

export interface Slide {
  id: string;
  camera: SlideCamera;
  /** catalog layer ids that are visible on this slide (every other catalog layer is hidden) */
  layers: string[];
  /** timeline year (2023, 2025, 2030 or 2035) */
  year: number;
  /** geodata feature ids to highlight */
  highlight: string[];
  /** dim everything but the highlighted features */
  spotlight: boolean;
  caption: { zh: string; en: string };
  /** where the caption's facts come from (seed file names), shown small under the caption */
  source?: string;
  /** speaker notes, shown to the presenter only (presenter view or notes strip), never to the audience */
  notes?: { zh: string; en: string };
}

export interface Deck {
  title: { zh: string; en: string };
  slides: Slide[];
}

/** The JSON file a deck is exported to. */
export interface DeckFile {
  format: typeof DECK_FORMAT;
  version: number;
  deck: Deck;
}

/** Why a value is not a deck; the UI translates each reason. */
export type DeckIssueReason =
  | 'not-json'
  | 'not-object'
  | 'wrong-format'
  | 'unsupported-version'
  | 'missing'
  | 'not-string'
  | 'not-number'
  | 'not-boolean'
  | 'not-array'
  | 'out-of-range'
  | 'too-long'
  | 'empty'
  | 'too-many'
  | 'unknown-layer'
  | 'unknown-year'
  | 'duplicate-id';

export interface DeckIssue {
  /** where, as a JSON path such as `deck.slides[2].camera.zoom` */
  path: string;
  reason: DeckIssueReason;
  /** the offending value or limit, as short text */
  detail?: string;
}

export type DeckResult = { ok: true; deck: Deck } | { ok: false; issues: DeckIssue[] };

export interface DeckRules {
  /** catalog layer ids the app knows */
  knownLayers: readonly string[];
  /** timeline years the app offers */
  years: readonly number[];
}
