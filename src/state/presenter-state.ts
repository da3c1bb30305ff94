/**
 * The presenter's slice of the state: the deck, the slide shown, the modes (presenting, blank, notes strip,
 * presenter view, kiosk, laser and ink) and the slide highlight the map draws. Named pure actions and selectors;
 * the presenter's behaviours (src/app/presenter/) write it through these actions, its components read it.
 *
 * The actions are generic over the state that holds the slice, so they apply to `PlanState` directly (and the
 * slice needs no import of it): `store.update((state) => startPresenting(state, 0))`.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { Deck, Slide } from '../core/deck/deck.ts';

/** A stroke of ink drawn with the laser held: CSS pixel points on the audience screen. */
export interface InkStroke {
  id: number;
  points: readonly (readonly [number, number])[];
}

/** What the map emphasises for the slide shown: geodata feature ids, and whether everything else is dimmed. */
export interface SlideHighlightState {
  ids: readonly string[];
  spotlight: boolean;
}

export interface PresenterState {
  /** null until the presenter has read the saved deck (or taken the built-in one) */
  deck: Deck | null;
  /** the slide shown (or last shown), 0-based */
  index: number;
  /** the unreadable saved deck, kept to be downloaded; null when there was none */
  backup: string | null;
  panelOpen: boolean;
  presenting: boolean;
  /** the audience screen is black */
  blank: boolean;
  /** speaker notes as a strip on the audience screen (when no second window is used) */
  notesStrip: boolean;
  /** the presenter view (second window) is wanted open */
  presenterView: boolean;
  /** kiosk mode: the deck advances by itself every `seconds` */
  kiosk: { seconds: number } | null;
  /** the laser pointer is on (L held while presenting) */
  laser: boolean;
  /** where the pointer is, CSS pixels, while the laser is on */
  pointer: { x: number; y: number } | null;
  /** ink on the audience screen: never saved, each stroke fades a few seconds after it is drawn */
  strokes: readonly InkStroke[];
  /** an export (PNG, handout) is being made */
  busy: boolean;
  /** the map approval number (审图号) printed on exports; '' until the user sets it (never invented) */
  approvalNumber: string;
  highlight: SlideHighlightState;
}

export const MAX_APPROVAL_LENGTH = 60;
export const KIOSK_SECONDS = { min: 3, max: 600, fallback: 20 } as const;
const NO_HIGHLIGHT: SlideHighlightState = { ids: [], spotlight: false };

export function initialPresenterState(): PresenterState {
  return {
    deck: null, index: 0, backup: null, panelOpen: false, presenting: false, blank: false, notesStrip: false,
    presenterView: false, kiosk: null, laser: false, pointer: null, strokes: [], busy: false, approvalNumber: '',
    highlight: NO_HIGHLIGHT,
  };
}

interface WithPresenter {
  presenter: PresenterState;
}

/** The state a slide is shown into: the slice, the catalog layers' visibility and the timeline year. */
interface WithSlideTarget extends WithPresenter {
  layerVisibility: Record<string, boolean>;
  year: number;
  legendFilter: unknown;
}

function patch<S extends WithPresenter>(state: S, change: Partial<PresenterState>): S {
  const current = state.presenter;
  const changed = (Object.keys(change) as (keyof PresenterState)[]).some((key) => !Object.is(current[key], change[key]));
  return changed ? { ...state, presenter: { ...current, ...change } } : state;
}

const clampIndex = (deck: Deck | null, index: number): number =>
  Math.max(0, Math.min(Number.isFinite(index) ? Math.trunc(index) : 0, (deck?.slides.length ?? 1) - 1));

// ---- deck ----------------------------------------------------------------------------------------

/**
 * The deck read when the presenter starts (saved or built-in), the unreadable saved text if any, and the saved
 * approval number: a fresh slice, every mode off.
 */
export function deckLoaded<S extends WithPresenter>(state: S, deck: Deck, backup: string | null, approvalNumber: string): S {
  return { ...state, presenter: { ...initialPresenterState(), deck, backup, approvalNumber: approvalNumber.slice(0, MAX_APPROVAL_LENGTH) } };
}

/** Replaces the deck (after an edit, an import or a reset); `index` is the slide to show next, kept in range. */
export function setDeck<S extends WithPresenter>(state: S, deck: Deck, index: number): S {
  return patch(state, { deck, index: clampIndex(deck, index) });
}

export function setPanelOpen<S extends WithPresenter>(state: S, open: boolean): S {
  return patch(state, { panelOpen: open });
}

export function setApprovalNumber<S extends WithPresenter>(state: S, text: string): S {
  return patch(state, { approvalNumber: text.trim().slice(0, MAX_APPROVAL_LENGTH) });
}

export function setBusy<S extends WithPresenter>(state: S, busy: boolean): S {
  return patch(state, { busy });
}

// ---- slides --------------------------------------------------------------------------------------

/**
 * Shows slide `index` (kept in range): exactly its catalog layers (of `knownLayers`) visible, its year, its
 * highlight; the camera is the map's to move. Unchanged without a deck.
 */
export function showSlide<S extends WithSlideTarget>(state: S, index: number, knownLayers: readonly string[]): S {
  const deck = state.presenter.deck;
  const at = clampIndex(deck, index);
  const slide = deck?.slides[at];
  if (!slide) return state;
  const shown = new Set(slide.layers);
  return {
    ...state,
    layerVisibility: Object.fromEntries(knownLayers.map((id) => [id, shown.has(id)])),
    legendFilter: null,
    year: slide.year,
    presenter: { ...state.presenter, index: at, highlight: { ids: [...slide.highlight], spotlight: slide.spotlight } },
  };
}

/** Keeps the slide index but draws no highlight (after a handout, when presenting ends). */
export function clearSlideHighlight<S extends WithPresenter>(state: S): S {
  return state.presenter.highlight.ids.length || state.presenter.highlight.spotlight ? patch(state, { highlight: NO_HIGHLIGHT }) : state;
}

// ---- modes ---------------------------------------------------------------------------------------

/** Starts presenting at slide `index` (the present behaviour shows it); nothing if already presenting. */
export function startPresenting<S extends WithPresenter>(state: S, index = state.presenter.index): S {
  if (state.presenter.presenting) return state;
  return patch(state, { presenting: true, blank: false, index: clampIndex(state.presenter.deck, index) });
}

/** Ends presenting and every mode that lives only while presenting; the highlight goes too. */
export function stopPresenting<S extends WithPresenter>(state: S): S {
  if (!state.presenter.presenting) return state;
  return patch(state, {
    presenting: false, blank: false, presenterView: false, kiosk: null, laser: false, pointer: null, strokes: [],
    highlight: NO_HIGHLIGHT,
  });
}

export function setBlank<S extends WithPresenter>(state: S, blank: boolean): S {
  return patch(state, { blank });
}

/** Shows or hides the notes strip; showing the notes also starts presenting. */
export function setNotesStrip<S extends WithPresenter>(state: S, on: boolean): S {
  return startPresenting(patch(state, { notesStrip: on }));
}

/** Asks for the presenter view (which also starts presenting), or records that it closed. */
export function setPresenterView<S extends WithPresenter>(state: S, open: boolean): S {
  const next = patch(state, { presenterView: open });
  return open ? startPresenting(next) : next;
}

/** Kiosk mode: presents and advances every `seconds` (3..600; not a number: 20). */
export function startKiosk<S extends WithPresenter>(state: S, seconds: number): S {
  const { min, max, fallback } = KIOSK_SECONDS;
  const clamped = Math.max(min, Math.min(max, Number.isFinite(seconds) ? seconds : fallback));
  return startPresenting(patch(state, { kiosk: { seconds: clamped } }));
}

export function stopKiosk<S extends WithPresenter>(state: S): S {
  return patch(state, { kiosk: null });
}

// ---- laser and ink -------------------------------------------------------------------------------

/** The laser on at `pointer` (its last known place), or off (its pointer goes with it; ink stays to fade). */
export function setLaser<S extends WithPresenter>(state: S, on: boolean, pointer: { x: number; y: number } | null = null): S {
  if (!state.presenter.presenting && on) return state;
  return patch(state, on ? { laser: true, pointer } : { laser: false, pointer: null });
}

export function movePointer<S extends WithPresenter>(state: S, x: number, y: number): S {
  return state.presenter.laser ? patch(state, { pointer: { x, y } }) : state;
}

/** Starts a stroke at a point (only with the laser on). */
export function beginStroke<S extends WithPresenter>(state: S, id: number, x: number, y: number): S {
  if (!state.presenter.laser) return state;
  return patch(state, { strokes: [...state.presenter.strokes, { id, points: [[x, y]] }] });
}

/** Adds a point to stroke `id`, if it is still there. */
export function extendStroke<S extends WithPresenter>(state: S, id: number, x: number, y: number): S {
  if (!state.presenter.strokes.some((stroke) => stroke.id === id)) return state;
  return patch(state, { strokes: state.presenter.strokes.map((stroke) => (stroke.id === id ? { id, points: [...stroke.points, [x, y]] } : stroke)) });
}

/** Removes stroke `id` (it has faded). */
export function dropStroke<S extends WithPresenter>(state: S, id: number): S {
  const strokes = state.presenter.strokes.filter((stroke) => stroke.id !== id);
  return strokes.length === state.presenter.strokes.length ? state : patch(state, { strokes });
}

// ---- selectors -----------------------------------------------------------------------------------

/** The slide shown, if there is a deck. */
export function currentSlide(presenter: PresenterState): Slide | undefined {
  return presenter.deck?.slides[presenter.index];
}

/** A slide's caption or notes in `lang`, falling back to the other language; '' when there are none. */
export function slideText(slide: Slide | undefined, lang: 'zh' | 'en', part: 'caption' | 'notes'): string {
  const text = slide?.[part];
  return text ? text[lang] || text.zh || text.en : '';
}

/**
 * The features a highlight names, found by id across every geodata layer, and whether to dim the rest (only
 * when something was found: a spotlight on nothing would dim the whole map).
 */
export function highlightedFeatures(data: Readonly<Record<string, FeatureCollection | undefined>>, highlight: SlideHighlightState): { features: Feature[]; spotlight: boolean } {
  if (!highlight.ids.length) return { features: [], spotlight: false };
  const wanted = new Set(highlight.ids);
  const features: Feature[] = [];
  for (const collection of Object.values(data)) {
    for (const feature of collection?.features ?? []) {
      if (wanted.has(String(feature.properties?.['id'] ?? feature.id))) features.push(feature);
    }
  }
  return { features, spotlight: highlight.spotlight && features.length > 0 };
}
