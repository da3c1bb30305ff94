import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Deck } from '../../core/deck/deck.ts';
import { translate } from '../../i18n/messages.ts';
import type { Lang, MessageKey } from '../../i18n/messages.ts';
import { shallowEqual } from '../../state/store.ts';
import type { Store } from '../../state/store.ts';
import type { PlanState } from '../../state/plan-state.ts';
import { StoreController } from '../controllers/store.controller.ts';

import { emit } from '../events.ts';
import { chosenFileNames, chosenFilesText, fileChoiceStyles, openFileChooser } from '../components/display/file-choice.ts';
import type { DeckAction } from '../events.ts';

export type { DeckAction };

/** What the panel shows, read from the store's presenter slice. */
interface PanelView {
  lang: Lang;
  deck: Deck | null;
  current: number;
  busy: boolean;
  hasBackup: boolean;
  approvalNumber: string;
}

/**
 * The slides panel: the deck as a list (show, caption zh/en, spotlight, reorder, duplicate, delete),
 * new slide from the current view, present, JSON export / import, PNG export. Reads the deck, the slide shown
 * and the export state from the store's presenter slice.
 *
 * @fires plan-deck-action - detail: DeckAction
 */
@customElement('plan-deck-panel')
export class PlanDeckPanel extends LitElement {
  /** the app's store (the panel opens over the page, outside the shell's store context) */
  @property({ attribute: false }) store: Store<PlanState> | undefined;
  /** seconds between slides in kiosk mode */
  @property({ type: Number }) kioskSeconds = 20;

  private readonly view = new StoreController<PlanState, PanelView>(this, () => this.store, ({ lang, presenter }) => ({
    lang, deck: presenter.deck, current: presenter.index, busy: presenter.busy, hasBackup: presenter.backup !== null,
    // the approval number printed on exports is blank until the user sets it (never invented)
    approvalNumber: presenter.approvalNumber,
  }), shallowEqual);

  private get uiLang(): Lang {
    return this.view.value?.lang ?? 'zh';
  }

  static override styles = [fileChoiceStyles, css`
    :host {
      position: fixed;
      top: 3.4rem;
      right: 0.5rem;
      bottom: 0.5rem;
      z-index: 20;
      width: min(24rem, calc(100vw - 1rem));
      display: flex;
      flex-direction: column;
      background: #fff;
      color: #1f2933;
      border-radius: 6px;
      box-shadow: 0 2px 12px rgba(0, 0, 0, 0.3);
      font-family: 'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', system-ui, sans-serif;
      font-size: 0.85rem;
    }
    header { display: flex; align-items: center; gap: 0.4rem; padding: 0.5rem 0.6rem; border-bottom: 1px solid #ddd; }
    h2 { flex: 1; margin: 0; font-size: 1rem; }
    .tools { display: flex; flex-wrap: wrap; gap: 0.3rem; padding: 0.5rem 0.6rem; border-bottom: 1px solid #ddd; }
    ol { list-style: none; margin: 0; padding: 0.4rem 0.6rem; overflow: auto; flex: 1; }
    li { border: 1px solid #d0ccc4; border-radius: 4px; padding: 0.4rem; margin-bottom: 0.4rem; }
    li[aria-current='true'] { border-color: #14324a; box-shadow: 0 0 0 2px #14324a inset; }
    .slide-head { display: flex; flex-wrap: wrap; gap: 0.25rem; align-items: center; }
    .slide-head strong { flex: 1; }
    label { display: block; margin-top: 0.3rem; font-size: 0.75rem; color: #444; }
    textarea { display: block; box-sizing: border-box; width: 100%; font: inherit; min-height: 3.2rem; resize: vertical; }
    button {
      font: inherit;
      font-size: 0.78rem;
      border: 1px solid #14324a;
      background: #fff;
      color: #14324a;
      border-radius: 4px;
      padding: 0.15rem 0.45rem;
      cursor: pointer;
      min-height: 1.7rem;
    }
    button.primary { background: #14324a; color: #fff; }
    button:disabled { opacity: 0.5; cursor: default; }
    button:focus-visible, textarea:focus-visible, input:focus-visible { outline: 3px solid #ffb000; outline-offset: 1px; }
    .file-choice { display: inline-flex; margin: 0; }
    .file-choice .file-name { font-size: 0.78rem; }
    .check { display: flex; gap: 0.3rem; align-items: center; }
    .row { display: flex; flex-wrap: wrap; gap: 0.3rem; align-items: center; padding: 0.3rem 0.6rem; border-bottom: 1px solid #ddd; }
    .row label { display: flex; gap: 0.3rem; align-items: center; margin: 0; font-size: 0.78rem; }
    .row input { font: inherit; font-size: 0.78rem; }
    .row input[type='number'] { width: 4rem; }
    .row input[type='text'] { width: 10rem; }
    textarea.notes { background: #fbfaf7; min-height: 2.6rem; }
  `];

  private t(key: MessageKey, params: Record<string, string | number> = {}): string {
    return translate(this.uiLang, key, params);
  }

  private act(action: DeckAction): void {
    emit(this, 'plan-deck-action', action);
  }

  /** names of the slides file last chosen (shown beside its button) */
  @state() private chosen: string[] = [];

  private onImport(event: Event): void {
    this.chosen = chosenFileNames(event);
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) this.act({ type: 'import-json', file });
    input.value = '';
  }

  override render() {
    const view = this.view.value;
    if (!view) return null;
    const { busy, hasBackup, approvalNumber, current } = view;
    const slides = view.deck?.slides ?? [];
    return html`
      <header>
        <h2 id="deck-title">${this.t('deck.title')}</h2>
        <button type="button" class="primary" data-action="present" @click=${() => this.act({ type: 'present' })}>${this.t('deck.present')}</button>
        <button type="button" data-action="close" @click=${() => this.act({ type: 'close' })}>${this.t('deck.close')}</button>
      </header>
      <div class="tools">
        <button type="button" data-action="add" @click=${() => this.act({ type: 'add' })}>${this.t('deck.add')}</button>
        <button type="button" data-action="export-json" @click=${() => this.act({ type: 'export-json' })}>${this.t('deck.exportJson')}</button>
        <span class="file-choice"><button type="button" data-action="choose-json" aria-describedby="deck-file-name" @click=${openFileChooser}>${this.t('deck.importJson')}</button>
          <span class="file-name" id="deck-file-name">${chosenFilesText(this.uiLang, this.chosen)}</span>
          <input type="file" hidden accept=".json,application/json" data-action="import-json" aria-label=${this.t('deck.importJson')} @change=${this.onImport} /></span>
        <button type="button" data-action="png-full" ?disabled=${busy} @click=${() => this.act({ type: 'png-full' })}>${this.t('deck.pngFull')}</button>
        <button type="button" data-action="png-window" ?disabled=${busy} @click=${() => this.act({ type: 'png-window' })}>${this.t('deck.pngWindow')}</button>
        <button type="button" data-action="reset" @click=${() => this.act({ type: 'reset' })}>${this.t('deck.reset')}</button>
        ${hasBackup ? html`<button type="button" data-action="download-backup" @click=${() => this.act({ type: 'download-backup' })}>${this.t('deck.downloadBackup')}</button>` : null}
      </div>
      <div class="row">
        <button type="button" data-action="presenter-view" @click=${() => this.act({ type: 'presenter-view' })}>${this.t('deck.presenterView')}</button>
        <button type="button" data-action="notes-strip" @click=${() => this.act({ type: 'notes-strip' })}>${this.t('deck.notesStrip')}</button>
        <button type="button" data-action="handout" ?disabled=${busy} @click=${() => this.act({ type: 'handout' })}>${this.t('deck.handout')}</button>
      </div>
      <div class="row">
        <label>${this.t('deck.kioskSeconds')}<input type="number" min="3" max="600" step="1" data-input="kiosk-seconds" .value=${String(this.kioskSeconds)}
          @change=${(event: Event) => { this.kioskSeconds = Number((event.target as HTMLInputElement).value) || 20; }} /></label>
        <button type="button" data-action="kiosk" @click=${() => this.act({ type: 'kiosk', seconds: this.kioskSeconds })}>${this.t('deck.kiosk')}</button>
      </div>
      <div class="row">
        <label>${this.t('deck.approvalNumber')}<input type="text" maxlength="60" data-input="approval" .value=${approvalNumber}
          placeholder=${this.t('deck.approvalPlaceholder')}
          @change=${(event: Event) => this.act({ type: 'approval', text: (event.target as HTMLInputElement).value })} /></label>
      </div>
      <ol aria-labelledby="deck-title">
        ${slides.map((slide, index) => html`
          <li aria-current=${index === current ? 'true' : 'false'} data-slide=${slide.id}>
            <div class="slide-head">
              <strong>${this.t('deck.slideLabel', { n: index + 1 })}</strong>
              <button type="button" @click=${() => this.act({ type: 'goto', index })}>${this.t('deck.goto')}</button>
              <button type="button" @click=${() => this.act({ type: 'present-from', index })}>${this.t('deck.presentFrom')}</button>
              <button type="button" ?disabled=${index === 0} @click=${() => this.act({ type: 'up', index })}>${this.t('deck.up')}</button>
              <button type="button" ?disabled=${index === slides.length - 1} @click=${() => this.act({ type: 'down', index })}>${this.t('deck.down')}</button>
              <button type="button" @click=${() => this.act({ type: 'duplicate', index })}>${this.t('deck.duplicate')}</button>
              <button type="button" ?disabled=${slides.length < 2} @click=${() => this.act({ type: 'delete', index })}>${this.t('deck.delete')}</button>
            </div>
            <label>${this.t('deck.captionZh')}
              <textarea lang="zh" data-caption="zh" .value=${slide.caption.zh}
                @change=${(event: Event) => this.act({ type: 'caption', index, lang: 'zh', text: (event.target as HTMLTextAreaElement).value })}></textarea></label>
            <label>${this.t('deck.captionEn')}
              <textarea lang="en" data-caption="en" .value=${slide.caption.en}
                @change=${(event: Event) => this.act({ type: 'caption', index, lang: 'en', text: (event.target as HTMLTextAreaElement).value })}></textarea></label>
            <label>${this.t('deck.notesZh')}
              <textarea class="notes" lang="zh" data-notes="zh" .value=${slide.notes?.zh ?? ''}
                @change=${(event: Event) => this.act({ type: 'notes', index, lang: 'zh', text: (event.target as HTMLTextAreaElement).value })}></textarea></label>
            <label>${this.t('deck.notesEn')}
              <textarea class="notes" lang="en" data-notes="en" .value=${slide.notes?.en ?? ''}
                @change=${(event: Event) => this.act({ type: 'notes', index, lang: 'en', text: (event.target as HTMLTextAreaElement).value })}></textarea></label>
            <label class="check"><input type="checkbox" .checked=${slide.spotlight}
              @change=${(event: Event) => this.act({ type: 'spotlight', index, value: (event.target as HTMLInputElement).checked })} />${this.t('deck.spotlight')}</label>
          </li>`)}
      </ol>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'plan-deck-panel': PlanDeckPanel;
  }
}
