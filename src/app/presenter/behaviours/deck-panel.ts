/**
 * The slides panel: open while the slice says so, it edits the deck with the pure operations of core/deck, saves
 * every change, reads and writes deck files, and starts presenting (from a slide, with the presenter view or
 * the notes strip, or in kiosk mode). Exports are the exports behaviour's.
 */
import '../../../ui/presenter/deck-panel.ts';
import type { Lifetime } from '../../shell/lifetime.ts';
import type { DeckAction } from '../../../ui/events.ts';
import type { Deck } from '../../../core/deck/deck.ts';
import type { DeckEdit } from '../../../core/deck/deck-edits.ts';
import { addSlide, duplicateSlide, moveSlide, removeSlide, setCaption, setNotes, setSpotlight, slideFromView } from '../../../core/deck/deck-edits.ts';
import { parseDeckFile, toDeckFile } from '../../../core/deck/validate-deck.ts';
import type { PlanState } from '../../../state/plan-state.ts';
import {
  setApprovalNumber, setDeck, setNotesStrip, setPanelOpen, setPresenterView, startKiosk, startPresenting,
} from '../../../state/presenter-state.ts';
import { CATALOG_LAYERS } from '../../../state/layer-catalog.ts';
import { translate } from '../../../i18n/messages.ts';
import { downloadBlob, today } from '../../../ui/download.ts';
import { readCamera } from '../../../map/slide-camera.ts';
import { builtinDeck } from '../builtin-deck.ts';
import { deckRules, describeIssues, saveApprovalNumber, saveDeck } from '../deck-storage.ts';
import type { PresenterServices } from '../presenter-services.ts';

let slideCounter = 0;
function newSlideId(): string {
  slideCounter += 1;
  return `slide-${Date.now().toString(36)}-${slideCounter}`;
}

/** The deck edit an action asks for, or null when the action is not an edit. */
function deckEdit(action: DeckAction, deck: Deck, state: PlanState, services: PresenterServices): DeckEdit | null {
  const current = state.presenter.index;
  switch (action.type) {
    case 'add': {
      const selected = state.selection.type === 'feature' ? state.selection.id : null;
      const layers = CATALOG_LAYERS.map((layer) => ({ id: layer.id, visible: Boolean(state.layerVisibility[layer.id]) }));
      const caption = { zh: translate('zh', 'deck.newCaption'), en: translate('en', 'deck.newCaption') };
      return addSlide(deck, current, slideFromView({ camera: readCamera(services.view), layers, year: state.year, selected }, newSlideId(), caption));
    }
    case 'duplicate': return duplicateSlide(deck, action.index, newSlideId());
    case 'delete': return removeSlide(deck, action.index, current);
    case 'up': return moveSlide(deck, action.index, -1);
    case 'down': return moveSlide(deck, action.index, 1);
    case 'caption': return setCaption(deck, action.index, current, action.lang, action.text);
    case 'notes': return setNotes(deck, action.index, current, action.lang, action.text);
    case 'spotlight': return setSpotlight(deck, action.index, current, action.value);
    default: return null;
  }
}

async function importDeck(services: PresenterServices, file: File): Promise<void> {
  const lang = services.store.getState().lang;
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    services.say('error', translate(lang, 'deck.importFailed', { name: file.name, issues: (error as Error).message }));
    return;
  }
  const result = parseDeckFile(text, deckRules());
  if (!result.ok) {
    services.say('error', translate(lang, 'deck.importFailed', { name: file.name, issues: describeIssues(lang, result.issues) }));
    return;
  }
  services.store.update((state) => setDeck(state, result.deck, 0));
  services.say('info', translate(lang, 'deck.imported', { name: file.name, count: result.deck.slides.length }));
}

function exportDeck(services: PresenterServices, deck: Deck): void {
  const name = `jinan-plan-deck-${today()}.json`;
  downloadBlob(new Blob([JSON.stringify(toDeckFile(deck), null, 2)], { type: 'application/json' }), name);
  services.say('info', translate(services.store.getState().lang, 'deck.exported', { name }));
}

function onAction(services: PresenterServices, action: DeckAction): void {
  const { store } = services;
  const state = store.getState();
  const { deck, backup } = state.presenter;
  if (!deck) return;
  const edit = deckEdit(action, deck, state, services);
  if (edit) {
    if (edit.ok) store.update((next) => setDeck(next, edit.deck, edit.index));
    else if (edit.reason === 'last-slide') services.say('error', translate(state.lang, 'deck.lastSlide'));
    return;
  }
  switch (action.type) {
    case 'close': store.update((next) => setPanelOpen(next, false)); break;
    case 'present': store.update((next) => startPresenting(next)); break;
    case 'present-from': store.update((next) => startPresenting(next, action.index)); break;
    case 'goto': void services.showSlide(action.index, true); break;
    case 'presenter-view': store.update((next) => setPresenterView(next, true)); break;
    case 'notes-strip': store.update((next) => setNotesStrip(next, !next.presenter.notesStrip)); break;
    case 'kiosk': store.update((next) => startKiosk(next, action.seconds)); break;
    case 'approval': store.update((next) => setApprovalNumber(next, action.text)); break;
    case 'reset':
      store.update((next) => setDeck(next, builtinDeck(), 0));
      services.say('info', translate(state.lang, 'deck.resetDone'));
      break;
    case 'export-json': exportDeck(services, deck); break;
    case 'import-json': void importDeck(services, action.file); break;
    case 'download-backup':
      if (backup !== null) downloadBlob(new Blob([backup], { type: 'application/json' }), `jinan-plan-deck-backup-${today()}.json`);
      break;
    default: break;
  }
}

function openPanel(services: PresenterServices, session: Lifetime): void {
  const panel = document.createElement('plan-deck-panel');
  panel.store = services.store;
  panel.setAttribute('role', 'dialog');
  const label = () => panel.setAttribute('aria-label', translate(services.store.getState().lang, 'deck.title'));
  label();
  session.add(services.store.select((state) => state.lang, label));
  session.listen(panel, 'plan-deck-action', (event) => onAction(services, event.detail));
  session.append(document.body, panel);
  // a removed element may still render once: without a store it cannot subscribe again
  session.add(() => { panel.store = undefined; });
}

/** Saves the deck and the approval number whenever they change; says so when saving fails. */
function saveChanges({ store, say }: PresenterServices, life: Lifetime): void {
  const failed = (message: string) => say('error', translate(store.getState().lang, 'deck.saveFailed', { message }));
  life.add(store.select((state) => state.presenter.deck, (deck) => {
    const saved = deck ? saveDeck(deck) : { ok: true as const };
    if (!saved.ok) failed(saved.message);
  }));
  life.add(store.select((state) => state.presenter.approvalNumber, (text) => {
    const saved = saveApprovalNumber(text);
    if (!saved.ok) failed(saved.message);
  }));
}

export function installDeckPanel(services: PresenterServices, life: Lifetime): void {
  const { store, keys } = services;
  life.whileSelected(store, (state) => state.presenter.panelOpen, (_open, session) => openPanel(services, session));
  life.add(keys.register({
    scope: 'dialogs', id: 'deck.close', keys: ['Escape'], when: () => store.getState().presenter.panelOpen,
    run: () => store.update((state) => setPanelOpen(state, false)),
  }));
  saveChanges(services, life);
}
