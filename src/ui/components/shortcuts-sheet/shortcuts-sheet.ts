import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { translate } from '../../../i18n/messages.ts';
import { translateValue } from '../../../i18n/translate-value.ts';
import type { Lang, MessageKey } from '../../../i18n/messages.ts';
import { emit } from '../../events.ts';

/** One row of the sheet: what a shortcut does (a stable id) and its keys. */
export interface ShortcutRow {
  id: string;
  scope: string;
  keys: readonly string[];
}

const KEY_NAMES: Record<string, string> = {
  ' ': 'Space', Spacebar: 'Space', ArrowRight: '→', ArrowLeft: '←', ArrowUp: '↑', ArrowDown: '↓', Escape: 'Esc',
};

/**
 * The keyboard help sheet (`?`): a modal dialog listing every shortcut the app has registered now, in the current
 * language, one row per shortcut with its keys. Escape or the close button closes it.
 *
 * @fires plan-shortcuts-close - the sheet was closed
 */
@customElement('plan-shortcuts-sheet')
export class PlanShortcutsSheet extends LitElement {
  @property({ attribute: false }) rows: readonly ShortcutRow[] = [];
  @property({ attribute: false }) language: Lang = 'zh';
  @query('dialog') private dialog!: HTMLDialogElement;

  static override styles = css`
    dialog { border: 0; border-radius: 8px; padding: 0; max-width: min(36rem, calc(100vw - 2rem)); box-shadow: 0 4px 24px rgba(0, 0, 0, 0.35);
      font-family: 'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', system-ui, sans-serif; color: #1f2933; }
    dialog::backdrop { background: rgba(12, 30, 45, 0.45); }
    header { display: flex; align-items: center; gap: 0.5rem; padding: 0.6rem 0.9rem; background: #14324a; color: #fff; }
    h2 { margin: 0; font-size: 1rem; flex: 1; }
    button { font: inherit; border: 1px solid #fff; background: #14324a; color: #fff; border-radius: 4px; padding: 0.2rem 0.6rem; cursor: pointer; }
    button:focus-visible { outline: 3px solid #ffb000; outline-offset: 2px; }
    table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
    th, td { text-align: left; padding: 0.35rem 0.9rem; border-bottom: 1px solid #e6e2da; vertical-align: top; }
    kbd { display: inline-block; font: inherit; font-size: 0.8rem; border: 1px solid #8a96a3; border-bottom-width: 2px; border-radius: 3px;
      padding: 0 0.3rem; margin: 0 0.15rem 0.15rem 0; background: #fbfaf7; color: #1f2933; }
  `;

  private t(key: string): string {
    return translate(this.language, key as MessageKey);
  }

  /** Opens the sheet as a modal dialog (focus moves into it). */
  show(): void {
    void this.updateComplete.then(() => { if (!this.dialog.open) this.dialog.showModal(); });
  }

  close(): void {
    if (this.dialog?.open) this.dialog.close();
  }

  override render() {
    return html`
      <dialog aria-labelledby="shortcuts-title" @close=${() => emit(this, 'plan-shortcuts-close', null)}>
        <header><h2 id="shortcuts-title">${this.t('shortcuts.title')}</h2>
          <button type="button" data-action="close" @click=${() => this.close()}>${this.t('shortcuts.close')}</button></header>
        <table data-testid="shortcuts">
          <thead><tr><th scope="col">${this.t('shortcuts.keys')}</th><th scope="col">${this.t('shortcuts.action')}</th></tr></thead>
          <tbody>${this.rows.map((row) => html`<tr data-shortcut=${row.id}>
            <td>${[...new Set(row.keys.map((key) => KEY_NAMES[key] ?? (key.length === 1 ? key.toUpperCase() : key)))].map((key) => html`<kbd>${key}</kbd>`)}</td>
            <td>${translateValue(this.language, 'shortcut', row.id)}</td></tr>`)}</tbody>
        </table>
      </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'plan-shortcuts-sheet': PlanShortcutsSheet;
  }
}
