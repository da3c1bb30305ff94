import type { Deck, DeckIssue, DeckRules } from '../../core/deck/deck.ts';
import { validateDeck } from '../../core/deck/validate-deck.ts';
import { TIMELINE_YEARS } from '../../core/timeline/status-in-year.ts';
import { keepAsBackup, loadSaved, save } from '../../data/persist.ts';
import type { SaveResult } from '../../data/persist.ts';
import { CATALOG_LAYERS } from '../../state/layer-catalog.ts';
import { translate } from '../../i18n/messages.ts';
import type { Lang, MessageKey } from '../../i18n/messages.ts';
import { builtinDeck } from './builtin-deck.ts';
import { MAX_APPROVAL_LENGTH } from '../../state/presenter-state.ts';

const DECK_KEY = 'deck';
const DECK_SCHEMA_VERSION = 1;

export function deckRules(): DeckRules {
  return { knownLayers: CATALOG_LAYERS.map((layer) => layer.id), years: TIMELINE_YEARS };
}

/** Issues as one readable line: "deck.slides[1].year: is not a timeline year (2024 ∉ …); …". */
export function describeIssues(lang: Lang, issues: readonly DeckIssue[], limit = 5): string {
  const parts = issues.slice(0, limit).map((issue) => {
    const reason = translate(lang, `deck.reason.${issue.reason}` as MessageKey);
    return `${issue.path}: ${reason}${issue.detail ? ` (${issue.detail})` : ''}`;
  });
  if (issues.length > limit) parts.push(translate(lang, 'deck.moreIssues', { count: issues.length }));
  return parts.join('; ');
}

export interface LoadedDeck {
  deck: Deck;
  /** why the saved deck could not be used, if it could not */
  problem?: string;
  /** the unreadable saved text, kept under a backup key and offered as a download */
  backupRaw?: string;
}

/** The saved deck, else the built-in one. A corrupt record is moved aside (never deleted) and reported. */
export function loadDeck(lang: Lang): LoadedDeck {
  const result = loadSaved<Deck>(DECK_KEY, DECK_SCHEMA_VERSION, (value) => {
    const checked = validateDeck(value, deckRules());
    return checked.ok ? checked.deck : describeIssues(lang, checked.issues);
  });
  if (result.ok) return { deck: result.value ?? builtinDeck() };
  if (result.reason === 'unavailable') return { deck: builtinDeck() };
  if (result.raw !== undefined) keepAsBackup(DECK_KEY, result.raw);
  return { deck: builtinDeck(), problem: result.message, backupRaw: result.raw };
}

export function saveDeck(deck: Deck): SaveResult {
  return save(DECK_KEY, DECK_SCHEMA_VERSION, deck);
}

const APPROVAL_KEY = 'approval-number';

/** The map approval number (审图号) the user set, or '' (never invented: blank until set). */
export function loadApprovalNumber(): string {
  const loaded = loadSaved<string>(APPROVAL_KEY, 1, (value) => (typeof value === 'string' && value.length <= MAX_APPROVAL_LENGTH ? value : 'not a short text'));
  return loaded.ok && loaded.value ? loaded.value : '';
}

export function saveApprovalNumber(text: string): SaveResult {
  return save(APPROVAL_KEY, 1, text);
}
