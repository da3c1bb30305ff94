/**
 * The three control lines (三区三线: 生态保护红线, 永久基本农田, 城镇开发边界) in the store (`state.controlLines`): the
 * reading under way, the question waiting for the planner (layers whose role cannot be told from their names, each
 * with the planner's answer so far; or a dropped delivery that holds both control lines and a land-use layer), the
 * accepted lines per role (their summary, and the drawn polygons as one GeoJSON Blob, by reference, each feature
 * carrying its `role`), the reading's messages, the last error and whether the lines are drawn. Written by
 * src/app/landuse/control-lines-session.ts through the named actions below; read by the control-lines panel, the
 * statistics and the map's scene (`selectControlLineDrawing`).
 */
import type { ControlLineRole } from '../core/landuse/control-line-names.ts';

/** The planner's answer for a layer whose role cannot be told: a role, or leave it out. */
export type ControlLineChoice = ControlLineRole | 'ignore';

/** A layer of the delivery whose role the planner must give. */
export interface ControlLineQuestionLayer {
  /** the delivery layer's id (DeliveryLayer.id) */
  id: string;
  name: string;
  /** what the layer's name looked like: no control line, or more than one */
  reason: 'unknown' | 'ambiguous';
  /** the answer chosen so far (null: not yet) */
  choice: ControlLineChoice | null;
}

/** One accepted control-line layer. */
export interface ControlLineSummary {
  name: string;
  role: ControlLineRole;
  /** how its role was told: from a national database code, from its Chinese name, or by the planner */
  by: 'code' | 'chinese-name' | 'planner';
  /** polygons (features) used */
  parcelCount: number;
  /** their area, m² (overlaps counted once per feature) */
  areaSquareMeters: number;
}

export interface ControlLinesState {
  /** a reading under way */
  reading: boolean;
  /** layers whose role the planner must give before they are used (null: no question) */
  question: { layers: readonly ControlLineQuestionLayer[] } | null;
  /** a dropped delivery holding both control lines and a land-use layer: read as which? (its name) */
  mixed: { name: string } | null;
  /** the accepted lines (the ones drawn and used for the conflict figures), in delivery order */
  lines: readonly ControlLineSummary[];
  /** the accepted lines' polygons as GeoJSON (each feature's `role` property), never parsed here */
  drawn: Blob | null;
  /** the last reading's messages, in the interface language of the moment they were made */
  messages: readonly { severity: string; text: string }[];
  /** the last error (a reading that failed), null when none */
  error: string | null;
  visible: boolean;
}

export function initialControlLinesState(): ControlLinesState {
  return { reading: false, question: null, mixed: null, lines: [], drawn: null, messages: [], error: null, visible: true };
}

/** Actions over the slice; each takes and returns the slice (wrap with `onControlLines` for the whole state). */

/** A reading starts: the error cleared (the lines in force and an open question stay until it answers). */
export function startLinesReading(state: ControlLinesState): ControlLinesState {
  return { ...state, reading: true, mixed: null, error: null };
}

/** The reading ended with these messages (the lines in force stay unless `acceptLines` follows). */
export function linesReadingDone(state: ControlLinesState, messages: ControlLinesState['messages'] = state.messages): ControlLinesState {
  return { ...state, reading: false, messages };
}

/** The reading failed: the lines in force stay as they were. */
export function linesReadingFailed(state: ControlLinesState, error: string): ControlLinesState {
  return { ...state, reading: false, error };
}

/** Some layers' roles cannot be told: the planner chooses a role (or ignore) for each. */
export function askLineRoles(state: ControlLinesState, layers: readonly Omit<ControlLineQuestionLayer, 'choice'>[]): ControlLinesState {
  const before = new Map((state.question?.layers ?? []).map((layer) => [layer.id, layer.choice]));
  return { ...state, question: { layers: layers.map((layer) => ({ ...layer, choice: before.get(layer.id) ?? null })) } };
}

/** The planner's answer for one layer of the question (nothing changes for a layer not asked about). */
export function answerLineRole(state: ControlLinesState, id: string, choice: ControlLineChoice | null): ControlLinesState {
  const question = state.question;
  if (!question?.layers.some((layer) => layer.id === id)) return state;
  return { ...state, question: { layers: question.layers.map((layer) => (layer.id === id ? { ...layer, choice } : layer)) } };
}

/** Whether every layer of the question has an answer. */
export function questionAnswered(state: ControlLinesState): boolean {
  return !!state.question && state.question.layers.every((layer) => layer.choice !== null);
}

/** A dropped delivery holds control lines and a land-use layer: the planner says which to read. */
export function askDeliveryKind(state: ControlLinesState, name: string): ControlLinesState {
  return { ...state, mixed: { name } };
}

/** The question (roles or delivery kind) is answered or dropped. */
export function clearLinesQuestion(state: ControlLinesState): ControlLinesState {
  return state.question || state.mixed ? { ...state, question: null, mixed: null } : state;
}

/** Read lines become the ones in force: drawn (by reference) and used for the conflict figures. */
export function acceptLines(state: ControlLinesState, lines: readonly ControlLineSummary[], drawn: Blob): ControlLinesState {
  return { ...state, reading: false, error: null, lines, drawn };
}

/** The lines are removed: nothing drawn, the conflict figures unknown again. */
export function clearLines(state: ControlLinesState): ControlLinesState {
  return { ...initialControlLinesState(), visible: state.visible };
}

export function setLinesVisible(state: ControlLinesState, visible: boolean): ControlLinesState {
  return state.visible === visible ? state : { ...state, visible };
}

/**
 * The figures of the basis in force are to be computed again (control lines were cut into the land-use layer):
 * the same basis as a new object, which every figure follows by identity.
 */
export function renewBasisFigures<S extends { basis: object }>(state: S): S {
  return { ...state, basis: { ...state.basis } };
}

/** Applies a slice action to the whole state. */
export function onControlLines<S extends { controlLines: ControlLinesState }>(state: S, action: (slice: ControlLinesState) => ControlLinesState): S {
  const next = action(state.controlLines);
  return next === state.controlLines ? state : { ...state, controlLines: next };
}

/** Selectors. */

/** The roles with an accepted layer. */
export function selectLineRoles(state: { controlLines: ControlLinesState }): ControlLineRole[] {
  return [...new Set(state.controlLines.lines.map((line) => line.role))];
}

/** What the map draws of the lines (null: nothing): their polygons, the roles present and visibility. */
export function selectControlLineDrawing(state: { controlLines: ControlLinesState }): { data: Blob; visible: boolean } | null {
  const { drawn, visible } = state.controlLines;
  return drawn ? { data: drawn, visible } : null;
}
