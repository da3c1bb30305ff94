import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { translate } from '../../../i18n/messages.ts';
import { emit } from '../../events.ts';
import { storeContext } from '../../../state/store-context.ts';
import type { Store } from '../../../state/store.ts';
import { pick, shallowEqual } from '../../../state/store.ts';
import type { PlanState } from '../../../state/plan-state.ts';
import { StoreController } from '../../controllers/store.controller.ts';

/** The smallest side of a module on screen, CSS px: smaller modules are hard for a phone camera. */
const MODULE_PX = 3;
/** The smallest side of the whole code on screen, CSS px. */
const MIN_CODE_PX = 240;

/** One SVG path of every dark module (a few thousand squares as one element). */
function modulesPath(modules: readonly (readonly boolean[])[]): string {
  const parts: string[] = [];
  modules.forEach((row, y) => row.forEach((dark, x) => { if (dark) parts.push(`M${x} ${y}h1v1h-1z`); }));
  return parts.join('');
}

/**
 * The share dialog: a modal dialog with the link to this view as selectable text, a copy button and the link's
 * QR code (or, for a link too long for a code a phone can read, a note saying so). It renders the store's share
 * slice: open while `share.open` is true. Escape or the close button closes it and says so.
 *
 * @fires plan-share-copy - the copy button was pressed
 * @fires plan-share-close - the close button was pressed, or the dialog closed (Escape, or because the slice closed)
 */
@customElement('plan-share-dialog')
export class PlanShareDialog extends LitElement {
  @consume({ context: storeContext, subscribe: true })
  @property({ attribute: false })
  store: Store<PlanState> | undefined;

  private readonly view = new StoreController(this, () => this.store, pick<PlanState, 'lang' | 'share'>('lang', 'share'), shallowEqual);
  @query('dialog') private dialog!: HTMLDialogElement;
  @query('textarea') private text!: HTMLTextAreaElement;

  static override styles = css`
    dialog { border: 0; border-radius: 8px; padding: 0; width: min(30rem, calc(100vw - 2rem)); max-height: calc(100vh - 2rem);
      box-shadow: 0 4px 24px rgba(0, 0, 0, 0.35); color: #1f2933;
      font-family: 'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', system-ui, sans-serif; }
    dialog::backdrop { background: rgba(12, 30, 45, 0.45); }
    header { display: flex; align-items: center; gap: 0.5rem; padding: 0.6rem 0.9rem; background: #14324a; color: #fff; }
    h2 { margin: 0; font-size: 1rem; flex: 1; }
    .body { padding: 0.6rem 0.9rem 0.9rem; display: grid; gap: 0.5rem; font-size: 0.9rem; }
    p { margin: 0; }
    label { font-weight: 600; }
    textarea { font: inherit; font-family: ui-monospace, 'Cascadia Mono', Menlo, monospace; font-size: 0.8rem; width: 100%; box-sizing: border-box;
      resize: vertical; border: var(--plan-border-width, 1px) solid #8a96a3; border-radius: 4px; padding: 0.3rem; word-break: break-all; color: #1f2933; background: #fbfaf7; }
    button { font: inherit; border-radius: 4px; padding: 0.3rem 0.8rem; cursor: pointer; }
    header button { border: var(--plan-border-width, 1px) solid #fff; background: #14324a; color: #fff; }
    .copy { justify-self: start; border: 0; background: #14324a; color: #fff; }
    button:focus-visible, textarea:focus-visible { outline: var(--plan-focus-width, 3px) solid #ffb000; outline-offset: 2px; }
    figure { margin: 0; display: grid; justify-items: center; gap: 0.3rem; }
    svg { max-width: 100%; height: auto; image-rendering: pixelated; }
    figcaption { color: #3e4c59; font-size: 0.85rem; }
    .note { color: #3e4c59; }
    .too-long { background: #fff4e5; border-left: 4px solid #b45309; padding: 0.4rem 0.6rem; }
  `;

  private get language() {
    return this.view.value?.lang ?? 'zh';
  }

  private get link(): string {
    return this.view.value?.share.link ?? '';
  }

  private get qr() {
    return this.view.value?.share.qr ?? null;
  }

  /** Opens the modal dialog (focus moves to the copy button) when the slice opens, closes it when the slice closes. */
  protected override updated(): void {
    const open = this.view.value?.share.open ?? false;
    if (open && !this.dialog.open) this.dialog.showModal();
    else if (!open && this.dialog.open) this.dialog.close();
  }

  /** Selects the whole link (for copying by hand when the clipboard cannot be written). */
  selectLink(): void {
    this.text.focus();
    this.text.select();
  }

  get isOpen(): boolean {
    return Boolean(this.dialog?.open);
  }

  private renderQr() {
    const qr = this.qr;
    if (!qr) return null;
    if (!qr.ok) return html`<p class="too-long" data-testid="share-too-long">${translate(this.language, 'share.tooLong', { length: qr.length })}</p>`;
    const size = qr.modules.length;
    const px = Math.max(size * MODULE_PX, MIN_CODE_PX);
    return html`<figure>
      <svg role="img" aria-label=${translate(this.language, 'share.qrLabel')} data-testid="share-qr" data-version=${qr.version}
        data-error-correction=${qr.errorCorrection} viewBox="0 0 ${size} ${size}" width=${px} height=${px} shape-rendering="crispEdges">
        <rect width=${size} height=${size} fill="#fff"></rect><path d=${modulesPath(qr.modules)} fill="#000"></path></svg>
      <figcaption>${translate(this.language, 'share.qrHint')}</figcaption>
    </figure>`;
  }

  override render() {
    const t = (key: Parameters<typeof translate>[1]) => translate(this.language, key);
    return html`
      <dialog aria-labelledby="share-title" aria-describedby="share-intro" @close=${() => emit(this, 'plan-share-close', null)}>
        <header><h2 id="share-title">${t('share.title')}</h2>
          <button type="button" data-action="close" @click=${() => emit(this, 'plan-share-close', null)}>${t('share.close')}</button></header>
        <div class="body">
          <p id="share-intro">${t('share.intro')}</p>
          <label for="share-link">${t('share.link')}</label>
          <textarea id="share-link" data-testid="share-link" readonly rows="4" spellcheck="false" .value=${this.link}
            @focus=${() => this.text.select()}></textarea>
          <button type="button" class="copy" data-action="copy" autofocus @click=${() => emit(this, 'plan-share-copy', null)}>${t('share.copy')}</button>
          ${this.link.startsWith('file:') ? html`<p class="note" data-testid="share-local">${t('share.localFile')}</p>` : null}
          ${this.renderQr()}
        </div>
      </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'plan-share-dialog': PlanShareDialog;
  }
}
