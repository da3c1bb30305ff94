import { DECK_FORMAT, DECK_VERSION, MAX_CAPTION_LENGTH, MAX_NOTES_LENGTH, MAX_SLIDES, SUPPORTED_DECK_VERSIONS } from './deck.ts';
import type { Deck, DeckFile, DeckIssue, DeckResult, DeckRules, Slide, SlideCamera } from './deck.ts';

type Record_ = Record<string, unknown>;

function isRecord(value: unknown): value is Record_ {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

/** Collects issues while reading one object; every reader returns a safe fallback so reading goes on. */
class Reader {
  readonly issues: DeckIssue[] = [];

  number(owner: Record_, key: string, path: string, min: number, max: number): number {
    const value = owner[key];
    if (value === undefined) return this.add(`${path}.${key}`, 'missing', undefined, min);
    if (typeof value !== 'number' || !Number.isFinite(value)) return this.add(`${path}.${key}`, 'not-number', short(value), min);
    if (value < min || value > max) return this.add(`${path}.${key}`, 'out-of-range', `${short(value)} ∉ [${min}, ${max}]`, min);
    return value;
  }

  text(owner: Record_, key: string, path: string, { optional = false, max = MAX_CAPTION_LENGTH } = {}): string {
    const value = owner[key];
    if (value === undefined && optional) return '';
    if (value === undefined) return this.add(`${path}.${key}`, 'missing', undefined, '');
    if (typeof value !== 'string') return this.add(`${path}.${key}`, 'not-string', short(value), '');
    if (value.length > max) return this.add(`${path}.${key}`, 'too-long', `${value.length} > ${max}`, '');
    return value;
  }

  strings(owner: Record_, key: string, path: string): string[] {
    const value = owner[key];
    if (value === undefined) return this.add(`${path}.${key}`, 'missing', undefined, []);
    if (!Array.isArray(value)) return this.add(`${path}.${key}`, 'not-array', short(value), []);
    const result: string[] = [];
    value.forEach((item, index) => {
      if (typeof item === 'string') result.push(item);
      else this.add(`${path}.${key}[${index}]`, 'not-string', short(item), undefined);
    });
    return result;
  }

  add<T>(path: string, reason: DeckIssue['reason'], detail: string | undefined, fallback: T): T {
    this.issues.push(detail === undefined ? { path, reason } : { path, reason, detail });
    return fallback;
  }
}

function readCamera(reader: Reader, owner: Record_, path: string): SlideCamera {
  const camera = owner.camera;
  if (!isRecord(camera)) {
    reader.add(`${path}.camera`, camera === undefined ? 'missing' : 'not-object', undefined, undefined);
    return { center: [0, 0], zoom: 0, bearing: 0, pitch: 0 };
  }
  let center: [number, number] = [0, 0];
  const rawCenter = camera.center;
  if (!Array.isArray(rawCenter) || rawCenter.length !== 2) {
    reader.add(`${path}.camera.center`, rawCenter === undefined ? 'missing' : 'not-array', short(rawCenter), undefined);
  } else {
    const pair = { lng: rawCenter[0], lat: rawCenter[1] };
    center = [reader.number(pair, 'lng', `${path}.camera.center`, -180, 180), reader.number(pair, 'lat', `${path}.camera.center`, -85, 85)];
  }
  return {
    center,
    zoom: reader.number(camera, 'zoom', `${path}.camera`, 0, 22),
    bearing: reader.number(camera, 'bearing', `${path}.camera`, -360, 360),
    pitch: reader.number(camera, 'pitch', `${path}.camera`, 0, 85),
  };
}

function readSlide(reader: Reader, value: unknown, path: string, rules: DeckRules): Slide | undefined {
  if (!isRecord(value)) return reader.add(path, 'not-object', short(value), undefined);
  const id = reader.text(value, 'id', path, { max: 100 });
  const camera = readCamera(reader, value, path);
  const layers = reader.strings(value, 'layers', path);
  layers.forEach((layer, index) => {
    if (!rules.knownLayers.includes(layer)) reader.add(`${path}.layers[${index}]`, 'unknown-layer', short(layer), undefined);
  });
  const year = reader.number(value, 'year', path, 0, 9999);
  if (Number.isFinite(year) && typeof value.year === 'number' && !rules.years.includes(year)) {
    reader.add(`${path}.year`, 'unknown-year', `${year} ∉ {${rules.years.join(', ')}}`, undefined);
  }
  const highlight = reader.strings(value, 'highlight', path);
  let spotlight = false;
  if (value.spotlight !== undefined && typeof value.spotlight !== 'boolean') reader.add(`${path}.spotlight`, 'not-boolean', short(value.spotlight), undefined);
  else spotlight = value.spotlight === true;
  const caption = isRecord(value.caption)
    ? { zh: reader.text(value.caption, 'zh', `${path}.caption`), en: reader.text(value.caption, 'en', `${path}.caption`) }
    : reader.add(`${path}.caption`, value.caption === undefined ? 'missing' : 'not-object', undefined, { zh: '', en: '' });
  const source = reader.text(value, 'source', path, { optional: true, max: 500 });
  const slide: Slide = { id, camera, layers, year, highlight, spotlight, caption };
  if (source) slide.source = source;
  if (value.notes !== undefined) {
    if (!isRecord(value.notes)) reader.add(`${path}.notes`, 'not-object', short(value.notes), undefined);
    else {
      const notes = {
        zh: reader.text(value.notes, 'zh', `${path}.notes`, { optional: true, max: MAX_NOTES_LENGTH }),
        en: reader.text(value.notes, 'en', `${path}.notes`, { optional: true, max: MAX_NOTES_LENGTH }),
      };
      if (notes.zh || notes.en) slide.notes = notes;
    }
  }
  return slide;
}

/**
 * Validates a parsed deck file (`{format, version, deck}`) against the app's layers and years.
 * Never throws; lists every problem with its JSON path. Unknown extra keys are dropped.
 *
 * @param value the parsed JSON
 * @param rules the catalog layer ids and timeline years the app knows
 * @returns the clean deck, or every issue found
 * @example validateDeckFile(JSON.parse(text), { knownLayers: ['boundary'], years: [2023] })
 */
export function validateDeckFile(value: unknown, rules: DeckRules): DeckResult {
  if (!isRecord(value)) return { ok: false, issues: [{ path: '(file)', reason: 'not-object', detail: short(value) }] };
  if (value.format !== DECK_FORMAT) return { ok: false, issues: [{ path: 'format', reason: 'wrong-format', detail: short(value.format) }] };
  if (typeof value.version !== 'number' || !SUPPORTED_DECK_VERSIONS.includes(value.version)) return { ok: false, issues: [{ path: 'version', reason: 'unsupported-version', detail: short(value.version) }] };
  return validateDeck(value.deck, rules, 'deck');
}

/**
 * Validates a deck object (as saved in the browser or inside a deck file).
 * @param path the JSON path prefix for messages
 */
export function validateDeck(value: unknown, rules: DeckRules, path = 'deck'): DeckResult {
  const reader = new Reader();
  if (!isRecord(value)) return { ok: false, issues: [{ path, reason: value === undefined ? 'missing' : 'not-object' }] };
  const title = isRecord(value.title)
    ? { zh: reader.text(value.title, 'zh', `${path}.title`, { max: 200 }), en: reader.text(value.title, 'en', `${path}.title`, { max: 200 }) }
    : reader.add(`${path}.title`, value.title === undefined ? 'missing' : 'not-object', undefined, { zh: '', en: '' });
  const slides: Slide[] = [];
  if (!Array.isArray(value.slides)) {
    reader.add(`${path}.slides`, value.slides === undefined ? 'missing' : 'not-array', undefined, undefined);
  } else if (value.slides.length === 0) {
    reader.add(`${path}.slides`, 'empty', undefined, undefined);
  } else if (value.slides.length > MAX_SLIDES) {
    reader.add(`${path}.slides`, 'too-many', `${value.slides.length} > ${MAX_SLIDES}`, undefined);
  } else {
    const seen = new Set<string>();
    value.slides.forEach((item, index) => {
      const slide = readSlide(reader, item, `${path}.slides[${index}]`, rules);
      if (!slide) return;
      if (seen.has(slide.id)) reader.add(`${path}.slides[${index}].id`, 'duplicate-id', short(slide.id), undefined);
      seen.add(slide.id);
      slides.push(slide);
    });
  }
  if (reader.issues.length) return { ok: false, issues: reader.issues };
  const deck: Deck = { title, slides };
  return { ok: true, deck };
}

/** Parses deck file text; JSON syntax errors become a `not-json` issue. */
export function parseDeckFile(text: string, rules: DeckRules): DeckResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [{ path: '(file)', reason: 'not-json', detail: (error as Error).message.slice(0, 80) }] };
  }
  return validateDeckFile(value, rules);
}

/** Wraps a deck for export. */
export function toDeckFile(deck: Deck): DeckFile {
  return { format: DECK_FORMAT, version: DECK_VERSION, deck };
}
